"""Questions about dates or an organisation alone ("which papers are from 2023?", "papers by Google", "the latest
papers"): the papers they admit, newest (or oldest) first, each with the sentence that says what it does."""

from __future__ import annotations

from collections.abc import Sequence

from ..text import stem, subject_terms
from ..types import Answer, Source
from .asking import Ordering
from .citations import clean
from .claims import check
from .draft import Draft, contribution, list_line
from .stream import AnswerStream, said, word_pieces

SHOWN = 12
# "Name the papers from 2023": "name" asks for a listing here; the other such words ("list", "show", "give",
# "any") are framing or stop words already, and "name" cannot be one ("named entity recognition").
_ASKING = frozenset({stem("name")})


def names_nothing(query: str) -> bool:
    """Whether a question, its years and organisation taken out, names no subject ("Which papers are from 2023?")."""
    return not [t for t in subject_terms(query) if t not in _ASKING]


def restricted_answer(
    question: str,
    sources: Sequence[Source],
    admitted: int,
    restriction: str,
    order: Ordering = "newest",
    among: int | None = None,
) -> AnswerStream:
    """The papers the `restriction` admits ("dated 2023", "from Google"; "" for all of them), newest (or
    oldest, or most upvoted) first, with how many it admits; `sources` are those first of all it admits. `among`:
    how many papers of the last answer it chose from ("which are from 2023?" after a list), not the corpus's."""
    shown = list(sources[:SHOWN])
    if among is not None:  # not "The corpus has no paper dated 2023": the list asked about may lack one
        cited = f"Of the {among} paper{'s' if among != 1 else ''} the last answer cited"
        if not shown:
            return said(question, f"{cited}, none {restriction}.")
        head = f"{cited}, {admitted} {restriction}, {order} first:" if restriction else f"{cited}, {order} first:"
        return listed(question, head, shown, by_upvotes=order == "most upvoted")
    if not shown:
        return said(question, f"The corpus has no paper {restriction}.")
    if admitted <= len(shown):
        more = f", {order} first"
    else:  # "the oldest paper": one
        more = f"; the {order}" if len(shown) == 1 else f"; the {len(shown)} {order}"
    undated = sum(1 for s in shown if s.paper.date is None) if order != "most upvoted" else 0
    more += f" ({undated} with no date, last)" if undated else ""
    admits = f" {restriction}" if restriction else ""
    head = f"The corpus has {admitted} paper{'s' if admitted != 1 else ''}{admits}{more}:"
    return listed(question, head, shown, by_upvotes=order == "most upvoted")


def listed(question: str, head: str, shown: Sequence[Source], by_upvotes: bool = False) -> AnswerStream:
    """A head line, then each paper with the sentence saying what it does (and its upvotes, or its date)."""
    draft = Draft("", answerable=True)
    lines = [head]
    for n, s in enumerate(shown, start=1):
        if by_upvotes:
            lines.append(list_line(s.paper.title, draft.quote(n, contribution(s)), upvotes=s.paper.upvotes or 0))
        else:
            lines.append(list_line(s.paper.title, draft.quote(n, contribution(s)), s.paper.date))
    checked = check(clean("\n".join(lines), len(shown)), shown, draft.quotes)
    answer = Answer(question=question, text=checked.text, citations=checked.citations, sources=tuple(shown),
                    answerable=True, backend="offline", claims=checked.claims)  # fmt: skip
    return AnswerStream(word_pieces(checked.text), lambda: answer)
