"""BM25 updated in place scores exactly as one built from scratch over the same chunks."""

import numpy as np

from paperqa.index.bm25 import BM25

TEXTS = {
    "a:0": "Machine unlearning makes a language model forget a target entity.",
    "a:1": "We evaluate forgetting with probes and question answering.",
    "b:0": "Protein folding with diffusion models and equivariant networks.",
    "c:0": "Galaxy morphology classified by vision transformers.",
    "d:0": "Unlearning for diffusion models removes concepts from image generators.",
}
QUERIES = ["unlearning target entity", "diffusion models", "galaxy", "protein folding", "question answering probes"]


def scores(index: BM25) -> dict[str, dict[str, float]]:
    return {q: {cid: float(s) for cid, s in zip(index.ids, index.scores(q), strict=False) if s} for q in QUERIES}


def test_updated_matches_a_fresh_build():
    first = BM25.build(["a:0", "a:1", "b:0"], [TEXTS["a:0"], TEXTS["a:1"], TEXTS["b:0"]])
    changed = "Protein structure prediction, no folding here."
    # Paper b replaced with new text, c and d added, a unchanged.
    updated = first.updated({"b:0"}, ["b:0", "c:0", "d:0"], [changed, TEXTS["c:0"], TEXTS["d:0"]])
    fresh = BM25.build(
        ["a:0", "a:1", "b:0", "c:0", "d:0"], [TEXTS["a:0"], TEXTS["a:1"], changed, TEXTS["c:0"], TEXTS["d:0"]]
    )
    got, want = scores(updated), scores(fresh)
    assert got.keys() == want.keys()
    for q in QUERIES:
        assert got[q].keys() == want[q].keys(), q
        assert np.allclose([got[q][k] for k in want[q]], list(want[q].values()), rtol=1e-5), q
    assert got["diffusion models"]  # the comparison is not between two empty results


def test_a_term_only_in_dropped_chunks_is_gone():
    first = BM25.build(["a:0", "c:0"], [TEXTS["a:0"], TEXTS["c:0"]])
    assert first.term_idf("galaxi") is not None
    after = first.updated({"c:0"}, [], [])
    assert after.ids == ["a:0"]
    assert after.term_idf("galaxi") is None
    assert not after.top("galaxy", 5)


def test_saved_and_loaded_index_can_be_updated(tmp_path):
    first = BM25.build(["a:0"], [TEXTS["a:0"]])
    first.save(tmp_path)
    loaded = BM25.load(tmp_path)
    assert scores(loaded.updated(set(), ["c:0"], [TEXTS["c:0"]]))["galaxy"].keys() == {"c:0"}


def test_term_counts_are_chunks_holding_a_term_and_its_occurrences():
    index = BM25.build(list(TEXTS), list(TEXTS.values()))
    assert index.term_counts("unlearn") == (2, 2.0)
    assert index.term_counts("diffus") == (2, 2.0) and index.term_counts("model") == (3, 3.0)
    assert index.term_counts("volcano") == (0, 0.0)
    twice = BM25.build(["x:0"], ["speech speech models for speech"])
    assert twice.term_counts("speech") == (1, 3.0)
