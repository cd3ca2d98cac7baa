"""Published snapshots: what readers on other machines answer from, written by the index's one writer.

A snapshot is one published generation under PAPERQA_SNAPSHOT (a local or shared folder, or any fsspec URL whose
filesystem is installed): a folder `g<generation>-<index>` with the catalog readers need and the names of the
generation's parts, and the parts themselves (BM25 and the exact vector copy of some chunks) in `parts/`, each
uploaded once and shared by every snapshot that names it, so a publish sends the new parts and the catalog, not
the whole index. `LATEST.json` is written last: a reader that reads it finds a whole snapshot. Readers copy it
into their own home (parts they have are not fetched again) and answer from the copy, so the writer may prune
old snapshots at any time. The vectors stay on the Chroma server (or the writer's machine); readers never
query Chroma (see `view`).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import fsspec

from ..errors import IndexMismatchError, IndexStateError, PaperQAError
from . import derived, faults
from .catalog import Catalog

LATEST = "LATEST.json"
LAYOUT = 2
NAMES = "parts.json"  # in a snapshot's folder: the parts it is made of
DONE = "DONE"  # in a part's folder on the share, written after its files: the part is whole
KEEP = 3  # snapshots kept on the share: a reader that read LATEST.json just before a publish still finds its own


class SnapshotError(PaperQAError):
    """The snapshot folder could not be read or written (a share or object store that is down: retry)."""

    retryable = True


@dataclass(frozen=True)
class Manifest:
    """What `LATEST.json` says: which snapshot is newest, and of which index."""

    name: str
    generation: int
    index_id: str
    embedding: str
    papers: int
    published: float
    layout: int = 1  # 1: each snapshot held its derived stores whole; 2: parts shared under `parts/`


class SnapshotFolder:
    """The snapshots of one index under a folder or URL: the writer publishes, readers fetch."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.fs, self.root = fsspec.core.url_to_fs(url)
        except (ImportError, ValueError) as exc:  # a protocol whose filesystem package is not installed
            raise SnapshotError(f"snapshot folder {url}: {exc}") from None

    def latest(self) -> Manifest | None:
        """The newest published snapshot (None before the first)."""
        try:
            with self.fs.open(f"{self.root}/{LATEST}", "rb") as fh:
                data: dict[str, Any] = json.loads(fh.read())
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise SnapshotError(f"snapshot folder {self.url}: cannot read {LATEST} ({exc})") from None
        try:
            return Manifest(**data)
        except TypeError:
            raise IndexStateError(f"snapshot folder {self.url}: {LATEST} is not a paperqa snapshot manifest") from None

    def publish(self, catalog: Catalog, derived_root: Path, generation: int, index_id: str, embedding: str) -> bool:
        """Publish generation `generation` unless it is the latest already; False when nothing was to do."""
        latest = self.latest()
        if latest is not None and latest.index_id != index_id:
            raise IndexStateError(
                f"snapshot folder {self.url} holds snapshots of another index ({latest.index_id[:8]}); "
                "give this index a folder of its own"
            )
        if latest is not None and latest.generation == generation and latest.layout == LAYOUT:
            return False
        name = f"g{generation:08d}-{index_id[:8]}"
        staging = derived_root.parent / f"snapshot.tmp{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        try:
            staging.mkdir(parents=True)
            papers = catalog.export(staging / "catalog.sqlite3")
            parts = derived.part_names(derived_root, generation)
            (staging / NAMES).write_text(json.dumps(parts))
            for part in parts:
                self._put_part(derived_root / derived.PARTS / part, part)
            target = f"{self.root}/{name}"
            if self.fs.exists(target):  # left by a writer killed before it named its snapshot
                self.fs.rm(target, recursive=True)
            self.fs.put(str(staging), target, recursive=True)
            faults.crash_point("snapshot.put")
            self._write_latest(Manifest(name, generation, index_id, embedding, papers, time.time(), LAYOUT))
        except OSError as exc:
            raise SnapshotError(f"snapshot folder {self.url}: cannot publish ({exc})") from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        self._prune(keep=name)
        return True

    def _put_part(self, local: Path, part: str) -> None:
        """Upload a part unless the share has it whole (a part never changes once named)."""
        target = f"{self.root}/{derived.PARTS}/{part}"
        if self.fs.exists(f"{target}/{DONE}"):
            return
        if self.fs.exists(target):  # begun by a writer that was killed
            self.fs.rm(target, recursive=True)
        self.fs.makedirs(f"{self.root}/{derived.PARTS}", exist_ok=True)
        self.fs.put(str(local), target, recursive=True)
        self.fs.pipe(f"{target}/{DONE}", b"")

    def _write_latest(self, manifest: Manifest) -> None:
        """Name the new snapshot in one step (a rename on a filesystem, a single object put elsewhere)."""
        data = json.dumps(asdict(manifest)).encode()
        if self.fs.protocol in ("file", "local") or "file" in self.fs.protocol:
            tmp = f"{self.root}/{LATEST}.tmp{os.getpid()}"
            with self.fs.open(tmp, "wb") as fh:
                fh.write(data)
            os.replace(tmp, f"{self.root}/{LATEST}")
        else:
            self.fs.pipe(f"{self.root}/{LATEST}", data)

    def _prune(self, keep: str) -> None:
        """Remove all but the newest KEEP snapshots, and the parts none of them names (best effort: a failure
        leaves something old behind)."""
        try:
            names = sorted(Path(p).name for p in self.fs.ls(self.root, detail=False) if Path(p).name.startswith("g"))
            kept = names[-KEEP:] if keep in names[-KEEP:] else [*names[-KEEP + 1 :], keep]
            for name in names:
                if name not in kept:
                    self.fs.rm(f"{self.root}/{name}", recursive=True)
            used: set[str] = set()
            for name in kept:
                if self.fs.exists(f"{self.root}/{name}/{NAMES}"):
                    used |= set(json.loads(self.fs.cat(f"{self.root}/{name}/{NAMES}")))
            if self.fs.exists(f"{self.root}/{derived.PARTS}"):
                for path in self.fs.ls(f"{self.root}/{derived.PARTS}", detail=False):
                    if Path(path).name not in used:
                        self.fs.rm(path, recursive=True)
        except (OSError, ValueError):
            pass

    def fetch(self, manifest: Manifest, cache: Path, embedding: str) -> tuple[Catalog, Path]:
        """Copy a snapshot into a reader's own folder (parts it has are kept); its catalog, and the folder to
        load its derived stores from (`derived.load(folder, manifest.generation)`)."""
        if manifest.embedding != embedding:
            raise IndexMismatchError(
                f"snapshot folder {self.url} holds an index built with embedding {manifest.embedding!r}, "
                f"not {embedding!r}; use the same embedding"
            )
        local = cache / manifest.name
        self._get(manifest.name, local)
        if manifest.layout < 2:  # a snapshot with its derived stores inside
            self._forget(cache, {manifest.name})
            return Catalog(local / "catalog.sqlite3"), local / "derived"
        parts = self._part_names(local)
        for part in parts:
            self._get(f"{derived.PARTS}/{part}", cache / derived.PARTS / part)
        generation = derived.folder_of(cache, manifest.generation)
        generation.mkdir(exist_ok=True)
        (generation / NAMES).write_text(json.dumps(parts))
        self._forget(cache, {manifest.name, generation.name}, set(parts))
        return Catalog(local / "catalog.sqlite3"), cache

    def _part_names(self, local: Path) -> list[str]:
        """The parts a fetched snapshot names; a damaged list is one line, and the copy is dropped so that a
        mended share is fetched again."""
        try:
            parts = json.loads((local / NAMES).read_text())
            named = isinstance(parts, list) and all(isinstance(p, str) and p for p in parts)
            if named and not any("/" in p or "\\" in p or p.startswith(".") for p in parts):  # nothing outside parts/
                return [str(p) for p in parts]
            problem = "not a list of part names"
        except (OSError, ValueError) as exc:
            problem = str(exc)
        shutil.rmtree(local, ignore_errors=True)
        raise SnapshotError(f"snapshot folder {self.url}: {local.name}/{NAMES} is unreadable ({problem})")

    def _get(self, path: str, local: Path) -> None:
        """Copy one folder of the share into `local`, whole or not at all (once: an existing copy is kept)."""
        if local.exists():
            return
        tmp = local.with_name(f"{local.name}.tmp{os.getpid()}")
        shutil.rmtree(tmp, ignore_errors=True)
        local.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.fs.get(f"{self.root}/{path}", str(tmp), recursive=True)
        except OSError as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            raise SnapshotError(f"snapshot folder {self.url}: cannot fetch {path} ({exc})") from None
        try:
            tmp.rename(local)
        except OSError:  # another reader sharing this home fetched it first
            shutil.rmtree(tmp, ignore_errors=True)

    @staticmethod
    def _forget(cache: Path, folders: set[str], parts: set[str] | None = None) -> None:
        """Remove earlier copies (this process has loaded them or will not need them): other snapshot and
        generation folders, and the parts the current snapshot does not name."""
        for old in cache.iterdir():
            if old.name.startswith("g") and old.name not in folders and not _copying(old):
                shutil.rmtree(old, ignore_errors=True)
        if parts is not None and (cache / derived.PARTS).exists():
            for part in (cache / derived.PARTS).iterdir():
                if part.name not in parts and not _copying(part):
                    shutil.rmtree(part, ignore_errors=True)


def _copying(folder: Path) -> bool:
    """Whether a folder is a copy a live process is still fetching (`<name>.tmp<pid>`, see `_get`): the workers
    of one batch share a home and fetch at once, and removing one's copy under it failed its question."""
    _, tmp, pid = folder.name.rpartition(".tmp")
    if not tmp or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False  # left by a fetch that died: free to go
    except PermissionError:
        return True  # alive, another user's
    return True
