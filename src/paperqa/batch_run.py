"""Answer many questions: bounded concurrency, backoff on rate limits, one failure never stops the rest."""

from __future__ import annotations

import multiprocessing
import os
import random
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from .assistant import Assistant
from .batch import Question
from .errors import PaperQAError, RateLimitedError
from .pricing import estimate
from .settings import Settings
from .types import Answer, Filters

_PROCESS_THRESHOLD = 1000  # below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class BatchItem:
    """One question's outcome: an answer, or the error that stopped it."""

    question: Question
    answer: Answer | None = None
    error: str | None = None

    def record(self) -> dict:
        """The JSON line of this outcome (a failed one carries `error` and no answer)."""
        if self.answer is not None:
            return self.answer.to_record(self.question.id)
        return {
            "id": self.question.id,
            "question": self.question.question,
            "answer": None,
            "answerable": None,
            "citations": [],
            "sources": [],
            "error": self.error,
        }


@dataclass
class BatchSummary:
    """Counts and token use of a batch run."""

    model: str = ""
    answered: int = 0
    refused: int = 0
    failed: int = 0
    skipped: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, item: BatchItem) -> None:
        """Count one outcome."""
        if item.answer is None:
            self.failed += 1
            self.errors.append(f"{item.question.id}: {item.error}")
            return
        self.answered += 1
        self.refused += not item.answer.answerable
        self.prompt_tokens += item.answer.prompt_tokens
        self.completion_tokens += item.answer.completion_tokens

    @property
    def cost(self) -> float | None:
        """Estimated USD, for known OpenAI models."""
        return estimate(self.model, self.prompt_tokens, self.completion_tokens) if self.model else None

    def line(self) -> str:
        """One line for the terminal."""
        cost = f", estimated cost ${self.cost:.4f}" if self.cost is not None else ""
        return (
            f"answered {self.answered} ({self.refused} not answerable), failed {self.failed}, "
            f"skipped {self.skipped} already done; tokens {self.prompt_tokens} in / {self.completion_tokens} out{cost}"
        )


def answer_one(
    assistant: Assistant, q: Question, filters: Filters | None, k: int | None, retries: int = 5, base_delay: float = 1.0
) -> BatchItem:
    """Answer one question; rate limits are retried with jittered exponential backoff, other errors recorded."""
    for attempt in range(retries + 1):
        try:
            return BatchItem(q, assistant.ask(q.question, filters, k))
        except RateLimitedError as exc:
            if attempt == retries:
                return BatchItem(q, error=str(exc))
            time.sleep(min(30.0, base_delay * 2**attempt) * (1 + random.random() / 2))
        except PaperQAError as exc:
            return BatchItem(q, error=str(exc))
    raise AssertionError("unreachable")


_worker: Assistant | None = None


def _init_worker(settings: Settings) -> None:
    global _worker
    _worker = Assistant(settings)


def _work(q: Question, filters: Filters | None, k: int | None) -> BatchItem:
    assert _worker is not None
    return answer_one(_worker, q, filters, k)


def iter_answers(
    assistant: Assistant,
    questions: Iterable[Question],
    filters: Filters | None = None,
    k: int | None = None,
    workers: int | None = None,
) -> Iterator[BatchItem]:
    """Outcomes as they finish; at most `workers` questions are in flight at once."""
    questions = list(questions)
    if not questions:
        return
    assistant.ensure_index()
    offline = assistant.settings.writer == "offline"
    if offline:
        workers = workers or os.cpu_count() or 1
    else:
        workers = workers or assistant.settings.batch_concurrency
    pool: Executor
    if offline and workers > 1 and len(questions) >= _PROCESS_THRESHOLD:
        # Offline answers are CPU-bound Python: processes, not threads, use the cores.
        pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(assistant.settings,),
        )

        def submit(q: Question) -> Future:
            return pool.submit(_work, q, filters, k)
    else:
        pool = ThreadPoolExecutor(workers if not offline else 1)

        def submit(q):
            return pool.submit(answer_one, assistant, q, filters, k)

    with pool:
        pending = iter(questions)
        in_flight: set[Future] = set()
        for q in pending:
            in_flight.add(submit(q))
            if len(in_flight) >= 2 * workers:
                break
        while in_flight:
            done, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
                nxt = next(pending, None)
                if nxt is not None:
                    in_flight.add(submit(nxt))
