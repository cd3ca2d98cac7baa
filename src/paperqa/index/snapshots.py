"""Published snapshots: what readers on other machines answer from, written by the index's one writer.

A snapshot is one published generation's catalog and derived stores (BM25, the exact vector copy) in a folder
of its own under PAPERQA_SNAPSHOT (a local or shared folder, or any fsspec URL whose filesystem is installed),
named by `LATEST.json`, which is written last: a reader that reads `LATEST.json` finds a whole snapshot. Readers
copy it into their own home and answer from the copy, so the writer may prune old snapshots at any time. The
vectors stay on the Chroma server (or the writer's machine); readers never query Chroma (see `view`).
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
        if latest is not None and latest.generation == generation:
            return False
        name = f"g{generation:08d}-{index_id[:8]}"
        staging = derived_root.parent / f"snapshot.tmp{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        try:
            (staging / "derived").mkdir(parents=True)
            papers = catalog.export(staging / "catalog.sqlite3")
            if generation:
                to = staging / "derived"
                shutil.copytree(derived.folder_of(derived_root, generation), derived.folder_of(to, generation))
                for part in derived.part_names(derived_root, generation):
                    shutil.copytree(derived_root / derived.PARTS / part, to / derived.PARTS / part)
            self.fs.makedirs(self.root, exist_ok=True)
            target = f"{self.root}/{name}"
            if self.fs.exists(target):  # left by a writer killed before it named its snapshot
                self.fs.rm(target, recursive=True)
            self.fs.put(str(staging), target, recursive=True)
            faults.crash_point("snapshot.put")
            manifest = Manifest(name, generation, index_id, embedding, papers, time.time())
            self._write_latest(manifest)
        except OSError as exc:
            raise SnapshotError(f"snapshot folder {self.url}: cannot publish ({exc})") from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        self._prune(keep=name)
        return True

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
        """Remove all but the newest KEEP snapshots (best effort: a failure leaves an old one behind)."""
        try:
            names = sorted(Path(p).name for p in self.fs.ls(self.root, detail=False) if Path(p).name.startswith("g"))
            for name in names[:-KEEP]:
                if name != keep:
                    self.fs.rm(f"{self.root}/{name}", recursive=True)
        except OSError:
            pass

    def fetch(self, manifest: Manifest, cache: Path, embedding: str) -> tuple[Catalog, Path]:
        """Copy a snapshot into a reader's own folder (once); its catalog and derived folder to load from."""
        if manifest.embedding != embedding:
            raise IndexMismatchError(
                f"snapshot folder {self.url} holds an index built with embedding {manifest.embedding!r}, "
                f"not {embedding!r}; use the same embedding"
            )
        local = cache / manifest.name
        if not local.exists():
            tmp = cache / f"{manifest.name}.tmp{os.getpid()}"
            shutil.rmtree(tmp, ignore_errors=True)
            cache.mkdir(parents=True, exist_ok=True)
            try:
                self.fs.get(f"{self.root}/{manifest.name}", str(tmp), recursive=True)
            except OSError as exc:
                shutil.rmtree(tmp, ignore_errors=True)
                raise SnapshotError(f"snapshot folder {self.url}: cannot fetch {manifest.name} ({exc})") from None
            try:
                tmp.rename(local)
            except OSError:  # another reader sharing this home fetched it first
                shutil.rmtree(tmp, ignore_errors=True)
        for old in cache.iterdir():  # earlier copies: this process has loaded them or will not need them
            if old.name != manifest.name and old.name.startswith("g"):
                shutil.rmtree(old, ignore_errors=True)
        return Catalog(local / "catalog.sqlite3"), local / "derived"
