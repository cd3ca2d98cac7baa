"""Readers elsewhere: a writer publishes snapshots to a shared folder, long-running readers answer from them."""

import json
import subprocess
import sys
import time

import pytest

from paperqa import IndexMismatchError, Settings
from paperqa.assistant import Assistant
from paperqa.index import derived

from .indexing import PAPERQA, distinct, env_for, write_jsonl

pytestmark = pytest.mark.integration
READER = """
import json, sys
from paperqa import Assistant, Settings
assistant = Assistant(Settings.load())
for line in sys.stdin:
    ids = [s.paper.id for s in assistant.retrieve(line.strip(), k=3)]
    print(json.dumps({"ids": ids, "papers": len(assistant.index.papers)}), flush=True)
"""


def ingest(home, share, corpus, **env):
    run = [PAPERQA, "ingest", str(corpus)]
    r = subprocess.run(run, env=env_for(home, PAPERQA_SNAPSHOT=str(share), **env), capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return r


class Reader:
    """A long-running reader process with a home of its own, asked one question at a time."""

    def __init__(self, home, share):
        env = env_for(home, PAPERQA_SNAPSHOT=str(share), PAPERQA_SNAPSHOT_POLL="0.2")
        self.proc = subprocess.Popen([sys.executable, "-c", READER], env=env, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)  # fmt: skip

    def ask(self, question):
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(question + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def until(self, question, want, seconds=20):
        deadline = time.monotonic() + seconds
        while True:
            got = self.ask(question)
            if got["ids"][:1] == [want] or time.monotonic() > deadline:
                return got
            time.sleep(0.1)

    def stop(self):
        self.proc.kill()
        self.proc.wait()


def test_long_running_readers_answer_from_what_the_writer_publishes(tmp_path):
    share, writer = tmp_path / "share", tmp_path / "writer"
    ingest(writer, share, write_jsonl(tmp_path / "a.jsonl", [distinct(i, "a") for i in range(30)]))
    readers = [Reader(tmp_path / f"reader{n}", share) for n in range(2)]
    try:
        for reader in readers:
            got = reader.ask("a7marker")
            assert got["ids"][0] == "a7" and got["papers"] == 30
        ingest(writer, share, write_jsonl(tmp_path / "b.jsonl", [distinct(i, "b") for i in range(20)]))
        for reader in readers:  # no restart: the readers poll, fetch the new snapshot and swap it in
            got = reader.until("b13marker", "b13")
            assert got["ids"][0] == "b13" and got["papers"] == 50
            assert reader.ask("a7marker")["ids"][0] == "a7"
    finally:
        for reader in readers:
            reader.stop()
    assert not (tmp_path / "reader0" / "index" / "chroma").exists()  # readers never open Chroma
    names = sorted(p.name for p in share.iterdir())
    assert names == ["LATEST.json", *sorted(n for n in names if n.startswith("g")), "parts"] and len(names) == 4


def test_old_snapshots_are_pruned_and_a_fsspec_url_works(tmp_path):
    share, writer = tmp_path / "share", tmp_path / "writer"
    for n in range(5):
        ingest(writer, f"file://{share}", write_jsonl(tmp_path / f"{n}.jsonl", [distinct(n, "p")]))
    assert len([p for p in share.iterdir() if p.name.startswith("g")]) == 3
    reader = Assistant(Settings(home=tmp_path / "reader", embedding="hash", llm="offline", snapshot=str(share)))
    assert len(reader.index.papers) == 5 and reader.retrieve("p3marker")[0].paper.id == "p3"


def test_a_writer_killed_before_naming_its_snapshot_publishes_it_next_time(tmp_path):
    share, writer = tmp_path / "share", tmp_path / "writer"
    ingest(writer, share, write_jsonl(tmp_path / "a.jsonl", [distinct(i, "a") for i in range(5)]))
    env = env_for(writer, PAPERQA_SNAPSHOT=str(share), PAPERQA_CRASH_AT="snapshot.put")
    more = write_jsonl(tmp_path / "b.jsonl", [distinct(i, "b") for i in range(5)])
    r = subprocess.run([PAPERQA, "ingest", str(more)], env=env, capture_output=True, text=True)
    assert r.returncode == -9
    reader = Assistant(Settings(home=tmp_path / "reader", embedding="hash", llm="offline", snapshot=str(share)))
    assert len(reader.index.papers) == 5  # the half-put snapshot is not named: readers keep the last whole one
    r = subprocess.run([PAPERQA, "check"], env=env_for(writer, PAPERQA_SNAPSHOT=str(share)), capture_output=True)
    assert r.returncode == 0
    fresh = Assistant(Settings(home=tmp_path / "reader2", embedding="hash", llm="offline", snapshot=str(share)))
    assert len(fresh.index.papers) == 10 and fresh.retrieve("b3marker")[0].paper.id == "b3"


def test_the_folder_belongs_to_one_index_and_readers_need_its_embedding(tmp_path):
    share = tmp_path / "share"
    ingest(tmp_path / "writer", share, write_jsonl(tmp_path / "a.jsonl", [distinct(1, "a")]))
    other = [PAPERQA, "ingest", str(write_jsonl(tmp_path / "b.jsonl", [distinct(2, "b")]))]
    r = subprocess.run(other, env=env_for(tmp_path / "other", PAPERQA_SNAPSHOT=str(share)), capture_output=True,
                       text=True)  # fmt: skip
    assert r.returncode == 1 and r.stderr.startswith(f"paperqa: error: snapshot folder {share} holds snapshots of")
    reader = Assistant(Settings(home=tmp_path / "r", embedding="wordllama", llm="offline", snapshot=str(share)))
    with pytest.raises(IndexMismatchError, match="built with embedding"):
        reader.index.papers


def test_a_reader_keeps_answering_while_the_share_is_away_and_says_when_none_is_published(tmp_path):
    share = tmp_path / "share"
    settings = Settings(home=tmp_path / "r", embedding="hash", llm="offline", snapshot=str(share), snapshot_poll=0.01)
    reader = Assistant(settings)
    assert reader.index.is_empty() and reader.retrieve("anything") == []
    ingest(tmp_path / "writer", share, write_jsonl(tmp_path / "a.jsonl", [distinct(i, "a") for i in range(3)]))
    time.sleep(0.05)
    assert reader.retrieve("a2marker")[0].paper.id == "a2"
    share.rename(tmp_path / "away")  # the mount is gone
    (tmp_path / "share").mkdir()
    (tmp_path / "share" / "LATEST.json").write_text("{not json")
    time.sleep(0.05)
    assert reader.retrieve("a2marker")[0].paper.id == "a2"
    r = subprocess.run([PAPERQA, "ask", "a2marker"], env=env_for(tmp_path / "r2", PAPERQA_SNAPSHOT=str(share)),
                       capture_output=True, text=True)  # fmt: skip
    assert r.returncode == 1 and "cannot read LATEST.json" in r.stderr


def test_a_publish_sends_only_the_parts_the_share_lacks(tmp_path, monkeypatch):
    monkeypatch.setattr(derived, "PART_MIN", 10)  # parts of 10 chunks: a second ingest adds parts of its own
    share = tmp_path / "share"
    writer = Assistant(Settings(home=tmp_path / "w", embedding="hash", llm="offline", snapshot=str(share)))
    writer.ingest([write_jsonl(tmp_path / "a.jsonl", [distinct(i, "a") for i in range(30)])])
    first = {p.name: (p / "DONE").stat().st_mtime_ns for p in (share / "parts").iterdir()}
    assert len(first) == 3
    writer.ingest([write_jsonl(tmp_path / "b.jsonl", [distinct(i, "b") for i in range(20)])])
    second = {p.name: (p / "DONE").stat().st_mtime_ns for p in (share / "parts").iterdir()}
    assert len(second) == 5 and {n: second[n] for n in first} == first  # the first three were not sent again
    reader = Assistant(Settings(home=tmp_path / "r", embedding="hash", llm="offline", snapshot=str(share)))
    assert len(reader.index.papers) == 50 and reader.retrieve("b13marker")[0].paper.id == "b13"
    assert reader.retrieve("a7marker")[0].paper.id == "a7"
    cached = tmp_path / "r" / "index" / "snapshots" / "parts"
    assert {p.name for p in cached.iterdir()} == set(second)


def test_a_snapshot_of_the_earlier_layout_is_read_and_published_again(tmp_path):
    share = tmp_path / "share"
    writer = Assistant(Settings(home=tmp_path / "w", embedding="hash", llm="offline", snapshot=str(share)))
    writer.ingest([write_jsonl(tmp_path / "a.jsonl", [distinct(i, "a") for i in range(8)])])
    # Rewrite the share as the first layout had it: the derived stores inside the snapshot's folder.
    manifest = json.loads((share / "LATEST.json").read_text())
    folder = share / manifest["name"]
    names = json.loads((folder / "parts.json").read_text())
    generation = folder / "derived" / f"g{manifest['generation']:08d}"
    generation.mkdir(parents=True)
    (generation / "parts.json").write_text(json.dumps(names))
    (share / "parts").rename(folder / "derived" / "parts")
    (share / "LATEST.json").write_text(json.dumps({k: v for k, v in manifest.items() if k != "layout"}))
    reader = Assistant(Settings(home=tmp_path / "r", embedding="hash", llm="offline", snapshot=str(share)))
    assert reader.retrieve("a5marker")[0].paper.id == "a5"
    assert writer.check().consistent  # the writer publishes the same generation again in the current layout
    assert json.loads((share / "LATEST.json").read_text())["layout"] == 2 and (share / "parts").exists()


def test_a_damaged_part_list_is_one_line_and_a_mended_share_is_read(tmp_path):
    share = tmp_path / "share"
    writer = Assistant(Settings(home=tmp_path / "w", embedding="hash", llm="offline", snapshot=str(share)))
    writer.ingest([write_jsonl(tmp_path / "a.jsonl", [distinct(i, "a") for i in range(3)])])
    settings = Settings(home=tmp_path / "r", embedding="hash", llm="offline", snapshot=str(share), snapshot_poll=0.01)
    reader = Assistant(settings)
    assert reader.retrieve("a2marker")[0].paper.id == "a2"
    writer.ingest([write_jsonl(tmp_path / "b.jsonl", [distinct(i, "b") for i in range(3)])])
    names = share / json.loads((share / "LATEST.json").read_text())["name"] / "parts.json"
    good = names.read_text()
    names.write_text("{oops")
    time.sleep(0.05)
    assert reader.retrieve("a2marker")[0].paper.id == "a2"  # the live reader keeps the snapshot it has
    fresh = env_for(tmp_path / "r2", PAPERQA_SNAPSHOT=str(share))
    r = subprocess.run([PAPERQA, "ask", "b1marker"], env=fresh, capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "parts.json is unreadable" in r.stderr, r.stderr
    names.write_text(good)
    r = subprocess.run([PAPERQA, "ask", "b1marker"], env=fresh, capture_output=True, text=True)
    assert r.returncode == 0 and "[1]" in r.stdout, r.stderr
    time.sleep(0.05)
    assert reader.retrieve("b1marker")[0].paper.id == "b1"
