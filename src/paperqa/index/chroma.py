"""The one module that knows chromadb: chunk vectors with their filter fields in a persistent collection.

Chunk text lives in the catalog, not here: Chroma indexes stored documents for full-text search, which cost
60% of an add and which nothing reads (BM25 does the lexical side).

Two facts of Chroma's embedded mode shape this store. A `PersistentClient` keeps its HNSW index in memory and
does not see vectors another process adds (chroma-core/chroma #3792): a writer renews this store before it
writes, and readers search the exact copy instead. And a process killed while Chroma writes its HNSW files can
leave them unreadable ("Failed to apply logs to the hnsw segment writer", chroma-core/chroma #7766), or crash
whoever queries them: every Chroma failure here is a `ChromaUnreadable`, health is asked of a separate process
(`probe`), and the repair answers both by setting the folder aside and refilling a new one.

On a Chroma server (`ChromaServer`, `PAPERQA_CHROMA_URL`) every client sees every write and nothing of it is
on this machine: nothing is renewed or set aside, and a server that cannot be used is a `ChromaServerError`.
"""

from __future__ import annotations

import contextlib
import shutil
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import chromadb
import chromadb.errors
import numpy as np
from chromadb.api.models.Collection import Collection
from chromadb.config import Settings as ChromaSettings

from ..errors import IndexStateError
from . import faults
from .chroma_probe import probe
from .rwlock import ReadWriteLock
from .server import DEFAULT_COLLECTION as COLLECTION
from .server import ChromaServer

_PAGE = 5000
_LOCKED_WAITS = (0.05, 0.2, 0.5, 0.0)  # seconds after each try of a best-effort write


class ChromaUnreadable(IndexStateError):
    """Chroma's files cannot be read or written (`paperqa check --repair` rebuilds them from the catalog)."""


class ChromaServerError(IndexStateError):
    """The Chroma server cannot be reached or used (trying again later may help)."""

    retryable = True


Place = Path | ChromaServer  # a folder of an embedded store, or a server


