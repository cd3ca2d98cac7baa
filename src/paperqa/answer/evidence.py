"""How well retrieved papers cover a question: IDF-weighted key-term coverage, used to refuse."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from ..spelling import derivations
from ..text import VERSION, connectives_removed, prose_terms, stem, subject_terms, substance, terms
from ..types import Paper, Source
from .phrases import WORD
from .roles import modifier


@lru_cache(maxsize=1024)
def key_terms(question: str) -> tuple[str, ...]:
    """The question's subject terms (stemmed), framing words left out (cached: the writer asks often)."""
    found = tuple(dict.fromkeys(subject_terms(connectives_removed(question))))
    return found or tuple(dict.fromkeys(terms(question)))


@lru_cache(maxsize=8192)
def paper_terms(paper: Paper) -> frozenset[str]:
    """Stemmed terms of a paper's title and abstract (cached: every question re-reads its sources)."""
    return frozenset(prose_terms(" ".join([paper.title, *substance(paper.abstract)])))


def support(
    question_terms: Sequence[str],
    sources: Sequence[Source],
    idf: Callable[[str], float],
    either: Sequence[Sequence[frozenset[str]]] = (),
    depth: int = 3,
) -> float:
    """Share of key-term weight (IDF squared: rare terms decide) found anywhere in the top papers; one of the
    question's alternatives found (`either`: "speculative decoding or faster inference") finds them all."""
    present = frozenset().union(*(paper_terms(s.paper) for s in sources[:depth]))
    for sides in either:
        if any(side and side <= present for side in sides):
            present |= frozenset().union(*sides)
    weights = {t: idf(t) ** 2 for t in question_terms}
    total = sum(weights.values()) or 1.0
    return sum(w for t, w in weights.items() if t in present) / total


def never_seen(
    question: str,
    idf: Callable[[str], float],
    ceiling: float,
    either: Sequence[Sequence[frozenset[str]]] = (),
    said_otherwise: str = "",
) -> tuple[list[str], float]:
    """The question's key words no chunk of the corpus contains (their IDF is the `ceiling`), not even as a longer
    form of a word it has (`speedier`/`speed`: `has`'s prefix rule), and their share of the key terms' IDF weight;
    a word of one of its alternatives (`either`) is none when the corpus has another ("adversarial inputs or
    poisoned data"), nor is a verb `said_otherwise` ("Which papers stop …": "prevent", "erase"). (A word the corpus
    spells the other way was respelled before: `paperqa.spelling`.)"""
    wanted = key_terms(question)
    total = sum(idf(t) for t in wanted) or 1.0

    def known(term: str) -> bool:  # an acronym's plural holds it ("MLLMs" for "MLLM"), as in `has`
        return any(idf(t) < ceiling for t in _numbers(term)) or any(idf(start) < ceiling for start in _starts(term))

    def optional(term: str) -> bool:
        return any(
            any(term in side for side in sides) and any(term not in side and all(map(known, side)) for side in sides)
            for sides in either
        )

    missing: dict[str, str] = {}
    for found in WORD.finditer(question):
        term = stem(found.group(0).casefold())
        if term in wanted and term not in missing and term != said_otherwise and not known(term) and not optional(term):
            missing[term] = found.group(0)
    return list(missing.values()), sum(idf(t) for t in missing) / total


def has(term: str, vocabulary: frozenset[str]) -> bool:
    """A key term in a vocabulary, or as the start of a longer word there, or a long word there (5+ letters) as
    its start: compounds and plurals such as "unlearn"/"unlearning" or "moe"/"moes"; a doer ("ranker", the stemmer
    keeps its "-er") by what it does ("rank"). The one prefix rule."""
    if any(t in vocabulary for t in _numbers(term)):
        return True
    if len(term) < 4:
        return False
    if any(start in vocabulary for start in _starts(term)):
        return True
    if term.endswith("er") and len(term) >= 6 and term[:-2] in vocabulary and not modifier(term):
        return True  # "ranker": what "ranking" does ("longer" is no doer of "long")
    if term.startswith(_RERANK):  # "rerank passages with LLMs": an LLM ranking passages reranks them
        return has(term[2:], vocabulary)
    return _starting(term, vocabulary) or any(_starting(other, vocabulary) for other in derivations(term))


def _starting(term: str, vocabulary: frozenset[str]) -> bool:
    """Whether a word of the vocabulary starts with the term (not one that is another word: `_OTHER_WORDS`)."""
    words = _sorted(vocabulary)
    i = bisect.bisect_left(words, term)
    while i < len(words) and words[i].startswith(term):
        if not words[i].startswith(_OTHER_WORDS.get(term, ("\0",))):
            return True
        i += 1
    return False


# Longer words a key term starts that are other words: "significant" holds no "sign" language
_OTHER_WORDS = {"sign": ("signific", "signal", "signatur")}


_RERANK = "rerank"  # reranking is ranking again: a paper on ranking retrieved passages holds it


_SAME_NAME = re.compile(rf"{VERSION.pattern}|s")  # "colbertv2", "splade++", a plural: the same name still


def has_name(term: str, vocabulary: frozenset[str]) -> bool:
    """A coined name in a vocabulary as a whole word, or with a version or plural after it ("ColBERTv2"), not as
    the start of another word ("TransF" is no "transformer", "TransE" no "translation")."""
    words = _sorted(vocabulary)
    i = bisect.bisect_left(words, term)
    while i < len(words) and words[i].startswith(term):
        if words[i] == term or _SAME_NAME.fullmatch(words[i][len(term) :]):
            return True
        i += 1
    return False


def _numbers(term: str) -> list[str]:
    """A term and its other number: the stemmer keeps an acronym's plural "s" ("gpus", "llms"), and either number
    holds the other."""
    return [term, f"{term}s", *([term[:-1]] if term.endswith("s") else [])]


def _starts(term: str) -> list[str]:
    """The starts of a term of 5 letters or more that may be a word of their own (`speedi` -> `speed`), up to
    30 letters (a hostile question's 100k-letter word had 100k starts to look up, each of up to 100k letters)."""
    return [start for n in range(5, min(len(term), 30)) if (start := term[:n]) not in _PREFIXES]


# Starts that are prefixes, not words: "multi" of "multi-view" holds no "multi-vector", "cross" no "cross-encoder"
_PREFIXES = frozenset("multi inter intra super under cross hyper trans pseudo ultra micro macro extra counter".split())


@lru_cache(maxsize=8192)
def _sorted(vocabulary: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(vocabulary))
