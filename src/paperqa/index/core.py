"""The `Index`: the one object that knows the stores under PAPERQA_HOME/index, behind a narrow surface.

Readers take a `View` of the published generation (`with index.reading() as view`); when another process
has published, the next read loads the new generation. Readers never open Chroma (see `view`). Writers
(`add`, `check`) hold the index's writer lock and open Chroma afresh; opening an index that a crash left
inconsistent repairs it. With a snapshot folder, the writer also publishes every generation there, and reads
(its own too) come from the newest snapshot, polled at most every `poll` seconds, so every process answers alike.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding

from ..backends import embedding_identity
from ..embeddings import embed_texts
from ..errors import IndexBusyError, IndexMismatchError
from ..types import Paper
from . import derived, heap, pagecache, repair, writer
from .catalog import Catalog, Overview
from .chroma import ChromaStore
from .chunking import Chunker
from .derived import Derived
from .landing import Progress
from .lock import OnWait, WriterLock
from .papers import Papers
from .repair import CheckReport
from .server import ChromaServer
from .snapshot_reader import SnapshotReader, view_of
from .snapshots import SnapshotFolder
from .stores import Stores
from .view import View
from .writer import IngestReport, Segment


def _scaled(progress: Progress | None, share: tuple[float, float]) -> Progress | None:
    """A segment's own (done, total) as thousandths of the whole ingest."""
    if progress is None:
        return None
    start, end = share
    return lambda done, total: progress(round((start + (end - start) * done / max(total, 1)) * 1000), 1000)


