"""Which papers cite a paper: the corpus holds abstracts, not reference lists, so the answer says so and lists
the retrieved papers whose abstracts mention the paper's name instead, each with the sentence that does."""

from __future__ import annotations

from collections.abc import Sequence

from ..text import substance
from ..types import Source
from .citations import inert
from .draft import Draft, list_line
from .names import fold

CITING_UNRECORDED = "The corpus does not record which papers cite which: it holds abstracts, not reference lists."


def mentioning(sources: Sequence[Source], top: int, name: str, shown: str) -> Draft:
    """The papers among `sources` (other than the one asked about, `top`) whose abstracts mention its `name`
    (folded, as `Match.name` is; `shown` as the question writes it), as a list of cited lines after the sentence
    saying citations are not recorded."""
    draft = Draft("", answerable=True)
    asked = inert(shown)
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
