"""An answer as it is written: text deltas to show now, and the checked `Answer` once they are all out."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..types import Answer


class AnswerStream:
    """Iterate for text deltas as they are written; `.answer` holds the checked Answer at the end."""

    def __init__(self, deltas: Iterator[str], finish: Callable[[], Answer]) -> None:
        self._deltas, self._finish = deltas, finish
        self.answer: Answer | None = None

    def __iter__(self) -> Iterator[str]:
        yield from self._deltas
        self.answer = self._finish()

    def result(self) -> Answer:
        """Read the stream to its end and return the checked answer."""
        for _ in self:
            pass
        assert self.answer is not None
        return self.answer


def word_pieces(text: str) -> Iterator[str]:
    """A finished text as word-sized deltas, so offline answers stream like LLM ones."""
    words = text.split(" ")
    for i, w in enumerate(words):
        yield w + (" " if i < len(words) - 1 else "")
