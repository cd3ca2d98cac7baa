"""The exact copy: every chunk vector in one unit-row float32 matrix beside Chroma, for filtered search.

A Chroma `where` query runs its filter one record at a time and is many times slower at scale; here a filter
is a numpy mask (see `columns`) and the search one matrix product. A large copy keeps its rows grouped in
inverted lists (`lists`), so a search can read the lists nearest the question only (see `parts.Dense`),
and a `head`: each row's first `HEAD` dimensions as a unit vector, which such a search scans first (half the
bytes of a 256-dimension row: the scan is bound by memory bandwidth) before scoring its best rows exactly.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path

import numpy as np

from . import arrays
from .ids import ChunkIds
from .lists import Lists, cluster
from .rows import Stacked

_IDS = "exact-ids.npy"
_HEAD = "exact-head.npy"
HEAD = 128  # dimensions scanned first; WordLlama is trained so a prefix of its vector is a smaller embedding
_BLOCK = 8192  # rows gathered at a time


class ExactCopy:
    """Chunk ids and their vectors, row by row (grouped by list when the copy has lists)."""

    def __init__(
        self, ids: ChunkIds | list[str], matrix: np.ndarray, lists: Lists | None = None, head: np.ndarray | None = None
    ) -> None:
        self.ids, self.matrix, self.lists, self.head = ChunkIds.of(ids), matrix, lists, head

    @classmethod
    def empty(cls) -> ExactCopy:
        """A copy with no rows."""
        return cls([], np.zeros((0, 0), dtype=np.float32))

    @classmethod
    def grouped(cls, ids: ChunkIds | list[str], matrix: np.ndarray | Stacked) -> ExactCopy:
        """A copy of these rows, in inverted lists when there are enough of them."""
        found = cluster(matrix)
        if found is None:
            return cls(ids, np.ascontiguousarray(matrix[:], dtype=np.float32))
        lists, order = found
        grouped = np.empty(matrix.shape, dtype=np.float32)
        for s in range(0, len(order), _BLOCK):  # block by block: no second whole copy on the way
            grouped[s : s + _BLOCK] = matrix[order[s : s + _BLOCK]]
        return cls(ChunkIds.of(ids).take(order), grouped, lists, head_of(grouped))

    def updated(self, drop: Collection[str], ids: list[str], vectors: np.ndarray) -> ExactCopy:
        """A new copy without the rows in `drop` and with new rows (grouped again when rows are added)."""
        keep = self.ids.keep_mask(drop)
        kept = self.ids.take(keep)
        if not ids:
            lists = self.lists.without(keep) if self.lists is not None else None
            head = np.ascontiguousarray(self.head[keep]) if self.head is not None else None
            return ExactCopy(kept, np.compress(keep, self.matrix, axis=0), lists, head)
        new = np.asarray(vectors, dtype=np.float32).reshape(len(ids), -1)
        if not keep.any():
            return ExactCopy.grouped(kept.plus(ids), new)
        # The kept rows and the new ones read where they are, never copied into one matrix before grouping: a
        # large ingest's peak memory is here (one copy fewer of the part's rows).
        return ExactCopy.grouped(kept.plus(ids), Stacked(self.matrix, keep, new))

    def save(self, folder: Path) -> None:
        """Write the copy into a (new) folder."""
        with open(folder / "exact.npy", "wb") as fh:
            np.save(fh, np.ascontiguousarray(self.matrix, dtype=np.float32))
        if self.lists is not None:
            np.save(folder / "lists-centroids.npy", self.lists.centroids)
            np.save(folder / "lists-offsets.npy", self.lists.offsets)
        if self.head is not None:
            with open(folder / _HEAD, "wb") as fh:
                np.save(fh, self.head)
        self.ids.save(folder / _IDS)

    @classmethod
    def load(cls, folder: Path) -> ExactCopy:
        """Read a copy written by `save` (the matrix memory-mapped, so many readers share one page cache)."""
        legacy = folder / "exact.json"  # where parts written before `ChunkIds` kept their ids
        ids = ChunkIds.load(folder / _IDS, json.loads(legacy.read_text()) if legacy.exists() else None)
        lists = None
        if (folder / "lists-offsets.npy").exists():
            lists = Lists(arrays.read(folder / "lists-centroids.npy"), arrays.read(folder / "lists-offsets.npy"))
        head = arrays.mapped(folder / _HEAD) if (folder / _HEAD).exists() else None
        return cls(ids, arrays.mapped(folder / "exact.npy"), lists, head)


def head_of(matrix: np.ndarray) -> np.ndarray | None:
    """The rows' first `HEAD` dimensions as unit rows, or None when the rows are no longer than that."""
    if matrix.ndim != 2 or matrix.shape[1] <= HEAD:
        return None
    head = np.array(matrix[:, :HEAD], dtype=np.float32)
    head /= np.maximum(np.linalg.norm(head, axis=1, keepdims=True), 1e-12)
    return head
