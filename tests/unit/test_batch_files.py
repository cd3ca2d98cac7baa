"""Batch question files in, answer files out, and a journal that survives a torn line."""

import json

import pytest

from paperqa.batch import Journal, journal_for, read_questions, render
from paperqa.errors import InputFileError


def test_question_formats(tmp_path):
    (tmp_path / "q.txt").write_text("first?\n\nsecond?\n")
    (tmp_path / "q.csv").write_text('id,question,extra\na,"Is it, really?",x\n,Second?,y\n')
    (tmp_path / "q.jsonl").write_text('{"id": "x", "question": "One?", "kind": "topic"}\n')
    assert [(q.id, q.question) for q in read_questions(tmp_path / "q.txt")] == [("q1", "first?"), ("q3", "second?")]
    assert [(q.id, q.question) for q in read_questions(tmp_path / "q.csv")] == [
        ("a", "Is it, really?"),
        ("q3", "Second?"),
    ]
    assert [(q.id, q.question) for q in read_questions(tmp_path / "q.jsonl")] == [("x", "One?")]


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("q.csv", "title\nx\n", "q.csv:1: CSV header must name a 'question' column"),
        ("q.csv", 'question\n""\n', "q.csv:2: field 'question' is empty"),
        (
            "q.jsonl",
            '{"id": "a", "question": "x"}\n{"id": "a", "question": "y"}\n',
            "q.jsonl: id 'a' appears more than once",
        ),
        ("q.jsonl", '{"id": "a"}\n', "q.jsonl:1: field 'question' is missing or empty"),
        ("q.pdf", "x", "q.pdf: unknown question format (expected .txt, .csv or .jsonl)"),
    ],
)
def test_bad_question_files(tmp_path, name, text, message):
    (tmp_path / name).write_text(text)
    with pytest.raises(InputFileError) as info:
        read_questions(tmp_path / name)
    assert str(info.value) == f"{tmp_path}/{message}"


def test_journal_cuts_a_torn_line_and_drops_failures(tmp_path):
    j = Journal(tmp_path / "a.jsonl")
    j.append({"id": "1", "question": "q", "answer": "a"})
    j.append({"id": "2", "question": "q", "answer": None, "error": "llm: timed out"})
    with open(j.path, "ab") as fh:
        fh.write(b'{"id": "3", "question": "q", "ans')  # killed mid-line
    assert list(j.load()) == ["1"]
    assert [json.loads(ln)["id"] for ln in j.path.read_text().splitlines()] == ["1"]


def test_outputs_by_extension(tmp_path):
    record = {
        "id": "a",
        "question": "Q?",
        "answer": "A [1].",
        "answerable": True,
        "citations": [{"n": 1, "title": "T", "date": "2025-01-01", "org": "Lab"}],
        "sources": [{"title": "T"}],
    }
    failed = {
        "id": "b",
        "question": "R?",
        "answer": None,
        "answerable": None,
        "citations": [],
        "sources": [],
        "error": "boom",
    }
    for ext in (".csv", ".md"):
        out = tmp_path / f"out{ext}"
        assert journal_for(out).path.name == f"out{ext}.journal.jsonl"
        render(out, [record, failed])
    assert 'a,Q?,A [1].,True,True,"[1] T (2025-01-01, Lab)",T,' in (tmp_path / "out.csv").read_text()
    md = (tmp_path / "out.md").read_text()
    assert "## a: Q?" in md and "- \\[1\\] T (2025-01-01, Lab)" in md and "**Failed:** boom" in md
    assert journal_for(tmp_path / "x.jsonl").path == tmp_path / "x.jsonl"
    with pytest.raises(InputFileError, match="unknown output format"):
        journal_for(tmp_path / "x.xlsx")
