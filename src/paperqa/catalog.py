"""The paper catalog beside Chroma: papers, their chunks and index facts in one SQLite file."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from .types import Chunk, Paper

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS papers (id TEXT PRIMARY KEY, hash TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY, paper_id TEXT NOT NULL, position INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_paper ON chunks (paper_id);
"""


def _to_json(p: Paper) -> str:
    return json.dumps({**p.__dict__, "date": p.date.isoformat() if p.date else None, "sources": list(p.sources)})


def _from_json(text: str) -> Paper:
    d = json.loads(text)
    d["date"] = dt.date.fromisoformat(d["date"]) if d["date"] else None
    d["sources"] = tuple(d["sources"])
    return Paper(**d)


class Catalog:
    """Papers and chunks by id; every write is one transaction, so a failure loses nothing stored."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, check_same_thread=False)
        self.db.executescript(_SCHEMA)

    def get_meta(self, key: str) -> str | None:
        """A stored index fact (for example the embedding identity)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Store an index fact."""
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def hashes(self) -> dict[str, str]:
        """Content hash of every stored paper, by id."""
        return dict(self.db.execute("SELECT id, hash FROM papers"))

    def put(self, papers: list[Paper], chunks: list[Chunk]) -> None:
        """Store papers with their chunks, replacing any earlier chunks of those papers."""
        with self.db:
            self.db.executemany("DELETE FROM chunks WHERE paper_id = ?", [(p.id,) for p in papers])
            self.db.executemany(
                "INSERT OR REPLACE INTO papers VALUES (?, ?, ?)", [(p.id, p.content_hash, _to_json(p)) for p in papers]
            )
            self.db.executemany(
                "INSERT INTO chunks VALUES (?, ?, ?, ?)", [(c.id, c.paper_id, c.position, c.text) for c in chunks]
            )

    def update_records(self, papers: list[Paper]) -> None:
        """Replace the metadata of papers whose indexed text did not change."""
        with self.db:
            self.db.executemany("UPDATE papers SET record = ? WHERE id = ?", [(_to_json(p), p.id) for p in papers])

    def papers(self) -> list[Paper]:
        """Every stored paper."""
        return [_from_json(r) for (r,) in self.db.execute("SELECT record FROM papers ORDER BY rowid")]

    def chunks(self) -> list[Chunk]:
        """Every stored chunk, in a stable order."""
        rows = self.db.execute("SELECT id, paper_id, position, text FROM chunks ORDER BY paper_id, position")
        return [Chunk(*r) for r in rows]

    def chunk_count(self) -> int:
        """Number of stored chunks."""
        return self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]

    def count(self) -> int:
        """Number of stored papers."""
        return self.db.execute("SELECT COUNT(*) FROM papers").fetchone()[0]

    def close(self) -> None:
        """Release the database file."""
        self.db.close()
