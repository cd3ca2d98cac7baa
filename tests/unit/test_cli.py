"""The command line in-process (click's CliRunner): commands, one-line errors, --debug, check's JSON."""

import json

import pytest
from click.testing import CliRunner

from paperqa.cli import cli


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("PAPERQA_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PAPERQA_EMBEDDING", "hash")
    runner = CliRunner()
    return lambda *args: runner.invoke(cli, list(args), catch_exceptions=True)


def test_every_command_is_there(run):
    result = run("--help")
    assert result.exit_code == 0
    for command in ("ingest", "check", "ask", "batch", "eval", "ui"):
        assert command in result.output


def test_check_json_keys_and_exit_codes(run, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"title": "Graph paper", "abstract": "We study graphs and their networks."}) + "\n")
    assert run("ingest", str(corpus)).exit_code == 0
    result = run("check", "--json")
    report = json.loads(result.stdout)
    assert result.exit_code == 0 and report["consistent"] is True
    assert set(report) >= {"consistent", "papers", "chunks", "problems"}
    assert set(report["chunks"]) == {"catalog", "chroma", "bm25", "exact"} and report["papers"] == 1


def test_errors_are_one_line_and_debug_shows_the_traceback(run, tmp_path):
    result = run("ingest", str(tmp_path / "missing.jsonl"))
    assert result.exit_code == 1 and result.stderr.strip().endswith("missing.jsonl: no such file or folder")
    assert "Traceback" not in result.stderr
    result = run("ingest", str(tmp_path / "missing.jsonl"), "--debug")
    assert result.exit_code == 1 and type(result.exception).__name__ == "CorpusError"


def test_an_unexpected_error_is_one_line_too(run, monkeypatch):
    from paperqa import assistant

    def broken(self, *args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(assistant.Assistant, "check", broken)
    result = run("check")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "paperqa: error: unexpected ZeroDivisionError: a bug (run again with --debug for the traceback)"
    )


def test_bad_options_are_refused_before_any_work(run):
    result = run("batch", "questions.txt", "--out", "answers.jsonl", "-k", "0")
    assert result.exit_code == 1 and "number of sources must be between 1 and 100, got 0" in result.stderr
