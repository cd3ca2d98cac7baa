"""Hybrid retrieval: dense and BM25 rankings of one index view fused by reciprocal rank, grouped into papers."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .filters import Filters
from .index import View
from .spelling import derivations
from .text import stem, subject_text, terms
from .types import Source, paper_of


class Retriever:
    """Finds the papers that best match a question, with optional metadata filters."""

    def __init__(self, depth: int = 60, dense_weight: float = 0.3, lexical_weight: float = 1.0, rrf_k: int = 10):
        # Defaults tuned on the dev set for topic recall@10 (see Settings.dense_weight, Settings.rrf_k).
        self.depth, self.rrf_k = depth, rrf_k
        self.dense_weight, self.lexical_weight = dense_weight, lexical_weight

    def retrieve(
        self, view: View, vector: Sequence[float], question: str, k: int = 10, filters: Filters | None = None
    ) -> list[Source]:
        """The k best papers, best first; several matching chunks of one paper count once."""
        if not view.papers:
            return []
        depth = max(self.depth, 4 * k)
        dense = view.dense(vector, depth, filters)
        lexical = view.lexical(_with_derivations(view, subject_text(question)), depth, filters)
        fused: dict[str, float] = {}
        for weight, ranking in ((self.dense_weight, dense), (self.lexical_weight, lexical)):
            for rank, (chunk_id, _) in enumerate(ranking):
                fused[chunk_id] = fused.get(chunk_id, 0.0) + weight / (self.rrf_k + rank)
        best: dict[str, tuple[float, list[str]]] = {}
        for chunk_id, score in sorted(fused.items(), key=lambda kv: -kv[1]):
            paper_id = paper_of(chunk_id)
            top, chunks = best.get(paper_id, (score, []))
            best[paper_id] = (top, [*chunks, chunk_id])
        ranked = [(pid, entry) for pid, entry in best.items() if pid in view.papers]
        ranked.sort(key=lambda kv: -kv[1][0])
        papers = view.papers_of([pid for pid, _ in ranked[:k]])
        return [
            Source(paper=papers[pid], score=score, rank=rank, passages=tuple(chunks))
            for rank, (pid, (score, chunks)) in enumerate(ranked[:k], start=1)
        ]


def _with_derivations(view: View, text: str) -> str:
    """The lexical query with each verb's noun of a Latin making that the corpus holds ("repeating" also finds
    "repetitive"; not the other way: "decision trees" are not decided); only a stem that stems to itself can be
    searched as a word."""
    found = [d for t in terms(text) for d in derivations(t, nouns_only=True) if stem(d) == d]
    return " ".join([text, *(d for d in found if view.knows(d))])


def with_more(sources: Sequence[Source], more: Sequence[Source]) -> list[Source]:
    """`sources`, then those of `more` not among them (a comparison's sides searched for apart), ranked on."""
    seen = {s.paper.id for s in sources}
    added = [s for s in more if s.paper.id not in seen]
    return [*sources, *(dataclasses.replace(s, rank=len(sources) + n) for n, s in enumerate(added, start=1))]
