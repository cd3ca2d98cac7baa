"""The least number of upvotes a question's words restrict its papers to ("papers with more than 100 upvotes")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .filters import UPVOTES_MAX
from .text import without

# "with more than 100 upvotes", "have at least 50 upvotes", "over 20 upvotes", "100+ upvotes", "10 or more upvotes",
# "upvoted more than 30 times"; the verb or "with" before it goes with it (no subject of the question)
_LEAST = r"more\s+than|over|above|at\s+least|no\s+fewer\s+than|>=?|≥"
_UPVOTES_ASKED = re.compile(
    rf"(?:\b(?:with|having|have|has|had|got|get|gets|received|receive)\s+)?"
    rf"(?:(?P<least>{_LEAST})\s*(?P<n>\d{{1,10}})\s*upvotes?\b|(?P<n3>\d{{1,10}})\s*(?:\+|or\s+more)\s*upvotes?\b|"
    rf"\bupvoted\s+(?P<least2>{_LEAST})\s*(?P<n2>\d{{1,10}})(?:\s+times)?\b)",
    re.IGNORECASE,
)
_STRICT = frozenset({"more than", "over", "above", ">"})  # "more than 100" admits 101 on; "at least 100" 100


@dataclass(frozen=True)
class UpvotesAsked:
    """The least upvotes a question asks of its papers, and the question without the words that asked it."""

    least: int
    rest: str
    said: str  # "with more than 100 upvotes", as the question put it


def upvotes_asked(question: str) -> UpvotesAsked | None:
    """The upvotes a question restricts its papers to, if it says a least number ("more than 100 upvotes")."""
    m = _UPVOTES_ASKED.search(question)
    if not m:
        return None
    count = int(m.group("n") or m.group("n2") or m.group("n3"))
    word = " ".join((m.group("least") or m.group("least2") or "").lower().split())
    strict = word in _STRICT
    least = min(count + 1 if strict else count, UPVOTES_MAX)
    votes = "upvote" if count == 1 else "upvotes"  # "more than 1 upvote"
    said = f"with more than {count} {votes}" if strict else f"with at least {count} {votes}"
    return UpvotesAsked(least, without(question, m.start(), m.end()), said)
