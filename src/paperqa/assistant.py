"""The `Assistant` facade: ingest, ask, stream, and their async variants, over one index."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from .answer.citations import StreamFilter, citations_for, clean
from .answer.offline import OfflineWriter
from .backends import backend_errors, chat_model, embedding_model
from .conversation import Turn, history_text, resolve
from .corpus import CorpusRead, read_corpus, shipped_corpus
from .errors import PaperQAError
from .index import Index, IngestReport, Progress
from .retrieval import Retriever
from .settings import Settings
from .types import Answer, Filters, Source


class AnswerStream:
    """Iterate for text deltas as they are written; `.answer` holds the checked Answer at the end."""

    def __init__(self, deltas: Iterator[str], finish: Callable[[], Answer]) -> None:
        self._deltas, self._finish, self.answer = deltas, finish, None

    def __iter__(self) -> Iterator[str]:
        yield from self._deltas
        self.answer = self._finish()


class Assistant:
    """Question answering with verified citations over the indexed corpus."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        self._index: Index | None = None
        self._lock = threading.Lock()

    @property
    def index(self) -> Index:
        """The index under `settings.home` (opened on first use)."""
        with self._lock:
            if self._index is None:
                s = self.settings
                self._index = Index(s.home / "index", embedding_model(s), s.chunk_tokens, s.chunk_overlap)
            return self._index

    @property
    def backend_label(self) -> str:
        """What writes the answers: `offline` or the LLM model name."""
        return "offline" if self.settings.writer == "offline" else f"openai:{self.settings.llm_model}"

    def read(self, paths: list[Path] | None = None, strict: bool = False) -> CorpusRead:
        """Read corpus files (default: the configured or shipped corpus); strict raises on any problem."""
        result = read_corpus(list(paths or self.settings.corpus or shipped_corpus()), self.settings.listing_year)
        if strict and result.problems:
            raise result.problems[0]
        return result

    def ingest(
        self, paths: list[Path] | None = None, strict: bool = False, progress: Progress | None = None
    ) -> tuple[IngestReport, CorpusRead]:
        """Read files and index their papers; with strict, any problem stops before anything is written."""
        read = self.read(paths, strict)
        with backend_errors(self.settings, "embedding"):
            report = self.index.add(list(read.papers), progress)
        return report, read

    def ensure_index(self, progress: Progress | None = None) -> IngestReport | None:
        """Build the index from the default corpus when it is empty; None when it already existed."""
        if not self.index.is_empty():
            return None
        return self.ingest(progress=progress)[0]

    def retrieve(self, question: str, filters: Filters | None = None, k: int | None = None) -> list[Source]:
        """The ranked papers for a question (building the index first if there is none)."""
        self.ensure_index()
        with backend_errors(self.settings, "embedding"):
            s = self.settings
            return Retriever(self.index, dense_weight=s.dense_weight, rrf_k=s.rrf_k).retrieve(
                question, k or s.top_k, filters
            )

    def ask(
        self, question: str, filters: Filters | None = None, k: int | None = None, history: Sequence[Turn] = ()
    ) -> Answer:
        """Answer a question with citations checked against the retrieved papers; `history` makes it a follow-up."""
        stream = self.stream(question, filters, k, history)
        for _ in stream:
            pass
        assert stream.answer is not None
        return stream.answer

    def stream(
        self, question: str, filters: Filters | None = None, k: int | None = None, history: Sequence[Turn] = ()
    ) -> AnswerStream:
        """Like `ask`, but yields the answer text as it is written (citations already checked)."""
        question = " ".join(question.split())
        if not question:
            raise PaperQAError("the question is empty")
        resolved = resolve(question, history, filters)
        sources = self.retrieve(resolved.query, resolved.filters, k)
        llm = chat_model(self.settings)
        if llm is None:
            return self._offline(question, resolved.query, sources)
        from .answer.llm import LLMWriter

        writer = LLMWriter(llm, self.settings, history_text(history))
        run = writer.run(question, sources)
        guard = StreamFilter(len(run.sources))

        def deltas() -> Iterator[str]:
            with backend_errors(self.settings, "llm"):
                for delta in run.deltas():
                    if shown := guard.feed(delta):
                        yield shown
            if rest := guard.flush():
                yield rest

        def finish() -> Answer:
            text = clean(run.text, len(run.sources)).strip()
            answerable = run.answerable and bool(run.sources)
            return Answer(
                question=question,
                text=text if answerable else run.refusal_text(text),
                citations=citations_for(text, run.sources) if answerable else (),
                sources=tuple(sources),
                answerable=answerable,
                backend="openai",
                model=self.settings.llm_model,
                prompt_tokens=run.prompt_tokens,
                completion_tokens=run.completion_tokens,
                removed_citations=tuple(guard.removed),
            )

        return AnswerStream(deltas(), finish)

    def _offline(self, question: str, query: str, sources: list[Source]) -> AnswerStream:
        bm25 = self.index.bm25
        idf = (lambda t: bm25.term_idf(t) or bm25.max_idf) if bm25 else (lambda t: 1.0)
        draft = OfflineWriter(idf, self.settings.refusal_threshold, self.settings.list_threshold).write(query, sources)
        removed: list[str] = []
        text = clean(draft.text, len(sources), removed)

        def finish() -> Answer:
            return Answer(
                question=question,
                text=text,
                citations=citations_for(text, sources) if draft.answerable else (),
                sources=tuple(sources),
                answerable=draft.answerable,
                backend="offline",
                removed_citations=tuple(removed),
            )

        return AnswerStream(iter(_pieces(text)), finish)

    def iter_batch(
        self, questions: list[str], filters: Filters | None = None, k: int | None = None, workers: int | None = None
    ):
        """Answers to many questions as they finish (any order): `BatchItem`s with `.answer` or `.error`."""
        from .batch import Question
        from .batch_run import iter_answers

        return iter_answers(self, [Question(str(i), q) for i, q in enumerate(questions)], filters, k, workers)

    def ask_batch(
        self, questions: list[str], filters: Filters | None = None, k: int | None = None, workers: int | None = None
    ) -> list[Answer]:
        """Answers to many questions, in the order asked; raises if any question failed."""
        items = {int(item.question.id): item for item in self.iter_batch(questions, filters, k, workers)}
        failed = [items[i].error for i in sorted(items) if items[i].answer is None]
        if failed:
            raise PaperQAError(f"{len(failed)} of {len(questions)} questions failed; first: {failed[0]}")
        return [items[i].answer for i in range(len(questions))]

    async def aask(
        self, question: str, filters: Filters | None = None, k: int | None = None, history: Sequence[Turn] = ()
    ) -> Answer:
        """Async `ask` (runs in a worker thread so the event loop stays free)."""
        return await asyncio.to_thread(self.ask, question, filters, k, history)

    async def aingest(self, paths: list[Path] | None = None, strict: bool = False) -> tuple[IngestReport, CorpusRead]:
        """Async `ingest`."""
        return await asyncio.to_thread(self.ingest, paths, strict)

    async def astream(
        self, question: str, filters: Filters | None = None, k: int | None = None, history: Sequence[Turn] = ()
    ):
        """Async generator of text deltas; the final item is the checked `Answer`."""
        stream = await asyncio.to_thread(self.stream, question, filters, k, history)
        it = iter(stream)
        sentinel = object()
        while (delta := await asyncio.to_thread(next, it, sentinel)) is not sentinel:
            yield delta
        yield stream.answer

    def close(self) -> None:
        """Release the index files."""
        if self._index is not None:
            self._index.close()
            self._index = None


def _pieces(text: str) -> list[str]:
    """Split a finished text into word-sized deltas, so offline answers stream like LLM ones."""
    words = text.split(" ")
    return [w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words)]
