"""Merging a part's vectors without copying them into one matrix first: the same rows, the same grouping."""

import numpy as np

from paperqa.index.exact import ExactCopy
from paperqa.index.lists import CLUSTER_MIN
from paperqa.index.rows import Stacked


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_stacked_rows_read_as_the_one_matrix_they_stand_for():
    rng = np.random.default_rng(1)
    first, second = rng.standard_normal((50, 4)).astype(np.float32), rng.standard_normal((30, 4)).astype(np.float32)
    keep = rng.random(50) < 0.6
    whole = np.concatenate([first[keep], second])
    rows = Stacked(first, keep, second)
    assert rows.shape == whole.shape and len(rows) == len(whole)
    for index in (
        slice(None),
        slice(5, 40),
        slice(70, 200),
        rng.permutation(len(whole)),
        np.array([len(whole) - 1, 0]),
    ):
        assert np.array_equal(rows[index], whole[index])


def test_a_merged_part_is_the_part_grouped_from_its_rows_copied_together():
    rng = np.random.default_rng(2)
    n, extra = CLUSTER_MIN, 3000  # large enough for inverted lists
    vectors = _unit(rng.standard_normal((n + extra, 8)))
    ids = [f"{i:06d}#0" for i in range(n + extra)]
    part = ExactCopy.grouped(ids[:n], vectors[:n])
    drop = {part.ids.at([5])[0], part.ids.at([n - 1])[0]}
    merged = part.updated(drop, ids[n:], vectors[n:])
    keep = part.ids.keep_mask(drop)
    expected = ExactCopy.grouped(part.ids.take(keep).plus(ids[n:]), np.concatenate([part.matrix[keep], vectors[n:]]))
    assert merged.lists is not None and expected.lists is not None
    assert list(merged.ids) == list(expected.ids) and np.array_equal(merged.matrix, expected.matrix)
    assert np.array_equal(merged.lists.offsets, expected.lists.offsets)
    assert np.array_equal(merged.lists.centroids, expected.lists.centroids)
    assert len(merged.ids) == n + extra - 2
