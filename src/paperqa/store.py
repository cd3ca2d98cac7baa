"""The one module that knows chromadb: a persistent collection behind llama-index's ChromaVectorStore."""

from __future__ import annotations

import math
from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings
from llama_index.core.schema import TextNode
from llama_index.core.vector_stores import (
    FilterCondition, FilterOperator, MetadataFilter, MetadataFilters, VectorStoreQuery,
)
from llama_index.vector_stores.chroma import ChromaVectorStore

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
            COLLECTION, embedding_function=None,
            metadata={"hnsw:space": "cosine", "embedding": embedding_identity},
        )
        stored = (self.collection.metadata or {}).get("embedding")
        if stored and stored != embedding_identity:
            raise IndexMismatchError(
                f"index at {folder} was built with embedding {stored!r}, not {embedding_identity!r}; "
                "use the same embedding or another PAPERQA_HOME"
            )
        self.vectors = ChromaVectorStore(chroma_collection=self.collection)
        self.batch_size = self.client.get_max_batch_size()

    def add(self, nodes: list[TextNode]) -> None:
        """Add embedded nodes in batches no larger than Chroma accepts."""
        for start in range(0, len(nodes), self.batch_size):
            self.vectors.add(nodes[start:start + self.batch_size])

    def delete_papers(self, paper_ids: list[str]) -> None:
        """Remove every chunk of these papers."""
        for start in range(0, len(paper_ids), 1000):
            self.collection.delete(where={"paper_id": {"$in": paper_ids[start:start + 1000]}})

    def query(self, embedding: list[float], k: int, filters: Filters | None = None) -> list[tuple[str, float]]:
        """The k nearest chunks as (chunk id, cosine similarity), optionally filtered by metadata."""
        if self.collection.count() == 0:
            return []
        if filters is None or not filters.active:
            # Ids and distances only: rebuilding llama-index nodes from documents costs 6x the search.
            got = self.collection.query(query_embeddings=[embedding], n_results=k, include=["distances"])
            return [(cid, 1.0 - d) for cid, d in zip(got["ids"][0], got["distances"][0])]
        result = self.vectors.query(VectorStoreQuery(
            query_embedding=embedding, similarity_top_k=k, filters=_metadata_filters(filters)
        ))
        # llama-index maps Chroma's cosine distance d to exp(-d); undo that for a cosine.
        return [(nid, 1.0 + math.log(s)) for nid, s in zip(result.ids or [], result.similarities or [])]

    def all_vectors(self, page: int = 5000) -> tuple[list[str], list[list[float]]]:
        """Every stored chunk id with its embedding, read page by page."""
        ids: list[str] = []
        vectors: list[list[float]] = []
        for offset in range(0, self.collection.count(), page):
            got = self.collection.get(include=["embeddings"], limit=page, offset=offset)
            ids += got["ids"]
            vectors += [list(v) for v in got["embeddings"]]
        return ids, vectors

    def count(self) -> int:
        """Number of chunks stored."""
        return self.collection.count()


def _metadata_filters(f: Filters | None) -> MetadataFilters | None:
    if f is None or not f.active:
        return None
    conditions = []
    if f.date_from:
        conditions.append(MetadataFilter(key="date", value=date_key(f.date_from), operator=FilterOperator.GTE))
    if f.date_to:
        conditions.append(MetadataFilter(key="date", value=date_key(f.date_to), operator=FilterOperator.LTE))
        if not f.date_from:  # an unknown date is stored as 0 and must not pass an upper bound
            conditions.append(MetadataFilter(key="date", value=0, operator=FilterOperator.GT))
    if f.org:
        conditions.append(MetadataFilter(key="org_key", value=f.org.casefold(), operator=FilterOperator.EQ))
    if f.min_upvotes:
        conditions.append(MetadataFilter(key="upvotes", value=f.min_upvotes, operator=FilterOperator.GTE))
    if f.paper_ids is not None:
        conditions.append(MetadataFilter(key="paper_id", value=sorted(f.paper_ids) or [""], operator=FilterOperator.IN))
    return MetadataFilters(filters=conditions, condition=FilterCondition.AND)
