"""The derived stores of one published generation (BM25 and the exact copy), in a folder of their own.

A generation's folder is written under a temporary name, synced, renamed, and only then named by the catalog:
a reader loads the generation the catalog publishes and never meets a half-written file.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from . import faults
from .bm25 import BM25
from .exact import ExactCopy

_PREFIX = "g"


@dataclass(frozen=True)
class Derived:
    """BM25 and the exact vector copy as published together."""

    bm25: BM25
    exact: ExactCopy

    @classmethod
    def empty(cls) -> Derived:
        """The derived stores of an index with no chunks."""
        return cls(BM25.empty(), ExactCopy.empty())


def folder_of(root: Path, generation: int) -> Path:
    """Where generation `generation` lives."""
    return root / f"{_PREFIX}{generation:08d}"


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def save(root: Path, generation: int, derived: Derived) -> None:
    """Write a generation's folder whole (temporary name, sync, rename)."""
    final = folder_of(root, generation)
    tmp = final.with_name(f"{final.name}.tmp{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    derived.bm25.save(tmp)
    faults.crash_point("derived.bm25-saved")
    derived.exact.save(tmp)
    for f in tmp.iterdir():
        _sync(f)
    shutil.rmtree(final, ignore_errors=True)  # left by a repair that died before publishing it
    tmp.rename(final)
    _sync(root)


def load(root: Path, generation: int) -> Derived:
    """Read a published generation (generation 0 is the empty index)."""
    if generation == 0:
        return Derived.empty()
    folder = folder_of(root, generation)
    return Derived(BM25.load(folder), ExactCopy.load(folder))


def cleanup(root: Path, keep: set[int]) -> None:
    """Remove folders of other generations and temporary leftovers (readers load the newest in moments)."""
    if not root.exists():
        return
    for child in root.iterdir():
        name = child.name
        published = name.startswith(_PREFIX) and name[1:].isdigit() and int(name[1:]) in keep
        if not published and name.startswith(_PREFIX):
            shutil.rmtree(child, ignore_errors=True)
