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
_NOT = re.compile(r"(?:(?:do|does|did)\s+not|don'?t|doesn'?t|didn'?t)\s+|((?:are|is|were|was)\s+)not\s+", re.IGNORECASE)


def asks_rest(question: str) -> bool:
    """Whether a question asks only for the papers a narrowing left out ("and which don't?")."""
    return _COMPLEMENT.match(question) is not None


def negated(question: str, narrowed: str) -> str | None:
    """The narrowing question `narrowed` asked the other way round ("which of these do not use LLMs?"), when
    `question` asks for the papers it left out; None otherwise."""
    if not asks_rest(question) or not (which := _WHICH.match(narrowed)):
        return None
    rest = narrowed[which.end() :]
    if undone := _NOT.match(rest):  # "which of them do not use images?": those that do
        return f"{narrowed[: which.end()]}{undone.group(1) or ''}{rest[undone.end() :]}"
    if be := _BE.match(rest):  # "which are for images?": "which are not for images?"
        return f"{narrowed[: which.end()]}{be.group(0)}not {rest[be.end() :]}"
    return f"{narrowed[: which.end()]}do not {rest}"
