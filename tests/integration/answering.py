"""Asking the offline assistant in tests: the one check most answer tests make."""

from __future__ import annotations

from paperqa import Answer, Assistant


def answered_from(assistant: Assistant, question: str, title_start: str) -> Answer:
    """The answer to a question, checked to be answered with the paper whose title starts so cited first."""
    answer = assistant.ask(question)
    assert answer.answerable and answer.citations[0].title.startswith(title_start), answer.text
    return answer
