"""The papers closest to one paper ("any similar papers?" after an answer about it), each with what it does."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..types import Paper, Source
from .citations import inert
from .names import fold, mentions
from .question import analyse
from .relevance import Idf, name_floor
from .restricted import listed
from .stream import AnswerStream, said

SIMILAR_SHOWN = 5
# "papers similar to LM-Infinite", "What papers are like SPLADE v2?", "anything related to MERU?", "any similar papers
# to RedCaps?"
_SIMILAR_TO = re.compile(
    r"\b(?:similar|related|close|comparable)(?:\s+(?:papers?|works?|ones?|studies))?\s+to\s+(?P<to>[^?]{1,120}?)\s*\??$"
    r"|\blike\s+(?P<like>[^?]{1,120}?)\s*\??$",
    re.IGNORECASE,
)

_FRAMED = re.compile(r"^(?:the|a|an)\s+|\s+(?:paper|work|one|model|method)$", re.IGNORECASE)  # "the X paper"
# ... asked of papers ("Is SPLADE v2 similar to SPLADE?" compares the two)
_PAPERS = re.compile(r"\b(?:papers?|works?|studies|articles?|anything|others?)\b", re.IGNORECASE)


# "Which paper is most similar to Revela?", "the closest paper to X": one asked for
_ONE = re.compile(
    r"\bwhich\s+(?:paper|one|work|study)\s+is\b|\bthe\s+(?:most\s+similar|closest|nearest)\s+(?:paper|work|one)\b",
    re.IGNORECASE,
)
SIMILAR_MOST = 20  # the most neighbours a question may ask for ("the 50 papers closest to X": 20)


def similar_shown(question: str) -> int:
    """How many neighbours a question asks for ("which two papers …": 2, "which paper is most similar": 1)."""
    if (count := analyse(question).count) is not None:
        return max(1, min(count, SIMILAR_MOST))
    return 1 if _ONE.search(question) else SIMILAR_SHOWN


def similar_asked(question: str) -> str | None:
    """What a question asks papers similar to ("papers similar to LM-Infinite": "LM-Infinite"), if it does."""
    m = _SIMILAR_TO.search(question)
    if not m or not _PAPERS.search(question[: m.start("to") if m.group("to") else m.start("like")]):
        return None
    what = (m.group("to") or m.group("like")).strip(" “”\"'")
    return _FRAMED.sub("", what).strip() or None


def named_in(what: str, found: Sequence[Source], idf: Idf) -> Paper | None:
    """The paper of those `found` that `what` is one of the names of ("LM-Infinite"), if any: a topic ("hashing")
    names none, and "SPLADE for images" asks for more than SPLADE's neighbours."""
    rare, asked = name_floor(idf), fold(what)  # the name alone: "SPLADE for images" asks more
    return next((s.paper for s in found if mentions(what, s.paper, idf, rare=rare) == asked), None)


DESCRIBED_CHARS = 3000  # (an abstract of the corpus is under 2,500 characters; a hostile record may be longer)


def described(paper: Paper) -> str:
    """What a paper is searched by for its neighbours: its title and abstract. (Its title and the one sentence
    saying what it does had found papers sharing that sentence's "In this paper, we …": of the papers on the
    tuning sets' topic lists, 1.49 of the 5 nearest were on a list with it; 1.86 with the whole abstract.)"""
    return f"{paper.title}. {paper.abstract}"[:DESCRIBED_CHARS]


def similar_answer(question: str, paper: Paper, found: Sequence[Source], restricted: bool = False) -> AnswerStream:
    """The papers nearest to `paper` among those `found` searching with its title and abstract (itself left out),
    as many as the question asks for, said to be the closest by what their abstracts say: no abstract claims to be
    like another."""
    others = [s for s in found if s.paper.id != paper.id][: similar_shown(question)]
    if not others:
        admitted = " that the filters, years or upvotes asked for admit" if restricted else ""
        return said(question, f"No other paper in the corpus{admitted} is close to “{inert(paper.title)}”.")
    shown = [dataclasses.replace(s, rank=n) for n, s in enumerate(others, start=1)]
    papers = "paper" if len(shown) == 1 else f"{len(shown)} papers"
    head = f"The {papers} closest to “{inert(paper.title)}” in the corpus, by what their abstracts say:"
    return listed(question, head, shown)
