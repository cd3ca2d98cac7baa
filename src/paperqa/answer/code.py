"""Where papers say their code is ("Which papers have code available?", "Does SPLADE release its code?"): the
sentence of each abstract that says so, quoted; an abstract's saying nothing is said."""

from __future__ import annotations

from collections.abc import Sequence

from ..text import code_sentence
from ..types import Source
from .citations import inert
from .draft import Draft
from .listing import quoted_list

CODE_UNSAID = "None of the papers found on this says where its code is."


def code_listed(sources: Sequence[Source]) -> Draft:
    """The papers found whose abstracts say where their code is, each quoted where it does (no topic asked)."""
    found = [(i, said) for i, s in enumerate(sources) if (said := code_sentence(s.paper.abstract))]
    if not found:
        return Draft("None of the papers found says where its code is.", answerable=False)
    return quoted_list(
        sources, found, "paper of the corpus says where its code is", "papers of the corpus say where their code is"
    )


def code_of(sources: Sequence[Source], top: int) -> Draft:
    """Where the paper asked about says its code is, or that its abstract does not say."""
    title = inert(sources[top].paper.title)
    said = code_sentence(sources[top].paper.abstract)
    if said is None:
        return Draft(f"The abstract of “{title}” does not say where its code is.", answerable=False)
    draft = Draft(f"From “{title}” [{top + 1}]:", answerable=True)
    draft.text += " " + draft.quote(top + 1, said)
    return draft
