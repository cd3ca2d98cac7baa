"""The question as it is searched and written for: spelled as the corpus spells it, slips and versions read (and
said), its shape set by the conversation (one paper's, or each of the papers just listed)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from .answer.question import Asked, analyse
from .answer.relevance import UNSEEN
from .index import View
from .markup import markup_removed
from .resolved import Resolved
from .spelling import respelled, typos_fixed, versions_read
from .superlative import as_it

# "which of them report speedups?", "which give gains?": asked of a list, each one's gain (those stating one)
_REPORTS_GAIN = re.compile(
    r"\s*which(?:\s+(?:of\s+)?(?:them|these|those|ones))?\s+(?:reports?|gives?|shows?|achieves?|claims?|states?|gets?)"
    r"\s+(?:an?\s+|any\s+)?(?:speed-?ups?|gains?|improvements?|savings?|reductions?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Read:
    """A question as read against the corpus."""

    asked: Asked
    among: int  # the papers of the last answer it is asked of (0: the corpus)
    fixes: tuple[tuple[str, str], ...]  # (typed, read as): slips and versions, said in the answer's notes


def read_question(question: str, resolved: Resolved, view: View) -> Read:
    """How `question`, resolved against the conversation, is searched and answered."""
    # `summarisation` read as the corpus spells it; pasted HTML tags are no words of the question
    query = respelled(markup_removed(resolved.query), view.idf, view.idf(UNSEEN))
    query, slips = typos_fixed(query, view.holding)  # `machien` read as `machine`, and said
    query, versions = versions_read(query, view.idf, view.idf(UNSEEN), view.starting)  # `YOLO`: `YOLOv8`
    asked = analyse(query)
    among = len(resolved.filters.paper_ids) if resolved.filters and resolved.filters.paper_ids else 0
    if resolved.one_paper:  # "what does it evaluate on?" after "which papers …": not a list
        own = analyse(question).shape
        shape = asked.shape if asked.shape != "list" else "fact" if own == "list" else own
        asked = dataclasses.replace(asked, shape=shape, one_paper=True, of_them=as_it(question))
    elif among:  # "how many parameters?" of the papers listed
        # (what it asks of them in its own words, unless it restricts them: "which are from 2023?")
        of_them = "" if resolved.restriction or resolved.shown else question
        # "how much do they save?": a figure of each, not a list (read with the list's question)
        figure = (own := analyse(question).shape) in ("improvement", "number") and asked.shape == "list"
        if asked.shape == "list" and _REPORTS_GAIN.match(question):  # "which of them report speedups?": each one's
            figure, own = True, "improvement"
        asked = dataclasses.replace(
            asked, among=among, of_them=of_them, shape=own if figure else asked.shape, shown=resolved.shown
        )
    return Read(asked, among, (*slips, *versions))
