"""Papers that make a benchmark or dataset, no topic asked ("Which papers release a dataset?"): the sentence of
each abstract saying so, quoted."""

from __future__ import annotations

from collections.abc import Sequence

from ..types import Source
from .draft import Draft, list_line
from .listing import MAX_LISTED
from .traits import data_sentence


def data_listed(sources: Sequence[Source]) -> Draft:
    """The papers found whose abstracts say they make a benchmark or dataset (or whose titles name one), each
    quoted where it says so."""
    found = [(i, said) for i, s in enumerate(sources) if (said := data_sentence(s.paper))]
    if not found:
        return Draft("None of the papers found says it makes a dataset or benchmark.", answerable=False)
    draft = Draft("", answerable=True)
    shown = f"; {MAX_LISTED} of them:" if len(found) > MAX_LISTED else ":"
    papers = "papers of the corpus make" if len(found) > 1 else "paper of the corpus makes"
    lines = [f"At least {len(found)} {papers} a dataset or benchmark{shown}"]
    lines += [list_line(sources[i].paper.title, draft.quote(i + 1, said)) for i, said in found[:MAX_LISTED]]
    draft.text = "\n".join(lines)
    return draft
