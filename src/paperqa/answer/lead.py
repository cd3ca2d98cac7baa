"""The paper an answer to a question naming none is drawn from."""

from __future__ import annotations

from collections.abc import Sequence

from ..types import Source
from .asked_names import maker
from .listing import TOPIC_WORDS
from .pointed import beating, doing_it
from .question import Asked
from .relevance import Idf, Match
from .stated import BEATS
from .subjects import Subjects
from .traits import on_language_models

LEAD_WINDOW = 5  # how many of the best-ranked papers may lead on covering clearly more
LLM_LEAD = 0.5  # the share of a question's words a paper on LLMs covers to lead over one not on them


def unnamed_lead(
    asked: Asked, sources: Sequence[Source], matches: Sequence[Match], subjects: Subjects, idf: Idf
) -> int | None:
    """The best-ranked paper covering clearly more, writing what the things asked about do (`doing_it`), the one
    named for what is asked to be introduced ("Which paper introduced the Matryoshka idea?"), or stating its gain
    over what is asked ("Is dense retrieval better than BM25?"); of a topic naming a kind of learning, one writing
    it, None when none holding the topic does ("reinforcement learning … database indexes")."""
    top = doing_it(asked, sources, matches, lead_paper(matches), idf)
    if asked.llm and not on_language_models(sources[top].paper):  # "which paper lets an LLM read embeddings?": of
        # the top three, the best-ranked on language models that covers most of it (not one on text vectors)
        top = next((i for i in range(min(3, len(sources))) if on_language_models(sources[i].paper)
                    and matches[i].coverage >= LLM_LEAD), top)  # fmt: skip
    if (made := maker(asked.text, sources[:10])) is not None:
        top = made
    compares = asked.shape in ("compare", "improvement") or BEATS.search(asked.text)
    if compares and (over := beating(asked, sources, matches, BEATS)) is not None:
        top = over
    return subjects.on_kind(asked, sources, top) if len(asked.terms) <= TOPIC_WORDS else top


def lead_paper(matches: Sequence[Match]) -> int:
    """The paper to answer from: among the top `LEAD_WINDOW`, the first that covers clearly more (by 0.15) of the
    question than the best-ranked one, else the best-ranked one."""
    window = range(1, min(LEAD_WINDOW, len(matches)))
    return next((i for i in window if matches[i].coverage >= matches[0].coverage + 0.15), 0)
