"""Batch answering: question files in, answer files out through a crash-safe journal, bounded concurrency."""

from .files import Journal, Question, journal_for, read_questions, render
from .run import Answerer, BatchItem, BatchSummary, ForkOnly, answer_one, iter_answers

__all__ = [
    "Answerer", "BatchItem", "BatchSummary", "ForkOnly", "Journal", "Question", "answer_one", "iter_answers",
    "journal_for", "read_questions", "render",
]  # fmt: skip
