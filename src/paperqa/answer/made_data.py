"""Papers that make a benchmark or dataset, no topic asked ("Which papers release a dataset?"): the sentence of
each abstract saying so, quoted."""

from __future__ import annotations

from collections.abc import Sequence

from ..types import Source
from .draft import Draft
from .listing import quoted_list
from .traits import data_sentence


def data_listed(sources: Sequence[Source]) -> Draft:
    """The papers found whose abstracts say they make a benchmark or dataset (or whose titles name one), each
    quoted where it says so."""
    found = [(i, said) for i, s in enumerate(sources) if (said := data_sentence(s.paper))]
    if not found:
        return Draft("None of the papers found says it makes a dataset or benchmark.", answerable=False)
    return quoted_list(
        sources,
        found,
        "paper of the corpus makes a dataset or benchmark",
        "papers of the corpus make a dataset or benchmark",
    )
