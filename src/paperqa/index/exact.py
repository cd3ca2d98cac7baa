"""The exact copy: every chunk vector in one unit-row float32 matrix beside Chroma, for exact filtered search.

A Chroma `where` query runs its filter one record at a time and is many times slower at scale; here a filter
is a numpy mask (see `columns`) and the search one matrix product.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from pathlib import Path

import numpy as np

from .ranking import top_k


class ExactCopy:
    """Chunk ids and their vectors, row by row."""

    def __init__(self, ids: list[str], matrix: np.ndarray) -> None:
        self.ids, self.matrix = ids, matrix

    @classmethod
    def empty(cls) -> ExactCopy:
        """A copy with no rows."""
        return cls([], np.zeros((0, 0), dtype=np.float32))

    def updated(self, drop: Collection[str], ids: list[str], vectors: np.ndarray) -> ExactCopy:
        """A new copy without the rows in `drop` and with new rows appended."""
        keep = [i for i, cid in enumerate(self.ids) if cid not in drop]
        old = np.asarray(self.matrix[keep], dtype=np.float32)
        kept = [self.ids[i] for i in keep]
        if not ids:
            return ExactCopy(kept, old)
        new = np.asarray(vectors, dtype=np.float32).reshape(len(ids), -1)
        return ExactCopy(kept + list(ids), np.vstack([old, new]) if len(old) else new)

    def save(self, folder: Path) -> None:
        """Write the copy into a (new) folder."""
        with open(folder / "exact.npy", "wb") as fh:
            np.save(fh, np.ascontiguousarray(self.matrix, dtype=np.float32))
        (folder / "exact.json").write_text(json.dumps(self.ids))

    @classmethod
    def load(cls, folder: Path) -> ExactCopy:
        """Read a copy written by `save` (the matrix memory-mapped, so many readers share one page cache)."""
        ids = json.loads((folder / "exact.json").read_text())
        return cls(ids, np.load(folder / "exact.npy", mmap_mode="r"))

    def top(self, vector: Sequence[float], k: int, mask: np.ndarray | None = None) -> list[tuple[str, float]]:
        """The k most similar rows (admitted by `mask` when given) as (chunk id, cosine), best first."""
        if not len(self.ids) or (mask is not None and not mask.any()):
            return []
        scores = self.matrix @ np.asarray(vector, dtype=np.float32)
        if mask is not None:
            scores = np.where(mask, scores, -np.inf)
            k = min(k, int(mask.sum()))
        return [(self.ids[i], float(scores[i])) for i in top_k(scores, k)]
