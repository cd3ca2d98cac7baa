"""How well retrieved papers cover a question: IDF-weighted key-term coverage, used to refuse."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..text import FRAME, terms
from ..types import Paper, Source


def key_terms(question: str) -> list[str]:
    """The question's subject terms (stemmed), framing words left out."""
    found = [t for t in dict.fromkeys(terms(question)) if t not in FRAME]
    return found or list(dict.fromkeys(terms(question)))


@lru_cache(maxsize=8192)
def paper_terms(paper: Paper) -> frozenset[str]:
    """Stemmed terms of a paper's title and abstract (cached: every question re-reads its sources)."""
    return frozenset(terms(f"{paper.title} {paper.abstract}"))


def coverage(question_terms: list[str], source: Source, idf: Callable[[str], float]) -> float:
    """Share of the key terms' IDF weight found in one paper's title and abstract (1.0: all of them)."""
    present = paper_terms(source.paper)
    total = sum(idf(t) for t in question_terms) or 1.0
    return sum(idf(t) for t in question_terms if t in present or _prefix_hit(t, present)) / total


def support(question_terms: list[str], sources: list[Source], idf: Callable[[str], float], depth: int = 3) -> float:
    """Share of key-term weight (IDF squared: rare terms decide) found anywhere in the top papers."""
    present = frozenset().union(*(paper_terms(s.paper) for s in sources[:depth]))
    weights = {t: idf(t) ** 2 for t in question_terms}
    total = sum(weights.values()) or 1.0
    return sum(w for t, w in weights.items() if t in present) / total


def _prefix_hit(term: str, present: frozenset[str]) -> bool:
    """A key term found as the start of a longer word, or a long word as the start of the term: compounds and
    plurals such as "unlearn"/"unlearning" or "moe"/"moes"."""
    if len(term) < 4:
        return False
    return any(word.startswith(term) or (len(word) >= 5 and term.startswith(word)) for word in present)


_LIST = re.compile(
    r"^\s*(which|what)( [\w-]+){0,3} (papers|approaches|methods|works|techniques|studies|work)\b"
    r"|\b(which|what) papers\b|\bpapers (on|about|that)\b|\bwhat does the (collection|corpus)\b"
    r"|\bwhat [\w-]+( [\w-]+)? work is\b|\bwhich papers\b|\bare covered\b|\bin the collection\b",
    re.IGNORECASE,
)


def wants_list(question: str) -> bool:
    """Whether the question asks for a set of papers rather than one fact."""
    return bool(_LIST.search(question)) or (not question.rstrip().endswith("?") and len(question.split()) <= 10)
