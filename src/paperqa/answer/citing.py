"""Which papers cite a paper: the corpus holds abstracts, not reference lists, so the answer says so and lists
the retrieved papers whose abstracts mention the paper's name instead, each with the sentence that does."""

from __future__ import annotations

from collections.abc import Sequence

from ..text import substance
from ..types import Source
from .citations import inert
from .draft import Draft, list_line, short_name
from .names import as_named, fold
from .relevance import Match

CITING_UNRECORDED = "The corpus does not record which papers cite which: it holds abstracts, not reference lists."


def mentioning(question: str, sources: Sequence[Source], top: int, matches: Sequence[Match]) -> Draft:
    """The papers among `sources` (other than the one asked about, `top`) whose abstracts mention its name, as a
    list of cited lines after the sentence saying citations are not recorded."""
    # Its name as the question gives it ("RetroMAE" of RetroMAE v2), or its own if the question gives more (the
    # whole title, which no abstract repeats)
    name = min(filter(None, (matches[top].name, fold(short_name(sources[top])))), key=len)
    written = as_named(question, name)
    asked = inert(written) if written else short_name(sources[top])  # `short_name` is inert already
    draft = Draft("", answerable=True)
    lines = []
    for i, source in enumerate(sources):
        said = next((s for s in substance(source.paper.abstract) if f" {name} " in f" {fold(s)} "), None)
        if i != top and said is not None:
            lines.append(list_line(source.paper.title, draft.quote(i + 1, said)))
    if not lines:
        draft.text = f"{CITING_UNRECORDED} No other paper found mentions “{asked}” in its abstract."
        return draft
    several = "s" if len(lines) != 1 else ""
    head = f"{CITING_UNRECORDED} {len(lines)} paper{several} found mention{'' if several else 's'} “{asked}”:"
    draft.text = "\n".join([head, *lines])
    return draft
