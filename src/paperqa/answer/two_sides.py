"""Answers on two sides: two named papers or methods compared, two approaches no paper is named for, and what each
of two named papers reports ("which datasets do X and Y use?", "how much faster are X and Y?")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..types import Source
from .asked_names import sides_named, studied_only, unnamed
from .comparison import MAX_COMPARED, compared
from .draft import NEITHER_NAMES, Draft, none_made, none_named
from .one_paper import OnePaper
from .picking import Picker
from .pointed import against_named, described_side
from .question import Asked
from .relevance import Idf, Match, names_another
from .topics import side_papers, the_two, topics_compared


def two_sided(
    asked: Asked,
    sources: Sequence[Source],
    matches: Sequence[Match],
    named: Sequence[int],
    two: tuple[str, str] | None,
    two_papers: Sequence[int] | None,
    one: OnePaper,
) -> Draft | None:
    """The answer to a question on two sides, or None when it is not one (one paper answers it)."""
    pick, idf = one.pick, one.idf
    two_named = asked.shape in ("compare", "improvement", "number") or (asked.shape == "fact" and asked.named_kind)
    if not two_named:
        return None  # (the sides named are looked for only where they are asked: most questions are of one paper)
    sides = sides_named(asked.text, named, matches)
    if asked.shape == "compare":  # of the papers it names, of the two a phrase describes, or of two approaches
        if len(sides) >= 2:
            return compared(asked, sources, sides[:MAX_COMPARED], pick)
        if pair := the_two(asked, sources):
            return compared(asked, sources, pair, pick)  # "Compare the two Matryoshka papers"
        if len(sides) == 1 and (drawn := _one_side_named(asked, sources, matches, named, sides[0], pick, idf)):
            return drawn
        # two approaches no paper is named for: "the differences between dense and sparse retrieval"
        if not sides and two and (chosen := side_papers(two, sources) if named else two_papers):
            return topics_compared(two, sources, chosen, pick)
        return None
    if asked.shape == "fact" and asked.named_kind and len(sides) >= 2:
        return compared(asked, sources, sides[:MAX_COMPARED], pick)  # "which datasets do X and Y use?"
    # "how much faster are X and Y?" (not "how much does X improve over Y?", one's gain over the other, unless
    # neither abstract names the other: "is WAGLE better than DP2Unlearning?")
    if asked.shape in ("improvement", "number") and len(sides) >= 2:
        against = against_named(asked.text)
        if not against or not names_another([sources[i].paper for i in sides[:MAX_COMPARED]], idf):
            draft = one.numbers_of_each(asked, sources, sides[:MAX_COMPARED])
            draft.text = f"{NEITHER_NAMES} {draft.text}" if against else draft.text
            return draft
    return None


def _one_side_named(
    asked: Asked, sources: Sequence[Source], matches: Sequence[Match], named: Sequence[int], side: int,
    pick: Picker, idf: Idf,
) -> Draft | None:  # fmt: skip
    """A comparison naming one paper found: the other said to be named by none or only studied, or described."""
    mentioned = [matches[i].name for i in named]
    absent = unnamed(asked.text, sources[:10], mentioned)
    if absent or (studied := studied_only(asked.text, sources[:10], mentioned)):
        # "Compare ColBERT and SPLADE": the corpus has SPLADE's paper, none named ColBERT (ColBERT-XM is not);
        # "Compare MERU and CLIP": papers study CLIP ("… Neurons in CLIP"), none made it
        draft = compared(asked, sources, [side], pick, absent or studied)
        draft.text = f"{none_named(absent) if absent else none_made(studied)} {draft.text}"
        return draft
    # the other side described: "Compare SPLADE with the paper on hard negatives for dense retrieval"
    if (other := described_side(asked, sources, matches, side, idf)) is not None:
        # in the question's order ("the paper that reweights … by their loss and PreSelect": the described first)
        described = _DESCRIBED.search(asked.text)
        name = re.search(re.escape(matches[side].name), asked.text, re.IGNORECASE)
        first = bool(described and name and described.start() < name.start())
        return compared(asked, sources, [other, side] if first else [side, other], pick)
    return None


_DESCRIBED = re.compile(r"\bthe\s+(?:paper|one|work|study|method|approach|model)\b", re.IGNORECASE)
