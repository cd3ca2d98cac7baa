"""Bring-your-own corpora (JSONL, CSV) and every kind of bad input: one line naming file and line."""

import datetime as dt
import json

import pytest

from paperqa.corpus import read_corpus
from paperqa.errors import CorpusError

ABSTRACT = "We study a thing in depth and report what we found about it with care and numbers."


def test_jsonl_fields(tmp_path):
    f = tmp_path / "papers.jsonl"
    f.write_text(
        f'{{"id": "x1", "title": "A Paper", "abstract": "{ABSTRACT}", "date": "2024-03-05", "authors": ["A", "B"],'
        ' "org": "Lab", "url": "https://example.org/a", "upvotes": 7}\n'
    )
    [p] = read_corpus([f]).papers
    assert (p.id, p.date, p.authors, p.org, p.url, p.upvotes) == (
        "x1",
        dt.date(2024, 3, 5),
        2,
        "Lab",
        "https://example.org/a",
        7,
    )


def test_csv_fields(tmp_path):
    f = tmp_path / "papers.csv"
    f.write_text(
        f'title,abstract,date,authors\n"Comma, Title","{ABSTRACT}",Mar 5, 2024,3\n'.replace(
            "Mar 5, 2024", '"Mar 5, 2024"'
        )
    )
    [p] = read_corpus([f]).papers
    assert (p.title, p.date, p.authors) == ("Comma, Title", dt.date(2024, 3, 5), 3)


def test_broken_jsonl_line_is_named_and_valid_lines_kept(tmp_path):
    f = tmp_path / "p.jsonl"
    f.write_text(f'{{"title": "Good", "abstract": "{ABSTRACT}"}}\n{{"title": "Broken"\n{{"title": "No abstract"}}\n')
    result = read_corpus([f])
    assert [p.title for p in result.papers] == ["Good"]
    messages = [str(e) for e in result.problems]
    assert messages[0].startswith(f"{f}:2: invalid JSON")
    assert messages[1].startswith(f"{f}:3: field 'abstract' is missing or empty")
    assert all("\n" not in m for m in messages)


def test_invalid_utf8_names_the_line(tmp_path):
    f = tmp_path / "p.jsonl"
    f.write_bytes(
        b'{"title": "Good", "abstract": "' + ABSTRACT.encode() + b'"}\n{"title": "Bad \xff", "abstract": "x"}\n'
    )
    result = read_corpus([f])
    assert len(result.papers) == 1
    assert str(result.problems[0]).startswith(f"{f}:2: invalid UTF-8")


def test_missing_empty_and_unknown_files(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("  \n")
    odd = tmp_path / "notes.txt"
    odd.write_text("just some notes\n")
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"title": "Good", "abstract": ABSTRACT}) + "\n")
    with pytest.raises(CorpusError, match=r"nope.jsonl: no such file or folder$"):
        read_corpus([good, tmp_path / "nope.jsonl"])
    result = read_corpus([empty, odd, good])
    assert [str(e) for e in result.problems] == [
        f"{empty}: file is empty",
        f"{odd}: unknown format (expected a daily-papers listing .txt, .jsonl or .csv)",
    ]
    with pytest.raises(CorpusError, match=r"empty.jsonl: nothing was read \(file is empty\)$"):
        read_corpus([empty])
    with pytest.raises(CorpusError, match=r"^2 files: nothing was read \(.*file is empty\)$"):
        read_corpus([empty, odd])
    # one bad line and nothing else: the line is named ("nothing was read" had named the file alone)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"title": "ok" "abstract": "x"}\n')
    with pytest.raises(CorpusError, match=r"broken.jsonl:1: nothing was read \(invalid JSON"):
        read_corpus([broken])


def test_bad_date_is_a_field_error(tmp_path):
    f = tmp_path / "p.csv"
    f.write_text(f"title,abstract,date\nT,{ABSTRACT.replace(',', '')},yesterday\nU,{ABSTRACT.replace(',', '')},\n")
    result = read_corpus([f])
    assert [p.title for p in result.papers] == ["U"]
    hint = "(use YYYY, YYYY-MM or YYYY-MM-DD)"
    assert str(result.problems[0]) == f"{f}:2: field 'date': cannot read 'yesterday' {hint}; record skipped"


def test_listing_entry_without_abstract(tmp_path):
    f = tmp_path / "listing.txt"
    f.write_text(f"Daily Papers\n\nMay 8\n\nOrphan Title\n\nGood Title\n\n{ABSTRACT}\n")
    result = read_corpus([f])
    assert [p.title for p in result.papers] == ["Good Title"]
    assert str(result.problems[0]) == f"{f}:5: entry 'Orphan Title' has no abstract; skipped"


def test_arxiv_metadata_snapshot_is_read_as_it_is(tmp_path):
    record = {
        "id": "0704.0001", "authors": "C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan",
        "title": "Calculation of prompt diphoton\n  production", "categories": "hep-ph",
        "abstract": f"  {ABSTRACT}\n", "update_date": "2008-11-13",
        "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}],
    }  # fmt: skip
    f = tmp_path / "arxiv-metadata-oai-snapshot.json"  # JSON Lines, named .json
    f.write_text(json.dumps(record) + "\n" + json.dumps({**record, "id": "cs/0112017", "versions": []}) + "\n")
    first, second = read_corpus([f]).papers
    assert (first.title, first.abstract, first.authors) == ("Calculation of prompt diphoton production", ABSTRACT, 4)
    assert first.date == dt.date(2007, 4, 2) and first.url == "https://arxiv.org/abs/0704.0001"
    assert second.date == dt.date(2008, 11, 13) and second.url == "https://arxiv.org/abs/cs/0112017"
    assert first.categories == ("hep-ph",)


def test_categories_are_read_from_text_or_a_list_and_checked(tmp_path):
    rows = [
        {"title": "Listed as text", "abstract": ABSTRACT, "categories": "cs.CL cs.AI"},
        {"title": "Listed as a list", "abstract": ABSTRACT, "categories": ["math.AG", "hep-th"]},
        {"title": "Bad category", "abstract": ABSTRACT, "categories": "cs.CL <b>"},
    ]
    f = tmp_path / "c.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = read_corpus([f])
    assert [p.categories for p in result.papers] == [("cs.CL", "cs.AI"), ("math.AG", "hep-th")]
    assert str(result.problems[0]) == (
        f"{f}:3: field 'categories': '<b>' is not a category name such as 'cs.CL' or 'cs'; record skipped"
    )


def test_a_json_file_that_is_not_one_object_a_line_is_one_line(tmp_path):
    f = tmp_path / "papers.json"
    f.write_text('[{"title": "x"}]')
    with pytest.raises(CorpusError, match=r"papers\.json: nothing was read"):
        read_corpus([f])
