"""The model-free answer writer: cited sentences extracted from the retrieved abstracts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..settings import Settings
from ..text import sentences, terms
from ..types import Answer, Source
from .citations import citations_for, clean, inert
from .evidence import coverage, key_terms, support, wants_list
from .stream import AnswerStream, word_pieces

_QUANTITY = re.compile(
    r"\b(how (long|much|many|large|small|fast|well|big|often)|by how|what( [\w@-]+){0,3} "
    r"(percentage|fraction|share|accuracy|speed-?ups?|size|precision|score|latency|fid|gain|improvement|"
    r"reduction|rate|compression|length|error|time|cost|r@\d+)|how .* (reach|achieve|report))\b",
    re.I,
)
_HAS_NUMBER = re.compile(r"\d")


@dataclass(frozen=True)
class _Query:
    """What the writer looks for, worked out once per question."""

    wanted: frozenset[str]
    numeric: bool


@dataclass(frozen=True)
class Draft:
    """A written answer before the shared citation check."""

    text: str
    answerable: bool


class OfflineWriter:
    """Composes a short cited answer from the top papers, or refuses when they do not cover the question."""

    def __init__(
        self, idf: Callable[[str], float], threshold: float = 0.33, list_threshold: float = 0.45, max_listed: int = 8
    ):
        self.idf, self.threshold, self.list_threshold, self.max_listed = idf, threshold, list_threshold, max_listed

    def write(self, question: str, sources: list[Source]) -> Draft:
        """The answer text with `[n]` citations numbered by source rank."""
        wanted = key_terms(question)
        covers = [coverage(wanted, s, self.idf) for s in sources]
        if not sources or support(wanted, sources, self.idf) < self.threshold:
            return Draft(self._refusal(sources), answerable=False)
        query = _Query(frozenset(wanted), bool(_QUANTITY.search(question)))
        if wants_list(question):
            # Listing papers that each cover under half of the subject would dress up a miss as a survey.
            if max(covers) < self.list_threshold:
                return Draft(self._refusal(sources), answerable=False)
            return Draft(self._listing(query, sources, covers), answerable=True)
        return Draft(self._facts(query, sources, covers), answerable=True)

    def _refusal(self, sources: list[Source]) -> str:
        if not sources:
            return (
                "No paper in the corpus matches this question with its restrictions "
                "(filters, years or papers referred to)."
            )
        closest = "; ".join(f"“{inert(s.paper.title)}”" for s in sources[:2])
        return (
            "The corpus does not cover this question: no retrieved abstract supports an answer. "
            f"The closest papers found were {closest}, which address other topics."
        )

    def _scored_sentences(self, query: _Query, source: Source) -> list[tuple[float, int, str]]:
        out = []
        for i, sent in enumerate(sentences(source.paper.abstract)):
            score = sum(self.idf(t) for t in query.wanted & set(terms(sent)))
            if query.numeric and _HAS_NUMBER.search(sent):
                score *= 1.5
            out.append((score, i, sent))
        return sorted(out, key=lambda x: (-x[0], x[1]))

    def _pick(self, query: _Query, source: Source, limit: int = 3) -> list[str]:
        """Greedy cover: each next sentence must add question terms the earlier ones lack."""
        wanted = query.wanted
        boost = 1.5 if query.numeric else 1.0
        pool = [(i, s, set(terms(s))) for i, s in enumerate(sentences(source.paper.abstract))]
        covered: set[str] = set()
        picked: list[tuple[int, str]] = []

        def gain(item: tuple[int, str, set[str]]) -> float:
            fresh = sum(self.idf(t) for t in (wanted & item[2]) - covered)
            return fresh * (boost if _HAS_NUMBER.search(item[1]) else 1.0)

        while pool and len(picked) < limit:
            best = max(pool, key=gain)
            if gain(best) <= 0 and picked:
                break
            picked.append((best[0], best[1]))
            covered |= wanted & best[2]
            pool.remove(best)
        if boost > 1 and not any(_HAS_NUMBER.search(s) for _, s in picked):
            numbers = [x for x in self._scored_sentences(query, source) if _HAS_NUMBER.search(x[2])]
            if numbers:
                picked.append((numbers[0][1], numbers[0][2]))
        return [s for _, s in sorted(picked)]

    def _facts(self, query: _Query, sources: list[Source], covers: list[float]) -> str:
        top = _lead(covers)
        picked = self._pick(query, sources[top])
        lead = f"{inert(sources[top].paper.title)} addresses this [{top + 1}]."
        body = " ".join(_cite(s, top + 1) for s in picked)
        others = [i for i in range(len(sources)) if i != top and covers[i] >= max(0.5, covers[top] - 0.1)][:2]
        extra = " ".join(f"Related: {inert(sources[i].paper.title)} [{i + 1}]." for i in others)
        return " ".join(x for x in (lead, body, extra) if x)

    def _listing(self, query: _Query, sources: list[Source], covers: list[float]) -> str:
        floor = max(self.threshold * 0.8, covers[0] * 0.6)
        chosen = [i for i, c in enumerate(covers) if c >= floor][: self.max_listed] or [0]
        lines = [f"The corpus has {len(chosen)} relevant paper{'s' if len(chosen) != 1 else ''}:"]
        for i in chosen:
            sent = self._scored_sentences(query, sources[i])[0][2]
            lines.append(f"- {inert(sources[i].paper.title)}: {_cite(sent, i + 1)}")
        return "\n".join(lines)


def _lead(covers: list[float]) -> int:
    """The paper to answer from: among the top three, the first that covers clearly more (by 0.15) of the
    question than the best-ranked one, else the best-ranked one."""
    return next((i for i in range(1, min(3, len(covers))) if covers[i] >= covers[0] + 0.15), 0)


def _cite(sentence: str, n: int) -> str:
    """Attach a citation before the sentence's final punctuation (the sentence quoted inert)."""
    s = inert(sentence.rstrip())
    if s and s[-1] in ".!?":
        return f"{s[:-1]} [{n}]{s[-1]}"
    return f"{s} [{n}]."


def offline_answer(
    question: str, query: str, sources: list[Source], idf: Callable[[str], float], settings: Settings
) -> AnswerStream:
    """The offline writer's answer to `question` (searched as `query`), streamed word by word."""
    draft = OfflineWriter(idf, settings.refusal_threshold, settings.list_threshold).write(query, sources)
    removed: list[str] = []
    text = clean(draft.text, len(sources), removed)

    def finish() -> Answer:
        return Answer(
            question=question,
            text=text,
            citations=citations_for(text, sources) if draft.answerable else (),
            sources=tuple(sources),
            answerable=draft.answerable,
            backend="offline",
            removed_citations=tuple(removed),
        )

    return AnswerStream(word_pieces(text), finish)
