"""Inverted lists: a large part's dense search reads the nearest lists, scores exactly, and plans by the filter."""

import numpy as np
import pytest

from paperqa.index import derived, lists
from paperqa.index.bm25 import BM25
from paperqa.index.derived import Derived
from paperqa.index.exact import ExactCopy
from paperqa.index.parts import Dense, Part


def clustered_vectors(n, dim=24, topics=40, seed=5):
    """Unit vectors around a few topics, as embeddings of abstracts on some subjects are."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(topics, dim))
    rows = centres[rng.integers(0, topics, n)] + 0.35 * rng.normal(size=(n, dim))
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


@pytest.fixture
def small_lists(monkeypatch):
    monkeypatch.setattr(lists, "CLUSTER_MIN", 1000)
    monkeypatch.setattr(lists, "ROWS_PER_LIST", 32)


def dense_of(ids, vectors):
    return Dense((Part(BM25.build(ids, ["x"] * len(ids)), ExactCopy.grouped(ids, vectors)),))


def exact_top(ids, vectors, q, k, admitted=None):
    scores = vectors @ q
    if admitted is not None:
        scores = np.where(admitted, scores, -np.inf)
    return [ids[i] for i in np.argsort(-scores, kind="stable")[:k] if np.isfinite(scores[i])]


def test_a_large_part_is_grouped_and_finds_what_exact_search_finds(small_lists):
    vectors = clustered_vectors(4000)
    ids = [f"p{i}:h:0" for i in range(4000)]
    dense = dense_of(ids, vectors)
    copy = dense.parts[0].exact
    assert copy.lists is not None and copy.lists.count == 4000 // 32 and sorted(copy.ids) == sorted(ids)
    assert copy.lists.offsets[-1] == 4000 and np.all(np.diff(copy.lists.offsets) >= 0)
    row_of = {cid: i for i, cid in enumerate(ids)}
    recalls = []
    for i in range(0, 4000, 97):
        q = vectors[i]
        got = dense.top(q, 10)
        assert got[0][0] == ids[i]  # a row is always in its own nearest list
        for cid, score in got:  # every score is the exact cosine
            assert score == pytest.approx(float(vectors[row_of[cid]] @ q), abs=1e-5)
        recalls.append(len({c for c, _ in got} & set(exact_top(ids, vectors, q, 10))) / 10)
    assert np.mean(recalls) >= 0.9, np.mean(recalls)
    small = Dense((Part(BM25.build(ids[:500], ["x"] * 500), ExactCopy.grouped(ids[:500], vectors[:500])),))
    assert small.parts[0].exact.lists is None  # below CLUSTER_MIN a part is searched whole


def test_the_plan_follows_the_filter(small_lists):
    vectors = clustered_vectors(4000, seed=8)
    ids = [f"p{i}:h:0" for i in range(4000)]
    dense = dense_of(ids, vectors)
    order = {cid: i for i, cid in enumerate(dense.ids)}
    rng = np.random.default_rng(2)
    for share in (0.002, 0.01, 0.5):
        admitted_ids = {cid for cid in ids if rng.random() < share}
        mask = np.array([cid in admitted_ids for cid in dense.ids])
        admitted = np.array([cid in admitted_ids for cid in ids])
        for i in (3, 1500, 3999):
            got = [cid for cid, _ in dense.top(vectors[i], 10, mask)]
            assert set(got) <= admitted_ids and len(got) == min(10, len(admitted_ids))
            if share <= 0.01:  # few admitted rows: all of them scored, the result is the exact one
                assert got == exact_top(ids, vectors, vectors[i], 10, admitted)
    assert dense.top(vectors[0], 10, np.zeros(len(order), dtype=bool)) == []


def test_lists_survive_updates_and_storage(small_lists, monkeypatch, tmp_path):
    monkeypatch.setattr(derived, "PART_MIN", 3000)
    vectors = clustered_vectors(3000, seed=11)
    ids = [f"p{i}:h:0" for i in range(3000)]
    texts = [f"word{i % 50} other{i % 7}" for i in range(3000)]
    built = Derived.empty().updated(set(), ids, texts, vectors)
    assert built.parts[0].exact.lists is not None
    gone = {ids[i] for i in range(0, 3000, 3)}
    smaller = built.updated(gone, [], [], np.zeros((0, 24), np.float32))
    part = smaller.parts[0]
    assert part.exact.lists is not None and part.exact.lists.offsets[-1] == len(part.exact.ids) == 2000
    assert not gone & set(part.exact.ids) and sorted(part.exact.ids) == sorted(part.bm25.ids)
    assert smaller.exact.problem() is None
    stored = derived.save(tmp_path, 1, smaller)
    loaded = derived.load(tmp_path, 1)
    assert loaded.parts[0].exact.lists is not None
    assert np.array_equal(loaded.parts[0].exact.lists.offsets, part.exact.lists.offsets)
    for i in (1, 2, 1001, 2999):
        assert loaded.exact.top(vectors[i], 1)[0][0] == ids[i] == stored.exact.top(vectors[i], 1)[0][0]
    assert np.allclose(loaded.exact.vectors([ids[1], ids[2999]]), vectors[[1, 2999]])
