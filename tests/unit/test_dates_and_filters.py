"""One date reader and one set of filter rules for the CLI, the UI and Python."""

import datetime as dt

import pytest

from paperqa import ArgumentError, Filters, Settings
from paperqa.dates import parse_bound, parse_date, years_asked
from paperqa.filters import org_asked, org_unknown
from paperqa.upvotes import upvotes_asked


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        ("2025-12", dt.date(2025, 12, 1), dt.date(2025, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2025-03-07", dt.date(2025, 3, 7), dt.date(2025, 3, 7)),
    ],
)
def test_a_year_or_month_as_a_bound_covers_all_of_it(text, start, end):
    assert parse_bound(text, "x", end=False) == start and parse_bound(text, "x", end=True) == end


@pytest.mark.parametrize(("text", "message"), [("2024-00", "impossible date"), ("2025-02-30", "impossible date"),
                                              ("soon", "not a date"), ("Mar 5, 2024", "not a date")])  # fmt: skip
def test_bad_bounds_are_one_line(text, message):
    with pytest.raises(ArgumentError, match=f"^to: {message}"):
        parse_bound(text, "to", end=True)


def test_paper_dates_read_both_styles():
    assert parse_date("Mar 5, 2024") == parse_date("2024-03-05") == dt.date(2024, 3, 5)
    assert parse_date("2024-03") == dt.date(2024, 3, 1) and parse_date("2024-03-05T10:00:00Z") == dt.date(2024, 3, 5)
    assert parse_date("Mon, 2 Apr 2007 19:18:42 GMT") == parse_date("2 Apr 2007") == dt.date(2007, 4, 2)  # arXiv


def test_filters_take_text_dates_and_check_every_field():
    f = Filters(date_from="2024-01-01", date_to="2025-12", org=" Lab ", min_upvotes=3.0)
    assert (f.date_from, f.date_to, f.org, f.min_upvotes) == (dt.date(2024, 1, 1), dt.date(2025, 12, 31), "Lab", 3)
    assert [c.op for c in f.conditions()] == ["gte", "lte", "gt", "eq", "gte"]
    assert not Filters().active and Filters(paper_ids={"a"}).active
    for bad, message in (
        ({"date_from": "2026", "date_to": "2025"}, "date range is empty"),
        ({"min_upvotes": -1}, "min_upvotes: -1 is out of range"),
        ({"min_upvotes": 2.5}, "expected a whole number"),
        ({"min_upvotes": float("inf")}, "expected a whole number"),
        ({"org": 7}, "org: expected text"),
        ({"paper_ids": "abc"}, "paper_ids: expected a set"),
        ({"date_from": 20250101}, "date_from: expected a date or text"),
    ):
        with pytest.raises(ArgumentError, match=message):
            Filters(**bad)


@pytest.mark.parametrize("k", [-1, 0, 101, 10000, 2.5, "5", True])
def test_the_number_of_sources_is_checked_in_one_place(k):
    with pytest.raises(ArgumentError, match="number of sources"):
        Settings().sources_count(k)
    assert Settings().sources_count(None) == 10 and Settings().sources_count(30) == 30


def test_a_category_filter_admits_any_listed_category_or_its_archive():
    from paperqa.index.columns import PaperColumns
    from paperqa.types import Paper

    papers = {
        "a": Paper("a", "A", "x", categories=("cs.CL", "cs.AI")),
        "b": Paper("b", "B", "x", categories=("cs.IR",)),
        "c": Paper("c", "C", "x", categories=("hep-th",)),
        "d": Paper("d", "D", "x"),
    }
    columns = PaperColumns.of(papers)

    def admitted(**kw):
        return [pid for pid, ok in zip(papers, columns.admitted(Filters(**kw)), strict=True) if ok]

    assert admitted(categories="cs.cl") == ["a"]  # case folded
    assert admitted(categories=["cs.IR", "hep-th"]) == ["b", "c"]
    assert admitted(categories="cs") == ["a", "b"]  # an archive covers its categories
    assert admitted(categories="math") == []
    assert admitted() == ["a", "b", "c", "d"]
    with pytest.raises(ArgumentError, match=r"categories: 'cs\.CL\.x' is not a category name"):
        Filters(categories="cs.CL.x")


@pytest.mark.parametrize(
    ("question", "first", "last", "rest"),
    [
        ("Which papers on unlearning are from 2024?", dt.date(2024, 1, 1), dt.date(2024, 12, 31),
         "Which papers on unlearning are ?"),
        ("papers on pruning published after 2023", dt.date(2024, 1, 1), None, "papers on pruning"),
        ("pruning papers since 2023", dt.date(2023, 1, 1), None, "pruning papers"),
        ("hashing before 2020?", None, dt.date(2019, 12, 31), "hashing ?"),
        ("sparse retrieval between 2021 and 2019", dt.date(2019, 1, 1), dt.date(2021, 12, 31), "sparse retrieval"),
        ("Which 2024 papers study unlearning?", dt.date(2024, 1, 1), dt.date(2024, 12, 31),
         "Which papers study unlearning?"),
        ("2024 research on unlearning", dt.date(2024, 1, 1), dt.date(2024, 12, 31), "research on unlearning"),
        # a month of a year (it was a word no abstract has: "no paper in it mentions “March”")
        ("papers published in March 2025?", dt.date(2025, 3, 1), dt.date(2025, 3, 31), "papers ?"),
        ("unlearning since Oct 2024", dt.date(2024, 10, 1), None, "unlearning"),
        ("hashing before May, 2025?", None, dt.date(2025, 4, 30), "hashing ?"),
        ("hashing after December 2024", dt.date(2025, 1, 1), None, "hashing"),
    ],
)  # fmt: skip
def test_a_year_after_a_date_word_is_a_date_range(question, first, last, rest):
    asked = years_asked(question)
    assert asked is not None and (asked.date_from, asked.date_to, asked.rest) == (first, last, rest)


