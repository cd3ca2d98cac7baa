"""How a question's two-word phrases name their heads: a head naming what is done ("generation", "retrieval"), a
head that a far rarer word before it names ("MLP layers", "legal text"), and a task's head a paper must hold."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .phrases import as_written
from .question import Asked
from .roles import ACTION_NOUN, modifier

QUALIFIER_MARGIN = 1.5  # bits of IDF by which a phrase's first word is rarer than its head, to name it alone


def done(asked: Asked, term: str) -> bool:
    """Whether a key term is written as a noun of what is done ("generation", "retrieval", "ranking")."""
    return any(
        ACTION_NOUN.search(w.casefold()) or _DONE_AL.search(w.casefold()) for w in as_written(asked.text, [term])
    )


_DONE_AL = re.compile(r"(?:ieval|oval|osal|rsal|ewal|awal)\Z")  # retrieval, removal, proposal, rehearsal, renewal


def named_by_rarer(
    asked: Asked, head: str, lacked: Sequence[str], idf: Callable[[str], float], names: Callable[[str], bool]
) -> bool:
    """Whether a lacking head that names no doing is named by a subject before it, far rarer, that a paper holds
    ("legal text" of a paper on legal language; not "music generation" of one on music understanding)."""
    return not done(asked, head) and any(
        b == head and a not in lacked and names(a) and idf(a) >= idf(b) + QUALIFIER_MARGIN for a, b in asked.pairs
    )


def headed(asked: Asked, lacked: Sequence[str]) -> bool:
    """Whether a paper holding the first noun of a task's name after a preposition holds the task too: "for music
    generation" of a paper on music understanding lacks what the topic is ("for downstream capabilities" names no
    task: "downstream task performance" is on it). Asked of the papers a refusal weighs (`covers`), not of a
    list's members, where it cost papers on the topic."""
    return not any(b in lacked and a not in lacked and done(asked, b) for a, b in asked.qualified)


def named_by_qualifier(asked: Asked, head: str, missing: Sequence[str], idf: Callable[[str], float]) -> bool:
    """Whether a lacking word is the head of one of the question's phrases whose word before it, a noun far rarer
    (`QUALIFIER_MARGIN`), the paper holds: "MLP" names the layers of "MLP layers" ("cross-modal" names no video)."""

    def weight(a: str) -> float:  # a hyphenated qualifier weighs as its rarest word ("second-order information")
        return max((max(map(idf, parts)) for parts in asked.compounds if parts[-1] == a), default=idf(a))

    return any(
        b == head and a not in missing and weight(a) >= idf(b) + QUALIFIER_MARGIN
        and not any(modifier(w.casefold()) for w in as_written(asked.text, [a]))
        for a, b in asked.pairs
    )  # fmt: skip
