"""The one module that knows chromadb: chunk vectors with their filter fields in a persistent collection.

Chunk text lives in the catalog, not here: Chroma indexes stored documents for full-text search, which cost
60% of an add and which nothing reads (BM25 does the lexical side).

A `PersistentClient` keeps its HNSW index in memory and does not see vectors another process adds
(chroma-core/chroma #3792), so the index renews this store whenever another process has published.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings

from . import faults
from .rwlock import ReadWriteLock

COLLECTION = "paperqa_chunks"
_PAGE = 5000


class ChromaStore:
    """Chunk vectors by id in a Chroma `PersistentClient` folder (telemetry off), one store per folder per
    process: Chroma shares one system per path in a process, so this store is shared the same way and
    renewed for everyone in it when another process has published."""

    _open: ClassVar[dict[str, ChromaStore]] = {}
    _registry = threading.Lock()

    @classmethod
    def shared(cls, folder: Path, embedding_identity: str) -> ChromaStore:
        """This process's store of `folder` (opened on first use; `release` when done)."""
        key = str(folder.resolve())
        with cls._registry:
            store = cls._open.get(key)
            if store is None:
                store = cls._open[key] = cls(folder, embedding_identity)
            store._users += 1
            return store

    def __init__(self, folder: Path, embedding_identity: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder, self.identity = folder, embedding_identity
        self.generation = -1  # the index generation this client is known to see (set by the index)
        self._users = 0
        self._rw = ReadWriteLock()
        self._connect()

    def _connect(self) -> None:
        self.client = chromadb.PersistentClient(
            path=str(self.folder), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        )
        self.collection = self.client.get_or_create_collection(
            COLLECTION,
            embedding_function=None,
            metadata={"hnsw:space": "cosine", "embedding": self.identity},
        )
        self.batch_size = self.client.get_max_batch_size()

    def renew(self, generation: int) -> None:
        """Open a new client, which reads the folder afresh (waits for calls in flight in this process)."""
        with self._rw.write():
            self.client.close()
            self._connect()
            self.generation = generation

    def release(self) -> None:
        """One user fewer; the last one closes the client."""
        with ChromaStore._registry:
            self._users -= 1
            if self._users > 0:
                return
            ChromaStore._open.pop(str(self.folder.resolve()), None)
        with self._rw.write():
            self.client.close()

    def upsert(self, ids: list[str], vectors: np.ndarray, metadatas: Sequence[dict[str, Any]]) -> None:
        """Add or replace vectors with their filter fields, in batches no larger than Chroma accepts."""
        for start in range(0, len(ids), self.batch_size):
            end = start + self.batch_size
            faults.crash_point("chroma.upsert")
            with self._rw.read():
                self.collection.upsert(
                    ids=ids[start:end], embeddings=vectors[start:end], metadatas=list(metadatas[start:end])
                )

    def update_metadata(self, ids: list[str], metadatas: Sequence[dict[str, Any]]) -> None:
        """Replace the filter fields of stored vectors (a paper's metadata changed, its text did not)."""
        for start in range(0, len(ids), self.batch_size):
            end = start + self.batch_size
            with self._rw.read():
                self.collection.update(ids=ids[start:end], metadatas=list(metadatas[start:end]))

    def delete(self, ids: list[str]) -> None:
        """Remove vectors by chunk id (ids not stored are ignored)."""
        for start in range(0, len(ids), self.batch_size):
            faults.crash_point("chroma.delete")
            with self._rw.read():
                self.collection.delete(ids=ids[start : start + self.batch_size])

    def ids(self) -> list[str]:
        """Every stored chunk id, read page by page."""
        out: list[str] = []
        with self._rw.read():
            for offset in range(0, self.collection.count(), _PAGE):
                out += self.collection.get(include=[], limit=_PAGE, offset=offset)["ids"]
        return out

    def vectors(self, ids: list[str]) -> tuple[list[str], np.ndarray]:
        """The stored vectors of these chunk ids (missing ones left out), one float32 row each."""
        found: list[str] = []
        pages: list[np.ndarray] = []
        for start in range(0, len(ids), _PAGE):
            with self._rw.read():
                got = self.collection.get(ids=ids[start : start + _PAGE], include=["embeddings"])
            if got["ids"]:
                found += got["ids"]
                pages.append(np.asarray(got["embeddings"], dtype=np.float32))
        return found, np.vstack(pages) if pages else np.zeros((0, 0), np.float32)

    def query(self, vector: Sequence[float], k: int) -> list[tuple[str, float]]:
        """The k nearest chunks as (chunk id, cosine similarity), best first."""
        with self._rw.read():
            if k <= 0 or self.collection.count() == 0:
                return []
            got = self.collection.query(query_embeddings=[list(vector)], n_results=k, include=["distances"])
        distances = got["distances"][0] if got["distances"] else []
        return [(cid, 1.0 - d) for cid, d in zip(got["ids"][0], distances, strict=True)]

    def count(self) -> int:
        """Number of vectors stored."""
        with self._rw.read():
            return self.collection.count()
