"""Hybrid retrieval: dense (Chroma) and BM25 rankings fused by reciprocal rank, grouped into papers."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .index import Index
from .text import subject_text
from .types import Filters, Source


class Retriever:
    """Finds the papers that best match a question, with optional metadata filters."""

    def __init__(self, index: Index, depth: int = 60, dense_weight: float = 0.3, lexical_weight: float = 1.0,
                 rrf_k: int = 10):
        # Defaults tuned on the dev set for topic recall@10 (see Settings.dense_weight, Settings.rrf_k).
        self.index = index
        self.depth, self.rrf_k = depth, rrf_k
        self.dense_weight, self.lexical_weight = dense_weight, lexical_weight

    def retrieve(self, question: str, k: int = 10, filters: Filters | None = None) -> list[Source]:
        """The k best papers, best first; several matching chunks of one paper count once."""
        index = self.index
        if index.bm25 is None or not index.papers:
            return []
        depth = max(self.depth, 4 * k)
        vector = index.embed_model.get_query_embedding(question)
        dense = self._dense(vector, depth, filters)
        mask = self._mask(filters) if filters is not None and filters.active else None
        lexical = index.bm25.top(subject_text(question), depth, mask)
        fused: dict[str, float] = {}
        for weight, ranking in ((self.dense_weight, dense), (self.lexical_weight, lexical)):
            for rank, (chunk_id, _) in enumerate(ranking):
                fused[chunk_id] = fused.get(chunk_id, 0.0) + weight / (self.rrf_k + rank)
        best: dict[str, tuple[float, list[str]]] = {}
        for chunk_id, score in sorted(fused.items(), key=lambda kv: -kv[1]):
            paper_id = chunk_id.rsplit(":", 1)[0]
            top, chunks = best.get(paper_id, (score, []))
            best[paper_id] = (top, chunks + [chunk_id])
        ranked = sorted(best.items(), key=lambda kv: -kv[1][0])[:k]
        papers = index.papers
        return [
            Source(paper=papers[pid], score=score, rank=rank, passages=tuple(chunks))
            for rank, (pid, (score, chunks)) in enumerate(ranked, start=1)
            if pid in papers
        ]

    def _dense(self, vector: list[float], depth: int, filters: Filters | None) -> list[tuple[str, float]]:
        """Nearest chunks; with filters, an unfiltered over-fetch checked against the catalog comes first,
        because a Chroma `where` query is several times slower; too few survivors fall back to it."""
        if filters is None or not filters.active:
            return self.index.vectors.query(vector, depth)
        papers = self.index.papers
        wide = self.index.vectors.query(vector, depth * 4)
        kept = [(cid, s) for cid, s in wide if (p := papers.get(cid.rsplit(":", 1)[0])) and filters.admits(p)]
        return kept[:depth] if len(kept) >= depth // 2 else self.index.vectors.query(vector, depth, filters)

    def _mask(self, filters: Filters) -> np.ndarray:
        return _mask_for(self.index, filters, len(self.index.bm25.ids))


@lru_cache(maxsize=32)
def _mask_for(index: Index, filters: Filters, size: int) -> np.ndarray:
    # Keyed on the BM25 size as well, so a mask is rebuilt after an ingest changes the chunks.
    papers = index.papers
    allowed = {pid for pid, p in papers.items() if filters.admits(p)}
    return np.array([cid.rsplit(":", 1)[0] in allowed for cid in index.bm25.ids], dtype=np.float32)
