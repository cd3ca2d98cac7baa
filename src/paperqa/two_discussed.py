"""A follow-up pointing at "the two" after two answers of one paper each ("what is SENet?", "and the RegNet
paper?", "compare the two"): those two papers, by their titles."""

from __future__ import annotations

from collections.abc import Sequence

from .ordinals import THE_TWO
from .safe_text import inert
from .turns import Turn


def two_discussed(question: str, history: Sequence[Turn]) -> tuple[str, tuple[str, str]] | None:
    """The question with "the two" written as the titles of the two papers the last two answers citing papers
    cited one each, and their ids; None when it says no "the two", or those answers cited other than one each."""
    if not (found := THE_TWO.search(question)):
        return None
    citing = [t for t in reversed(history) if t.answer.citations][:2]
    ones = [{c.paper_id: c.title for c in t.answer.citations} for t in citing]
    if len(ones) < 2 or any(len(one) != 1 for one in ones) or ones[0].keys() == ones[1].keys():
        return None
    (first_id, first), (last_id, last) = next(iter(ones[1].items())), next(iter(ones[0].items()))
    both = f"“{inert(first)}” and “{inert(last)}”"
    return f"{question[: found.start()]}{both}{question[found.end() :]}", (first_id, last_id)
