"""What a question asks to see or hear (images, speech), and whether the papers found hold any of it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text import terms
from ..types import Paper
from .holding import vocabulary
from .question import Asked

# Stems of one way of perceiving: a paper on images may say "vision", "visual" or "video" instead ("vision-language
# models" keep the stem "vision"). Text is left out: a paper on text rarely says so.
SEEING = frozenset(("imag", "vision", "visual", "video", "pixel", "photo", "pictur", "multimod"))
HEARING = frozenset(("speech", "spoken", "audio", "acoust", "sound"))
_FAMILIES = (SEEING, HEARING)
_NOT_HEARD = re.compile(r"\bparts?[- ]of[- ]speech\b", re.IGNORECASE)  # a word class, not speech


def modality_terms(asked: Asked) -> list[str]:
    """The question's key terms that name what is seen or heard ("vision" of "vision-language models")."""
    said = set(terms(_NOT_HEARD.sub(" ", asked.text)))
    return [t for t in asked.terms if t in said and any(t in family for family in _FAMILIES)]


def unseen_modality(asked: Asked, papers: Sequence[Paper]) -> list[str]:
    """The question's terms of seeing or hearing when none of `papers` writes a word of any of their kinds: "how
    vision-language models recall facts" of papers on language models only. Empty when any paper does."""
    named = modality_terms(asked)
    kinds = [family for family in _FAMILIES if any(t in family for t in named)]
    if not named or any(vocabulary(p) & family for p in papers for family in kinds):
        return []
    return named
