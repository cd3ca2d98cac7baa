"""How the catalog's SQLite file is written: WAL mode and the busy wait for another process's lock, index facts,
and ids in slices under SQLite's limit on bound variables."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Mapping

_IN = 900  # ids per `IN (...)`, below SQLite's limit on bound variables
BUSY_SECONDS = 60  # how long a statement waits for another process's lock on the catalog


def journal_in_wal(db: sqlite3.Connection) -> None:
    """Put the catalog in WAL mode, waiting while another process holds it: SQLite answers a journal-mode change
    "database is locked" at once, without its busy wait (two ingests opening a new index raced here: one failed
    with "unexpected OperationalError", about one start in thirty)."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def write_meta(db: sqlite3.Connection, facts: Mapping[str, str | None]) -> None:
    """Set index facts in the meta table (a None value removes its key), inside the caller's transaction."""
    for key, value in facts.items():
        if value is None:
            db.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def slices(items: list[str]) -> Iterator[list[str]]:
    """Ids in slices an `IN (...)` may bind at once."""
    for start in range(0, len(items), _IN):
        yield items[start : start + _IN]
