"""The `paperqa` command as a user runs it: ingest, ask, batch, and one-line errors."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
PAPERQA = [str(Path(sys.executable).with_name("paperqa"))]


def run(args, home, **kw):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PAPERQA_", "OPENAI_"))}
    env["PAPERQA_HOME"] = str(home)
    return subprocess.run(PAPERQA + args, capture_output=True, text=True, env=env, timeout=300, **kw)


def test_ask_builds_the_index_then_answers_with_references(tmp_path):
    r = run(["ask", "Which papers make LLMs forget a target entity, and how?"], tmp_path / "home")
    assert r.returncode == 0, r.stderr
    assert "building it from the default corpus" in r.stderr and "409 papers in all" in r.stderr
    assert "[1]" in r.stdout and "References:" in r.stdout
    assert "Sparse-Autoencoder-Guided Internal Representation Unlearning" in r.stdout


def test_ask_json_and_filters(shipped_home):
    r = run(["ask", "mixture of experts", "--json", "--from", "2025", "--to", "2026-12-31"], shipped_home)
    assert r.returncode == 0, r.stderr
    record = json.loads(r.stdout)
    assert {"id", "question", "answer", "answerable", "citations", "sources"} <= record.keys()
    assert record["sources"] and record["citations"]
    assert all(c["date"] >= "2025" for c in record["citations"])


def test_batch_txt_and_jsonl(shipped_home, tmp_path):
    txt = tmp_path / "q.txt"
    txt.write_text("What is Matryoshka representation learning?\n\nWho won the 2022 FIFA World Cup final?\n")
    out = tmp_path / "out" / "answers.jsonl"
    r = run(["batch", str(txt), "--out", str(out)], shipped_home)
    assert r.returncode == 0, r.stderr
    lines = [json.loads(ln) for ln in out.read_text().splitlines()]
    assert [ln["id"] for ln in lines] == ["q1", "q3"]
    assert lines[0]["answerable"] is True and lines[1]["answerable"] is False
    for line in lines:
        assert len(line["sources"]) >= 10
        assert set(line["citations"][0]) >= {"n", "paper_id", "title", "date", "snippet"} if line["citations"] else True
    jsonl = tmp_path / "q.jsonl"
    jsonl.write_text('{"id": "a", "question": "Which papers study learned sparse retrieval?", "kind": "topic"}\n')
    r = run(["batch", str(jsonl), "--out", str(out), "--fresh"], shipped_home)
    assert r.returncode == 0 and json.loads(out.read_text())["id"] == "a"


def test_errors_are_one_line_and_exit_non_zero(shipped_home, tmp_path):
    bad = tmp_path / "q.jsonl"
    bad.write_text('{"id": "a", "question": "ok?"}\n{"id": "b"\n')
    r = run(["batch", str(bad), "--out", str(tmp_path / "o.jsonl")], shipped_home)
    assert r.returncode == 1
    assert r.stderr.strip() == f"paperqa: error: {bad}:2: invalid JSON (Expecting ',' delimiter)"
    r = run(["ingest", "--strict", str(tmp_path / "missing.csv")], shipped_home)
    assert r.returncode == 1 and r.stderr.strip().endswith("missing.csv: no such file or folder")
    assert "Traceback" not in r.stderr


def test_ingest_reports_problems_and_keeps_going(tmp_path):
    good = tmp_path / "c.jsonl"
    good.write_text(
        '{"title": "A", "abstract": "An abstract long enough to stand as one, about graphs."}\n{"title": "B"}\n'
    )
    r = run(["ingest", str(good)], tmp_path / "home")
    assert r.returncode == 0
    assert f"warning: {good}:2: field 'abstract' is missing or empty for 'B'; record skipped" in r.stderr
    assert "1 added" in r.stderr
