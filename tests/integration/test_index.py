"""A real Chroma on disk: ingest, idempotence, replacement, batching, identity, migration, bad input, check."""

import json
import sqlite3

import chromadb
import chromadb.errors
import numpy as np
import pytest
from chromadb.api.models.Collection import Collection

from paperqa import Assistant, CorpusError, IndexMismatchError, Settings
from paperqa.corpus import read_corpus
from tests.integration.indexing import ABSTRACT, hash_assistant, paper, write_jsonl

pytestmark = pytest.mark.integration


def test_shipped_corpus_is_indexed_and_consistent(shipped_home):
    a = Assistant(Settings(home=shipped_home))
    report = a.check()
    assert report.consistent, report.problems
    assert report.papers == 409 and len(set(report.chunks.values())) == 1 and report.chunks["catalog"] >= 409
    stored = a.index.chroma.collection.get(limit=1, include=["metadatas", "documents", "embeddings"])
    assert not stored["metadatas"][0] and stored["documents"] == [None]  # ids and vectors only: the rest is ours
    assert len(stored["embeddings"][0]) == a.index.embed_model.dim


def test_reingest_is_idempotent_and_changed_abstract_replaces(tmp_path):
    a = hash_assistant(tmp_path / "home")
    f = write_jsonl(tmp_path / "c.jsonl", [paper(i) for i in range(5)])
    first, _ = a.ingest([f])
    assert (first.added, first.total) == (5, 5)
    generation = a.index.catalog.generation()
    again, _ = a.ingest([f])
    assert (again.added, again.updated, again.unchanged, again.total) == (0, 0, 5, 5)
    assert a.index.catalog.generation() == generation  # nothing to do, nothing published
    rows = [paper(i) for i in range(5)]
    rows[2]["abstract"] = ABSTRACT.format(topic="proteins")
    old_ids = a.index.catalog.chunk_ids_of(["p2"])
    changed, _ = a.ingest([write_jsonl(f, rows)])
    assert (changed.added, changed.updated, changed.total) == (0, 1, 5)
    new_ids = a.index.catalog.chunk_ids_of(["p2"])
    assert new_ids and not set(new_ids) & set(old_ids)  # a new text gets new chunk ids
    report = a.check()
    assert report.consistent, report.problems
    stored = a.index.chroma.collection.get(ids=new_ids, include=["embeddings"])
    assert not a.index.chroma.collection.get(ids=old_ids)["ids"]  # the old vectors are gone
    p2 = a.index.papers["p2"]
    expected = a.index._embed([f"title: {p2.title}\n\n{p2.abstract}"])
    assert np.allclose(np.asarray(stored["embeddings"]), expected, atol=1e-6)
    assert a.retrieve("proteins")[0].paper.id == "p2"


def test_metadata_change_alone_is_published(tmp_path):
    a = hash_assistant(tmp_path / "home")
    rows = [paper(i) for i in range(3)]
    a.ingest([write_jsonl(tmp_path / "c.jsonl", rows)])
    rows[1] = {**rows[1], "org": "Volcano Lab", "upvotes": 9}
    report, _ = a.ingest([write_jsonl(tmp_path / "c.jsonl", rows)])
    assert (report.unchanged, report.updated) == (3, 0)
    assert a.index.papers["p1"].org == "Volcano Lab"
    assert [s.paper.id for s in a.retrieve("paper", filters=None, k=3) if s.paper.upvotes == 9] == ["p1"]
    from paperqa import Filters

    assert [s.paper.id for s in a.retrieve("paper", Filters(org="volcano lab"))] == ["p1"]


def test_writes_go_in_batches_within_chroma_limit(tmp_path):
    a = hash_assistant(tmp_path / "home", ingest_batch=7)
    report, _ = a.ingest([write_jsonl(tmp_path / "c.jsonl", [paper(i) for i in range(30)])])
    assert report.total == 30 and a.check().chunks["chroma"] == 30


