"""The catalog: papers, their chunks and index facts in one SQLite file, the source of truth of the index.

An ingest stages papers batch by batch (`staged_*` tables, invisible to readers) and publishes them in one
transaction that also moves the generation counter, which is what readers watch.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..types import Chunk, Paper
from . import migrations
from .records import Listed, from_json, paper_row
from .sqlite import BUSY_SECONDS, journal_in_wal, slices, write_meta

_PAPER = ", ".join(("id", "hash", "record", *migrations.FILTER_COLUMNS))
_STAGE = f"INSERT OR REPLACE INTO staged_papers ({_PAPER}, rechunked) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
_CREATE = re.compile(r"^(\s*CREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX)\s+(?:IF\s+NOT\s+EXISTS\s+)?)", re.IGNORECASE)


@dataclass(frozen=True)
class Overview:
    """What a corpus page shows: the paper count, dated papers per year, papers per organisation (most first),
    and every category named."""

    papers: int
    per_year: tuple[tuple[int, int], ...]
    orgs: tuple[tuple[str, int], ...]
    categories: tuple[str, ...]


class Catalog:
    """Papers and chunks by id; every write is one transaction, so a crash loses nothing committed."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, check_same_thread=False, timeout=BUSY_SECONDS)
        self._lock = threading.RLock()  # one connection, shared by the UI's worker threads
        # WAL: readers in other processes never wait for the writer, and see only committed transactions.
        journal_in_wal(self.db)
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.create_function("casefold", 1, lambda t: t.casefold() if isinstance(t, str) else t, deterministic=True)

    def pending_migrations(self) -> bool:
        """Whether the schema is older than this version of paperqa (migrate under the writer lock)."""
        with self._lock:
            table = self.db.execute("SELECT 1 FROM sqlite_master WHERE name = '_migrations'").fetchone()
            done = {r[0] for r in self.db.execute("SELECT name FROM _migrations")} if table else set()
        return any(m.__name__ not in done for m in migrations.MIGRATIONS)

    def migrate(self) -> list[str]:
        """Bring the schema up to date (the caller holds the writer lock)."""
        with self._lock:
            return migrations.apply(self.db)

    def get_meta(self, key: str) -> str | None:
        """A stored index fact (embedding identity, generation, pending repair)."""
        with self._lock:
            row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Store an index fact."""
        with self._lock, self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def generation(self) -> int:
        """The published generation: moves by one each time an ingest or repair publishes."""
        return int(self.get_meta("generation") or 0)

    def set_metas(self, facts: Mapping[str, str | None]) -> None:
        """Store (or, for None, forget) several index facts in one transaction."""
        with self._lock, self.db:
            write_meta(self.db, facts)

    def hashes_of(self, paper_ids: Iterable[str]) -> dict[str, str]:
        """Content hash of those of these papers that are published, by id."""
        out: dict[str, str] = {}
        with self._lock:
            for part in slices(list(paper_ids)):
                marks = ",".join("?" * len(part))
                out.update(self.db.execute(f"SELECT id, hash FROM papers WHERE id IN ({marks})", part))
        return out

    def papers_of(self, paper_ids: Iterable[str]) -> dict[str, Paper]:
        """Those of these papers that are published, by id."""
        out: dict[str, Paper] = {}
        with self._lock:
            for part in slices(list(paper_ids)):
                marks = ",".join("?" * len(part))
                for (record,) in self.db.execute(f"SELECT record FROM papers WHERE id IN ({marks})", part):
                    paper = from_json(record)
                    out[paper.id] = paper
        return out

    def stage(self, papers: list[Paper], chunks: list[Chunk]) -> None:
        """Stage papers with new text and their chunks (published later, all at once)."""
        with self._lock, self.db:
            self.db.executemany("DELETE FROM staged_chunks WHERE paper_id = ?", [(p.id,) for p in papers])
            self.db.executemany(_STAGE, [(*paper_row(p), 1) for p in papers])
            self.db.executemany(
                "INSERT OR REPLACE INTO staged_chunks VALUES (?, ?, ?, ?)",
                [(c.id, c.paper_id, c.position, c.text) for c in chunks],
            )

    def stage_records(self, papers: list[Paper]) -> None:
        """Stage new metadata for papers whose text did not change (their chunks stay)."""
        with self._lock, self.db:
            self.db.executemany(_STAGE, [(*paper_row(p), 0) for p in papers])

    def staged(self) -> dict[str, list[str]]:
        """Chunk ids of every staged paper with new text, by paper id."""
        out: dict[str, list[str]] = {}
        with self._lock:
            for (pid,) in self.db.execute("SELECT id FROM staged_papers WHERE rechunked = 1"):
                out[pid] = []
            for cid, pid in self.db.execute("SELECT id, paper_id FROM staged_chunks ORDER BY paper_id, position"):
                out.setdefault(pid, []).append(cid)
        return out

    def staged_count(self) -> int:
        """Staged papers not yet published (an ingest in progress, or one that was killed)."""
        with self._lock:
            return int(self.db.execute("SELECT COUNT(*) FROM staged_papers").fetchone()[0])

    def discard_staged(self, paper_ids: Iterable[str]) -> None:
        """Forget staged papers (an interrupted ingest whose vectors did not all reach Chroma)."""
        rows = [(p,) for p in paper_ids]
        with self._lock, self.db:
            self.db.executemany("DELETE FROM staged_chunks WHERE paper_id = ?", rows)
            self.db.executemany("DELETE FROM staged_papers WHERE id = ?", rows)

    def publish(self, generation: int | None, facts: Mapping[str, str | None] | None = None) -> None:
        """Move staged rows into the published tables, in one transaction; optionally set the generation, and
        index facts that must be true exactly when these rows are (an ingest's resume point)."""
        with self._lock, self.db:
            write_meta(self.db, facts or {})
            self.db.execute("DELETE FROM chunks WHERE paper_id IN (SELECT id FROM staged_papers WHERE rechunked = 1)")
            self.db.execute(f"INSERT OR REPLACE INTO papers ({_PAPER}) SELECT {_PAPER} FROM staged_papers")
            self.db.execute("INSERT OR REPLACE INTO chunks SELECT id, paper_id, position, text FROM staged_chunks")
            self.db.execute("DELETE FROM staged_chunks")
            self.db.execute("DELETE FROM staged_papers")
            if generation is not None:
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (str(generation),))

    @contextlib.contextmanager
    def listing(self) -> Iterator[tuple[int, Iterator[Listed]]]:
        """The published generation and, paper by paper, its id and filter values (date, upvotes, org,
        categories as JSON), read in one transaction without building the papers (a view's columns)."""
        with self._lock:
            self.db.execute("BEGIN")
            try:
                generation = int(self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0])
                rows = self.db.execute(f"SELECT id, {self._filter_values()} FROM papers ORDER BY rowid")
                yield generation, rows
            finally:
                self.db.execute("COMMIT")

    def _filter_values(self) -> str:
        """The filter columns; a snapshot exported before they existed (its catalog not migrated by a reader)
        has them in the records only."""
        if "categories" in {r[1] for r in self.db.execute("PRAGMA table_info(papers)")}:
            return ", ".join(migrations.FILTER_COLUMNS)
        return ", ".join(f"json_extract(record, '$.{c}')" for c in migrations.FILTER_COLUMNS)

    def overview(self) -> Overview:
        """Counts for a corpus page: papers, dated papers per year, organisations, categories."""
        with self._lock:
            count = int(self.db.execute("SELECT COUNT(*) FROM papers").fetchone()[0])
            years = self.db.execute(
                "SELECT CAST(substr(d, 1, 4) AS INTEGER), COUNT(*) FROM "
                "(SELECT json_extract(record, '$.date') AS d FROM papers) WHERE d IS NOT NULL GROUP BY 1 ORDER BY 1"
            ).fetchall()
            orgs = self.db.execute(
                "SELECT o, COUNT(*) FROM (SELECT json_extract(record, '$.org') AS o FROM papers) "
                "WHERE o IS NOT NULL AND o != '' GROUP BY o ORDER BY 2 DESC, 1"
            ).fetchall()
            categories = self.db.execute(
                "SELECT DISTINCT c.value FROM papers, json_each(papers.record, '$.categories') AS c ORDER BY 1"
            ).fetchall()
        return Overview(count, tuple(years), tuple(orgs), tuple(c for (c,) in categories))

    def titles(self) -> list[str]:
        """Every published paper's title."""
        with self._lock:
            rows = self.db.execute("SELECT json_extract(record, '$.title') FROM papers").fetchall()
        return [t for (t,) in rows if t]

    def find(self, words: list[str], limit: int) -> list[Paper]:
        """Papers whose title or abstract holds every word (case folded), newest first, at most `limit`."""
        text = "casefold(json_extract(record, '$.title') || ' ' || json_extract(record, '$.abstract'))"
        where = " AND ".join(f"instr({text}, ?) > 0" for _ in words) or "1"
        sql = (f"SELECT record FROM papers WHERE {where} ORDER BY json_extract(record, '$.date') IS NULL, "
               "json_extract(record, '$.date') DESC, json_extract(record, '$.title') LIMIT ?")  # fmt: skip
        with self._lock:
            rows = self.db.execute(sql, [w.casefold() for w in words] + [limit]).fetchall()
        return [from_json(r) for (r,) in rows]

    def papers(self) -> list[Paper]:
        """Every published paper."""
        with self._lock:
            rows = self.db.execute("SELECT record FROM papers ORDER BY rowid").fetchall()
        return [from_json(r) for (r,) in rows]

    def chunk_ids(self) -> list[str]:
        """Every published chunk id, in a stable order."""
        with self._lock:
            return [cid for (cid,) in self.db.execute("SELECT id FROM chunks ORDER BY paper_id, position")]

    def chunk_ids_of(self, paper_ids: Iterable[str]) -> list[str]:
        """Published chunk ids of some papers."""
        out: list[str] = []
        with self._lock:
            for part in slices(list(paper_ids)):
                marks = ",".join("?" * len(part))
                out += [r[0] for r in self.db.execute(f"SELECT id FROM chunks WHERE paper_id IN ({marks})", part)]
        return out

    def chunks(self, ids: Iterable[str] | None = None) -> list[Chunk]:
        """Published chunks (all, or those with these ids), with their text."""
        with self._lock:
            if ids is None:
                rows = self.db.execute("SELECT id, paper_id, position, text FROM chunks ORDER BY paper_id, position")
                return [Chunk(*r) for r in rows]
            out: list[Chunk] = []
            for part in slices(list(ids)):
                marks = ",".join("?" * len(part))
                sql = f"SELECT id, paper_id, position, text FROM chunks WHERE id IN ({marks})"
                out += [Chunk(*r) for r in self.db.execute(sql, part)]
            return out

    def problems(self) -> tuple[list[str], int]:
        """Papers without chunks, and the number of chunks whose paper is not in the catalog."""
        with self._lock:
            bare = [
                r[0] for r in self.db.execute("SELECT id FROM papers WHERE id NOT IN (SELECT paper_id FROM chunks)")
            ]
            stray = self.db.execute("SELECT COUNT(*) FROM chunks WHERE paper_id NOT IN (SELECT id FROM papers)")
            return bare, int(stray.fetchone()[0])

    def delete_stray_chunks(self) -> None:
        """Remove chunks whose paper is not in the catalog."""
        with self._lock, self.db:
            self.db.execute("DELETE FROM chunks WHERE paper_id NOT IN (SELECT id FROM papers)")

    def add_chunks(self, chunks: list[Chunk]) -> None:
        """Store chunks of published papers directly (repair of a paper that lost its chunks)."""
        with self._lock, self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO chunks VALUES (?, ?, ?, ?)",
                [(c.id, c.paper_id, c.position, c.text) for c in chunks],
            )

    def has_papers(self) -> bool:
        """Whether any paper is published (asked before every question: no count of a million rows)."""
        with self._lock:
            return bool(self.db.execute("SELECT EXISTS (SELECT 1 FROM papers)").fetchone()[0])

    def count(self) -> int:
        """Number of published papers."""
        with self._lock:
            return int(self.db.execute("SELECT COUNT(*) FROM papers").fetchone()[0])

    def chunk_count(self) -> int:
        """Number of published chunks."""
        with self._lock:
            return int(self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])

    def export(self, path: Path) -> int:
        """Copy what readers use of the published catalog (papers, facts, schema; not the chunks' text, which
        only the writer reads, nor staged rows) into a new single-file database; its paper count."""
        with self._lock:
            self.db.execute("ATTACH DATABASE ? AS snap", (str(path),))
            try:
                with self.db:  # one transaction: the copy is of one generation
                    schema = self.db.execute("SELECT sql FROM main.sqlite_master WHERE sql IS NOT NULL")
                    for (sql,) in schema.fetchall():
                        self.db.execute(_CREATE.sub(r"\1snap.", sql, count=1))
                    for table in ("_migrations", "meta", "papers"):
                        self.db.execute(f"INSERT INTO snap.{table} SELECT * FROM main.{table}")
                return int(self.db.execute("SELECT COUNT(*) FROM snap.papers").fetchone()[0])
            finally:
                self.db.execute("DETACH DATABASE snap")

    def close(self) -> None:
        """Release the database file."""
        with self._lock:
            self.db.close()
