"""arXiv categories as a filter: read from the snapshot format, kept through re-ingest, applied everywhere."""

import json
import subprocess

import numpy as np
import pytest

from paperqa import ArgumentError, Filters

from .indexing import PAPERQA, env_for, hash_assistant, write_jsonl

pytestmark = pytest.mark.integration
TOPICS = {"cs.IR": "dense passage retrieval", "cs.CL": "machine translation", "hep-th": "string theory"}


def arxiv_rows(n: int = 12) -> list[dict]:
    """Snapshot-format records, every fourth paper in two categories."""
    rows = []
    for i in range(n):
        category = list(TOPICS)[i % 3]
        categories = f"{category} cs.LG" if i % 4 == 0 else category
        rows.append({
            "id": f"2401.{i:05d}", "title": f"A study {i} of {TOPICS[category]}", "categories": categories,
            "abstract": f"We study {TOPICS[category]} and retrieval of models, with results on benchmark {i}.",
            "update_date": "2024-01-15", "versions": [{"version": "v1", "created": "Mon, 15 Jan 2024 10:00:00 GMT"}],
        })  # fmt: skip
    return rows


def test_categories_filter_retrieval_and_agree_with_scoring_every_admitted_chunk(tmp_path):
    assistant = hash_assistant(tmp_path / "home")
    assistant.ingest([write_jsonl(tmp_path / "arxiv.json", arxiv_rows())])
    assert assistant.index.papers["2401.00004"].categories == ("cs.CL", "cs.LG")
    vector = assistant.index.embed_model.get_query_embedding("retrieval of models")
    for f, expected in [
        (Filters(categories="cs.IR"), {"cs.IR"}),
        (Filters(categories=["hep-th", "cs.CL"]), {"hep-th", "cs.CL"}),
        (Filters(categories="cs"), {"cs.IR", "cs.CL", "cs.LG"}),
    ]:
        found = assistant.retrieve("retrieval of models", f, k=12)
        assert found and all(set(s.paper.categories) & expected for s in found)
        assert len(found) == sum(1 for r in arxiv_rows() if set(r["categories"].split()) & expected)
        with assistant.index.reading() as view:
            exact = [cid for cid, _ in view.dense(vector, 12, f)]
        # The oracle: the records' own categories, and every chunk of the papers they admit scored in full.
        papers = [r["id"] for r in arxiv_rows() if set(r["categories"].split()) & expected]
        stored = assistant.index.chroma.collection.get(
            ids=assistant.index.catalog.chunk_ids_of(papers), include=["embeddings"]
        )
        scores = np.asarray(stored["embeddings"], dtype=np.float32) @ np.asarray(vector, dtype=np.float32)
        assert exact == [stored["ids"][i] for i in np.argsort(-scores, kind="stable")[:12]]
    assert assistant.retrieve("retrieval", Filters(categories="math")) == []
    # a category no paper has is said by name, with those the corpus has ("No paper matches …" alone said why not)
    none = assistant.ask("retrieval of models", Filters(categories=["math", "cs"]))
    assert "No paper has the category math (categories in the corpus: cs.CL, cs.IR, cs.LG, hep-th)." in none.notes
    assert not any("No paper has the category" in n for n in assistant.ask("retrieval", Filters(categories="cs")).notes)
    with pytest.raises(ArgumentError, match="not a category name"):
        Filters(categories="cs.IR;drop")


def test_a_changed_category_is_published_without_embedding_again(tmp_path):
    assistant = hash_assistant(tmp_path / "home")
    rows = arxiv_rows(6)
    assistant.ingest([write_jsonl(tmp_path / "a.json", rows)])
    rows[1]["categories"] = "math.AG"
    report, _ = assistant.ingest([write_jsonl(tmp_path / "a.json", rows)])
    assert (report.added, report.updated, report.unchanged) == (0, 0, 6)
    assert [s.paper.id for s in assistant.retrieve("machine translation", Filters(categories="math"))] == ["2401.00001"]
    assert assistant.check().consistent


def test_cli_category_option(tmp_path):
    home = tmp_path / "home"
    f = write_jsonl(tmp_path / "arxiv.json", arxiv_rows())
    r = subprocess.run([PAPERQA, "ingest", str(f)], env=env_for(home), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    ask = [PAPERQA, "ask", "string theory", "--json", "--category", "hep-th", "--category", "cs.IR"]
    r = subprocess.run(ask, env=env_for(home), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    sources = json.loads(r.stdout)["sources"]
    ids = {row["id"] for row in arxiv_rows() if row["categories"].split()[0] in ("hep-th", "cs.IR")}
    assert sources and {s["paper_id"] for s in sources} <= ids
    r = subprocess.run([*ask[:4], "--category", "cs IR!"], env=env_for(home), capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr.strip() == (
        "paperqa: error: categories: 'IR!' is not a category name such as 'cs.CL' or 'cs'"
    )
