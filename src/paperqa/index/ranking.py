"""Top-k selection shared by the lexical and the exact dense search."""

from __future__ import annotations

import numpy as np

_STRIDE = 64  # a long array is first cut at a value taken from every 64th score


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Row numbers of the k highest scores, best first (ties by row), without sorting the whole array."""
    k = min(k, len(scores))
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    rows = _at_least(scores, k)  # ascending
    values = scores[rows]
    kth = np.partition(values, len(values) - k)[len(values) - k]
    above = rows[values > kth]
    best = np.concatenate([above, rows[values == kth][: k - len(above)]])  # ties at the cut: lowest rows
    return best[np.lexsort((best, -scores[best]))]


def _at_least(scores: np.ndarray, k: int) -> np.ndarray:
    """Rows that surely hold the k highest scores: for a long array, those at or above a cut that a sample puts
    a few hundred rows over (a million scores: 0.8 ms instead of 3 to 5 for a partition of all of them)."""
    n = len(scores)
    if n < 32 * _STRIDE or k * 4 > n // _STRIDE:
        return np.arange(n)
    sample = scores[::_STRIDE]
    rank = max(8, 2 * k // _STRIDE + 2)
    cut = np.partition(sample, len(sample) - rank)[len(sample) - rank]
    rows = np.flatnonzero(scores >= cut)
    return rows if len(rows) >= k else np.arange(n)  # every row at or above the cut: k of them hold the top k
