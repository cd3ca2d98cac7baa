"""Hybrid retrieval: dense (Chroma) and BM25 rankings fused by reciprocal rank, grouped into papers."""

from __future__ import annotations

import numpy as np

from .index import Index
from .text import subject_text
from .types import Filters, Source, paper_of


class Retriever:
    """Finds the papers that best match a question, with optional metadata filters."""

    def __init__(
        self, index: Index, depth: int = 60, dense_weight: float = 0.3, lexical_weight: float = 1.0, rrf_k: int = 10
    ):
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
        if filters is not None and filters.active:
            columns, bm25_rows, matrix_rows = index.columns()
            admitted = columns.admitted(filters)
            dense = self._filtered_dense(vector, depth, filters, columns.chunk_mask(admitted, matrix_rows))
            mask = columns.chunk_mask(admitted, bm25_rows).astype(np.float32)
        else:
            dense, mask = index.vectors.query(vector, depth), None
        lexical = index.bm25.top(subject_text(question), depth, mask)
        fused: dict[str, float] = {}
        for weight, ranking in ((self.dense_weight, dense), (self.lexical_weight, lexical)):
            for rank, (chunk_id, _) in enumerate(ranking):
                fused[chunk_id] = fused.get(chunk_id, 0.0) + weight / (self.rrf_k + rank)
        best: dict[str, tuple[float, list[str]]] = {}
        for chunk_id, score in sorted(fused.items(), key=lambda kv: -kv[1]):
            paper_id = paper_of(chunk_id)
            top, chunks = best.get(paper_id, (score, []))
            best[paper_id] = (top, [*chunks, chunk_id])
        ranked = sorted(best.items(), key=lambda kv: -kv[1][0])[:k]
        papers = index.papers
        return [
            Source(paper=papers[pid], score=score, rank=rank, passages=tuple(chunks))
            for rank, (pid, (score, chunks)) in enumerate(ranked, start=1)
            if pid in papers
        ]

    def _filtered_dense(
        self, vector: list[float], depth: int, filters: Filters, mask: np.ndarray
    ) -> list[tuple[str, float]]:
        """Exact search over the admitted rows of the vector matrix (a Chroma `where` query is many times
        slower at scale); an index without the matrix falls back to Chroma."""
        if self.index.matrix is None:
            return self.index.vectors.query(vector, depth, filters)
        return self.index.matrix.top(vector, depth, mask)
