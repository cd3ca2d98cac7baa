"""A follow-up pointing at two papers after two answers of one paper each ("what is SENet?", "and the RegNet
paper?", then "compare the two", "how do they differ?", "which one is better?"): those two papers, by title; and
which papers an answer was of (not the "Related: …" ones after them)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .answer.one_paper import RELATED
from .ordinals import REF, THE_TWO
from .safe_text import inert
from .turns import Turn, after_list

# "how do they differ?", "what's the difference between them?", "compare both": the two compared
_COMPARED = re.compile(
    r"\b(?:compare\s+(?:them|both|these|those)|how\s+do\s+(?:they|these|those)\s+(?:differ|compare)"
    r"|differences?\s+between\s+(?:them|these|those)|how\s+are\s+(?:they|these|those)\s+different)\b",
    re.IGNORECASE,
)
# "which one is better?", "which of them is faster?": which of the two
_WHICH_BETTER = re.compile(
    r"^\s*(?:(?:so|and|ok|okay),?\s+)?which(?:\s+one|\s+of\s+(?:them|these|those|the\s+two))?\s+(?:is|was)\s+"
    # (not of dates: "which one is newer?" is the date's to answer)
    r"(?P<how>better|best|faster|fastest|stronger|more\s+[a-z]+|(?!(?:new|old|lat|earli)er)[a-z]{3,}er)\s*[?.!]*\s*$",
    re.IGNORECASE,
)


def two_discussed(question: str, history: Sequence[Turn]) -> tuple[str, tuple[str, str]] | None:
    """The question asked of the two papers the last two answers citing papers cited one each, those written by
    title, and their ids; None when it points at no two, or those answers cited other than one each."""
    pointed, better = THE_TWO.search(question), _WHICH_BETTER.match(question)
    if not (pointed or better or _COMPARED.search(question)):
        return None
    citing = [t for t in reversed(history) if t.answer.citations][:2]
    # the two the last answer was of ("how do they differ?" after "which one is better?"; which is better of two
    # listed or compared is the comparison's to say), else the last two answers' one paper each
    papers = answered_of(citing[0], 2) if citing and not better and not after_list(citing[0]) else []
    papers = papers or [paper for t in citing for paper in answered_of(t, 1)][::-1]
    if len(papers) < 2 or papers[0][0] == papers[1][0]:
        return None
    (first_id, first), (last_id, last) = papers
    a, b = f"“{inert(first)}”", f"“{inert(last)}”"
    if pointed:  # "compare the two": the question with its two written out
        asked = f"{question[: pointed.start()]}{a} and {b}{question[pointed.end() :]}"
    elif better:
        asked = f"Which is {better.group('how').lower()}, {a} or {b}?"
    else:
        asked = f"Compare {a} and {b}."
    return asked, (first_id, last_id)


def answered_of(turn: Turn, many: int) -> list[tuple[str, str]]:
    """The ids and titles of the papers an answer is of, when it is of `many` (its "Related: …" papers after them
    are not), in the order it cites them; else none."""
    said = turn.answer.text.split(f" {RELATED} ", 1)[0]
    cited = list(dict.fromkeys(int(n) for n in REF.findall(said)))
    titles = {c.n: (c.paper_id, c.title) for c in turn.answer.citations}
    return [titles[n] for n in cited if n in titles] if len(cited) == many else []