class ChromaStore:
    """Chunk vectors by id in a Chroma `PersistentClient` folder (telemetry off), one store per folder per
    process: Chroma shares one system per path in a process, so this store is shared the same way, and
    renewed for everyone in the process when a writer needs to read the folder afresh."""

    _open: ClassVar[dict[str, ChromaStore]] = {}
    _registry = threading.Lock()

    @classmethod
    def shared(cls, place: Place, embedding_identity: str, owner: str = "") -> ChromaStore:
        """This process's store of a folder or server collection (opened on first use; `release` when done).
        `owner` names the index a server collection belongs to: another index's collection is refused, since
        a repair removes the vectors its own catalog does not know."""
        key = _key(place)
        with cls._registry:
            store = cls._open.get(key)
            if store is None:
                store = cls._open[key] = cls(place, embedding_identity, owner)
            store._users += 1
            return store

    def __init__(self, place: Place, embedding_identity: str, owner: str = "") -> None:
        self.place, self.identity, self.owner = place, embedding_identity, owner
        self.server = place if isinstance(place, ChromaServer) else None
        self.folder = place if isinstance(place, Path) else None
        self.where = self.server.label if self.server else f"Chroma at {place}"
        self.batch_size = 5000
        self._users = 0
        self._rw = ReadWriteLock()
        self._client: Any = None
        self._collection: Collection | None = None
        self._trouble: str | None = None
        self._graph_raised = False  # see `_raise_sync_threshold`
        self._connect()

    def _connect(self) -> None:
        """Open the folder; a store Chroma cannot open is remembered as broken, not raised (repair needs it).
        A server that cannot be used is raised: it is not ours to set aside."""
        if self.server is not None:
            try:
                self._client = _server_client(self.server)
                self._open_collection(self.server.collection)
            except Exception as exc:  # whatever the client raises, one line
                self._client = self._collection = None
                raise ChromaServerError(f"{self.where}: cannot use it ({_reason(exc)})") from None
            return
        assert self.folder is not None
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            self._client = chromadb.PersistentClient(
                path=str(self.folder), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False)
            )
            self._open_collection(COLLECTION)
        except (chromadb.errors.ChromaError, RuntimeError, OSError, ValueError) as exc:
            self._trouble = f"{type(exc).__name__}: {exc}"

    def _open_collection(self, name: str) -> None:
        metadata = {"embedding": self.identity}
        if self.server is not None:
            metadata["owner"] = self.owner
        self._collection = self._client.get_or_create_collection(
            name, embedding_function=None, metadata=metadata, configuration=GRAPH
        )  # an existing collection keeps the graph it was made with
        if self.server is not None:
            stored = self._collection.metadata or {}
            if stored.get("embedding") != self.identity:
                raise ValueError(f"it holds vectors of embedding {stored.get('embedding')!r}, not {self.identity!r}")
            if stored.get("owner") != self.owner:
                raise ValueError("the collection belongs to another paperqa index; set PAPERQA_CHROMA_COLLECTION")
        self._graph_raised = False
        self.batch_size = self._client.get_max_batch_size()
        self._trouble = None

    def _close(self) -> None:
        if self._client is not None:
            with contextlib.suppress(Exception):  # a broken store may fail to close too
                self._client.close()
        self._client = self._collection = None

    @contextlib.contextmanager
    def _access(self) -> Iterator[Collection]:
        """The collection for one call (shared with other threads), every Chroma failure made one error."""
        with self._rw.read():
            if self._collection is None:
                raise ChromaUnreadable(f"{self.where} cannot be read ({self._trouble})")
            try:
                yield self._collection
            except IndexStateError:
                raise
            except Exception as exc:
                if self.server is not None:  # the server went away or refused: nothing local is damaged
                    raise ChromaServerError(f"{self.where}: {_reason(exc)}") from None
                if not isinstance(exc, (chromadb.errors.ChromaError, RuntimeError)):
                    raise
                self._trouble = f"{type(exc).__name__}: {str(exc)[:300]}"
                raise ChromaUnreadable(f"{self.where} cannot be read ({self._trouble})") from None

    @property
    def collection(self) -> Collection:
        """The Chroma collection itself (for tests that check what it holds)."""
        with self._access() as collection:
            return collection

    def health(self) -> str | None:
        """Why this store cannot be used, or None, asked of a separate process (a damaged store may crash
        the process that reads it). A server is asked here; one that cannot answer is a `ChromaServerError`."""
        if self.server is not None:
            self.count()
            return None
        assert self.folder is not None
        return self._trouble if self._collection is None else probe(self.folder, COLLECTION)

    def reset(self) -> None:
        """Set an unreadable folder aside (as `chroma.broken`) and start an empty one (on a server: empty
        the collection)."""
        with self._rw.write():
            if self.server is not None:
                self._client.delete_collection(self.server.collection)
                self._open_collection(self.server.collection)
                return
            assert self.folder is not None
            self._close()
            aside = self.folder.with_name(self.folder.name + ".broken")
            shutil.rmtree(aside, ignore_errors=True)
            if self.folder.exists():
                self.folder.rename(aside)
            self._connect()

    def renew(self) -> None:
        """Open a new client, which reads the folder afresh (waits for calls in flight in this process); a
        server's clients see every write already."""
        if self.server is not None:
            return
        with self._rw.write():
            self._close()
            self._connect()

    def release(self) -> None:
        """One user fewer; the last one closes the client."""
        with ChromaStore._registry:
            self._users -= 1
            if self._users > 0:
                return
            ChromaStore._open.pop(_key(self.place), None)
        with self._rw.write():
            self._close()

    def upsert(self, ids: list[str], vectors: np.ndarray) -> None:
        """Add or replace vectors, in batches no larger than Chroma accepts.

        Ids and vectors only: nothing of paperqa filters in Chroma (filters are masks over the exact copy), and
        filter fields stored with each vector made a server's upserts 3x slower and slowing with its size
        (measured on a `chroma run`: 1,744 -> 982 chunks/s over the first 300k, 4,862 -> 3,362 without)."""
        self._raise_sync_threshold()
        for start in range(0, len(ids), self.batch_size):
            end = start + self.batch_size
            faults.crash_point("chroma.upsert")
            with self._access() as c:
                c.upsert(ids=ids[start:end], embeddings=vectors[start:end])

    def _raise_sync_threshold(self) -> None:
        """Raise a collection made with Chroma's default `sync_threshold` (the one graph setting that can
        change), when first written: opening to read writes nothing. Only a saving of time, so a database
        another connection holds locked (SQLite's "database is locked", seen under load) is tried a few times
        and then left for the next write."""
        with self._access() as c:
            if self._graph_raised:
                return
            wanted = GRAPH["hnsw"]["sync_threshold"]
            for wait in _LOCKED_WAITS:
                if ((c.configuration_json or {}).get("hnsw") or {}).get("sync_threshold", wanted) >= wanted:
                    self._graph_raised = True
                    return
                try:
                    c.modify(configuration={"hnsw": {"sync_threshold": wanted}})
                except chromadb.errors.ChromaError as exc:
                    if "locked" not in str(exc):
                        raise
                    time.sleep(wait)

    def delete(self, ids: list[str]) -> None:
        """Remove vectors by chunk id (ids not stored are ignored)."""
        for start in range(0, len(ids), self.batch_size):
            faults.crash_point("chroma.delete")
            with self._access() as c:
                c.delete(ids=ids[start : start + self.batch_size])

    def ids(self) -> list[str]:
        """Every stored chunk id, read page by page."""
        out: list[str] = []
        with self._access() as c:
            for offset in range(0, c.count(), _PAGE):
                out += c.get(include=[], limit=_PAGE, offset=offset)["ids"]
        return out

    def vectors(self, ids: list[str]) -> tuple[list[str], np.ndarray]:
        """The stored vectors of these chunk ids (missing ones left out), one float32 row each."""
        found: list[str] = []
        pages: list[np.ndarray] = []
        for start in range(0, len(ids), _PAGE):
            with self._access() as c:
                got = c.get(ids=ids[start : start + _PAGE], include=["embeddings"])
            if got["ids"]:
                found += got["ids"]
                pages.append(np.asarray(got["embeddings"], dtype=np.float32))
        return found, np.vstack(pages) if pages else np.zeros((0, 0), np.float32)

    def query(self, vector: Sequence[float], k: int) -> list[tuple[str, float]]:
        """The k nearest chunks as (chunk id, cosine similarity), best first."""
        with self._access() as c:
            if k <= 0 or c.count() == 0:
                return []
            got = c.query(query_embeddings=np.asarray([vector], dtype=np.float32), n_results=k, include=["distances"])
        distances = got["distances"][0] if got["distances"] else []
        return [(cid, 1.0 - d) for cid, d in zip(got["ids"][0], distances, strict=True)]

    def count(self) -> int:
        """Number of vectors stored."""
        with self._access() as c:
            return c.count()


# paperqa never searches Chroma's graph (readers search the exact copy; see `view`), so it is built cheaply:
# at 120k chunks, ef_construction 16 and 8 neighbours upsert 2.5x as fast as Chroma's 100 and 16 (bench/README).
# Chroma saves its graph and pickles its whole id map every `sync_threshold` vectors (default 1,000), a cost that
# grows with the collection: at 1.3M vectors it was 55% of a server's upsert time. Vectors not saved yet are in
# Chroma's own log, replayed when it opens, so saving less often loses nothing.
GRAPH: Any = {"hnsw": {"space": "cosine", "ef_construction": 16, "max_neighbors": 8, "sync_threshold": 50_000}}


def _key(place: Place) -> str:
    return f"{place.url}#{place.collection}" if isinstance(place, ChromaServer) else str(place.resolve())


def _server_client(server: ChromaServer) -> Any:
    client = chromadb.HttpClient(host=server.host, port=server.port, ssl=server.ssl, headers=server.headers,
                                 settings=ChromaSettings(anonymized_telemetry=False))  # fmt: skip
    client.heartbeat()
    return client


def _reason(exc: BaseException) -> str:
    """An exception as a short line: its type and first line, without the client's stack of causes."""
    text = " ".join(str(exc).split())[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
