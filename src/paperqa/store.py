"""The one module that knows chromadb: chunk vectors with their filter metadata in a persistent collection.

Chunk text lives in the catalog, not here: Chroma indexes stored documents for full-text search, which cost
60% of an add and which nothing reads (BM25 does the lexical side).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings

from .errors import IndexMismatchError
from .types import Filters, date_key

COLLECTION = "paperqa_chunks"


class VectorStore:
    """Chunks with embeddings and filterable metadata in a Chroma `PersistentClient` folder."""

    def __init__(self, folder: Path, embedding_identity: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.client = chromadb.PersistentClient(
            path=str(folder), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        )
        self.collection = self.client.get_or_create_collection(
            COLLECTION,
            embedding_function=None,
            metadata={"hnsw:space": "cosine", "embedding": embedding_identity},
        )
        stored = (self.collection.metadata or {}).get("embedding")
        if stored and stored != embedding_identity:
            raise IndexMismatchError(
                f"index at {folder} was built with embedding {stored!r}, not {embedding_identity!r}; "
                "use the same embedding or another PAPERQA_HOME"
            )
        self.batch_size = self.client.get_max_batch_size()

    def add(self, ids: list[str], vectors: np.ndarray, metadatas: Sequence[dict[str, Any]]) -> None:
        """Add (or replace) chunk vectors with their filter metadata, in batches no larger than Chroma accepts."""
        # Upsert, as fast as add here: vectors left by an ingest killed before its catalog write get replaced.
        for start in range(0, len(ids), self.batch_size):
            end = start + self.batch_size
            self.collection.upsert(
                ids=ids[start:end], embeddings=vectors[start:end], metadatas=list(metadatas[start:end])
            )

    def delete_papers(self, paper_ids: list[str]) -> None:
        """Remove every chunk of these papers."""
        for start in range(0, len(paper_ids), 1000):
            self.collection.delete(where={"paper_id": {"$in": paper_ids[start : start + 1000]}})

    def query(self, embedding: list[float], k: int, filters: Filters | None = None) -> list[tuple[str, float]]:
        """The k nearest chunks as (chunk id, cosine similarity), optionally filtered by metadata."""
        if self.collection.count() == 0:
            return []
        got = self.collection.query(
            query_embeddings=[embedding], n_results=k, include=["distances"], where=_where(filters)
        )
        return [(cid, 1.0 - d) for cid, d in zip(got["ids"][0], got["distances"][0], strict=False)]

    def all_vectors(self, page: int = 5000) -> tuple[list[str], np.ndarray]:
        """Every stored chunk id with its embedding (one float32 row each), read page by page."""
        ids: list[str] = []
        pages: list[np.ndarray] = []
        for offset in range(0, self.collection.count(), page):
            got = self.collection.get(include=["embeddings"], limit=page, offset=offset)
            ids += got["ids"]
            pages.append(np.asarray(got["embeddings"], dtype=np.float32))
        return ids, np.vstack(pages) if pages else np.zeros((0, 0), np.float32)

    def count(self) -> int:
        """Number of chunks stored."""
        return self.collection.count()


def _where(f: Filters | None) -> dict[str, Any] | None:
    """Filters as a Chroma `where` clause over the metadata `Index` stores with every chunk."""
    if f is None or not f.active:
        return None
    conditions: list[dict[str, Any]] = []
    if f.date_from:
        conditions.append({"date": {"$gte": date_key(f.date_from)}})
    if f.date_to:
        conditions.append({"date": {"$lte": date_key(f.date_to)}})
        if not f.date_from:  # an unknown date is stored as 0 and must not pass an upper bound
            conditions.append({"date": {"$gt": 0}})
    if f.org:
        conditions.append({"org_key": {"$eq": f.org.casefold()}})
    if f.min_upvotes:
        conditions.append({"upvotes": {"$gte": f.min_upvotes}})
    if f.paper_ids is not None:
        conditions.append({"paper_id": {"$in": sorted(f.paper_ids) or [""]}})
    return conditions[0] if len(conditions) == 1 else {"$and": conditions}
