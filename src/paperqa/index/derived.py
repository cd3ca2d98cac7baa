"""The derived stores of one published generation (BM25 and the exact copy), as a list of stored parts.

Parts live in `parts/<name>/`, each written under a temporary name, synced and renamed, and never changed
after; a generation is a folder `g<n>/` naming its parts in `parts.json`, written the same way and only then
named by the catalog: a reader loads the generation the catalog publishes and never meets a half-written file.
An update writes only new parts: the new chunks (merged into the last part while it is small) and the parts
that lose chunks, rewritten without them.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import faults
from .bm25 import BM25
from .exact import ExactCopy
from .parts import Dense, Lexical, Part

_PREFIX = "g"
PARTS = "parts"
PART_MIN = 50_000  # chunks: a smaller last part takes new chunks in, so parts stay few (and each bounded)


@dataclass(frozen=True)
class Derived:
    """BM25 and the exact vector copy as published together, part by part."""

    parts: tuple[Part, ...] = ()

    @classmethod
    def empty(cls) -> Derived:
        """The derived stores of an index with no chunks."""
        return cls(())

    @functools.cached_property
    def bm25(self) -> Lexical:
        """BM25 over every part."""
        return Lexical(self.parts)

    @functools.cached_property
    def exact(self) -> Dense:
        """The exact vectors of every part."""
        return Dense(self.parts)

    def updated(self, drop: Collection[str], ids: list[str], texts: list[str], vectors: np.ndarray) -> Derived:
        """Without the chunks in `drop` (their parts rewritten) and with new chunks in a new or the last part."""
        kept: list[Part] = []
        for p in self.parts:
            gone = [cid for cid in p.ids if cid in drop] if drop else []
            if not gone:
                kept.append(p)
            elif len(gone) < p.rows:
                kept.append(Part(p.bm25.updated(set(gone), [], []), p.exact.updated(set(gone), [], _none(p))))
        vectors = np.asarray(vectors, dtype=np.float32).reshape(len(ids), -1) if ids else vectors
        for start in range(0, len(ids), PART_MIN):
            part_ids, part_texts = ids[start : start + PART_MIN], texts[start : start + PART_MIN]
            rows = vectors[start : start + PART_MIN]
            if kept and kept[-1].rows < PART_MIN:  # few parts: the last small one takes the new chunks in
                last = kept.pop()
                bm25, exact = last.bm25.updated(set(), part_ids, part_texts), last.exact.updated(set(), part_ids, rows)
                kept.append(Part(bm25, exact))
            else:
                kept.append(Part(BM25.build(part_ids, part_texts), ExactCopy.grouped(list(part_ids), rows)))
        return Derived(tuple(kept))


def _none(p: Part) -> np.ndarray:
    return np.zeros((0, p.exact.matrix.shape[1] if p.exact.matrix.ndim == 2 else 0), dtype=np.float32)


def folder_of(root: Path, generation: int) -> Path:
    """Where generation `generation` lives."""
    return root / f"{_PREFIX}{generation:08d}"


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_folder(final: Path, fill: object) -> None:
    """Write a folder whole: temporary name, files synced, renamed."""
    tmp = final.with_name(f"{final.name}.tmp{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    fill(tmp)  # type: ignore[operator]
    for f in tmp.iterdir():
        _sync(f)
    shutil.rmtree(final, ignore_errors=True)  # left by a writer that died before publishing it
    tmp.rename(final)
    _sync(final.parent)


def save(root: Path, generation: int, derived: Derived) -> Derived:
    """Store the parts not stored yet, then the generation naming all of them; the derived stores as stored."""
    (root / PARTS).mkdir(parents=True, exist_ok=True)
    stored: list[Part] = []
    for p in derived.parts:
        if p.name is None:
            name = f"p{generation:08d}-{uuid.uuid4().hex[:8]}"

            def fill(folder: Path, p: Part = p) -> None:
                p.bm25.save(folder)
                faults.crash_point("derived.bm25-saved")
                p.exact.save(folder)

            _write_folder(root / PARTS / name, fill)
            p = _load_part(root, name)  # memory-mapped: a long ingest does not keep every part it wrote in memory
        stored.append(p)
    names = [p.name for p in stored]
    _write_folder(folder_of(root, generation), lambda f: (f / "parts.json").write_text(json.dumps(names)))
    return Derived(tuple(stored))


def part_names(root: Path, generation: int) -> list[str]:
    """The parts a stored generation names (none for generation 0)."""
    if generation == 0:
        return []
    listed: list[str] = json.loads((folder_of(root, generation) / "parts.json").read_text())
    return listed


def load(root: Path, generation: int) -> Derived:
    """Read a published generation (generation 0 is the empty index); vectors and postings memory-mapped."""
    folder = folder_of(root, generation)
    if _one_part(folder, generation):
        return Derived((Part(BM25.load(folder), ExactCopy.load(folder)),))
    return Derived(tuple(_load_part(root, name) for name in part_names(root, generation)))


def files(root: Path, generation: int) -> list[Path]:
    """The stored arrays a published generation reads from (for `pagecache.warm`; none if it is gone)."""
    folder = folder_of(root, generation)
    if _one_part(folder, generation):
        return sorted(folder.glob("*.npy"))
    try:
        names = part_names(root, generation)
    except (OSError, ValueError):
        return []
    return [f for name in names for f in sorted((root / PARTS / name).glob("*.npy"))]


def _one_part(folder: Path, generation: int) -> bool:
    """Whether a generation was written before parts: its folder is its one part."""
    return bool(generation) and not (folder / "parts.json").exists()


def _load_part(root: Path, name: str) -> Part:
    where = root / PARTS / name
    return Part(BM25.load(where), ExactCopy.load(where), name)


def cleanup(root: Path, keep: set[int]) -> None:
    """Remove folders of other generations, parts no kept generation names, and temporary leftovers."""
    if not root.exists():
        return
    used: set[str] = set()
    known = True  # every kept generation's parts are known: only then may unnamed parts go
    for child in root.iterdir():
        name = child.name
        published = name.startswith(_PREFIX) and name[1:].isdigit() and int(name[1:]) in keep
        if published:
            try:
                used |= set(part_names(root, int(name[1:])))
            except (OSError, ValueError):
                known = False
        elif name.startswith(_PREFIX):
            shutil.rmtree(child, ignore_errors=True)
    if known and (root / PARTS).exists():
        for part in (root / PARTS).iterdir():
            if part.name not in used:
                shutil.rmtree(part, ignore_errors=True)
