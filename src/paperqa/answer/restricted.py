"""Questions about dates or an organisation alone ("which papers are from 2023?", "papers by Google"): the papers
they admit, newest first, each with the sentence that says what it does."""

from __future__ import annotations

from collections.abc import Sequence

from ..dates import date_key
from ..text import stem, subject_terms
from ..types import Answer, Source
from .citations import clean, inert
from .claims import check
from .draft import Draft, contribution
from .stream import AnswerStream, said, word_pieces

SHOWN = 12
# "Name the papers from 2023": "name" asks for a listing here; the other such words ("list", "show", "give",
# "any") are framing or stop words already, and "name" cannot be one ("named entity recognition").
_ASKING = frozenset({stem("name")})


def names_nothing(query: str) -> bool:
    """Whether a question, its years and organisation taken out, names no subject ("Which papers are from 2023?")."""
    return not [t for t in subject_terms(query) if t not in _ASKING]


def restricted_answer(question: str, sources: Sequence[Source], admitted: int, restriction: str) -> AnswerStream:
    """The retrieved papers (all admitted by the `restriction`: "dated 2023", "from Google"), newest first,
    with how many it admits."""
    shown = sorted(sources, key=lambda s: -date_key(s.paper.date))[:SHOWN]
    if not shown:
        return said(question, f"The corpus has no paper {restriction}.")
    draft = Draft("", answerable=True)
    more = f"; the {len(shown)} newest found" if admitted > len(shown) else ""
    lines = [f"The corpus has {admitted} paper{'s' if admitted != 1 else ''} {restriction}{more}:"]
    for n, s in enumerate(shown, start=1):
        lines.append(f"- {inert(s.paper.title)}: {draft.quote(n, contribution(s))}")
    checked = check(clean("\n".join(lines), len(shown)), shown, draft.quotes)
    answer = Answer(question=question, text=checked.text, citations=checked.citations, sources=tuple(shown),
                    answerable=True, backend="offline", claims=checked.claims)  # fmt: skip
    return AnswerStream(word_pieces(checked.text), lambda: answer)
