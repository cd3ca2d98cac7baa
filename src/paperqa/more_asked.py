"""What a follow-up asking for more gets ("tell me more", "show more", "what else?"), by what the last answer was."""

from __future__ import annotations

from collections.abc import Sequence

from .dates import YearsAsked
from .filters import Filters
from .resolved import NOTHING_BEFORE, Resolved
from .turns import Turn, asks_others, gave_list, more_said


def more_asked(
    question: str, history: Sequence[Turn], last: Turn, filters: Filters | None, years: YearsAsked | None
) -> Resolved:
    """After one paper's answer (a list's before it or not, or a list of one), "what else?" and "any others?" ask
    for the papers closest to it and "tell me more" for more of it (both were asked of that abstract, which "does
    not mention “else”", or refused); after several papers not listed, of which; after a list, what it left out."""
    cited = {c.paper_id for c in last.answer.citations}
    if len(cited) == 1:  # (a list of one paper too)
        if asks_others(question):
            return Resolved(question, filters, similar_to=cited.pop(), dates=years)
        return Resolved(question, None, more_of=(cited.pop(), "\n".join(t.answer.text for t in history)))
    if len(cited) > 1 and not gave_list(last):  # after a comparison
        # (no "[n]" in the reply: the chat would show it as a citation)
        return Resolved(question, None, "More of which paper? Ask of one: “tell me more about the second one”.")
    if lists := [t for t in history if gave_list(t)]:
        return Resolved(question, None, more_said(lists[-1]))
    return Resolved(question, None, NOTHING_BEFORE)  # after an answer citing no paper ("hello", a refusal)
