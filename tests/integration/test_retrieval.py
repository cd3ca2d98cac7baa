"""Hybrid retrieval over the shipped corpus: papers, not chunks, and filters that hold."""

import datetime as dt

import numpy as np
import pytest

from paperqa import Filters

pytestmark = pytest.mark.integration


def test_returns_distinct_ranked_papers(offline):
    sources = offline.retrieve("LLM unlearning that removes a target entity from internal activations", k=10)
    ids = [s.paper.id for s in sources]
    assert len(ids) == 10 == len(set(ids))
    assert [s.rank for s in sources] == list(range(1, 11))
    assert sources[0].score >= sources[-1].score
    assert "Unlearning" in sources[0].paper.title or "unlearning" in sources[0].paper.abstract


def test_date_filter(offline):
    f = Filters(date_from=dt.date(2025, 1, 1), date_to=dt.date(2025, 12, 31))
    sources = offline.retrieve("language models", f, k=10)
    assert sources and all(s.paper.date and s.paper.date.year == 2025 for s in sources)


def test_org_and_upvote_filters(offline):
    amazon = offline.retrieve("mixture of experts", Filters(org="amazon"), k=10)
    assert amazon and all(s.paper.org == "Amazon" for s in amazon)
    voted = offline.retrieve("language models", Filters(min_upvotes=2), k=10)
    assert voted and all((s.paper.upvotes or 0) >= 2 for s in voted)


def test_filter_that_admits_nothing(offline):
    assert offline.retrieve("language models", Filters(org="No Such Lab")) == []


_CHROMA_OPS = {"gte": "$gte", "lte": "$lte", "gt": "$gt", "eq": "$eq", "in": "$in"}


def chroma_where(f: Filters) -> dict:
    """The test's own translation of the filter conditions into a Chroma `where`: an independent oracle."""
    clauses = [{c.field: {_CHROMA_OPS[c.op]: sorted(c.value) if c.op == "in" else c.value}} for c in f.conditions()]
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


@pytest.mark.parametrize(
    "f",
    [
        Filters(date_from="2025"),
        Filters(org="Amazon"),
        Filters(min_upvotes=2, date_to="2026"),
        Filters(date_from="2024-06", date_to="2025-06", min_upvotes=1),
    ],
)
def test_exact_filtered_search_agrees_with_chroma_where(offline, f):
    vector = offline.index.embed_model.get_query_embedding("training large language models efficiently")
    with offline.index.reading() as view:
        exact = view.dense(vector, 15, f)
    # The oracle: every chunk Chroma's `where` admits, scored here in full. (Chroma's own filtered `query`
    # searches its approximate graph, built cheaply, so it may miss a row in some builds.)
    admitted = offline.index.chroma.collection.get(where=chroma_where(f), include=["embeddings"])
    scores = np.asarray(admitted["embeddings"], dtype=np.float32) @ np.asarray(vector, dtype=np.float32)
    by_id = dict(zip(admitted["ids"], scores.tolist(), strict=True))
    assert exact and all(cid in by_id for cid, _ in exact)  # nothing the filter excludes
    best = sorted(by_id.values(), reverse=True)[: len(exact)]
    assert np.allclose([score for _, score in exact], best, atol=1e-5)  # and the best of what it admits
