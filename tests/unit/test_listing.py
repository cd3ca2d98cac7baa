"""The shipped listing pages parse into the expected entries, papers and metadata."""

import datetime as dt

import pytest

from paperqa.corpus import read_corpus, read_file, shipped_corpus
from paperqa.types import paper_id_for


@pytest.fixture(scope="module")
def corpus():
    return read_corpus(shipped_corpus())


def by_title(corpus, title):
    return next(p for p in corpus.papers if p.title == title)


def test_counts_are_exact(corpus):
    assert len(shipped_corpus()) == 5
    assert corpus.entries == 436
    assert len(corpus.papers) == 409
    assert corpus.problems == ()


def test_both_layouts_are_read():
    counts = {p.name[:3]: len(read_file(p).records) for p in shipped_corpus()}
    assert counts == {"000": 28, "001": 46, "002": 244, "003": 43, "004": 75}


def test_author_count_and_dated_entry(corpus):
    p = by_title(corpus, "Sparse-Autoencoder-Guided Internal Representation Unlearning for Large Language Models")
    assert (p.authors, p.org, p.date, p.upvotes) == (6, None, dt.date(2025, 9, 18), None)
    assert p.abstract.startswith("As large language models (LLMs) are increasingly deployed")
    assert p.abstract.endswith("without significant damage to the non-target knowledge.")


def test_organisation_upvotes_and_inferred_year(corpus):
    p = by_title(corpus, "Expert Upcycling: Shifting the Compute-Efficient Frontier of Mixture-of-Experts")
    # "Apr 20" carries no year: the page shows years only for earlier years (latest shown: 2025).
    assert (p.org, p.authors, p.date, p.upvotes) == ("Amazon", None, dt.date(2026, 4, 20), 4)
    q = by_title(corpus, "Pay-Per-Search Models are Abstention Models")
    assert (q.org, q.date, q.upvotes) == ("Cornell University", dt.date(2025, 10, 1), 2)


def test_layout_without_metadata(corpus):
    p = by_title(corpus, "Matryoshka Representation Learning")
    assert (p.date, p.authors, p.org, p.upvotes) == (None, None, None, None)
    assert p.sources[0].startswith("002_")


def test_first_title_glued_to_subscribe_button(corpus):
    assert by_title(corpus, "Mispronunciation detection using self-supervised speech representations")
    assert not [p for p in corpus.papers if p.title.startswith("Subscribe")]


def test_same_paper_in_several_files_is_one_paper_with_all_sources(corpus):
    p = by_title(corpus, "Improved Active Multi-Task Representation Learning via Lasso")
    assert p.id == paper_id_for("Improved active multi-task representation learning via LASSO")
    assert [s.split(":")[0][:3] for s in p.sources] == ["000", "001", "003"]
    assert (p.authors, p.date) == (4, dt.date(2023, 6, 4))


def test_year_override():
    corpus = read_corpus(shipped_corpus(), listing_year=2030)
    p = by_title(corpus, "Expert Upcycling: Shifting the Compute-Efficient Frontier of Mixture-of-Experts")
    assert p.date == dt.date(2030, 4, 20)
    assert by_title(corpus, "Pay-Per-Search Models are Abstention Models").date == dt.date(2025, 10, 1)
