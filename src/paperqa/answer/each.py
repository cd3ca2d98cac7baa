"""A count asked of each paper the last answer listed ("how many parameters?" after a list): the papers stating
it, each quoted where it does, or that none does."""

from __future__ import annotations

from collections.abc import Sequence

from ..text import substance
from ..types import Source
from .draft import Draft, list_line
from .figures import counted, figure_of


def each_counted(question: str, among: int, sources: Sequence[Source]) -> Draft | None:
    """Of the papers a list gave (`sources`, `among` of them), those stating the figure the question counts;
    None when it counts nothing."""
    word = counted(question)
    if word is None:
        return None
    written = word[1]
    stating = [
        (n, s, said) for n, s in enumerate(sources, 1) if (said := figure_of(word[0], substance(s.paper.abstract)))
    ]
    cited = f"Of the {among} paper{'s' if among != 1 else ''} the last answer cited"
    if not stating:
        return Draft(f"{cited}, none states how many {written}.", answerable=False)
    draft = Draft("", answerable=True)
    verb = "states" if len(stating) == 1 else "state"
    lines = [f"{cited}, {len(stating)} {verb} how many {written}:"]
    lines += [list_line(s.paper.title, draft.quote(n, said)) for n, s, said in stating]
    draft.text = "\n".join(lines)
    return draft
