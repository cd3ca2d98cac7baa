"""A follow-up asking only to see again what the last answer gave: how many papers it listed, their titles, or the
papers it points at, asking nothing new of them ("tell me about the first two", "top 3 only")."""

from __future__ import annotations

import re

from .answer.record import record_asked
from .read_back import OPENING
from .safe_text import inert
from .turns import Turn, after_list, cited_numbers

_HOW_MANY_LISTED = re.compile(
    OPENING + r"how\s+many(?:\s+(?:of\s+them|papers|works|studies))?"
    r"(?:\s+(?:(?:are|were)\s+(?:there|they)|(?:is|was)\s+that|did\s+you\s+find|were\s+found|in\s+total|total))?"
    r"\s*[?.!]*\s*$",
    re.I,
)

# "give me just the titles", "titles only please": the last answer's papers by title (not a search for "titles")
_TITLES_ONLY = re.compile(
    OPENING + r"(?:(?:please|ok|okay)[\s,]+)?(?:(?:can\s+you\s+)?(?:give\s+me|list|show(?:\s+me)?|what\s+are)\s+)?"
    r"(?:just\s+|only\s+)?(?:the\s+)?(?:paper\s+)?titles(?:\s+only)?(?:,?\s+please)?\s*[?.!]*\s*$",
    re.I,
)
# Papers pointed at and nothing asked of them but to be shown ("tell me about [1] and [2]", "[1] and [2] and [3]
# only" of "top 3 only", "summarize the first two"): each of them, as the list showed it
_SHOWN = re.compile(  # (a question's spaces are single: `Assistant.ask` makes them so)
    r"^(?:(?:please|now|ok|okay|so),? )*(?:(?:can you )?(?:tell me(?: more)? about|more (?:on|about)|summari[sz]e"
    r"|describe|explain|show(?: me)?|list|give me|what about|and) )?(?:just |only )?(?:the papers )?"
    r"\[\d+\](?:(?:,? and |, | )\[\d+\])*(?: only| please)*[?.!]*$",
    re.I,
)


def listed_again(question: str, last: Turn, latest: Turn, before: Turn) -> str | None:
    """What to say of a follow-up asking how many papers the last answer citing some gave, or their titles; None
    otherwise. `latest` is the turn just before, which may be a refusal citing none; `before`, the list the last
    answer's one paper was of (`several_before`), if any."""
    # The corpus refused the question just asked (papers weighed, none cited): "how many?" is of none (not of an
    # earlier answer's list, nor a search for "titles"). A reply of the chat's own ("it has no ninth paper") is not.
    which = "The last answer"
    # ("which is most cited?", a field of the record the corpus lacks, refused no topic: "how many?" is of the list)
    refused = not latest.answer.citations and not latest.answer.answerable and latest.answer.sources
    if refused and record_asked(latest.question) is None:
        last, count = latest, 0
    # after one paper of a list ("tell me more about the second"): of the list; not after a list of one ("only
    # the ones about BERT" of six), which is the list asked of
    elif len(set(cited_numbers(last))) <= 1 and before is not last and not after_list(last):
        last, count, which = before, len(set(cited_numbers(before))), "The list before the last answer"
    else:
        count = len(set(cited_numbers(last)))
    if _HOW_MANY_LISTED.match(question) and (after_list(last) or count > 1 or not count):  # "how many are there?"
        told = f"{count} paper{'s' if count != 1 else ''}" if count else "no paper (the corpus did not cover it)"
        return f"{which} {'listed' if after_list(last) or not count else 'cited'} {told}."
    if _TITLES_ONLY.match(question) and not count:
        return "The last answer cited no papers (the corpus did not cover it): it has no titles to give."
    if _TITLES_ONLY.match(question):  # "just the titles": the papers the last answer cited, by title
        titles = list(dict.fromkeys(c.title for c in last.answer.citations))
        head = f"The titles of the papers {which[0].lower()}{which[1:]} cited:"
        return "\n".join([head, *(f"- {inert(t)}" for t in titles)])
    return None


def shown_only(question: str) -> bool:
    """Whether a follow-up, its pointers written "[n]", asks only to see those papers ("tell me about [1] and [2]")."""
    return bool(_SHOWN.match(question))
