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


@pytest.mark.parametrize(
    ("f", "passes"),
    [
        (Filters(date_from="2025"), lambda p: p.date is not None and p.date >= dt.date(2025, 1, 1)),
        (Filters(org="Amazon"), lambda p: (p.org or "").casefold() == "amazon"),
        (Filters(min_upvotes=2, date_to="2026"),
         lambda p: (p.upvotes or 0) >= 2 and p.date is not None and p.date <= dt.date(2026, 12, 31)),
        (Filters(date_from="2024-06", date_to="2025-06", min_upvotes=1),
         lambda p: (p.upvotes or 0) >= 1 and p.date is not None
         and dt.date(2024, 6, 1) <= p.date <= dt.date(2025, 6, 30)),
    ],
)  # fmt: skip
def test_exact_filtered_search_agrees_with_scoring_every_admitted_chunk(offline, f, passes):
    vector = offline.index.embed_model.get_query_embedding("training large language models efficiently")
    with offline.index.reading() as view:
        exact = view.dense(vector, 15, f)
    # The oracle: the test's own reading of the filter on the papers' records, and every chunk of the papers it
    # admits scored in full, with the vectors Chroma holds (another store than the exact copy searched).
    papers = [p.id for p in offline.index.catalog.papers() if passes(p)]
    admitted = offline.index.chroma.collection.get(
        ids=offline.index.catalog.chunk_ids_of(papers), include=["embeddings"]
    )
    scores = np.asarray(admitted["embeddings"], dtype=np.float32) @ np.asarray(vector, dtype=np.float32)
    by_id = dict(zip(admitted["ids"], scores.tolist(), strict=True))
    assert exact and all(cid in by_id for cid, _ in exact)  # nothing the filter excludes
    best = sorted(by_id.values(), reverse=True)[: len(exact)]
    assert np.allclose([score for _, score in exact], best, atol=1e-5)  # and the best of what it admits
