"""Citations to anything not retrieved are removed, in whole texts and in streams."""

import csv
import io

from paperqa.answer.citations import GROUP, StreamFilter, cited_numbers, clean, inert
from paperqa.batch.files import _csv
from paperqa.types import Citation


def test_clean_keeps_valid_and_drops_invalid():
    removed = []
    text = clean("A [1]. B [7]. C [1, 3]. D [2-4].", valid=3, removed=removed)
    assert text == "A [1]. B. C [1][3]. D [2][3]."
    assert removed == ["7", "4"]
    assert cited_numbers(text) == [1, 3, 2]


def test_prose_brackets_stay_and_malformed_markers_go():
    removed = []
    text = clean("an interval [a, b], a ghost [-1], a half [1.5], a wide 【2】 and ［1］.", valid=2, removed=removed)
    assert text == "an interval [a, b], a ghost, a half, a wide [2] and [1]."
    assert removed == ["-1", "1.5"]


def test_corpus_brackets_quoted_inert_never_cite():
    quoted = inert("Prior work [3] and 【2】 improved it.")
    assert cited_numbers(clean(f"{quoted} [1]", valid=3)) == [1]
    assert quoted.replace("\u2060", "") == "Prior work [3] and [2] improved it."


def test_stream_filter_never_shows_an_invalid_citation():
    full = "Claim [1]. Wrong [12]. Pair [2, 9]. Bracket [not a citation at all here]. End [3]"
    for size in (1, 2, 5, 100):
        f = StreamFilter(valid=2)
        shown = [f.feed(full[i : i + size]) for i in range(0, len(full), size)] + [f.flush()]
        assert "".join(shown) == "Claim [1]. Wrong. Pair [2]. Bracket [not a citation at all here]. End"
        assert all("[12]" not in s and "[9]" not in s for s in shown)


def test_a_title_s_bracketed_number_in_a_reference_line_is_no_citation():
    # the terminal's "References:", a CSV's citations column and Markdown exports all write this line
    line = Citation(1, "p", "Evil [3] Zebrafish", None, "", "").reference()
    assert line.startswith("[1] ") and GROUP.findall(line) == ["1"], line


def test_a_csv_s_sources_column_writes_a_title_s_bracketed_number_inert():
    # the citations column was inert; the sources column had written "Evil [3] Zebrafish" raw (found from /tmp)
    record = {"id": "1", "question": "q", "answer": "a [1].", "answerable": True, "citations": [],
              "sources": [{"paper_id": "p", "title": "Evil [3] Zebrafish", "score": 0.5}]}  # fmt: skip
    row = next(csv.DictReader(io.StringIO(_csv([record]))))
    assert "Zebrafish" in row["sources"] and not GROUP.findall(row["sources"]), row["sources"]
