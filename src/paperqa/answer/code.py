"""Where papers say their code is ("Which papers have code available?", "Does SPLADE release its code?"): the
sentence of each abstract that says so, quoted; an abstract's saying nothing is said."""

from __future__ import annotations

from collections.abc import Sequence

from ..text import code_sentence
from ..types import Source
from .citations import inert
from .draft import Draft, list_line
from .listing import MAX_LISTED

CODE_UNSAID = "None of the papers found on this says where its code is."


def code_listed(sources: Sequence[Source]) -> Draft:
    """The papers found whose abstracts say where their code is, each quoted where it does (no topic asked)."""
    found = [(i, said) for i, s in enumerate(sources) if (said := code_sentence(s.paper.abstract))]
    if not found:
        return Draft("None of the papers found says where its code is.", answerable=False)
    draft = Draft("", answerable=True)
    shown = f"; {MAX_LISTED} of them:" if len(found) > MAX_LISTED else ":"
    papers = "papers of the corpus say where their" if len(found) > 1 else "paper of the corpus says where its"
    lines = [f"At least {len(found)} {papers} code is{shown}"]
    lines += [list_line(sources[i].paper.title, draft.quote(i + 1, said)) for i, said in found[:MAX_LISTED]]
    draft.text = "\n".join(lines)
    return draft


def code_of(sources: Sequence[Source], top: int) -> Draft:
    """Where the paper asked about says its code is, or that its abstract does not say."""
    title = inert(sources[top].paper.title)
    said = code_sentence(sources[top].paper.abstract)
    if said is None:
        return Draft(f"The abstract of “{title}” does not say where its code is.", answerable=False)
    draft = Draft(f"From “{title}” [{top + 1}]:", answerable=True)
    draft.text += " " + draft.quote(top + 1, said)
    return draft
