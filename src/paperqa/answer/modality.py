"""What a question asks to see or hear (images, speech), and whether the papers found hold any of it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text import terms
from ..types import Paper
from .evidence import has
from .holding import vocabulary
from .question import Asked

# Stems of one way of perceiving: a paper on images may say "vision", "visual", "video", "imagery" or "perceptual"
# instead ("vision-language models" keep the stem "vision"). Text is left out: a paper on text rarely says so.
# (`relevance.MODALITIES` are what a kind of model is of, text among them: another question.)
SEEING = frozenset("imag imageri vision visual video pixel photo photograph pictur multimod percept perceptu".split())
HEARING = frozenset(("speech", "spoken", "audio", "acoust"))  # (not "sound": "a theoretically sound analysis")
_FAMILIES = (SEEING, HEARING)
_NOT_HEARD = re.compile(r"\bparts?[- ]of[- ]speech\b", re.IGNORECASE)  # a word class, not speech


def modality_terms(asked: Asked) -> list[str]:
    """The question's key terms that name what is seen or heard ("vision" of "vision-language models")."""
    said = set(terms(_NOT_HEARD.sub(" ", asked.text)))
    return [t for t in asked.terms if t in said and any(t in family for family in _FAMILIES)]


def unseen_modality(asked: Asked, papers: Sequence[Paper]) -> list[str]:
    """The question's terms of seeing or hearing when none of `papers` writes a word of any of their kinds: "how
    vision-language models recall facts" of papers on language models only. Empty when any paper does."""
    named, kinds, others = _wanted(asked)
    return named if named and not any(_holds(vocabulary(p), kinds, others) for p in papers) else []


def writing_of_it(asked: Asked, papers: Sequence[Paper]) -> list[int]:
    """Of `papers`, those writing a word of the kinds of seeing or hearing the question names; all of them when it
    names none, or when none writes of it (`unseen_modality` decides that)."""
    named, kinds, others = _wanted(asked)
    held = [i for i, p in enumerate(papers) if _holds(vocabulary(p), kinds, others)]
    return held if named and held else list(range(len(papers)))


def _wanted(asked: Asked) -> tuple[list[str], list[frozenset[str]], set[str]]:
    """The question's terms of seeing or hearing, their kinds, and the other alternatives named beside them
    ("surfaces" of "images, videos or surfaces": a paper on those is on it too)."""
    named = modality_terms(asked)
    kinds = [family for family in _FAMILIES if any(t in family for t in named)]
    others = {t for group in asked.either if any(t in a for a in group for t in named) for a in group for t in a}
    return named, kinds, others - set(named)


def _holds(words: frozenset[str], kinds: Sequence[frozenset[str]], others: set[str]) -> bool:
    """Whether a paper's words hold one of these kinds of seeing or hearing, or another alternative named beside."""
    return any(words & family for family in kinds) or any(has(t, words) for t in others)
