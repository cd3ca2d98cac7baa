"""Filters as numpy masks over paper metadata columns, and a matrix copy of the chunk vectors for exact search."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from .types import Filters, Paper, date_key, paper_of


class PaperColumns:
    """Paper metadata as arrays, so a filter over 100k papers is a few vector comparisons."""

    def __init__(self, papers: dict[str, Paper]) -> None:
        self.row = {pid: i for i, pid in enumerate(papers)}
        values = list(papers.values())
        self.date = np.array([date_key(p.date) for p in values], dtype=np.int64)
        self.upvotes = np.array([p.upvotes or 0 for p in values], dtype=np.int64)
        self.org = np.array([(p.org or "").casefold() for p in values], dtype=object)

    def admitted(self, f: Filters) -> np.ndarray:
        """Boolean per paper: passes every filter that is set (the same rules as `Filters.admits`)."""
        ok = np.ones(len(self.date), dtype=bool)
        if f.date_from:
            ok &= self.date >= date_key(f.date_from)
        if f.date_to:
            ok &= (self.date <= date_key(f.date_to)) & (self.date > 0)
        if f.org:
            ok &= self.org == f.org.casefold()
        if f.min_upvotes:
            ok &= self.upvotes >= f.min_upvotes
        if f.paper_ids is not None:
            chosen = np.zeros(len(ok), dtype=bool)
            chosen[[self.row[p] for p in f.paper_ids if p in self.row]] = True
            ok &= chosen
        return ok

    def rows_of(self, chunk_ids: list[str]) -> np.ndarray:
        """The paper row of every chunk id (`paper:position`); -1 for a chunk of an unknown paper."""
        return np.array([self.row.get(paper_of(cid), -1) for cid in chunk_ids], dtype=np.int64)

    def chunk_mask(self, admitted: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Per-chunk mask from a per-paper one."""
        padded = np.append(admitted, False)  # row -1 picks this False
        return padded[rows]


class VectorMatrix:
    """The chunk embeddings as one unit-row float32 matrix beside Chroma (exact search under filters)."""

    def __init__(self, ids: list[str], matrix: np.ndarray) -> None:
        self.ids, self.matrix = ids, matrix

    @classmethod
    def empty(cls, dim: int = 0) -> VectorMatrix:
        """A matrix with no rows."""
        return cls([], np.zeros((0, dim), dtype=np.float32))

    @classmethod
    def load(cls, folder: Path) -> VectorMatrix | None:
        """Read a saved matrix (memory-mapped), or None when there is none."""
        if not (folder / "vectors.npy").exists():
            return None
        ids = json.loads((folder / "vectors.json").read_text())
        return cls(ids, np.load(folder / "vectors.npy", mmap_mode="r"))

    def updated(self, drop_papers: set[str], ids: list[str], vectors: np.ndarray) -> VectorMatrix:
        """A new matrix without the dropped papers' rows and with the new rows appended."""
        keep = [i for i, cid in enumerate(self.ids) if paper_of(cid) not in drop_papers]
        old = np.asarray(self.matrix[keep], dtype=np.float32)
        kept = [self.ids[i] for i in keep]
        if not ids:
            return VectorMatrix(kept, old)
        new = np.asarray(vectors, dtype=np.float32).reshape(len(ids), -1)
        return VectorMatrix(kept + list(ids), np.vstack([old, new]) if len(old) else new)

    def save(self, folder: Path) -> None:
        """Write the matrix and its ids (each file replaced whole)."""
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / "vectors.npy.tmp", "wb") as fh:
            np.save(fh, self.matrix)
        (folder / "vectors.json.tmp").write_text(json.dumps(self.ids))
        (folder / "vectors.npy.tmp").replace(folder / "vectors.npy")
        (folder / "vectors.json.tmp").replace(folder / "vectors.json")

    def top(self, vector: list[float], k: int, mask: np.ndarray) -> list[tuple[str, float]]:
        """The k most similar admitted rows as (chunk id, cosine), best first."""
        if not mask.any():
            return []
        scores = np.where(mask, self.matrix @ np.asarray(vector, dtype=np.float32), -np.inf)
        k = min(k, int(mask.sum()))
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best])]
        return [(self.ids[i], float(scores[i])) for i in best]
