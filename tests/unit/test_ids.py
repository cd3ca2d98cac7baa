"""Chunk ids as compact arrays: the same ids back, memory-mapped when loaded, and older parts still readable."""

import json

import numpy as np
import pytest

from paperqa.index import derived, ids
from paperqa.index.derived import Derived
from paperqa.index.ids import ChunkIds, Joined


def test_ids_come_back_as_given(monkeypatch, tmp_path):
    monkeypatch.setattr(ids, "_STEP", 3)  # iteration decodes in steps: cross several
    given = ["2401.00001:ab12cd34:0", "p:1", "émigré:ü:2", "x" * 40 + ":0", "p:1:10"]
    stored = ChunkIds.of(given)
    assert list(stored) == given and len(stored) == 5 and stored == given
    assert stored[2] == "émigré:ü:2" and stored[-1] == "p:1:10" and list(stored[1:3]) == given[1:3]
    assert list(stored.take(np.array([4, 0]))) == [given[4], given[0]]
    assert list(stored.keep_mask({"p:1", "absent"})) == [True, False, True, True, True]
    assert stored.keep_mask(set()).all()
    longer = ChunkIds.of(["a:0"]).plus(given)  # the narrow array widens to the longest id
    assert list(longer) == ["a:0", *given]
    stored.save(tmp_path / "ids.npy")
    loaded = ChunkIds.load(tmp_path / "ids.npy")
    assert isinstance(loaded.raw.base, np.memmap) and loaded == given
    assert ChunkIds.load(tmp_path / "none.npy", given) == given and len(ChunkIds.of([])) == 0


def test_joined_ids_number_parts_one_after_another():
    joined = Joined([ChunkIds.of(["a", "b"]), ChunkIds.of([]), ChunkIds.of(["c"])])
    assert len(joined) == 3 and [joined[i] for i in range(3)] == ["a", "b", "c"] and joined[-1] == "c"
    assert joined == ["a", "b", "c"] and joined[1:] == ["b", "c"]
    with pytest.raises(IndexError):
        joined[3]
    assert joined.at(np.array([2, 0, 1, 2])) == ["c", "a", "b", "c"] and joined.at([]) == []


def test_parts_written_before_compact_ids_still_load(tmp_path):
    chunk_ids = [f"p{i}:h:0" for i in range(6)]
    texts = [f"graph protein tag{i}" for i in range(6)]
    vectors = np.eye(6, 8, dtype=np.float32)
    stored = derived.save(tmp_path, 1, Derived.empty().updated(set(), chunk_ids, texts, vectors))
    part = tmp_path / derived.PARTS / stored.parts[0].name
    # The older layout: ids and the vocabulary (terms in id order) in bm25.json, ids in exact.json, no arrays.
    terms = list(stored.parts[0].bm25.vocab.in_id_order())
    (part / "bm25.json").write_text(json.dumps({"ids": chunk_ids, "vocab": terms}))
    (part / "exact.json").write_text(json.dumps(list(stored.parts[0].exact.ids)))
    for name in ("bm25-ids.npy", "exact-ids.npy", "bm25-terms.npy", "bm25-term-ids.npy"):
        (part / name).unlink()
    old = derived.load(tmp_path, 1)
    assert old.bm25.ids == chunk_ids and sorted(old.exact.ids) == chunk_ids
    assert old.parts[0].bm25.vocab.to_dict() == stored.parts[0].bm25.vocab.to_dict()
    assert old.bm25.top("tag3", 1) == stored.bm25.top("tag3", 1)
    assert old.bm25.top("graph tag3 protein", 6) == stored.bm25.top("graph tag3 protein", 6)
    assert old.exact.top(vectors[2], 1)[0][0] == "p2:h:0"


def test_paper_parts_read_chunk_ids_as_paper_of_does(monkeypatch):
    """The columnar reading of a chunk id's paper, block by block, agrees with `types.paper_of` on odd ids."""
    from paperqa.index.columns import PaperColumns
    from paperqa.types import Paper, paper_of

    monkeypatch.setattr(ids, "_STEP", 2)  # several blocks, across the parts of a joined sequence
    given = ["2401.00001:ab12cd34:0", "a:b:c:1:2", "nocolon", "one:two", ":a:b", "émigré:ü:2", "a::", "::", "p"]
    assert [b.decode() for b in ids.paper_parts(ChunkIds.of(given).raw).tolist()] == [paper_of(c) for c in given]
    papers = {pid: Paper(pid, "T", "x") for pid in ("2401.00001", "a:b:c", "émigré", "zz", "one")}
    columns = PaperColumns.of(papers)
    joined = Joined([ChunkIds.of(given[:4]), ChunkIds.of([]), ChunkIds.of(given[4:])])
    expected = [columns.row.get(paper_of(c), -1) for c in given]
    assert columns.rows_of(joined).tolist() == expected == columns.rows_of(given).tolist()
    assert expected.count(-1) == 5  # chunks of papers these columns lack
    assert PaperColumns.of({}).rows_of(given).tolist() == [-1] * len(given)


def test_a_vocabulary_finds_its_terms_by_binary_search(tmp_path):
    """Terms in any id order, unicode among them: looked up one or many at a time, saved, memory-mapped back."""
    from paperqa.index.vocab import Vocab

    given = {"zeta": 0, "alpha": 3, "émigré": 1, "b": 2, "graph": 4}
    vocab = Vocab.of(given)
    assert len(vocab) == 5 and vocab.to_dict() == given
    assert list(vocab.in_id_order()) == ["zeta", "émigré", "b", "alpha", "graph"]
    assert [vocab.get(t) for t in ("alpha", "émigré", "zeta", "gra", "graphs", "a", "zz")] == [3, 1, 0] + [None] * 4
    assert vocab.many(["graph", "nope", "b"]).tolist() == [4, -1, 2] and vocab.many([]).tolist() == []
    vocab.save(tmp_path)
    loaded = Vocab.load(tmp_path)
    assert isinstance(loaded.terms.base, np.memmap) and loaded.to_dict() == given
    assert Vocab.of({}).get("x") is None and len(Vocab.load(tmp_path / "none", ["a", "b"])) == 2


def test_an_id_set_grows_and_answers_membership():
    seen = ids.IdSet()
    assert len(seen) == 0 and seen.among(["a"]) == set()
    seen.update(["2401.00001", "émigré", "cs/0112017"])
    seen.update([])
    seen.update(["émigré", "a" * 40])  # repeats kept once; a longer id widens the array
    assert len(seen) == 4
    assert seen.among(["émigré", "2401.0000", "2401.00001", "a" * 40, "a" * 39, "zzz", ""]) == {
        "émigré",
        "2401.00001",
        "a" * 40,
    }
