"""The catalog's schema as ordered, named migrations (after simonw/llm's `llm/migrations.py`).

Each migration runs once, in order, in its own transaction, and is recorded in `_migrations`. An index made
before migrations existed starts at `m001`, whose statements are all `IF NOT EXISTS`. A migration that changes
what the derived stores hold marks the index for repair, which rebuilds them from the catalog.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable

from ..errors import IndexStateError

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    """Register a migration; they run in the order they are written here."""
    MIGRATIONS.append(fn)
    return fn


def apply(db: sqlite3.Connection) -> list[str]:
    """Run the migrations this catalog has not had yet; returns their names."""
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
    done = {name for (name,) in db.execute("SELECT name FROM _migrations")}
    if unknown := done - {m.__name__ for m in MIGRATIONS}:
        raise IndexStateError(
            f"the index was written by a newer paperqa (migration {sorted(unknown)[0]} is unknown here); "
            "upgrade paperqa"
        )
    ran = []
    for m in MIGRATIONS:
        if m.__name__ in done:
            continue
        with db:
            m(db)
            db.execute("INSERT INTO _migrations VALUES (?, datetime('now'))", (m.__name__,))
        ran.append(m.__name__)
    return ran


def _needs_repair(db: sqlite3.Connection) -> None:
    db.execute("INSERT OR REPLACE INTO meta VALUES ('pending', '1')")


@migration
def m001_catalog(db: sqlite3.Connection) -> None:
    """Papers, their chunks and index facts (the layout of every index before migrations)."""
    db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("CREATE TABLE IF NOT EXISTS papers (id TEXT PRIMARY KEY, hash TEXT NOT NULL, record TEXT NOT NULL)")
    db.execute(
        "CREATE TABLE IF NOT EXISTS chunks "
        "(id TEXT PRIMARY KEY, paper_id TEXT NOT NULL, position INTEGER NOT NULL, text TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX IF NOT EXISTS chunks_paper ON chunks (paper_id)")


@migration
def m002_staging(db: sqlite3.Connection) -> None:
    """Staged rows: an ingest writes here batch by batch and publishes them in one transaction."""
    db.execute(
        "CREATE TABLE staged_papers (id TEXT PRIMARY KEY, hash TEXT NOT NULL, record TEXT NOT NULL, "
        "rechunked INTEGER NOT NULL)"
    )
    db.execute(
        "CREATE TABLE staged_chunks "
        "(id TEXT PRIMARY KEY, paper_id TEXT NOT NULL, position INTEGER NOT NULL, text TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX staged_chunks_paper ON staged_chunks (paper_id)")
    db.execute("INSERT OR IGNORE INTO meta VALUES ('generation', '0')")


@migration
def m003_content_addressed_chunk_ids(db: sqlite3.Connection) -> None:
    """Chunk ids carry the paper's content hash (`paper:hash8:position`), so a changed abstract gets new ids.

    Vectors stored under the old ids (`paper:position`) are moved to the new ids by the repair that follows,
    without embedding again (`legacy_chunk_ids`).
    """
    db.execute(
        "UPDATE chunks SET id = paper_id || ':' || "
        "(SELECT substr(hash, 1, 8) FROM papers WHERE papers.id = chunks.paper_id) || ':' || position "
        "WHERE paper_id IN (SELECT id FROM papers)"
    )
    if db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]:
        db.execute("INSERT OR REPLACE INTO meta VALUES ('legacy_chunk_ids', '1')")
        _needs_repair(db)


@migration
def m004_derived_generations(db: sqlite3.Connection) -> None:
    """BM25 and the exact vector copy live in one folder per published generation (`derived/g00000001`)."""
    db.execute("DELETE FROM meta WHERE key = 'ingest_pending'")
    if db.execute("SELECT COUNT(*) FROM papers").fetchone()[0]:
        _needs_repair(db)


@migration
def m005_index_id(db: sqlite3.Connection) -> None:
    """A random id naming this index, which a Chroma server collection records as its owner."""
    db.execute("INSERT OR IGNORE INTO meta VALUES ('index_id', ?)", (uuid.uuid4().hex,))


FILTER_COLUMNS = ("date", "upvotes", "org", "categories")  # as `Catalog` writes them beside each record


@migration
def m006_filter_columns(db: sqlite3.Connection) -> None:
    """A paper's filter values (date, upvotes, org, categories as a JSON list) in columns beside its record: a
    reader lists them for every generation it loads, and parsing 100k records' JSON for them took ~0.5 s."""
    for table in ("papers", "staged_papers"):
        for column, kind in zip(FILTER_COLUMNS, ("TEXT", "INTEGER", "TEXT", "TEXT"), strict=True):
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
        db.execute(
            f"UPDATE {table} SET date = json_extract(record, '$.date'), upvotes = json_extract(record, '$.upvotes'), "
            "org = json_extract(record, '$.org'), categories = json_extract(record, '$.categories')"
        )
