"""Rows of two matrices read as one, for grouping a part's kept and new vectors without first copying them
into one matrix (an ingest's peak memory is where a part is merged)."""

from __future__ import annotations

import numpy as np


class Stacked:
    """The rows of `first` that `keep` admits followed by the rows of `second`, read as one matrix (rows by
    slice or index array) without being copied into one."""

    def __init__(self, first: np.ndarray, keep: np.ndarray, second: np.ndarray) -> None:
        self.first, self.second, self.where = first, second, np.flatnonzero(keep)
        self.shape = (len(self.where) + len(second), second.shape[1])

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, index: slice | np.ndarray) -> np.ndarray:
        rows = np.arange(*index.indices(len(self))) if isinstance(index, slice) else np.asarray(index)
        out = np.empty((len(rows), self.shape[1]), dtype=np.float32)
        old = rows < len(self.where)
        out[old] = self.first[self.where[rows[old]]]
        out[~old] = self.second[rows[~old] - len(self.where)]
        return out
