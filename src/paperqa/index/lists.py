"""Inverted lists over a large part's vectors: spherical k-means centroids, the part's rows grouped by their
nearest centroid, so a dense search scores the lists nearest the question instead of every row.

Only parts of at least `CLUSTER_MIN` rows get lists (the shipped corpus never does: its search stays exact).
The scores of the rows that are read are exact; what a probe can miss is a row in a list it did not read,
which `PROBE` keeps rare (recall against exact search is measured by `bench/scale.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .rows import Stacked

CLUSTER_MIN = 20_000  # rows: below this a part is searched whole (a matrix product of a few ms)
ROWS_PER_LIST = 256
PROBE = 0.16  # share of the rows read for an unfiltered question, in the nearest lists (recall: bench/scale.py)
RESCORE = 25  # rows scored whole per row wanted, of those best on a part's head (see `exact`), and at least:
RESCORE_MIN = 1500  # (a retrieval's depth of 60 x 25: 0.996 of its top 10 kept at 1M, bench/scale.py)
GATHER = 3.0  # scoring scattered rows costs about this many times as much per row as a list's contiguous rows
_SAMPLE = 20_000  # rows the centroids are fitted on
_ITERATIONS = 8
_BLOCK = 8192  # rows assigned at a time (bounded memory)


@dataclass(frozen=True)
class Lists:
    """Centroids and, per row of the part, the list it belongs to; rows of one list are contiguous."""

    centroids: np.ndarray  # (lists, dim), unit rows
    offsets: np.ndarray  # (lists + 1,): list j holds rows offsets[j]:offsets[j + 1]

    @property
    def count(self) -> int:
        return len(self.centroids)

    def spans(self, lists: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The row ranges (starts, ends) these lists hold, neighbouring lists merged into one range."""
        chosen = np.sort(lists)
        starts, ends = self.offsets[chosen], self.offsets[chosen + 1]
        joined = np.flatnonzero(starts[1:] != ends[:-1]) + 1  # where a new range begins
        return starts[np.r_[0, joined]], ends[np.r_[joined - 1, len(chosen) - 1]]

    def without(self, keep: np.ndarray) -> Lists:
        """The lists once the rows not in `keep` (a boolean per row) are dropped; centroids unchanged."""
        list_of_row = np.repeat(np.arange(self.count), np.diff(self.offsets))
        sizes = np.bincount(list_of_row[keep], minlength=self.count)
        return Lists(self.centroids, np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64))


def rows_of(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Every row number of some ranges, in order."""
    lengths = ends - starts
    rows: np.ndarray = np.arange(int(lengths.sum())) + np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return rows


def cluster(matrix: np.ndarray | Stacked, seed: int = 0) -> tuple[Lists, np.ndarray] | None:
    """Lists for a part's rows and the order that groups the rows by list, or None for a small part."""
    n = len(matrix)
    if n < CLUSTER_MIN:
        return None
    rng = np.random.default_rng(seed)
    count = max(1, n // ROWS_PER_LIST)
    sample = np.asarray(matrix[np.sort(rng.choice(n, min(_SAMPLE, n), replace=False))], dtype=np.float32)
    centroids = sample[rng.choice(len(sample), count, replace=False)].copy()
    for _ in range(_ITERATIONS):
        nearest = np.argmax(sample @ centroids.T, axis=1)
        grouped = np.argsort(nearest, kind="stable")
        sizes = np.bincount(nearest, minlength=count)
        filled = np.flatnonzero(sizes)
        sums = centroids.copy()  # an empty list keeps its centroid
        sums[filled] = np.add.reduceat(sample[grouped], np.cumsum(sizes)[filled] - sizes[filled])
        centroids = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
    centroids = centroids[_chain(centroids)]  # near lists side by side: a question's lists form few ranges
    assign = np.concatenate([np.argmax(matrix[s : s + _BLOCK] @ centroids.T, axis=1) for s in range(0, n, _BLOCK)])
    order = np.argsort(assign, kind="stable")
    offsets = np.concatenate([[0], np.cumsum(np.bincount(assign, minlength=count))]).astype(np.int64)
    return Lists(centroids.astype(np.float32), offsets), order


def _chain(centroids: np.ndarray) -> np.ndarray:
    """An order of the centroids in which each is followed by its nearest one not yet placed."""
    similar = centroids @ centroids.T
    order, placed = [0], np.zeros(len(centroids), dtype=bool)
    placed[0] = True
    for _ in range(len(centroids) - 1):
        row = np.where(placed, -np.inf, similar[order[-1]])
        order.append(int(np.argmax(row)))
        placed[order[-1]] = True
    return np.asarray(order)
