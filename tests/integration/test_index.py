"""A real Chroma on disk: ingest, idempotence, replacement, batching, identity, and bad input."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from paperqa import Assistant, CorpusError, IndexMismatchError, Settings
from paperqa.corpus import read_corpus

pytestmark = pytest.mark.integration
ABSTRACT = "We study {topic} in depth and report what we found about it with care and several numbers."


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def paper(i, topic="graphs"):
    return {"id": f"p{i}", "title": f"Paper {i} on {topic}", "abstract": ABSTRACT.format(topic=topic)}


def test_shipped_corpus_is_indexed(shipped_home):
    a = Assistant(Settings(home=shipped_home))
    assert len(a.index.papers) == 409
    chunks = a.index.vectors.count()
    assert chunks >= 409 and chunks == len(a.index.bm25.ids)
    meta = a.index.vectors.collection.get(limit=1, include=["metadatas"])["metadatas"][0]
    assert meta.keys() == {"paper_id", "date", "upvotes", "org_key"}  # filter fields only; text is in the catalog


def test_reingest_is_idempotent_and_changed_abstract_replaces(tmp_path):
    a = Assistant(Settings(home=tmp_path / "home", embedding="hash"))
    f = write_jsonl(tmp_path / "c.jsonl", [paper(i) for i in range(5)])
    first, _ = a.ingest([f])
    assert (first.added, first.total) == (5, 5)
    count = a.index.vectors.count()
    again, _ = a.ingest([f])
    assert (again.added, again.updated, again.unchanged, again.total) == (0, 0, 5, 5)
    assert a.index.vectors.count() == count
    rows = [paper(i) for i in range(5)]
    rows[2]["abstract"] = ABSTRACT.format(topic="proteins")
    changed, _ = a.ingest([write_jsonl(f, rows)])
    assert (changed.added, changed.updated, changed.total) == (0, 1, 5)
    assert a.index.vectors.count() == count
    texts = [c.text for c in a.index.catalog.chunks() if c.paper_id == "p2"]
    assert texts and all("proteins" in t for t in texts)
    stored = a.index.vectors.collection.get(where={"paper_id": "p2"}, include=["embeddings"])
    p2 = a.index.papers["p2"]
    expected = a.index.embed([p2], a.index.chunk(p2))
    assert np.allclose(np.asarray(stored["embeddings"]), expected, atol=1e-6)  # the new text's vectors, not the old
    assert sorted(a.index.matrix.ids) == sorted(a.index.vectors.collection.get()["ids"])
    assert a.retrieve("proteins")[0].paper.id == "p2"


def test_writes_go_in_batches_within_chroma_limit(tmp_path):
    a = Assistant(Settings(home=tmp_path / "home", embedding="hash"))
    a.index.vectors.batch_size = 7  # smaller than one ingest, so several batches are needed
    report, _ = a.ingest([write_jsonl(tmp_path / "c.jsonl", [paper(i) for i in range(30)])])
    assert report.total == 30 and a.index.vectors.count() == 30


def test_other_embedding_is_a_clear_error(tmp_path):
    home = tmp_path / "home"
    Assistant(Settings(home=home, embedding="hash")).ingest([write_jsonl(tmp_path / "c.jsonl", [paper(1)])])
    with pytest.raises(IndexMismatchError, match="built with embedding 'hash-bow-64', not 'wordllama"):
        Assistant(Settings(home=home, embedding="wordllama")).index


def test_bad_input_keeps_what_was_stored(tmp_path):
    a = Assistant(Settings(home=tmp_path / "home", embedding="hash"))
    a.ingest([write_jsonl(tmp_path / "good.jsonl", [paper(i) for i in range(3)])])
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(paper(9)) + "\n{broken\n" + json.dumps({"title": "No abstract"}) + "\n")
    with pytest.raises(CorpusError, match=r"bad.jsonl:2: invalid JSON"):
        a.ingest([bad], strict=True)
    assert len(a.index.papers) == 3
    report, read = a.ingest([bad])
    assert report.total == 4 and len(read.problems) == 2
    assert {p.id for p in a.index.papers.values()} == {"p0", "p1", "p2", "p9"}


def test_index_without_vector_matrix_gets_one_from_chroma(tmp_path):
    home = tmp_path / "home"
    a = Assistant(Settings(home=home, embedding="hash"))
    a.ingest([write_jsonl(tmp_path / "c.jsonl", [paper(i) for i in range(4)])])
    a.close()
    for name in ("vectors.npy", "vectors.json"):  # as an index written before the matrix existed
        (home / "index" / "vectors" / name).unlink()
    b = Assistant(Settings(home=home, embedding="hash"))
    assert b.index.matrix is None
    b.ingest([tmp_path / "c.jsonl"])
    assert sorted(b.index.matrix.ids) == sorted(f"p{i}:0" for i in range(4))


def test_vectors_left_by_a_killed_ingest_are_replaced(tmp_path):
    # A kill between the Chroma write and the catalog write leaves vectors the catalog does not know.
    a = Assistant(Settings(home=tmp_path / "home", embedding="hash"))
    index = a.index
    index.vectors.add(
        ["p1:0"], np.ones((1, 64), dtype=np.float32) / 8.0, [{"paper_id": "p1", "date": 0, "upvotes": 0, "org_key": ""}]
    )
    a.ingest([write_jsonl(tmp_path / "papers.jsonl", [paper(1)])])
    got = index.vectors.collection.get(include=["embeddings"])
    p1 = index.papers["p1"]
    assert got["ids"] == ["p1:0"]
    assert np.allclose(np.asarray(got["embeddings"]), index.embed([p1], index.chunk(p1)), atol=1e-6)


def test_interrupted_ingest_is_repaired_when_the_index_opens(tmp_path, monkeypatch):
    monkeypatch.setattr("paperqa.index._EMBED_BATCH", 2)
    home = tmp_path / "home"
    a = Assistant(Settings(home=home, embedding="hash"))
    a.ingest([write_jsonl(tmp_path / "first.jsonl", [paper(0)])])

    def interrupt(done, total):
        raise KeyboardInterrupt  # after the first batch reached Chroma and the catalog

    rows = [paper(i, topic) for i, topic in ((1, "proteins"), (2, "galaxies"), (3, "volcanoes"))]
    with pytest.raises(KeyboardInterrupt):
        a.index.add(read_corpus([write_jsonl(tmp_path / "all.jsonl", [paper(0), *rows])]).papers, progress=interrupt)
    assert a.index.bm25.ids == ["p0:0"] and a.index.catalog.count() == 3  # BM25 lags behind the catalog
    a.close()
    b = Assistant(Settings(home=home, embedding="hash"))
    assert sorted(b.index.bm25.ids) == sorted(b.index.matrix.ids) == ["p0:0", "p1:0", "p2:0"]
    assert b.index.catalog.get_meta("ingest_pending") == "0"
    assert b.retrieve("proteins")[0].paper.id == "p1"
    again, _ = b.ingest([write_jsonl(tmp_path / "rest.jsonl", [paper(0), *rows])])
    assert (again.added, again.unchanged, again.total) == (1, 3, 4)
    assert sorted(b.index.bm25.ids) == sorted(b.index.matrix.ids) == [f"p{i}:0" for i in range(4)]


def test_bm25_saved_without_term_counts_is_rebuilt(tmp_path):
    home = tmp_path / "home"
    a = Assistant(Settings(home=home, embedding="hash"))
    a.ingest([write_jsonl(tmp_path / "a.jsonl", [paper(0), paper(1)])])
    old = a.index.bm25
    old.tf = None  # as a BM25 index written before term counts were kept
    old.save(home / "index" / "bm25")
    a.close()
    b = Assistant(Settings(home=home, embedding="hash"))
    assert not b.index.bm25.incremental
    b.ingest([write_jsonl(tmp_path / "b.jsonl", [paper(0), paper(1), paper(2, "proteins")])])
    assert b.index.bm25.incremental and sorted(b.index.bm25.ids) == ["p0:0", "p1:0", "p2:0"]
    assert b.retrieve("proteins")[0].paper.id == "p2"


def test_killed_ingest_keeps_what_was_stored_and_heals(tmp_path):
    n = 6000  # three write batches: the kill lands after the first reached the catalog
    words = "graph protein galaxy volcano neuron language robot vision audio market".split()
    rows = [
        {
            "id": f"k{i}",
            "title": f"Study {i} of {words[i % 10]} {words[i // 10 % 10]}",
            "abstract": ABSTRACT.format(topic=f"{words[i % 10]} {words[i // 100 % 10]} case {i}"),
        }
        for i in range(n)
    ]
    corpus = write_jsonl(tmp_path / "big.jsonl", rows)
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PAPERQA_", "OPENAI_"))}
    env.update(PAPERQA_HOME=str(home), PAPERQA_EMBEDDING="hash")
    cmd = [str(Path(sys.executable).with_name("paperqa")), "ingest", str(corpus)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    catalog, stored, deadline = home / "index" / "catalog.sqlite3", 0, time.monotonic() + 120
    while stored == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
        if catalog.exists():
            try:
                with sqlite3.connect(f"file:{catalog}?mode=ro", uri=True) as db:
                    stored = db.execute("SELECT COUNT(*) FROM papers").fetchone()[0]
            except sqlite3.OperationalError:
                pass  # the schema is still being created
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < n, "the kill must land mid-ingest"

    a = Assistant(Settings(home=home, embedding="hash"))
    kept = a.index.catalog.count()
    assert kept >= stored
    chunk_ids = sorted(c.id for c in a.index.catalog.chunks())
    assert sorted(a.index.bm25.ids) == sorted(a.index.matrix.ids) == chunk_ids  # repaired on open
    assert a.retrieve("Study 7 of robot graph")[0].paper.id == "k7"
    a.close()
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    b = Assistant(Settings(home=home, embedding="hash"))
    assert b.index.catalog.count() == n
    assert b.index.vectors.count() == len(b.index.bm25.ids) == len(b.index.matrix.ids) == b.index.catalog.chunk_count()
