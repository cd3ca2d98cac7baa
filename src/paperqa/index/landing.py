"""An ingest's batches landed in the stores, their Chroma upserts on a thread of their own beside the writer's work.

Batch after batch in the order given, each batch's vectors are upserted to Chroma and, once they are, its rows
staged in the catalog (by the writer's thread: SQLite's many short calls would wait on the interpreter lock
there), so what a kill can leave is what it was when the writer did both in turn. What gains: a Chroma server
inserts with one core (at 1M papers, half of an ingest's time), and that core and the writer's (embedding the
next batches, building the next generation's BM25) now work at once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

import numpy as np

from ..types import Chunk, Paper
from . import faults
from .stores import Stores

Progress = Callable[[int, int], None]  # (papers done, papers in all)


class Landing:
    """Batches handed over with `land`, stored in order; `finish` waits for all and raises the first failure."""

    def __init__(self, stores: Stores, total: int, progress: Progress | None = None) -> None:
        self._stores, self._total, self._progress = stores, total, progress
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="paperqa-landing")
        self._queued: deque[tuple[Future[None], list[Paper], list[Chunk], int]] = deque()

    def land(self, batch: Sequence[Paper], chunks: list[Chunk], vectors: np.ndarray, done: int) -> None:
        """Store a batch after those before it; `done` papers of `total` are stored once it is."""
        self._queued.append((self._pool.submit(self._upsert, chunks, vectors), list(batch), chunks, done))
        while self._queued and self._queued[0][0].done():
            self._collect()  # a failed batch stops the ingest here, not after the rest are embedded

    def finish(self) -> None:
        """Wait until every batch is stored."""
        while self._queued:
            self._collect()

    def _collect(self) -> None:
        future, batch, chunks, done = self._queued.popleft()
        future.result()
        self._stores.catalog.stage(batch, chunks)
        faults.crash_point("ingest.staged")
        if self._progress:
            self._progress(done, self._total)

    def _upsert(self, chunks: list[Chunk], vectors: np.ndarray) -> None:
        self._stores.chroma.upsert([c.id for c in chunks], vectors)
        faults.crash_point("ingest.upserted")

    def __enter__(self) -> Landing:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        # On a failure the batches not begun are dropped (their papers stay unstaged, as if never read) and
        # the one being stored is waited for: a store is never written after the ingest has given up.
        self._pool.shutdown(wait=True, cancel_futures=kind is not None)