def test_a_failed_batch_stops_the_ingest_and_leaves_only_earlier_batches_staged(tmp_path):
    """Batches land (Chroma, then the catalog) on a thread of their own while later ones are embedded: when one
    fails, the ingest raises it, nothing after it is staged, and the next ingest ends with exactly the papers."""
    a = hash_assistant(tmp_path / "home", ingest_batch=10)
    corpus = write_jsonl(tmp_path / "c.jsonl", [paper(i) for i in range(60)])
    real, calls = a.index._embed, []

    def second_batch_wrong(texts):
        calls.append(len(texts))
        vectors = real(texts)
        return vectors[:, :5] if len(calls) == 2 else vectors  # Chroma refuses a vector of another length

    a.index._embed = second_batch_wrong
    with pytest.raises(Exception, match="dimension"):  # Chroma's refusal, or the stacking of the segment's vectors
        a.ingest([corpus])
    # Batch 1 is staged if the writer collected it before the failure surfaced: either way nothing after it.
    assert a.index.catalog.staged_count() in (0, 10) and a.index.catalog.count() == 0
    a.index._embed = real
    report, _ = a.ingest([corpus])
    assert report.total == 60 and a.check().consistent and a.check().chunks["chroma"] == 60


def test_a_collection_made_before_saves_its_graph_less_often(tmp_path):
    """Chroma saves its graph and id map every `sync_threshold` vectors, at a cost that grows with the
    collection: a collection made with Chroma's default (1,000) is raised when paperqa first writes to it, in
    effect at once; opening it to read changes nothing."""
    from paperqa.index.chroma import GRAPH, ChromaStore

    folder = tmp_path / "chroma"
    client = chromadb.PersistentClient(path=str(folder), settings=chromadb.Settings(anonymized_telemetry=False))
    old = {"hnsw": {"space": "cosine"}}  # Chroma's defaults otherwise
    client.get_or_create_collection("paperqa_chunks", embedding_function=None, configuration=old)
    store = ChromaStore(folder, "x")
    assert store.collection.configuration_json["hnsw"]["sync_threshold"] == 1000
    store.upsert([str(i) for i in range(3000)], np.random.default_rng(0).standard_normal((3000, 8)).astype(np.float32))
    raised = store.collection.configuration_json["hnsw"]["sync_threshold"]
    assert raised == GRAPH["hnsw"]["sync_threshold"] > 1000
    graph = next(p for p in folder.iterdir() if p.is_dir()) / "data_level0.bin"
    assert graph.stat().st_size < 3000 * 8 * 4  # not saved yet (with 1,000: every vector written out)
    assert store.count() == 3000


def test_a_locked_database_delays_raising_the_graph_setting_but_not_the_write(tmp_path, monkeypatch):
    """SQLite's "database is locked" (seen under load while another connection writes) when raising the
    setting is tried again, and if it lasts, the vectors are written anyway and the raise left for later."""
    from paperqa.index import chroma

    monkeypatch.setattr(chroma, "_LOCKED_WAITS", (0.0, 0.0))
    folder = tmp_path / "chroma"
    client = chromadb.PersistentClient(path=str(folder), settings=chromadb.Settings(anonymized_telemetry=False))
    client.get_or_create_collection("paperqa_chunks", embedding_function=None, configuration={"hnsw": {}})
    store = chroma.ChromaStore(folder, "x")
    real, calls = Collection.modify, []

    def locked_once(self, *args, **kwargs):
        calls.append(1)
        if len(calls) <= locked:
            raise chromadb.errors.InternalError("Database error: (code: 5) database is locked")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Collection, "modify", locked_once)
    rows = np.random.default_rng(0).standard_normal((10, 8)).astype(np.float32)
    locked = 2  # every try of this write
    store.upsert([str(i) for i in range(5)], rows[:5])
    assert store.count() == 5 and store.collection.configuration_json["hnsw"]["sync_threshold"] == 1000
    locked = 3  # the next write's first try
    store.upsert([str(i) for i in range(5, 10)], rows[5:])
    assert store.count() == 10 and store.collection.configuration_json["hnsw"]["sync_threshold"] == 50_000
    assert len(calls) == 4


def test_other_embedding_is_a_clear_error(tmp_path):
    home = tmp_path / "home"
    hash_assistant(home).ingest([write_jsonl(tmp_path / "c.jsonl", [paper(1)])])
    with pytest.raises(IndexMismatchError, match="built with embedding 'hash-bow-64', not 'wordllama"):
        Assistant(Settings(home=home, embedding="wordllama")).index