class Index:
    """Catalog, Chroma, BM25 and the exact copy of one index folder, kept in agreement."""

    def __init__(
        self,
        folder: Path,
        embed_model: BaseEmbedding,
        chunk_tokens: int = 256,
        chunk_overlap: int = 32,
        batch_papers: int = 2048,
        on_wait: OnWait | None = None,
        server: ChromaServer | None = None,
        snapshots: SnapshotFolder | None = None,
        poll: float = 2.0,
    ) -> None:
        self.folder, self.embed_model, self.batch_papers = folder, embed_model, batch_papers
        self.server = server  # vectors on a Chroma server instead of the folder's embedded store
        self.identity = embedding_identity(embed_model)
        self.on_wait = on_wait
        self.catalog = Catalog(folder / "catalog.sqlite3")
        self.lock = WriterLock(folder / "writer.lock")
        self.chunker = Chunker(chunk_tokens, chunk_overlap)
        self._reload = threading.Lock()  # one thread at a time loads a new view; readers keep the old one
        self._view: View | None = None
        self.snapshots = snapshots
        self._shared = SnapshotReader(snapshots, folder / "snapshots", self.identity, poll) if snapshots else None
        self._closed = False
        if self.catalog.pending_migrations():
            with self.lock.hold("upgrade", on_wait=on_wait):
                self.catalog.migrate()
        stored = self.catalog.get_meta("embedding")
        if stored and stored != self.identity:
            raise IndexMismatchError(
                f"index at {folder} was built with embedding {stored!r}, not {self.identity!r}; "
                "use the same embedding or another PAPERQA_HOME"
            )
        self._chroma: ChromaStore | None = None  # opened by the first write or check of this process
        if self._unfinished():
            # A writer at work (IndexBusyError) publishes or repairs on its own.
            with contextlib.suppress(IndexBusyError), self.lock.hold("repair", wait=False):
                self._writable()

    @contextlib.contextmanager
    def reading(self) -> Iterator[View]:
        """The view of the newest published generation, for one question (views never change)."""
        if self._shared is not None:
            yield self._shared.view()
            return
        self._refresh()
        assert self._view is not None
        yield self._view

    def loaded(self) -> View | None:
        """The view this process has read (of the index folder, not a snapshot), if it has read one yet."""
        return self._view if self.snapshots is None else None

    def adopt(self, view: View) -> None:
        """Answer from a view another index object of the same folder loaded (a forked worker's parent's: its
        pages are shared, not read again), its papers read through this index's own catalog connection; a newer
        generation is still loaded when one is published."""
        if self.snapshots is None:
            self._view = view.reading_from(self.catalog)

    @property
    def papers(self) -> Mapping[str, Paper]:
        """Every published paper by id (of the newest generation), each read when asked for."""
        with self.reading() as view:
            return view.papers

    def overview(self) -> Overview:
        """Counts for a corpus page: papers, dated papers per year, organisations, categories."""
        with self.reading() as view:
            return view.papers.overview() if isinstance(view.papers, Papers) else Overview(0, (), (), ())

    def titles(self) -> list[str]:
        """Every published paper's title (what the corpus is about, read without a model)."""
        with self.reading() as view:
            return view.papers.titles() if isinstance(view.papers, Papers) else []

    def find(self, query: str, limit: int = 500) -> list[Paper]:
        """Papers whose title or abstract holds every word of the query, newest first."""
        with self.reading() as view:
            return view.papers.find(query, limit) if isinstance(view.papers, Papers) else []

    def fact(self, key: str) -> str | None:
        """A stored index fact (an ingest's resume point), as last published."""
        return self.catalog.get_meta(key)

    def published_papers(self, paper_ids: Iterable[str]) -> dict[str, Paper]:
        """Those of these papers that are published, by id, read from the catalog (not a whole view)."""
        return self.catalog.papers_of(paper_ids)

    def is_empty(self) -> bool:
        """Whether no paper has been published yet (to the snapshot folder, when there is one)."""
        if self.snapshots is not None:
            return self.snapshots.latest() is None
        return not self.catalog.has_papers()

    def _refresh(self) -> None:
        generation = self.catalog.generation()
        if self._view is not None and self._view.generation == generation:
            return
        with self._reload:
            generation = self.catalog.generation()
            if self._view is not None and self._view.generation == generation:
                return
            self._view = self._load_view()

    def _load_view(self) -> View:
        for attempt in range(5):
            try:
                view = view_of(self.catalog, lambda g: derived.load(self.folder / "derived", g))
                pagecache.warm(derived.files(self.folder / "derived", view.generation))
                return view
            except FileNotFoundError:
                if attempt == 4:
                    raise
                time.sleep(0.05)  # published and cleaned up twice while we read: read the newer one
        raise AssertionError("unreachable")

    def add(
        self,
        papers: Sequence[Paper],
        progress: Progress | None = None,
        wait: bool = True,
        on_wait: OnWait | None = None,
    ) -> IngestReport:
        """Index papers as the only writer: new ones added, changed ones replaced, the rest re-described."""
        return self.add_segments([Segment(papers, {})], progress, wait, on_wait)

    def add_segments(
        self,
        segments: Iterable[Segment],
        progress: Progress | None = None,
        wait: bool = True,
        on_wait: OnWait | None = None,
    ) -> IngestReport:
        """Index segments in turn under one hold of the writer lock, each published as a generation of its own
        with its facts; `progress` is told (done, total) in thousandths of the whole."""
        heap.return_large_arrays()  # the writer's memory stays that of one segment, however long the ingest
        with self.lock.hold("ingest", wait, on_wait or self.on_wait):
            stores = self._writable()
            generation = self.catalog.generation()
            current = self._view.derived if self._view and self._view.generation == generation else None
            current = current or derived.load(self.folder / "derived", generation)
            report = IngestReport(0, 0, 0, self.catalog.count())
            published = None
            for segment in segments:
                told = _scaled(progress, segment.share)
                part, done = writer.ingest(stores, current, segment.papers, self.batch_papers, told, segment.facts)
                report = report.then(part)
                if done is not None:
                    current, published = done.derived, done
                heap.release()
                if progress:
                    progress(round(segment.share[1] * 1000), 1000)
            if published is not None:
                self._view = None  # loaded again by the next read: the writer itself holds no paper records
            self._share()
            return report

    def check(self, repair_it: bool = False, wait: bool = True, on_wait: OnWait | None = None) -> CheckReport:
        """Verify the invariant store by store; with `repair_it`, restore it when it does not hold."""
        with self.lock.hold("check", wait, on_wait or self.on_wait):
            self._fresh_chroma()
            report = repair.check(self._stores())
            if not repair_it or report.consistent:
                if report.consistent:
                    self._share()
                return report
            self._publish_view(*repair.repair(self._stores()))
            self._share()
            after = repair.check(self._stores())
            return CheckReport(after.consistent, after.papers, after.chunks, after.problems, report.problems)

    def _share(self) -> None:
        """Publish the local generation to the snapshot folder if it is not there yet (writer lock held); a
        writer killed after its own publish catches up here on its next write or check."""
        if self.snapshots is not None:
            self.snapshots.publish(
                self.catalog, self.folder / "derived", self.catalog.generation(),
                self.catalog.get_meta("index_id") or "", self.identity,
            )  # fmt: skip
            assert self._shared is not None
            self._shared.renew()  # read what was just published

    def _unfinished(self) -> bool:
        return self.catalog.get_meta("pending") == "1" or self.catalog.staged_count() > 0

    def _writable(self) -> Stores:
        """The stores as this process, now the writer (lock held), must see them: Chroma read afresh, the
        mess of a crash repaired."""
        self._fresh_chroma()
        if self._unfinished():
            self._publish_view(*repair.repair(self._stores()))
        return self._stores()

    def _publish_view(self, generation: int, following: Derived) -> None:
        """Read from what this process just published (no need to load it back from disk)."""
        with self._reload:
            self._view = view_of(self.catalog, lambda g: following if g == generation else derived.load(
                self.folder / "derived", g))  # fmt: skip

    @property
    def chroma(self) -> ChromaStore:
        """This process's Chroma store of the index (opened on first use)."""
        if self._chroma is None:
            self._chroma = self._open_chroma()
        return self._chroma

    def _open_chroma(self) -> ChromaStore:
        place = self.server or self.folder / "chroma"
        return ChromaStore.shared(place, self.identity, self.catalog.get_meta("index_id") or "")

    def _fresh_chroma(self) -> None:
        """Re-read Chroma's folder (the writer lock is held): another process may have written it since."""
        if self._chroma is None:
            self._chroma = self._open_chroma()
        else:
            self._chroma.renew()

    def _stores(self) -> Stores:
        return Stores(self.folder, self.catalog, self.chroma, self.chunker, self._embed, self.identity)

    def _embed(self, texts: list[str]) -> np.ndarray:
        return embed_texts(self.embed_model, texts)

    def close(self) -> None:
        """Release the files this index holds open (once; later calls do nothing)."""
        if self._closed:
            return
        self._view = None
        if self._chroma is not None:
            self._chroma.release()
        self.catalog.close()
        self._closed = True
