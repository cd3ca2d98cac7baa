"""The offline writer's answer to a question: its draft, the citations and claims checked against the retrieved
papers, streamed word by word."""

from __future__ import annotations

import numpy as np

from ..settings import Settings
from ..types import Answer, Source
from .citations import clean
from .claims import check
from .offline import OfflineWriter
from .question import Asked
from .relevance import Idf
from .stream import AnswerStream, word_pieces
from .vectors import Vectors


def offline_answer(
    question: str, asked: Asked, vector: np.ndarray, sources: list[Source], idf: Idf, topical: Idf,
    vectors: Vectors, settings: Settings,
) -> AnswerStream:  # fmt: skip
    """The offline writer's answer to `question`, its claims checked, streamed word by word (`topical`: a
    term's residual IDF, `View.topical`)."""
    writer = OfflineWriter(idf, topical, vectors, settings.refusal_threshold, settings.list_threshold)
    draft = writer.write(asked, vector, sources)
    removed: list[str] = []
    checked = check(clean(draft.text, len(sources), removed), sources, draft.quotes)

    def finish() -> Answer:
        return Answer(
            question=question,
            text=checked.text,
            citations=checked.citations if draft.answerable else (),
            sources=tuple(sources),
            answerable=draft.answerable,
            backend="offline",
            removed_citations=tuple(removed),
            claims=checked.claims if draft.answerable else (),
        )

    return AnswerStream(word_pieces(checked.text), finish)
