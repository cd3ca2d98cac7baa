"""Several processes on one index: writers take turns, readers never wait and see what others publish."""

import os
import random
import re
import select
import shutil
import subprocess
import time

import pytest

from paperqa.index.lock import WriterLock
from tests.integration.indexing import PAPERQA, distinct, env_for, hash_assistant, write_jsonl

pytestmark = pytest.mark.integration
PER_FILE = 3000


@pytest.fixture(scope="module")
def shipped_hash_home(tmp_path_factory):
    """The shipped corpus indexed with the hash embedding (fast), copied by each test."""
    home = tmp_path_factory.mktemp("shipped-hash")
    a = hash_assistant(home)
    a.ingest()
    a.close()
    return home


def start_ingest(home, corpus, *flags):
    return subprocess.Popen([PAPERQA, "ingest", str(corpus), *flags], env=env_for(home), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip


def first_line(proc, timeout):
    """The first line a process writes to stderr, or fail after `timeout` seconds."""
    ready, _, _ = select.select([proc.stderr], [], [], timeout)
    assert ready, f"nothing on stderr after {timeout} s"
    return proc.stderr.readline()


def findable(a, ids, sample=150):
    """Each paper (a sample) comes first when asked for the marker word only it has."""
    for pid in random.Random(1).sample(sorted(ids), min(sample, len(ids))):
        assert a.retrieve(f"{pid}marker", k=1)[0].paper.id == pid, pid


def test_two_ingests_at_once_lose_nothing(shipped_hash_home, tmp_path):
    home = tmp_path / "home"
    shutil.copytree(shipped_hash_home, home)
    x = write_jsonl(tmp_path / "x.jsonl", [distinct(i, "x") for i in range(PER_FILE)])
    y = write_jsonl(tmp_path / "y.jsonl", [distinct(i, "y") for i in range(PER_FILE)])
    with WriterLock(home / "index" / "writer.lock").hold("ingest"):  # both start, then race for the lock at once
        procs = [start_ingest(home, x), start_ingest(home, y)]
        said = [first_line(p, timeout=120) for p in procs]
        assert all(s.startswith("waiting for the ingest running as PID") for s in said), said
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    a = hash_assistant(home)
    report = a.check()
    assert report.consistent, report.problems
    assert report.papers == 409 + 2 * PER_FILE and len(set(report.chunks.values())) == 1
    findable(a, {f"x{i}" for i in range(PER_FILE)})
    findable(a, {f"y{i}" for i in range(PER_FILE)})


def test_the_same_file_twice_at_once(shipped_hash_home, tmp_path):
    home = tmp_path / "home"
    shutil.copytree(shipped_hash_home, home)
    x = write_jsonl(tmp_path / "x.jsonl", [distinct(i, "x") for i in range(1000)])
    procs = [start_ingest(home, x), start_ingest(home, x)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert sorted(re.search(r"(\d+) added", err).group(1) for _, err in outs) == ["0", "1000"]
    a = hash_assistant(home)
    report = a.check()
    assert report.consistent and report.papers == 1409, report.problems
    findable(a, {f"x{i}" for i in range(1000)}, sample=50)


def test_second_writer_waits_and_says_for_whom_or_fails_at_once(tmp_path):
    home = tmp_path / "home"
    hash_assistant(home).ingest([write_jsonl(tmp_path / "a.jsonl", [distinct(0, "a")])])
    corpus = write_jsonl(tmp_path / "b.jsonl", [distinct(0, "b")])
    lock = WriterLock(home / "index" / "writer.lock")
    with lock.hold("ingest"):
        started = time.strftime("%H:%M")
        r = subprocess.run([PAPERQA, "ingest", "--no-wait", str(corpus)], env=env_for(home), capture_output=True,
                           text=True, timeout=120)  # fmt: skip
        assert r.returncode == 1 and "Traceback" not in r.stderr
        holder = f"the ingest running as PID {os.getpid()}, started "
        assert r.stderr.startswith("paperqa: error: the index at ") and holder in r.stderr, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
        waiting = start_ingest(home, corpus)
        said = first_line(waiting, timeout=120)  # however slowly it starts, it says why it waits
        assert said.startswith("waiting for the ingest running as PID") and holder in said, said
        time.sleep(1)
        assert waiting.poll() is None  # still waiting while we hold the lock
    _, err = waiting.communicate(timeout=120)
    err = said + err
    assert waiting.returncode == 0, err
    assert err.count("waiting for the ingest running as PID") == 1
    assert started[:2] in err and "1 added" in err


def test_a_reader_sees_papers_another_process_publishes(tmp_path):
    home = tmp_path / "home"
    first = write_jsonl(tmp_path / "a.jsonl", [distinct(i, "a") for i in range(50)])
    hash_assistant(home).ingest([first])
    reader = hash_assistant(home)
    assert reader.retrieve("a7marker", k=1)[0].paper.id == "a7"
    generation = reader.index.catalog.generation()
    newcomer = distinct(0, "late")
    r = subprocess.run([PAPERQA, "ingest", str(write_jsonl(tmp_path / "b.jsonl", [newcomer]))], env=env_for(home),
                       capture_output=True, text=True, timeout=120)  # fmt: skip
    assert r.returncode == 0, r.stderr
    # The next question of the long-running reader answers from the new paper, dense side included.
    assert reader.retrieve("late0marker", k=1)[0].paper.id == "late0"
    with reader.index.reading() as view:
        assert view.generation == generation + 1
        vector = reader.index.embed_model.get_query_embedding(f"title: {newcomer['title']}\n\n{newcomer['abstract']}")
        assert view.dense(vector, 1)[0][0].startswith("late0:")  # the dense side was reloaded too
