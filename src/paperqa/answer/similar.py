"""The papers closest to one paper ("any similar papers?" after an answer about it), each with what it does."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..types import Paper, Source
from .citations import inert
from .draft import contribution
from .restricted import listed
from .stream import AnswerStream, said

SIMILAR_SHOWN = 5


def described(paper: Paper) -> str:
    """What a paper is searched by for its neighbours: its title and the sentence saying what it does."""
    return f"{paper.title}. {contribution(Source(paper, 0.0, 1))}"


def similar_answer(question: str, paper: Paper, found: Sequence[Source]) -> AnswerStream:
    """The papers nearest to `paper` among those `found` searching with its title and abstract (itself left out),
    said to be the closest by what their abstracts say: no abstract claims to be like another."""
    others = [s for s in found if s.paper.id != paper.id][:SIMILAR_SHOWN]
    if not others:
        return said(question, f"No other paper in the corpus is close to “{inert(paper.title)}”.")
    shown = [dataclasses.replace(s, rank=n) for n, s in enumerate(others, start=1)]
    head = f"The {len(shown)} papers closest to “{inert(paper.title)}” in the corpus, by what their abstracts say:"
    return listed(question, head, shown)
