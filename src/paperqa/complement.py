"""'And which don't?' after a list was narrowed ("which of these use LLMs?"): the same narrowing, negated."""

from __future__ import annotations

import re

# "and which don't?", "which ones do not?", "what about those that don't?"
_COMPLEMENT = re.compile(
    r"^\s*(?:and\s+|what\s+about\s+|how\s+about\s+)?(?:which|what|those\s+that)(?:\s+ones?|\s+of\s+(?:them|these|those))?"
    r"\s+(?:don'?t|do\s+not|doesn'?t|does\s+not|didn'?t|did\s+not|aren'?t|are\s+not|isn'?t|is\s+not)\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# Where a narrowing says what its papers do: after "which of these", "which ones", "which"
_WHICH = re.compile(r"^\s*(?:and\s+)?which(?:\s+of\s+(?:them|these|those)|\s+ones?)?\s+", re.IGNORECASE)
_BE = re.compile(r"(?:are|is|were|was)\s+", re.IGNORECASE)


def negated(question: str, narrowed: str) -> str | None:
    """The narrowing question `narrowed` asked the other way round ("which of these do not use LLMs?"), when
    `question` asks for the papers it left out; None otherwise."""
    if not _COMPLEMENT.match(question) or not (which := _WHICH.match(narrowed)):
        return None
    rest = narrowed[which.end() :]
    if re.match(r"(?:do|does|did)\s+not\b|don't|doesn't|didn't", rest, re.IGNORECASE):
        return None  # already negated: "and which don't?" after it is no question of its own
    if be := _BE.match(rest):  # "which are for images?": "which are not for images?"
        return f"{narrowed[: which.end()]}{be.group(0)}not {rest[be.end() :]}"
    return f"{narrowed[: which.end()]}do not {rest}"
