"""The derived stores in parts search exactly as one store, and an update writes only what changed."""

import math
from collections import Counter

import numpy as np

from paperqa.index import derived
from paperqa.index.bm25 import BM25
from paperqa.index.derived import Derived
from paperqa.text import terms

WORDS = "graph protein galaxy volcano neuron language robot vision audio market".split()


def corpus(n):
    """Chunks of equal length (so every part's average length is the corpus's) and their unit vectors."""
    rng = np.random.default_rng(3)
    ids = [f"p{i}:h:0" for i in range(n)]
    texts = [" ".join(WORDS[(i * k) % 10] for k in range(1, 6)) + f" tag{i % 7}" for i in range(n)]
    vectors = rng.normal(size=(n, 8)).astype(np.float32)
    return ids, texts, vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_parts_search_like_one_store(monkeypatch, tmp_path):
    monkeypatch.setattr(derived, "PART_MIN", 10)
    ids, texts, vectors = corpus(35)
    parts = Derived.empty()
    for start in (0, 12, 30):  # three updates: 12, 18, 5 chunks -> parts of 12, 10+8 split, ...
        end = {0: 12, 12: 30, 30: 35}[start]
        parts = parts.updated(set(), ids[start:end], texts[start:end], vectors[start:end])
    assert len(parts.parts) > 2 and parts.bm25.ids == ids
    one = BM25.build(ids, texts)
    for query in ("graph robot", "tag3 volcano", "market market audio"):
        assert np.allclose(parts.bm25.scores(query), one.scores(query), rtol=1e-5)
    assert parts.bm25.term_idf("tag3") == one.term_idf("tag3")
    for word in ("tag3", "graph", "market", "absent"):
        assert parts.bm25.term_counts(word) == one.term_counts(word)
    q = vectors[4] + vectors[20]
    flat = vectors @ q
    assert [cid for cid, _ in parts.exact.top(q, 5)] == [ids[i] for i in np.argsort(-flat)[:5]]
    mask = np.array([i % 2 == 0 for i in range(35)])
    assert all(int(cid[1:].split(":")[0]) % 2 == 0 for cid, _ in parts.exact.top(q, 5, mask))
    # Every part stored once, under the name the generation gives it (names are random within a generation).
    assert sorted(p.name for p in derived.save(tmp_path, 1, parts).parts) == sorted(
        p.name for p in (tmp_path / "parts").iterdir()
    )
    loaded = derived.load(tmp_path, 1)
    assert loaded.bm25.ids == ids and np.allclose(loaded.bm25.scores("graph robot"), one.scores("graph robot"))


def test_an_update_writes_only_new_parts_and_cleanup_keeps_what_is_named(monkeypatch, tmp_path):
    monkeypatch.setattr(derived, "PART_MIN", 10)
    ids, texts, vectors = corpus(30)
    first = derived.save(tmp_path, 1, Derived.empty().updated(set(), ids[:20], texts[:20], vectors[:20]))
    names = [p.name for p in first.parts]
    second = derived.save(tmp_path, 2, first.updated({ids[15]}, ids[20:], texts[20:], vectors[20:]))
    assert second.parts[0].name == names[0]  # untouched: shared, not written again
    assert names[1] not in [p.name for p in second.parts]  # lost a chunk: rewritten
    assert ids[15] not in second.bm25.ids and len(second.exact.ids) == 29
    derived.cleanup(tmp_path, keep={2})
    left = {p.name for p in (tmp_path / derived.PARTS).iterdir()}
    assert left == {p.name for p in second.parts}
    assert derived.load(tmp_path, 2).exact.vectors([ids[25]]).tolist() == [vectors[25].tolist()]


def term_by_term(lexical, query):
    """BM25 scores added one term at a time over all rows, each row's sum in float32 (the definition)."""
    out = np.zeros(len(lexical.ids), dtype=np.float32)
    counts = Counter(terms(query))
    for qtf, hits in zip(counts.values(), lexical._hits(list(counts)), strict=True):
        if df := lexical._df(hits):
            factor = np.float32(1 + math.log(qtf))
            for start, b, i in hits:
                for at in range(b.offsets[i], b.offsets[i + 1]):
                    row = start + int(b.postings[at])
                    out[row] = out[row] + lexical._idf(df) * b.weights[at] * factor
    return out


def test_scores_over_parts_are_bit_for_bit_a_term_by_term_sum(monkeypatch):
    monkeypatch.setattr(derived, "PART_MIN", 10)
    ids, texts, vectors = corpus(35)
    parts = Derived.empty().updated(set(), ids[:12], texts[:12], vectors[:12])
    parts = parts.updated(set(), ids[12:], texts[12:], vectors[12:])
    assert len(parts.parts) > 2
    for query in ("graph robot", "tag3 volcano tag3", "market market audio galaxy neuron"):
        assert np.array_equal(parts.bm25.scores(query), term_by_term(parts.bm25, query))
