"""Streaming ingest: segments published one at a time, a SIGKILLed ingest resumes where it stopped, and the
index ends with exactly the file's papers."""

import csv
import json
import subprocess

import pytest

from .indexing import PAPERQA, distinct, env_for, hash_assistant, write_jsonl

pytestmark = pytest.mark.integration


def run(home, corpus, **env):
    extra = {"PAPERQA_INGEST_SEGMENT": "100", "PAPERQA_INGEST_BATCH": "40", **env}
    return subprocess.run([PAPERQA, "ingest", str(corpus)], env=env_for(home, **extra), capture_output=True,
                          text=True, timeout=300)  # fmt: skip


# Segments of 100 papers in batches of 40: the 6th upsert is the last batch of segment 2. Batches are staged by
# the writer's thread once their upserts are done, so 0, 1 or 2 of that segment's earlier batches were staged
# when the upsert thread died; opening the index after the kill publishes those (the repair): 100, 140 or 180.
@pytest.mark.parametrize(
    ("crash", "kept", "resumed_line"), [("ingest.published:3", {300}, 301), ("ingest.upserted:6", {100, 140, 180}, 101)]
)
def test_a_killed_ingest_resumes_after_its_last_segment_and_ends_exact(tmp_path, crash, kept, resumed_line):
    corpus = write_jsonl(tmp_path / "big.jsonl", [distinct(i, "s") for i in range(550)])
    home = tmp_path / "home"
    first = run(home, corpus, PAPERQA_CRASH_AT=crash)
    assert first.returncode == -9
    held = len(hash_assistant(home).index.papers)
    assert held in kept
    again = run(home, corpus)
    assert again.returncode == 0, again.stderr
    assert f"resumed at line {resumed_line} " in again.stderr
    unchanged = held - (resumed_line - 1)  # read again after the resume point, already there
    assert f"{550 - held} added, 0 updated, {unchanged} unchanged, 550 papers in all" in again.stderr
    a = hash_assistant(home)
    report = a.check()
    assert report.consistent and report.papers == 550, report.problems
    assert a.retrieve("s517marker")[0].paper.id == "s517" and a.index.fact(f"resume:{corpus.resolve()}") is None
    third = run(home, corpus)  # complete: nothing resumed, nothing new
    assert "resumed" not in third.stderr and "0 added, 0 updated, 550 unchanged" in third.stderr


def test_a_file_changed_since_the_stop_is_read_from_the_start(tmp_path):
    corpus = write_jsonl(tmp_path / "big.jsonl", [distinct(i, "s") for i in range(250)])
    home = tmp_path / "home"
    assert run(home, corpus, PAPERQA_CRASH_AT="ingest.published:1").returncode == -9
    write_jsonl(corpus, [distinct(i, "s") for i in range(260)])
    again = run(home, corpus)
    assert again.returncode == 0 and "resumed" not in again.stderr
    assert "160 added, 0 updated, 100 unchanged, 260 papers in all" in again.stderr


def test_entries_of_one_paper_in_different_segments_are_merged(tmp_path):
    rows = [distinct(i, "s") for i in range(230)]
    rows.append({**rows[5], "abstract": rows[5]["abstract"] + " A longer version of it.", "date": "2025-02-03"})
    rows.append({**rows[7], "title": "Another title under the same id"})
    corpus = write_jsonl(tmp_path / "dup.jsonl", rows)
    r = run(tmp_path / "home", corpus)
    assert r.returncode == 0, r.stderr
    assert "read 231 entries (230 papers) with 1 problem(s)" in r.stderr
    assert f"{corpus}:232: id 's7' was read before (dup.jsonl line 8) with another title" in r.stderr
    paper = hash_assistant(tmp_path / "home").index.papers["s5"]
    assert paper.abstract.endswith("A longer version of it.") and paper.sources == ("dup.jsonl:6", "dup.jsonl:231")


def test_csv_with_quoted_line_breaks_streams_and_resumes(tmp_path):
    path = tmp_path / "papers.csv"
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "title", "abstract"])
        for i in range(240):
            row = distinct(i, "c")
            w.writerow([row["id"], row["title"], row["abstract"].replace(" in depth ", " in\ndepth ")])
    home = tmp_path / "home"
    assert run(home, path, PAPERQA_CRASH_AT="ingest.published:1").returncode == -9
    again = run(home, path)
    assert again.returncode == 0 and "resumed at line 202 " in again.stderr  # header + 100 rows of two lines
    a = hash_assistant(home)
    assert len(a.index.papers) == 240 and a.index.papers["c150"].abstract.startswith("We study")
    assert "in depth" in a.index.papers["c150"].abstract and a.check().consistent


def test_strict_still_indexes_nothing_when_a_record_is_bad(tmp_path):
    rows = [distinct(i, "s") for i in range(150)] + [{"title": "No abstract"}]
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows))
    r = subprocess.run([PAPERQA, "ingest", "--strict", str(corpus)], env=env_for(tmp_path / "home"),
                       capture_output=True, text=True)  # fmt: skip
    assert r.returncode == 1 and ":151: field 'abstract' is missing" in r.stderr
    assert hash_assistant(tmp_path / "home").index.is_empty()
