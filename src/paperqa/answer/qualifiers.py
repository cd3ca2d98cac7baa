"""What a question qualifies its topic by that none of the papers found holds: a modifier before a head they have
("rare words" of speech papers writing of "word error rates"), a head rarer than the modifier they have
("differential privacy" of papers writing "differentiable"), or every one of a set of alternatives ("rare or
long-tail items" of recommendation papers)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..types import Source
from .phrases import as_written, phrase_nouns
from .pointed import lacked_by_all, own_terms
from .question import Asked
from .relevance import Idf, lacking
from .roles import ACTION_NOUN, modifier


def modifier_lacked(asked: Asked, listed: Sequence[Source], subject: Callable[[str], bool]) -> list[str]:
    """The modifier of one of the question's own phrases, a subject, that every listed paper lacks while some hold
    its head ("rare" of "rare words"), as written; else none."""
    if not listed:
        return []
    own, none_has = own_terms(asked), lacked_by_all(asked, listed)

    def qualifying(w: str) -> bool:  # "rare", "self-supervised"; not what is done ("hiding parts")
        return modifier(w.casefold()) and not ACTION_NOUN.search(w.casefold())

    for a, b in asked.pairs:
        written = as_written(asked.text, [a])
        if a in own and a in none_has and b not in none_has and subject(a) and any(map(qualifying, written)):
            return written
    return []


def alternatives_lacked(asked: Asked, listed: Sequence[Source], subject: Callable[[str], bool]) -> list[str]:
    """Every word of a set of the question's alternatives, one a subject, when no listed paper has any of them
    ("rare or long-tail"), as written; else none."""
    if not listed:
        return []
    none_has = lacked_by_all(asked, listed)
    for sides in asked.either:
        words = frozenset().union(*sides)
        if words <= none_has and any(subject(t) for t in words):
            return as_written(asked.text, sorted(words, key=asked.terms.index))
    return []


def head_lacked(asked: Asked, listed: Sequence[Source], idf: Idf) -> list[str]:
    """One of the question's phrases whose commoner first word every listed paper holds and whose rarer second,
    which names it, none does ("differential privacy" of papers writing "differentiable"; not "adversarial
    inputs" of papers on adversarial attacks), as written; else none."""
    lacks = [set(lacking(asked, s.paper)) for s in listed]
    nouns = phrase_nouns(asked.text, asked.pairs)
    for a, b in asked.pairs:
        # (an adjective before a noun: "attention cheaper", "systems entered" are no phrase of a thing)
        shaped = b in nouns and all(modifier(w.casefold()) for w in as_written(asked.text, [a]))
        if shaped and lacks and all(a not in lack and b in lack for lack in lacks) and idf(b) > idf(a):
            return [" ".join(as_written(asked.text, [a, b]))]
    return []