def test_bad_input_keeps_what_was_stored(tmp_path):
    a = hash_assistant(tmp_path / "home")
    a.ingest([write_jsonl(tmp_path / "good.jsonl", [paper(i) for i in range(3)])])
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(paper(9)) + "\n{broken\n" + json.dumps({"title": "No abstract"}) + "\n")
    with pytest.raises(CorpusError, match=r"bad.jsonl:2: invalid JSON"):
        a.ingest([bad], strict=True)
    assert len(a.index.papers) == 3
    report, read = a.ingest([bad])
    assert report.total == 4 and len(read.problems) == 2
    assert {p.id for p in a.index.papers.values()} == {"p0", "p1", "p2", "p9"}


def test_check_finds_and_repair_restores_every_kind_of_disagreement(tmp_path):
    a = hash_assistant(tmp_path / "home")
    a.ingest([write_jsonl(tmp_path / "c.jsonl", [paper(i, t) for i, t in enumerate(["graphs", "proteins", "stars"])])])
    collection = a.index.chroma.collection
    victim = a.index.catalog.chunk_ids_of(["p1"])[0]
    collection.delete(ids=[victim])  # a catalog chunk without its vector
    collection.upsert(ids=["ghost:00000000:0"], embeddings=[[0.1] * 64])  # a vector of nothing
    db = sqlite3.connect(a.index.catalog.path)
    with db:
        db.execute("DELETE FROM chunks WHERE paper_id = 'p2'")  # a paper without chunks
    db.close()
    report = a.check()
    assert not report.consistent
    problems = " | ".join(report.problems)
    assert "chroma: 1 catalog chunks missing" in problems and "chroma: 2 chunks not in the catalog" in problems
    assert "catalog: 1 papers without chunks (e.g. p2)" in problems and "bm25:" in problems
    fixed = a.check(repair=True)
    assert fixed.consistent and fixed.fixed == report.problems, fixed.problems
    assert {f"p{i}" for i in range(3)} == {a.retrieve(t)[0].paper.id for t in ("graphs", "proteins", "stars")}


