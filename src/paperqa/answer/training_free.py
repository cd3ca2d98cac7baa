"""Papers that need no training: asked of a list ("which of them are training-free?", "token pruning papers that need
no training"), those whose own sentences say so, read as a false premise is (`premise.none_needed`)."""

from __future__ import annotations

import re

from ..types import Source
from .draft import own_part
from .premise import TRAINING_KINDS, none_needed

# The words of needing training, written once for both asks ("requires no additional fine-tuning", "need training")
_NEED = r"(?:needs?|needing|requires?|requiring)"
_MORE = r"(?:any\s+)?(?:additional\s+|extra\s+|further\s+)?"
_TRAINING = r"(?:training|fine-?tuning)"
# How a question asks for methods that never train. "Without retraining" is what unlearning avoids ("remove private
# data … without retraining"): no such ask.
_ASKED = re.compile(
    rf"\b(?:training[- ]free|tuning[- ]free|{_NEED}\s+no\s+{_MORE}{_TRAINING}"
    rf"|(?:don't|do\s+not|doesn't|does\s+not|without)\s+(?:need(?:ing)?|requir(?:e|ing))\s+(?:any\s+)?{_TRAINING}"
    rf"|(?:without|no)\s+{_MORE}{_TRAINING}(?!\s+data\b))\b",
    re.IGNORECASE,
)
# "do any of them need training?": those that do, which a paper saying it needs none is not
_NEEDED = re.compile(rf"\b{_NEED}\s+{_MORE}{_TRAINING}\b", re.IGNORECASE)


def asks_training_needed(text: str) -> bool:
    """Whether a question asks for papers that do need training ("which of them need training?")."""
    return not asks_training_free(text) and bool(_NEEDED.search(text))


def asks_training_free(text: str) -> bool:
    """Whether a question asks for papers needing no training."""
    return bool(_ASKED.search(text))


def saying_so(source: Source) -> str | None:
    """The paper's own sentence (not the field's background) saying its method needs no training, or None."""
    own = own_part(source)
    if (denied := none_needed(own, TRAINING_KINDS)) is None:
        return None
    return next((s for s in own if denied[1] in s), denied[1])
