"""An answer as it is written: text deltas to show now, and the checked `Answer` once they are all out."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from ..types import Answer


class AnswerStream:
    """Iterate for text deltas as they are written; `.answer` holds the checked Answer at the end."""

    def __init__(self, deltas: Iterator[str], finish: Callable[[], Answer], notes: tuple[str, ...] = ()) -> None:
        self._deltas, self._finish, self.notes = deltas, finish, notes
        self.answer: Answer | None = None

    def __iter__(self) -> Iterator[str]:
        yield from self._deltas
        answer = self._finish()
        self.answer = dataclasses.replace(answer, notes=answer.notes + self.notes) if self.notes else answer

    def result(self) -> Answer:
        """Read the stream to its end and return the checked answer."""
        for _ in self:
            pass
        assert self.answer is not None
        return self.answer


def said(question: str, text: str, answerable: bool = False) -> AnswerStream:
    """An answer that is only something to say: a follow-up that cannot be answered as asked, or how to ask
    (`answerable`: no refusal, as a greeting or "help" asks nothing of the corpus)."""
    answer = Answer(question=question, text=text, citations=(), sources=(), answerable=answerable, backend="offline")
    return AnswerStream(word_pieces(text), lambda: answer)


def word_pieces(text: str) -> Iterator[str]:
    """A finished text as word-sized deltas, so offline answers stream like LLM ones."""
    words = text.split(" ")
    for i, w in enumerate(words):
        yield w + (" " if i < len(words) - 1 else "")
