"""A follow-up asking which of the papers just cited is the newest, oldest or most upvoted ("which one is newer?",
"which is the most upvoted?"): the one the record says, asked of by its number."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .ordinals import ordinal_as_it
from .text import subject_terms
from .turns import Turn, several_before

# "Which one is the newest?" ("which of them are newest?"): of the papers the last answer cited, the one with the
# latest (earliest) date.
# "which one is newer?", "which one came first?" of two compared.
_DATED_ASKED = (
    r"\s+(?:(?:is|are)\s+(?:the\s+)?|(?:came|was\s+published|appeared)\s+)"
    r"(newest|latest|most\s+recent|oldest|earliest|newer|later|more\s+recent|older|earlier|first|last)\b"
)
_OF_THEM = r"of\s+(?:them|these|those|the\s+two|both)"
_WHICH_DATED = re.compile(rf"\bwhich(?:\s+(?:one|paper|{_OF_THEM}))?{_DATED_ASKED}", re.I)  # "which came first?"
_OLDER = ("oldest", "earliest", "older", "earlier", "first")
# "and the oldest?", "what about the newest?" after "which one is the most recent?"
_AND_DATED = re.compile(
    r"^\s*(?:and|what\s+about|how\s+about)\s+the\s+(newest|latest|most\s+recent|oldest|earliest)"
    r"(?:\s+one)?\s*[?.!]*\s*$",
    re.I,
)
# "What is the newest one about?", "what does the most upvoted paper propose?": a pointer at the one of them the
# record picks, read as its "[n]" (not "the latest paper on X", which asks the corpus); "compare the newest and the
# oldest": two of them
_PICKED = (
    r"newest|latest|most\s+recent|oldest|earliest|most\s+upvoted|most\s+popular"
    r"|newer|older|more\s+recent|earlier|more\s+upvoted|more\s+popular"  # ("the newer one" of two)
)
_ONE = r"(?:\s+(?:one|paper|work|study))"
PICKED_ONE = re.compile(
    rf"\bthe\s+({_PICKED}){_ONE}\b(?!\s+(?:to|that|which|who|on|about|in|of|from|for)\s+\w)"  # ("… one about?")
    rf"|\bthe\s+({_PICKED}){_ONE}?\s+and\s+the\s+({_PICKED}){_ONE}?\b",
    re.I,
)


def picked_one(question: str) -> bool:
    """Whether a question points at one of an answer's papers by date or upvotes ("what is the newest one
    about?"); "the newest paper" asks the corpus."""
    found = PICKED_ONE.search(question)
    return found is not None and not re.search(r"\b(?:paper|work|study)\b", found.group(0), re.IGNORECASE)


# "What's the earliest one?": nothing asked of it but which it is, as "which one is the earliest?" asks
_WHICH_IT_IS = re.compile(r"(?:what(?:'s|\s+is|\s+was)|which\s+is)\s+", re.I)
# Of the papers an answer gave ("which one is newer?"), not of the corpus ("which paper is the oldest?").
WHICH_ONE = re.compile(
    rf"\bwhich\s+(?:one|{_OF_THEM})(?:{_DATED_ASKED}|\s+(?:is|was)\s+(?:the\s+)?(?:most|more)\s+(?:upvoted|popular)\b)",
    re.I,
)
# "which one is the most upvoted?", "which has the most upvotes?", "which is more popular?" of two: of them, the one
# the record gives most
_WHICH_UPVOTED = re.compile(
    rf"\bwhich(?:\s+(?:one|paper|{_OF_THEM}))?\s+(?:(?:is|was)\s+(?:the\s+)?(?:most|more)\s+(?:upvoted|popular)"
    r"|has\s+(?:the\s+most|more)\s+upvotes)\b",
    re.I,
)


def as_it(question: str) -> str:
    """A question with its pointer at the newest (oldest) of the papers cited, or at one by ordinal ("and the
    third?"), written "it": what it asks of that paper in its own words ("what is it about?"), no date or ordinal
    word a paper would have to write."""
    return PICKED_ONE.sub("it", ordinal_as_it(question))


@dataclass(frozen=True)
class Superlative:
    """The question asked instead ("When was [3] published?"), a note on papers left out, or why none can be."""

    question: str = ""
    of: Turn | None = None  # the turn whose numbers it uses
    note: str | None = None
    problem: str | None = None


def superlative(question: str, history: Sequence[Turn], last: Turn) -> Superlative | None:
    """Which of the papers the last answer cited (after one paper's answer, of the list before it) is the newest,
    oldest or most upvoted, asked of by its number (or what a question asks of it, "what does the newest one
    propose?"); None when the question asks none of these of them."""
    found = _WHICH_DATED.search(question) or _AND_DATED.search(question) or _WHICH_UPVOTED.search(question)
    pointer = None if found else PICKED_ONE.search(question)
    asked = question.strip().rstrip("?.!").rstrip()
    if pointer and (opening := _WHICH_IT_IS.match(asked)) and asked[opening.end() :] == pointer.group(0):
        found, pointer = pointer, None  # "what's the earliest one?": which one it is
    at = found or pointer
    if at is None or (found and subject_terms(question[: found.start()] + " " + question[found.end() :])):
        return None  # "Which is newer, SPLADE or SPLADE v2?" names its own
    last = several_before(history, last)
    among = len({c.n for c in last.answer.citations})
    if not among:  # after a refusal: no paper to be the newest of
        return Superlative(problem="The last answer cited no papers to choose among.")
    words = [w for w in at.groups() if w] or ["most upvoted"]  # (`_WHICH_UPVOTED` captures no word)
    picks = []
    for word in words:
        if isinstance(pick := _pick(word, last), str):
            return Superlative(problem=pick)
        picks.append(pick)
    numbers = [n for n, _, _ in picks]
    _, have, what = picks[0]
    if found:
        by_votes = _by_votes(words[0])
        asked = f"How many upvotes does [{numbers[0]}] have?" if by_votes else f"When was [{numbers[0]}] published?"
    else:
        pointed = " and ".join(f"[{n}]" for n in numbers)
        asked = f"{question[: at.start()]}{pointed}{question[at.end() :]}"
    note = None
    if have < among:  # "the newest" of twelve of which two are dated: of those two
        note = f"Of the {among} papers the last answer cited, only {have} {'has' if have == 1 else 'have'} {what}."
    return Superlative(asked, last, note)


def _pick(word: str, last: Turn) -> tuple[int, int, str] | str:
    """The number of the paper the last answer cited that a superlative picks ("newest", "most upvoted"), how many
    of them the record gives what it picks by, and what that is; or why it picks none."""
    if _by_votes(word):
        votes = {s.paper.id: s.paper.upvotes for s in last.answer.sources}
        counted = [(v, c.n) for c in last.answer.citations if (v := votes.get(c.paper_id)) is not None]
        if not counted:
            return "None of the papers the last answer cited has upvotes recorded."
        most = max(counted, key=lambda vn: (vn[0], -vn[1]))  # most upvotes; of a tie, the first cited
        return most[1], len(counted), "upvotes recorded"
    known = [(c.date, c.n) for c in last.answer.citations if c.date]
    if not known:
        return "None of the papers the last answer cited has a known date."
    n = (min(known) if word.lower() in _OLDER else max(known))[1]
    return n, len(known), "a known date"


def _by_votes(word: str) -> bool:
    """Whether a superlative picks by upvotes ("most upvoted", "more popular"), not by date."""
    return word.split()[-1].lower() in ("upvoted", "popular")
