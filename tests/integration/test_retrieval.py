"""Hybrid retrieval over the shipped corpus: papers, not chunks, and filters that hold."""

import datetime as dt

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


@pytest.mark.parametrize(
    "f",
    [
        Filters(date_from=dt.date(2025, 1, 1)),
        Filters(org="Amazon"),
        Filters(min_upvotes=2, date_to=dt.date(2026, 12, 31)),
    ],
)
def test_matrix_filter_agrees_with_chroma_where(offline, f):
    index = offline.index
    vector = index.embed_model.get_query_embedding("training large language models efficiently")
    columns, _, matrix_rows = index.columns()
    mask = columns.chunk_mask(columns.admitted(f), matrix_rows)
    exact = [cid for cid, _ in index.matrix.top(vector, 15, mask)]
    chroma = [cid for cid, _ in index.vectors.query(vector, 15, f)]
    assert exact and exact == chroma