@pytest.mark.parametrize(
    "question",
    ["What did SPLADE v2 report on TREC DL 2019?", "Results in SemEval-2018 Task 3?",
     "Which papers won at NeurIPS 2023?", "How many papers in 2019-style benchmarks?",
     "Which models reach 2048 tokens?"],
)  # fmt: skip
def test_a_year_naming_an_event_is_no_date_range(question):
    assert years_asked(question) is None


def test_a_date_range_says_itself_in_words():
    asked = [years_asked(q) for q in ("x from 2024", "x after 2023", "x before 2020", "x from 2019 to 2021")]
    said = [a.said for a in asked if a is not None]
    assert said == ["dated 2024", "dated from 2024 on", "dated up to 2019", "dated 2019 to 2021"]
    months = [years_asked(q) for q in ("x in March 2025", "x since Oct 2024", "x until Feb 2024", "x in Jan 2025")]
    assert [a.said for a in months if a] == [
        "dated March 2025",
        "dated from October 2024 on",
        "dated up to February 2024",
        "dated January 2025",  # it was "dated 2025 to January 2025"
    ]


@pytest.mark.parametrize(
    ("question", "found"),
    [("Which papers from Amazon are about retrieval?", ("Amazon", "Which papers are about retrieval?")),
     ("papers by Google DeepMind on unlearning", ("Google DeepMind", "papers on unlearning")),
     ("work from amazon on retrieval", ("amazon", "work on retrieval")),
     ("Which papers come from Google?", ("Google", "Which papers ?")),  # it had listed a survey naming Gemini
     ("papers that came from Amazon on hashing", ("Amazon", "papers on hashing")),
     ("Which papers use reviews from Amazon?", None),  # a dataset's source, not the papers'
     ("papers from Zeta Labs", None), ("papers from 2024", None)],
)  # fmt: skip
def test_an_organisation_the_index_knows_after_papers_from_is_one_the_question_asks_for(question, found):
    assert org_asked(question, {"amazon", "google", "google deepmind"}.__contains__) == found


@pytest.mark.parametrize(
    ("question", "found"),
    [("What did Google publish on retrieval?", ("Google", "What was published on retrieval?")),
     ("What has Amazon released?", ("Amazon", "What was published?")),
     ("Which papers did Google publish on hashing?", ("Google", "What was published on hashing?")),
     ("What did the authors publish?", None), ("What did they publish on retrieval?", None)],
)  # fmt: skip
def test_an_organisation_said_to_publish_is_one_the_question_asks_for(question, found):
    assert org_asked(question, {"amazon", "google"}.__contains__) == found  # "What did Google …" was refused


@pytest.mark.parametrize(
    ("question", "unknown"),
    [("Which papers were written by Meta?", ("Meta", "Which papers ?")),
     ("What did Meta publish?", ("Meta", "What was published?")),
     ("papers by Google DeepMind on retrieval", ("Google DeepMind", "papers on retrieval")),
     ("papers from Google on retrieval", None), ("papers from the medical domain", None),
     ("Which papers use reviews from Amazon?", None)],
)  # fmt: skip
def test_an_organisation_the_index_does_not_know_is_found_by_its_capitals(question, unknown):
    assert org_unknown(question, lambda key: key == "google") == unknown
    if unknown and " DeepMind" in question:  # a longer name is not the known one it starts with
        assert org_asked(question, lambda key: key == "google") is None


@pytest.mark.parametrize(
    ("question", "first", "last"),
    [("Which papers are from last year?", 2025, 2025), ("papers on unlearning from this year", 2026, 2026),
     ("What was published in the last two years on retrieval?", 2025, 2026),
     ("last year's papers on pruning", 2025, 2025), ("Which papers appeared in the past 3 years?", 2024, 2026),
     ("What is the last year of data?", None, None), ("Which model was trained last year?", None, None),
     # a year ending a question ("… this year?"), and one asked again ("what about 2024?")
     ("What's new in retrieval this year?", 2026, 2026), ("and last year?", 2025, 2025),
     ("what about 2024?", 2024, 2024), ("what about BraTS 2024?", None, None)],
)  # fmt: skip
def test_years_counted_back_from_today_are_a_date_range(question, first, last):
    asked = years_asked(question, today=dt.date(2026, 12, 4))
    assert (asked.date_from.year, asked.date_to.year) == (first, last) if first else asked is None
    if asked:
        assert "year" not in asked.rest


@pytest.mark.parametrize(
    ("question", "least", "rest"),
    [("Which papers have more than 100 upvotes?", 101, "Which papers ?"),
     ("papers on unlearning with at least 50 upvotes", 50, "papers on unlearning"),
     ("Which papers got over 20 upvotes?", 21, "Which papers ?"), ("100+ upvotes papers on retrieval", 100,
     "papers on retrieval"), ("papers upvoted more than 30 times", 31, "papers"),
     ("papers with 10 or more upvotes", 10, "papers"), ("the most upvoted papers", None, None),
     ("papers with 5 upvotes", None, None), ("papers with 99999999999 upvotes", None, None)],
)  # fmt: skip
def test_a_least_number_of_upvotes_asked_in_words_is_a_filter(question, least, rest):
    asked = upvotes_asked(question)
    assert (asked.least, asked.rest) == (least, rest) if least else asked is None


def test_an_upvote_bound_is_said_as_the_count_reads():
    assert upvotes_asked("any with more than 1 upvotes?").said == "with more than 1 upvote"  # not "1 upvotes"
    assert upvotes_asked("papers with at least 2 upvotes").said == "with at least 2 upvotes"
