"""A follow-up asking for the papers like one ("any similar papers?", "related work?", "papers like [2]"): which
paper it means."""

from __future__ import annotations

from .dates import YearsAsked
from .filters import Filters
from .ordinals import REF
from .resolved import Resolved
from .turns import Turn
from .two_discussed import answered_of
from .upvotes import UpvotesAsked


def similar_of(
    question: str, last: Turn, filters: Filters, years: YearsAsked | None, upvotes: UpvotesAsked | None
) -> Resolved:
    """ "any similar papers?", "related work?", "papers like [2]": those closest to the paper just discussed."""
    refs = [int(n) for n in REF.findall(question)]
    ids = [last.answer.sources[n - 1].paper.id for n in refs if 1 <= n <= len(last.answer.sources)]
    # (of an answer of one paper, that one: the "Related: …" papers after it are not what it was of)
    one = [paper_id for paper_id, _ in answered_of(last, 1)]
    ids = list(dict.fromkeys(ids or one or [c.paper_id for c in last.answer.citations]))
    if len(ids) != 1:
        # (no "[n]" in the reply: the chat would show it as a citation)
        return Resolved(question, None, "Similar to which paper? Ask of one: “papers similar to the second one”.")
    return Resolved(question, filters if filters.active else None, similar_to=ids[0], dates=years, upvotes=upvotes)