def test_index_of_an_earlier_version_is_migrated_without_embedding_again(tmp_path):
    """An index written before migrations (old chunk ids, BM25 and vectors in their own folders) opens as
    today's: the catalog migrated, Chroma's vectors moved to the new ids, the derived stores rebuilt."""
    home = tmp_path / "home"
    folder = home / "index"
    folder.mkdir(parents=True)
    papers = read_corpus([write_jsonl(tmp_path / "c.jsonl", [paper(i, t) for i, t in enumerate(["ants", "bees"])])])
    db = sqlite3.connect(folder / "catalog.sqlite3")
    db.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "CREATE TABLE papers (id TEXT PRIMARY KEY, hash TEXT NOT NULL, record TEXT NOT NULL);"
        "CREATE TABLE chunks (id TEXT PRIMARY KEY, paper_id TEXT NOT NULL, position INTEGER NOT NULL, text TEXT);"
    )
    # Vectors no embedding here would make: finding them under the new ids proves they were moved, not redone.
    vectors = np.random.default_rng(3).standard_normal((2, 64)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    with db:
        db.execute("INSERT INTO meta VALUES ('embedding', 'hash-bow-64'), ('ingest_pending', '0')")
        for p in papers.papers:
            record = json.dumps({**p.__dict__, "date": None, "sources": list(p.sources)})
            db.execute("INSERT INTO papers VALUES (?, ?, ?)", (p.id, p.content_hash, record))
            db.execute("INSERT INTO chunks VALUES (?, ?, 0, ?)", (f"{p.id}:0", p.id, p.abstract))
    db.close()
    client = chromadb.PersistentClient(path=str(folder / "chroma"))
    collection = client.get_or_create_collection("paperqa_chunks", metadata={"hnsw:space": "cosine"})
    collection.add(ids=[f"{p.id}:0" for p in papers.papers], embeddings=vectors)
    client.close()
    (folder / "bm25").mkdir()  # the old derived folders, now unused

    b = hash_assistant(home)
    report = b.check()
    assert report.consistent, report.problems
    ids = b.index.catalog.chunk_ids()
    assert len(ids) == 2 and all(cid.count(":") == 2 for cid in ids)
    moved = b.index.chroma.collection.get(ids=ids, include=["embeddings"])
    by_id = dict(zip(moved["ids"], np.asarray(moved["embeddings"]), strict=True))
    assert np.allclose(by_id[b.index.catalog.chunk_ids_of(["p1"])[0]], vectors[1], atol=1e-6)
    assert b.retrieve("bees")[0].paper.id == "p1"
    assert not (folder / "bm25").exists() or not any((folder / "bm25").iterdir())


@pytest.mark.parametrize("damage", ["truncate-vectors", "garbage-metadata", "zero-header", "remove-segment"])
def test_an_unreadable_chroma_is_rebuilt_from_the_exact_copy(tmp_path, monkeypatch, damage):
    """Chroma's HNSW files can be left unreadable by a kill inside Chroma's own write (chroma-core/chroma#7766):
    readers keep answering from the exact copy, check says so, and repair refills a new Chroma without
    embedding again."""
    import os
    import shutil
    import subprocess

    from paperqa.index import chroma
    from tests.integration.indexing import PAPERQA, distinct, env_for

    monkeypatch.setitem(chroma.GRAPH["hnsw"], "sync_threshold", 1000)  # Chroma saves its files within 1,500
    home = tmp_path / "home"
    a = hash_assistant(home)
    a.ingest([write_jsonl(tmp_path / "c.jsonl", [distinct(i, "c") for i in range(1500)])])
    ids = a.index.catalog.chunk_ids()
    before = dict(zip(*a.index.chroma.vectors(ids), strict=True))
    a.close()
    segment = next(p for p in (home / "index" / "chroma").iterdir() if p.is_dir())
    if damage == "truncate-vectors":
        os.truncate(segment / "data_level0.bin", 1000)
    elif damage == "garbage-metadata":
        (segment / "index_metadata.pickle").write_bytes(b"garbage")
    elif damage == "zero-header":
        (segment / "header.bin").write_bytes(b"\0" * 100)
    else:
        shutil.rmtree(segment)

    reader = hash_assistant(home)
    assert reader.retrieve("c42marker", k=1)[0].paper.id == "c42"  # dense side served by the exact copy
    with reader.index.reading() as view:
        vector = reader.index.embed_model.get_query_embedding("Study c42 of")
        assert view.dense(vector, 3)  # no error reaches the reader
    reader.close()
    r = subprocess.run([PAPERQA, "check", "--json"], env=env_for(home), capture_output=True, text=True, timeout=120)
    report = json.loads(r.stdout)
    assert r.returncode == 1 and not report["consistent"] and report["problems"][0].startswith("chroma: unreadable")
    b = hash_assistant(home)
    embedded = []
    real = b.index._embed
    b.index._embed = lambda texts: embedded.append(len(texts)) or real(texts)
    fixed = b.check(repair=True)
    assert fixed.consistent and fixed.fixed[0].startswith("chroma: unreadable") and embedded == []
    assert (home / "index" / "chroma.broken").is_dir()  # set aside, not deleted
    after = dict(zip(*b.index.chroma.vectors(ids), strict=True))
    assert after.keys() == before.keys() and all(np.array_equal(after[k], before[k]) for k in before)
    assert b.retrieve("c42marker", k=1)[0].paper.id == "c42"


def test_two_openers_of_a_new_catalog_at_once_both_open_it(tmp_path):
    # Two ingests starting on a new index raced on the catalog's switch to WAL, which SQLite refuses at once
    # ("database is locked") instead of waiting: one ingest failed with "unexpected OperationalError" about one
    # start in thirty. Threads with their own connections race the same way, many times over.
    import threading

    from paperqa.index.catalog import Catalog

    failures: list[Exception] = []
    for i in range(100):
        path = tmp_path / f"i{i}" / "catalog.sqlite3"
        start = threading.Barrier(2)

        def open_it(path=path, start=start) -> None:
            start.wait()
            try:
                Catalog(path).pending_migrations()
            except Exception as e:  # what is counted is any failure to open
                failures.append(e)

        threads = [threading.Thread(target=open_it) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert not failures, failures[:3]
