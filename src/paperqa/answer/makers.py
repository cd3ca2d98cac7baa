"""Words made with -ize whose stem is their base's ("tokenization": "token"), and their doers, the tools ("optimizers",
"tokenizers"): a paper holds such a word of a question only through a word of the same making ("Preference
Optimization" is no optimizer; "tokens" is no tokenization)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..text import stem
from ..types import Paper

# "tokenization", "generalize", "personalized": a word made with -ize whose stem is its base's ("token", "general",
# "person"), though it names another thing (splitting into tokens, not tokens).
_DERIVED = re.compile(r"\b([a-z]{3,})i[sz](?:ations?|ational|es|ed|ing|ers?|e)\b")
# How a base that is a word of its own ends ("token", "general", "random", "vector", "standard"), unlike a stem
# whose -ize verb and its noun are one thing ("recogn-ize", "recogn-ition"; "synthes-ize", "emphas-ize").
_WORD_END = re.compile(r"(?:[aeiou][lnrm]|[aeiou]r?d)$")
# "optimizer", "tokenizers", "regulariser": the doer of an -ize verb
_MAKER = re.compile(r"\b[a-z]{3,}i[sz]ers?\b")


@lru_cache(maxsize=8192)
def derived(word: str) -> str | None:
    """The stem of a lower-case -ize word that its base shares ("tokenization": "token"), else None."""
    found = _DERIVED.fullmatch(word)
    if not found or not _WORD_END.search(found.group(1)):  # a word of its own ("token"), not "recogn-ize"
        return None
    made = stem(word)
    return made if made == stem(found.group(1)) else None


def makers(words: Sequence[str]) -> frozenset[str]:
    """The stems of a question's -izer words whose base is a word of its own (`derived`: "optimizers": "optim")."""
    return frozenset(t for w in words if _MAKER.fullmatch(w) and (t := derived(w)))


@lru_cache(maxsize=8192)
def ize_stems(paper: Paper) -> frozenset[str]:
    """The stems of a paper's -ize words whose stem is their base's ("tokenizer": "token"; "tokens" is none).
    Worked out only for a question with such a word."""
    return _made(paper, _DERIVED)


@lru_cache(maxsize=8192)
def maker_stems(paper: Paper) -> frozenset[str]:
    """The stems of a paper's -izer words ("tokenizer": "token"). Worked out only for a question with one."""
    return _made(paper, _MAKER)


def _made(paper: Paper, made: re.Pattern[str]) -> frozenset[str]:
    """The stems (`derived`) of a paper's words of one making."""
    found = (derived(m.group(0)) for m in made.finditer(f"{paper.title} {paper.abstract}".casefold()))
    return frozenset(t for t in found if t)
