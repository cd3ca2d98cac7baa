"""A comparison of two approaches no paper is named for ("What are the differences between dense and sparse
retrieval?"): each side from the retrieved paper most about it, said as that side, and whether either abstract
mentions the other side."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text import terms
from ..types import Source
from .citations import inert
from .draft import Draft, contribution
from .evidence import has, key_terms
from .holding import holds_all, vocabulary
from .phrases import joined
from .picking import Picker
from .question import Asked, analyse, names_llms
from .traits import on_language_models

# "between X and Y", "X vs Y", "X versus Y", "compare X and/with/to Y", "how does X compare to / differ from Y": the
# two sides, up to the end of the clause.
_SIDES = re.compile(
    r"\bbetween\s+(?P<a>[^?.!,;]{1,60}?)\s+and\s+(?P<b>[^?.!,;]{1,60})"
    r"|\bcompare\s+(?P<c>[^?.!,;]{1,60}?)\s+(?:and|with|to)\s+(?P<d>[^?.!,;]{1,60})"
    # (from a word's start: inside a 100,000-letter word each letter had been a start, minutes in all)
    r"|(?<![\w-])(?P<e>[\w-]+(?:\s+[\w-]+){0,3}?)\s+(?:vs\.?|versus)\s+(?P<f>[^?.!,;]{1,60})"
    r"|\bhow\s+(?:does|do|did|would|will)\s+(?P<g>[^?.!,;]{1,120}?)\s+compare\s+(?:to|with|against)\s+"
    r"(?P<h>[^?.!,;]{1,60})"
    r"|\bhow\s+(?:does|do|did|is|are)\s+(?P<i>[^?.!,;]{1,120}?)\s+differ(?:ent)?\s+from\s+(?P<j>[^?.!,;]{1,60})"
    # "Which is better for passage ranking: full ranking with long-context LLMs or pairwise ranking prompting?"
    r"|\bwhich\s+(?:one\s+)?(?:is|works|performs)\s+(?:better|best)\b[^:,?]{0,60}[:,]\s*(?P<k>[^?.!;,]{1,60}?)"
    r"\s+or\s+(?P<l>[^?.!;,]{1,60})",
    re.IGNORECASE,
)
_APPROACH = re.compile(r"^(?:the\s+)?(?:approaches?|methods?|models?)\s+(?:of|for|to)\s+", re.IGNORECASE)
# A side described by what its paper says: "the one showing RNNs use non-linear representations" is on RNNs' non-linear
# representations (the paper need not write "show")
_SAYING = re.compile(
    r"^(?:the\s+)?(?:paper|one|work|study|article)\s+(?:(?:that|which)\s+)?"
    r"(?:show|find|argu|claim|demonstrat|prov|suggest|report)\w*\s+(?:that\s+)?",
    re.IGNORECASE,
)
SIDE_PAPERS = 20  # the retrieved papers a side is looked for in
SIDE_K = 5  # papers searched for each side apart, beside those for the whole question


def topic_sides(question: str) -> tuple[str, str] | None:
    """The two sides a question compares, as written, a shared head given to both ("dense and sparse retrieval":
    "dense retrieval", "sparse retrieval")."""
    found = _SIDES.search(question)
    if not found:
        return None
    a, b = (g.strip() for g in found.groups() if g)
    a, b = (_SAYING.sub("", _APPROACH.sub("", side)) for side in (a, b))
    if len(a.split()) == 1 and len(b.split()) > 1:  # "dense and sparse retrieval": "dense" is "dense retrieval"
        a = f"{a} {' '.join(b.split()[1:])}"
    return (a, b) if key_terms(a) and key_terms(b) else None


def side_papers(sides: tuple[str, str], sources: Sequence[Source]) -> list[int] | None:
    """For each side, of the top papers holding all its key words, the first holding fewest of the other side's,
    one naming it in its title first (one on LLMs first, for a side naming them); None when a side has no such
    paper, or both have the same one."""
    chosen: list[int] = []
    for side, other in (sides, sides[::-1]):
        # ("non-linear" as the paper's words have it: "nonlinear")
        own = key_terms(joined(side))
        theirs = [t for t in key_terms(joined(other)) if t not in own]
        llm = bool(names_llms(side))  # "pruning for LLMs": a paper on LLMs (LLMs frame most questions: no key word)

        def rank(
            i: int, own: Sequence[str] = own, theirs: Sequence[str] = theirs, llm: bool = llm
        ) -> tuple[bool, int, bool, int]:
            title = frozenset(terms(sources[i].paper.title))
            words = vocabulary(sources[i].paper)
            off = llm and not on_language_models(sources[i].paper)
            return off, sum(has(t, words) for t in theirs), not all(has(t, title) for t in own), i

        holding = [i for i in range(min(SIDE_PAPERS, len(sources))) if holds_all(sources[i].paper, own)]
        if not holding:
            return None
        chosen.append(min(holding, key=rank))
    return chosen if chosen[0] != chosen[1] else None


def topics_compared(sides: tuple[str, str], sources: Sequence[Source], chosen: Sequence[int], pick: Picker) -> Draft:
    """Each side from its paper: what the paper does and the sentence most about that side, cited."""
    draft = Draft("", answerable=True)
    parts = []
    for side, i in zip(sides, chosen, strict=True):
        picked = dict.fromkeys([contribution(sources[i]), pick.best(analyse(side), sources[i])])
        said = " ".join(draft.quote(i + 1, s) for s in picked if s)
        parts.append(f"{inert(side[:1].upper() + side[1:])}, from “{inert(sources[i].paper.title)}” [{i + 1}]: {said}")
    apart = not any(
        holds_all(sources[i].paper, key_terms(joined(other))) for i, other in zip(chosen, sides[::-1], strict=True)
    )
    draft.text = " ".join([*parts, *(["Neither abstract mentions the other side."] if apart else [])])
    return draft


def the_two(asked: Asked, sources: Sequence[Source]) -> list[int] | None:
    """The two papers a comparison of "the two X papers" means ("Compare the two Matryoshka papers"): the first
    two found holding every key word of the question; None when it counts no two, or fewer than two hold them."""
    if asked.count != 2 or not asked.terms:
        return None
    holding = [i for i, s in enumerate(sources[:10]) if holds_all(s.paper, asked.terms)]
    return holding[:2] if len(holding) >= 2 else None
