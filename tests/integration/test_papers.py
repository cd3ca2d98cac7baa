"""A reader holds its papers' ids and filter columns, not their records: those are read from the catalog when a
question needs them, and the corpus page's counts and search are asked of the catalog."""

import datetime as dt

import pytest

from paperqa import Filters
from paperqa.index.papers import Papers
from tests.integration.indexing import distinct, hash_assistant, write_jsonl

pytestmark = pytest.mark.integration


def rows():
    out = []
    for i in range(60):
        row = distinct(i, "p")
        row["date"] = f"{2020 + i % 4}-0{1 + i % 9}-1{i % 10}" if i % 5 else None
        row["org"] = ["Volcano Lab", "Graph Institute", "", "Örebro AI"][i % 4]
        row["upvotes"] = i
        if i % 3 == 0:
            row["categories"] = ["cs.IR", "cs.CL"] if i % 2 else ["math.OC"]
        out.append(row)
    return out


def test_records_are_read_when_needed_and_agree_with_the_catalog(tmp_path):
    corpus = rows()
    a = hash_assistant(tmp_path / "home")
    a.ingest([write_jsonl(tmp_path / "c.jsonl", corpus)])
    reader = hash_assistant(tmp_path / "home")
    found = reader.retrieve("p7marker", k=5)
    with reader.index.reading() as view:
        papers = view.papers
        assert isinstance(papers, Papers) and len(papers) == 60
        assert 0 < len(papers._cache) <= 5  # only the papers the question returned were read
        assert found[0].paper == papers["p7"] and found[0].paper.org == "Örebro AI"
        assert "p59" in papers and "nope" not in papers and papers.get("nope") is None
        with pytest.raises(KeyError):
            papers["nope"]
        # The columns read from stored values filter as the raw records say.
        assert len({p.id for p in papers.values()}) == 60
        by_id = {r["id"]: r for r in corpus}
        cases = [
            (Filters(date_from="2022"), lambda r: bool(r["date"]) and r["date"] >= "2022"),
            (Filters(org="örebro ai"), lambda r: r["org"] == "Örebro AI"),
            (Filters(min_upvotes=30, date_to="2021-06"), lambda r: r["upvotes"] >= 30 and bool(r["date"])
             and r["date"] <= "2021-06-30"),
            (Filters(categories="cs"), lambda r: "cs.IR" in r.get("categories", [])),
            (Filters(categories="math"), lambda r: "math.OC" in r.get("categories", [])),
        ]  # fmt: skip
        for f, passes in cases:
            mask = view.columns.admitted(f)
            admitted = {pid for pid in papers if mask[view.columns.row[pid]]}
            assert admitted and admitted == {pid for pid, r in by_id.items() if passes(r)}, f
            assert {s.paper.id for s in reader.retrieve("study", f, k=60)} <= admitted


def test_the_filter_columns_of_an_earlier_catalog_come_from_its_records(tmp_path):
    """A catalog from before the filter columns lists the same values: read from the records while it is not
    migrated (a snapshot's copy, which readers do not migrate), from the columns its migration fills after."""
    import sqlite3

    from paperqa.index.catalog import Catalog
    from paperqa.index.migrations import FILTER_COLUMNS

    home = tmp_path / "home"
    a = hash_assistant(home)
    a.ingest([write_jsonl(tmp_path / "c.jsonl", rows())])
    with a.index.catalog.listing() as (_, listed):
        current = list(listed)
    a.close()
    assert [r[4] for r in current[:4]] == ['["math.OC"]', "[]", "[]", '["cs.IR","cs.CL"]']
    db = sqlite3.connect(home / "index" / "catalog.sqlite3")
    with db:
        for table in ("papers", "staged_papers"):
            for column in FILTER_COLUMNS:
                db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        db.execute("DELETE FROM _migrations WHERE name = 'm006_filter_columns'")
    db.close()
    earlier = Catalog(home / "index" / "catalog.sqlite3")
    with earlier.listing() as (_, listed):
        assert list(listed) == current
    earlier.close()
    b = hash_assistant(home)  # migrates
    with b.index.catalog.listing() as (_, listed):
        assert list(listed) == current
    assert {s.paper.id for s in b.retrieve("study", Filters(categories="math"), k=60)} == {
        r["id"] for r in rows() if "math.OC" in r.get("categories", [])
    }


def test_the_corpus_page_reads_counts_and_search_from_the_catalog(tmp_path):
    corpus = rows()
    a = hash_assistant(tmp_path / "home")
    a.ingest([write_jsonl(tmp_path / "c.jsonl", corpus)])
    overview = a.index.overview()
    assert overview.papers == 60
    dated = [r for r in corpus if r["date"]]
    per_year = {y: sum(1 for r in dated if r["date"].startswith(str(y))) for y in range(2020, 2024)}
    assert dict(overview.per_year) == per_year
    assert overview.orgs[0][1] == 15
    assert {o for o, _ in overview.orgs} == {"Volcano Lab", "Graph Institute", "Örebro AI"}
    assert overview.categories == ("cs.CL", "cs.IR", "math.OC")
    hits = a.index.find("GRAPH protein")  # every word, case folded, in the title or abstract
    expected = [r for r in corpus if "graph" in r["title"].casefold() and "protein" in r["title"].casefold()]
    assert {p.id for p in hits} == {r["id"] for r in expected} and hits
    keys = [(p.date is None, -(p.date.toordinal() if p.date else 0)) for p in hits]
    assert keys == sorted(keys)  # newest first, undated last
    assert len(a.index.find("", limit=7)) == 7 and a.index.find("no-such-word") == []
    assert all(isinstance(p.date, dt.date | None) for p in hits)
