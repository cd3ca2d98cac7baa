"""Papers that need no training: asked of a list ("which of them are training-free?", "token pruning papers that need
no training"), those whose own text says so ("training-free", "without additional training", "tuning-free")."""

from __future__ import annotations

import re

from ..text import substance
from ..types import Paper


def _no_training(again: str) -> str:
    """The ways of saying a method needs no training (`again`: a pattern for "re", retraining too)."""
    done = rf"(?:{again}training|fine-?tuning)"
    more = r"(?:any\s+)?(?:additional\s+|extra\s+|further\s+)?"
    return (
        r"training[- ]free|tuning[- ]free"
        rf"|(?:needs?|needing|requires?|requiring)\s+no\s+{more}{done}"
        rf"|(?:don't|do\s+not|doesn't|does\s+not|without)\s+(?:need(?:ing)?|requir(?:e|ing))\s+{more}{done}"
        # ("without training data" is a paper's data, not a method needing no training; unlearning "without
        # retraining the model from scratch" still trains; prompt tuning "without retraining its … parameters" trains
        # the rest)
        rf"|(?:without|no)\s+{more}{done}"
        r"(?!\s+(?:data|examples?|sets?|pairs|labels|corpus|corpora|samples|instances|signals?)\b)"
        r"(?![^.]{0,40}\bscratch\b)(?!\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}(?:parameters|weights|backbone)\b)"
    )


# Asked: "without retraining" is what unlearning avoids ("remove private data … without retraining"), no ask for
# methods that never train; a paper saying it of itself ("without any retraining") is one
_ASKED = re.compile(rf"\b(?:{_no_training('')})\b", re.IGNORECASE)
_SAID = re.compile(rf"\b(?:{_no_training('(?:re-?)?')})\b", re.IGNORECASE)


def asks_training_free(text: str) -> bool:
    """Whether a question asks for papers needing no training."""
    return bool(_ASKED.search(text))


def training_free(paper: Paper) -> bool:
    """Whether a paper's title or abstract says its method needs no training."""
    return bool(_SAID.search(f"{paper.title}. {paper.abstract}"))


def saying_so(paper: Paper) -> str | None:
    """The abstract's first sentence saying its method needs no training (None: only its title says so)."""
    return next((s for s in substance(paper.abstract) if _SAID.search(s)), None)
