"""Answer many questions: bounded concurrency, and one failure never stops the rest.

Retries are not decided here: the LLM writer already made every request a question is allowed
(1 + PAPERQA_MAX_RETRIES); what fails after that is one recorded failure, retried by the next run.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from threadpoolctl import threadpool_limits

from ..errors import PaperQAError
from ..filters import Filters
from ..pricing import estimate
from ..safe_text import printable
from ..settings import Settings
from ..types import Answer
from .files import Question, Record

# Below these many questions, starting worker processes costs more than the second core gives. A forked worker
# inherits the imported libraries, the loaded model, the parent's caches and its loaded index view, and only
# opens its own catalog connection; a spawned one imports and loads everything anew (2.4 s at 100k papers).
_FORKED_MIN, _SPAWNED_MIN = 200, 1000

T = TypeVar("T")


class ForkOnly(Generic[T]):
    """A value a forked worker inherits as it is (pages shared with the parent) and a spawned one goes without:
    pickled, it is None (a loaded index view is cheaper to read again than to pickle)."""

    def __init__(self, value: T | None) -> None:
        self.value = value

    def __reduce__(self) -> tuple[type[ForkOnly[T]], tuple[None]]:
        return (ForkOnly, (None,))


class Answerer(Protocol):
    """What a batch needs of an assistant."""

    settings: Settings

    def ask(self, question: str, filters: Filters | None = None, k: int | None = None) -> Answer: ...

    def ensure_index(self) -> object: ...


@dataclass(frozen=True)
class BatchItem:
    """One question's outcome: an answer, or the error that stopped it."""

    question: Question
    answer: Answer | None = None
    error: str | None = None

    def record(self) -> Record:
        """The JSON line of this outcome (a failed one carries `error` and no answer)."""
        if self.answer is not None:
            return self.answer.to_record(self.question.id)
        return {"id": self.question.id, "question": self.question.question, "answer": None, "answerable": None,
                "citations": [], "sources": [], "error": self.error}  # fmt: skip


@dataclass
class BatchSummary:
    """Counts and token use of a batch run."""

    model: str = ""
    answered: int = 0
    refused: int = 0
    incomplete: int = 0
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
        self.incomplete += not item.answer.complete
        self.prompt_tokens += item.answer.prompt_tokens
        self.completion_tokens += item.answer.completion_tokens

    @property
    def cost(self) -> float | None:
        """Estimated USD, for known OpenAI models."""
        return estimate(self.model, self.prompt_tokens, self.completion_tokens) if self.model else None

    def line(self) -> str:
        """One line for the terminal."""
        cost = f", estimated cost ${self.cost:.4f}" if self.cost is not None else ""
        cut = f", {self.incomplete} incomplete" if self.incomplete else ""
        return (
            f"answered {self.answered} ({self.refused} not answerable{cut}), failed {self.failed}, "
            f"skipped {self.skipped} already done; tokens {self.prompt_tokens} in / {self.completion_tokens} out{cost}"
        )


def answer_one(answerer: Answerer, q: Question, filters: Filters | None, k: int | None) -> BatchItem:
    """Answer one question; any failure, expected or not, becomes this question's recorded error."""
    try:
        return BatchItem(q, answerer.ask(q.question, filters, k))
    except PaperQAError as exc:
        return BatchItem(q, error=printable(str(exc), keep_newlines=False))
    except Exception as exc:  # a bug or an unforeseen library error must not end the batch either
        detail = printable(str(exc), keep_newlines=False)[:200]
        return BatchItem(q, error=f"unexpected {type(exc).__name__}: {detail}")


_worker: Answerer | None = None


def _init_worker(factory: Callable[[], Answerer]) -> None:
    global _worker
    # The workers already use every core: BLAS threads of their own would only wait on each other (measured:
    # the same answers in the same time with half the CPU).
    threadpool_limits(1)
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    _worker = factory()  # its own index connection: SQLite connections must not cross a fork


def _exit_when_orphaned(parent: int) -> None:
    """End this worker once its parent is gone. A killed parent cannot stop its workers, and a forked worker
    never hears its queue close: it holds a copy of the parent's end itself (measured: both kept running)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _start_method() -> tuple[str, int]:
    """How worker processes start here, and the smallest batch worth them: fork on Linux (where it is the
    default and safe for a worker that opens its own index), spawn elsewhere (macOS: fork breaks system
    libraries)."""
    if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods():
        return "fork", _FORKED_MIN
    return "spawn", _SPAWNED_MIN


def _work(q: Question, filters: Filters | None, k: int | None) -> BatchItem:
    assert _worker is not None
    return answer_one(_worker, q, filters, k)


def iter_answers(
    answerer: Answerer,
    questions: Iterable[Question],
    filters: Filters | None = None,
    k: int | None = None,
    workers: int | None = None,
    factory: Callable[[], Answerer] | None = None,
) -> Iterator[BatchItem]:
    """Outcomes as they finish; at most `workers` questions in flight. `factory` (picklable) makes the
    answerer of each worker process for large offline batches."""
    todo = list(questions)
    if not todo:
        return
    answerer.ensure_index()
    offline = answerer.settings.writer == "offline"
    workers = workers or ((os.cpu_count() or 1) if offline else answerer.settings.batch_concurrency)
    pool: Executor
    submit: Callable[[Question], Future[BatchItem]]
    method, smallest = _start_method()
    forks = False
    if offline and factory is not None and workers > 1 and len(todo) >= smallest:
        # Offline answers are CPU-bound Python: processes, not threads, use the cores.
        forks = method == "fork"
        context = multiprocessing.get_context(method)
        pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(factory,))
        submit = _submitter(pool, _work, filters, k)
    else:
        pool = ThreadPoolExecutor(workers if not offline else 1)
        submit = _submitter(pool, answer_one, filters, k, answerer)
    with pool:
        pending = iter(todo)
        with _frozen(forks):  # the workers start with the first submissions
            in_flight = {submit(q) for q in itertools.islice(pending, 2 * workers)}
        while in_flight:
            done, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
                if (nxt := next(pending, None)) is not None:
                    in_flight.add(submit(nxt))


@contextlib.contextmanager
def _frozen(forked: bool) -> Iterator[None]:
    """While workers fork, the parent's objects kept out of the collector's sight (gc docs: `gc.freeze` before
    `fork`): a worker's collections then never walk, and so never copy, the pages it shares with the parent.
    Measured beside 400k objects like the benchmark's: 92-118 -> 142-154 questions/s; `make bench` 92 -> 127."""
    if not forked:
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()  # in the parent only: the workers keep them frozen


def _submitter(pool: Executor, fn: Callable[..., BatchItem], filters: Filters | None, k: int | None,
               *first: Any) -> Callable[[Question], Future[BatchItem]]:  # fmt: skip
    return lambda q: pool.submit(fn, *first, q, filters, k)
