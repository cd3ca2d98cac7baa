"""Inverted lists: a large part's dense search reads the nearest lists, scores exactly, and plans by the filter."""

import numpy as np
import pytest

from paperqa.index import derived, exact, lists, parts
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


def test_a_head_scan_then_exact_scores_finds_what_reading_the_lists_whole_finds(small_lists, monkeypatch, tmp_path):
    monkeypatch.setattr(derived, "PART_MIN", 3000)
    vectors = clustered_vectors(6000, seed=13)
    ids = [f"p{i}:h:0" for i in range(6000)]
    texts = ["x"] * 6000
    whole = Derived.empty().updated(set(), ids, texts, vectors)  # parts of 3000 rows, no head (24 <= HEAD)
    assert all(p.exact.head is None for p in whole.parts)
    monkeypatch.setattr(exact, "HEAD", 12)
    headed = Derived.empty().updated(set(), ids, texts, vectors)
    for p in headed.parts:  # the head is each row's first 12 dimensions as a unit vector, in the part's row order
        assert p.exact.head is not None and p.exact.head.shape == (3000, 12)
        prefix = p.exact.matrix[:, :12]
        assert np.allclose(p.exact.head, prefix / np.linalg.norm(prefix, axis=1, keepdims=True), atol=1e-6)
    monkeypatch.setattr(parts, "RESCORE_MIN", 0)
    monkeypatch.setattr(parts, "RESCORE", 5)  # 50 of the ~960 rows read are scored whole
    row_of = {cid: i for i, cid in enumerate(ids)}
    half = np.array([int(cid[1:].split(":")[0]) % 2 == 0 for cid in headed.exact.ids])
    overlap = []
    for i in range(0, 6000, 151):
        for mask in (None, half):
            want, got = whole.exact.top(vectors[i], 10, mask), headed.exact.top(vectors[i], 10, mask)
            assert len(got) == 10 and all(
                score == pytest.approx(float(vectors[row_of[c]] @ vectors[i]), abs=1e-5) for c, score in got
            )  # scores are exact cosines, not head scores
            overlap.append(len({c for c, _ in got} & {c for c, _ in want}) / 10)
            if mask is not None:
                assert all(half[headed.exact.ids.index(c)] for c, _ in got)
    assert np.mean(overlap) >= 0.9, np.mean(overlap)
    monkeypatch.setattr(parts, "RESCORE", 10_000)  # every row read is scored whole: the same as without a head
    for i in range(0, 6000, 401):
        assert [c for c, _ in headed.exact.top(vectors[i], 10)] == [c for c, _ in whole.exact.top(vectors[i], 10)]
    few = np.array([int(cid[1:].split(":")[0]) % 97 == 0 for cid in headed.exact.ids])  # scored alone, exactly
    admitted = np.array([i % 97 == 0 for i in range(6000)])
    assert [c for c, _ in headed.exact.top(vectors[5], 10, few)] == exact_top(ids, vectors, vectors[5], 10, admitted)
    # Dropping rows keeps the head row for row with the matrix; it is stored and memory-mapped back.
    smaller = headed.updated({ids[i] for i in range(0, 6000, 4)}, [], [], np.zeros((0, 24), np.float32))
    loaded = derived.load(tmp_path, (derived.save(tmp_path, 1, smaller), 1)[1])
    for p in loaded.parts:
        assert p.exact.head is not None and len(p.exact.head) == len(p.exact.ids) == 2250
        assert np.allclose(p.exact.head, exact.head_of(np.asarray(p.exact.matrix)), atol=1e-6)
    assert loaded.exact.problem() is None
    short = loaded.parts[0]
    broken = Part(short.bm25, ExactCopy(short.exact.ids, short.exact.matrix, short.exact.lists, short.exact.head[:-1]))
    assert "head has 2249 rows for 2250 ids" in (Dense((broken,)).problem() or "")
