"""Chat rendering: abstract text escaped, citations linked, exports readable."""

import datetime as dt

from paperqa import Answer, Citation, Claim, Paper, Source, Turn
from paperqa.tidy import tidy
from paperqa.ui.app import auth_pairs, filters_from
from paperqa.ui.render import answer_markdown, conversation_markdown, source_cards, sources_panel

PAPER = Paper(
    id="p1",
    title="A <b>bold</b> title",
    abstract="First <script>x()</script> sentence. Second one.",
    date=dt.date(2025, 1, 2),
    org="Lab",
    upvotes=3,
    url="javascript:alert(1)",
)
ANSWER = Answer(
    question="q",
    text="Claim with <i>markup</i> [1].",
    sources=(Source(PAPER, 0.5, 1),),
    citations=(Citation(1, "p1", PAPER.title, PAPER.date, "Lab", "Second one."),),
    answerable=True,
    backend="offline",
)


def test_answer_markdown_escapes_and_links():
    md = answer_markdown(ANSWER, turn=3)
    assert "<i>" not in md and "&lt;i&gt;markup&lt;/i&gt;" in md
    assert '<a class="pqa-cite" href="#pqa-src-3-1">[1]</a>' in md


def test_bare_addresses_in_answers_and_exports_are_escaped_out_of_links():
    said = "Code at https://evil.example/x, www.evil.example and me@evil.example [1]."
    for md in (answer_markdown(ANSWER, turn=0, text=said), conversation_markdown([Turn(said, ANSWER)])):
        assert "https\\://evil" in md and "www\\.evil" in md and "me\\@evil" in md


def test_cards_escape_and_highlight():
    html = source_cards(ANSWER, turn=0)
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>" not in html
    assert "<mark>Second one.</mark>" in html
    assert "javascript:" not in html  # only http(s) links are shown
    assert 'id="pqa-src-0-1"' in html and "score 0.5000" in html and "3 upvotes" in html


def test_a_paper_listed_by_date_shows_no_search_score():
    listed = Answer(question="What are the latest papers?", text="- A title: x [1].", citations=(),
                    sources=(Source(PAPER, 0.0, 1),), answerable=True, backend="offline")  # fmt: skip
    assert "score" not in source_cards(listed, turn=0) and "2025-01-02" in source_cards(listed, turn=0)


def test_export_lists_references():
    md = conversation_markdown([Turn("What?", ANSWER)])
    assert "## 1. What?" in md and "- \\[1\\] A &lt;b&gt;bold&lt;/b&gt; title (2025-01-02, Lab)" in md


def test_filters_and_auth():
    f = filters_from("2024-02", "2024", "Lab", 2)
    assert (f.date_from, f.date_to, f.org, f.min_upvotes) == (dt.date(2024, 2, 1), dt.date(2024, 12, 31), "Lab", 2)
    assert auth_pairs("a:b,c:d") == [("a", "b"), ("c", "d")] and auth_pairs(None) is None


def test_notes_doubtful_claims_and_every_quote_are_shown():
    paper = Paper(id="p2", title="T", abstract="We gain 5\\% on {\\epsilon}-tests. Nothing here. Also 3x faster.")
    cite = Citation(1, "p2", "T", None, "", "We gain 5\\% on {\\epsilon}-tests.",
                    quotes=("We gain 5\\% on {\\epsilon}-tests.", "Also 3x faster."), support="partial")  # fmt: skip
    answer = Answer(
        question="q",
        text="It gains 5% [1]. It is <b>9x</b> faster [1].",
        sources=(Source(paper, 0.5, 1),),
        citations=(cite,),
        answerable=True,
        backend="openai",
        claims=(Claim("It gains 5% [1].", (1,), "full"), Claim("It is <b>9x</b> faster [1].", (1,), "none")),
        notes=("The date range left out 2 papers with no known date.",),
    )
    md = answer_markdown(answer, turn=0)
    assert "*Note: The date range left out 2 papers with no known date.*" in md
    assert "⚠ *not supported by the abstract it cites:* “It is &lt;b&gt;9x&lt;/b&gt; faster.”" in md
    assert "gains 5%" in md and md.count("⚠") == 1
    cards = source_cards(answer, turn=0)
    assert "<mark>We gain 5% on ε-tests.</mark> Nothing here. <mark>Also 3x faster.</mark>" in cards
    export = conversation_markdown([Turn("q", answer)])
    assert "*Note: The date range left out 2 papers with no known date.*" in export


def test_tidy_shows_tex_as_a_reader_would():
    assert tidy("``unknown'' entities gain 5\\% with {\\epsilon}--greedy") == "“unknown” entities gain 5% with ε–greedy"


def test_only_a_searched_and_refused_question_is_headed_not_covered():
    refused = Answer(question="q", text="The corpus does not cover this question.", sources=ANSWER.sources,
                     citations=(), answerable=False, backend="offline")  # fmt: skip
    said = Answer(question="q", text="The last answer has no fifth paper: it cited 1.", sources=(), citations=(),
                  answerable=False, backend="offline")  # fmt: skip
    assert answer_markdown(refused, turn=0).startswith("**Not covered by the corpus.**")
    assert answer_markdown(said, turn=1).startswith("The last answer has no fifth paper")
    history = [Turn("q", refused), Turn("And the fifth paper?", said)]
    assert "*Not covered by the corpus.* The last answer" not in conversation_markdown(history)


def test_the_sources_panel_counts_one_paper_in_the_singular():
    assert "Sources of the latest answer (1 paper)</h4>" in sources_panel([Turn("q", ANSWER)])
