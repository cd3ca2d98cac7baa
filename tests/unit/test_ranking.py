"""Top-k selection: exactly the k best rows, best first, ties by row, for short and long arrays alike."""

import numpy as np
import pytest

from paperqa.index.ranking import top_k


@pytest.mark.parametrize("seed", range(6))
def test_top_k_is_a_full_sort_cut_short(seed):
    rng = np.random.default_rng(seed)
    for n in (1, 7, 500, 5_000, 200_000):
        scores = rng.random(n).astype(np.float32)
        if seed % 2:
            scores = np.round(scores * 4).astype(np.float32)  # many ties at the cut
        if seed % 3 == 0:
            scores[rng.random(n) < 0.9] = 0  # mostly zeros, as BM25 scores are
        if seed == 5:
            scores[: n // 2] = -np.inf  # rows a filter left out
        for k in (1, 10, 60, 1000):
            expected = np.lexsort((np.arange(n), -scores))[: min(k, n)]
            assert np.array_equal(top_k(scores, k), expected), (n, k)
    assert len(top_k(np.zeros(0, np.float32), 5)) == 0 and len(top_k(np.ones(3, np.float32), 0)) == 0
