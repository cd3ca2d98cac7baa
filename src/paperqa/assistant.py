"""The `Assistant` facade: ingest, check, ask, stream, batch, and their async variants, over one index."""

from __future__ import annotations

import asyncio
import functools
import threading
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from pathlib import Path

import numpy as np

from .about import about_corpus, about_orgs, corpus_described, how_to_ask, org_missing, orgs_described
from .answer.llm import llm_answer
from .answer.more import more_answer
from .answer.offline_answer import offline_answer
from .answer.restricted import names_nothing, restricted_answer
from .answer.similar import SIMILAR_SHOWN, described, named_in, similar_answer, similar_asked, similar_shown
from .answer.stream import AnswerStream, said
from .answer.vectors import Vectors
from .backends import backend_errors, chat_model, embedding_model
from .batch import BatchItem, ForkOnly, Question, iter_answers
from .conversation import resolve
from .corpus import CorpusRead, corpus_files, read_corpus, shipped_corpus
from .embeddings import embed_query, embed_texts
from .errors import ArgumentError, PaperQAError
from .filters import Filters, categories_unknown
from .gathering import admitted, notes_of, searched, with_org
from .index import CheckReport, ChromaServer, Index, IngestReport, Progress, View
from .index.lock import OnWait
from .index.snapshots import SnapshotFolder
from .markup import markup_removed
from .reading import read_question
from .resolved import Resolved
from .retrieval import Retriever
from .settings import Settings
from .stream_ingest import Tally, segments
from .turns import Turn, history_text
from .types import Answer, Source


def chroma_server(settings: Settings) -> ChromaServer | None:
    """The Chroma server the settings name, if any (checked here, before any work)."""
    if not settings.chroma_url:
        return None
    token = settings.chroma_token.get_secret_value() if settings.chroma_token else None
    return ChromaServer(settings.chroma_url, token, settings.chroma_collection)


class Assistant:
    """Question answering with verified citations over the indexed corpus."""

    def __init__(self, settings: Settings | None = None, on_wait: OnWait | None = None) -> None:
        self.settings = settings or Settings.load()
        self.on_wait = on_wait  # told once when another process is writing the index and we wait for it
        self._index: Index | None = None
        self._lock = threading.Lock()
        self._retriever = Retriever(dense_weight=self.settings.dense_weight, rrf_k=self.settings.rrf_k)
        # Title and sentence vectors of papers, kept across questions (the offline writer's relevance measures).
        self._vectors = Vectors(self._embed_texts)

    @property
    def index(self) -> Index:
        """The index under `settings.home` (opened on first use)."""
        with self._lock:
            if self._index is None:
                s = self.settings
                self._index = Index(
                    s.home / "index", embedding_model(s), s.chunk_tokens, s.chunk_overlap, s.ingest_batch, self.on_wait,
                    chroma_server(s), SnapshotFolder(s.snapshot) if s.snapshot else None, s.snapshot_poll,
                )  # fmt: skip
            return self._index

    @property
    def backend_label(self) -> str:
        """What writes the answers: `offline` or the LLM model name."""
        return "offline" if self.settings.writer == "offline" else f"openai:{self.settings.llm_model}"

    def read(self, paths: Sequence[Path] | None = None, strict: bool = False) -> CorpusRead:
        """Read corpus files (default: the configured or shipped corpus); strict raises on any problem."""
        result = read_corpus(list(paths or self.settings.corpus or shipped_corpus()), self.settings.listing_year)
        if strict and result.problems:
            raise result.problems[0]
        return result

    def ingest(
        self, paths: Sequence[Path] | None = None, strict: bool = False, progress: Progress | None = None,
        wait: bool = True,
    ) -> tuple[IngestReport, CorpusRead]:  # fmt: skip
        """Read files and index their papers as the index's only writer (waiting for another, unless told not to).

        Streamed: every PAPERQA_INGEST_SEGMENT papers are published, and an ingest that stopped resumes after the
        last of them. `strict` reads everything first, and indexes nothing if any record is bad.
        """
        if strict:
            read = self.read(paths, strict)
            with backend_errors(self.settings, "embedding"):
                return self.index.add(list(read.papers), progress, wait=wait), read
        files = corpus_files(list(paths or self.settings.corpus or shipped_corpus()))
        tally = Tally()
        stream = segments(self.index, files, self.settings.ingest_segment, tally, self.settings.listing_year)
        with backend_errors(self.settings, "embedding"):
            report = self.index.add_segments(stream, progress, wait=wait)
        return report, tally.result()

    def ensure_index(self, progress: Progress | None = None) -> IngestReport | None:
        """Build the index from the default corpus when it is empty; None when it already existed, or when this
        process reads a snapshot folder (only `ingest` writes there)."""
        if self.settings.snapshot or not self.index.is_empty():
            return None
        return self.ingest(progress=progress)[0]

    def check(self, repair: bool = False, wait: bool = True) -> CheckReport:
        """Verify that every store of the index agrees with the catalog; `repair` restores agreement."""
        with backend_errors(self.settings, "embedding"):
            return self.index.check(repair, wait)

    def retrieve(self, question: str, filters: Filters | None = None, k: int | None = None) -> list[Source]:
        """The ranked papers for a question (building the index first if there is none)."""
        k = self.settings.sources_count(k)
        self.ensure_index()
        with self.index.reading() as view:
            return self._retriever.retrieve(view, self._query_vector(question), question, k, filters)

    def _embed_texts(self, texts: list[str]) -> np.ndarray:
        with backend_errors(self.settings, "embedding"):
            return embed_texts(self.index.embed_model, texts)

    def _query_vector(self, text: str) -> list[float]:
        with backend_errors(self.settings, "embedding"):
            return embed_query(self.index.embed_model, text)

    def ask(
        self, question: str, filters: Filters | None = None, k: int | None = None, history: Sequence[Turn] = ()
    ) -> Answer:
        """Answer a question with citations checked against the retrieved papers; `history` makes it a follow-up."""
        return self.stream(question, filters, k, history).result()

    def stream(
        self, question: str, filters: Filters | None = None, k: int | None = None, history: Sequence[Turn] = ()
    ) -> AnswerStream:
        """Like `ask`, but yields the answer text as it is written (citations already checked)."""
        if not isinstance(question, str) or not question.split():
            raise ArgumentError("the question is empty")
        question = " ".join(question.split())
        given = k
        k = self.settings.sources_count(k)
        # "the **authors**" is "the authors", "**Which topics** does the corpus cover?" asks about the corpus: in
        # the question and in those it follows
        plain = markup_removed(question)
        if reply := how_to_ask(plain):
            return said(question, reply, answerable=True)
        if about_corpus(plain):
            self.ensure_index()
            return said(question, corpus_described(self.index.overview(), self.index.titles()), answerable=True)
        if about_orgs(plain):  # "Which organisations have the most papers?": the record's, by count
            self.ensure_index()
            return said(question, orgs_described(self.index.overview()), answerable=True)
        earlier = [Turn(markup_removed(t.question), t.answer) for t in history]
        resolved = resolve(plain, earlier, filters)
        if resolved.problem:
            return said(question, resolved.problem)
        self.ensure_index()
        llm = chat_model(self.settings)
        with self.index.reading() as view:
            if similar := self._similar(view, question, resolved):  # "similar papers?", "papers like SPLADE v2"
                return similar
            if resolved.more_of and (paper := view.papers_of([resolved.more_of[0]]).get(resolved.more_of[0])):
                return more_answer(question, paper, resolved.more_of[1])  # "tell me more" of one paper
            resolved = with_org(resolved, view)
            # "papers by Meta", or "which of them are by Meta?" of a list: none are
            of_list = bool(resolved.filters and resolved.filters.paper_ids)
            if resolved.unknown_org and (names_nothing(resolved.query) or of_list):
                return said(question, org_missing(resolved.unknown_org, self.index.overview()))
            read = read_question(question, resolved, view)
            asked, among = read.asked, read.among
            # "Which papers are from 2023?", "papers by Google", "the latest papers": those they admit, by date.
            # ("the most upvoted papers on LLMs" names LLMs, which frame most questions but are a list's topic here)
            restricted_only = (
                bool(resolved.restriction or asked.order or asked.popular)
                and names_nothing(asked.text)
                and not asked.llm
            )
            if asked.shape == "list" and given is None:
                k = max(k, self.settings.list_top_k)  # a list should have every paper on its topic to choose from
            undated = view.undated_left_out(resolved.filters)
            if restricted_only:
                shown = admitted(view, asked, resolved)
                stream = restricted_answer(
                    question, shown.sources, shown.admitted, resolved.restriction, shown.by, shown.among
                )
            else:  # what it searches for is the question without its asking words ("who wrote", "recommend")
                deeper = given is None
                vector, sources = searched(
                    self._retriever, view, self._query_vector, asked, k, resolved.filters, deeper
                )
            # "which are from 2024?" of a list none of whose papers is: said of them, as of a restriction alone
            none_of_them = not restricted_only and not sources and bool(among and resolved.restriction)
            if none_of_them:
                stream = restricted_answer(question, [], 0, resolved.restriction, among=among)
            elif not restricted_only and llm is None:
                stream = offline_answer(question, asked, np.asarray(vector, dtype=np.float32), sources, view.idf,
                                        view.topical, self._vectors, self.settings)  # fmt: skip
        if llm is not None and not restricted_only and not none_of_them:
            stream = llm_answer(llm, self.settings, question, sources, history_text(history), asked)
        categories = resolved.filters.categories if resolved.filters else ()
        known = self.index.overview().categories if categories else []
        unknown = categories_unknown(categories, known) if categories else []
        stream.notes = notes_of(resolved, read.fixes, undated, unknown, known)
        return stream

    def _similar(self, view: View, question: str, resolved: Resolved) -> AnswerStream | None:
        """The papers nearest to the one a follow-up points at, or to the one a question names ("papers similar to
        LM-Infinite"); None when it asks for neither ("papers related to hashing" is a topic)."""
        paper = view.papers_of([resolved.similar_to]).get(resolved.similar_to) if resolved.similar_to else None
        if paper is None and (what := similar_asked(resolved.query)):  # the paper named, whatever the filters
            found = self._retriever.retrieve(view, self._query_vector(what), what, SIMILAR_SHOWN, None)
            paper = named_in(what, found, view.idf)
        if paper is None:
            return None
        text = described(paper)
        wanted = similar_shown(resolved.query) + 1  # (itself among them)
        near = self._retriever.retrieve(view, self._query_vector(text), text, wanted, resolved.filters)
        return similar_answer(question, paper, near, restricted=resolved.filters is not None)

    def iter_batch(
        self, questions: Sequence[str], filters: Filters | None = None, k: int | None = None, workers: int | None = None
    ) -> Iterator[BatchItem]:
        """Answers to many questions as they finish (any order): `BatchItem`s with `.answer` or `.error`."""
        todo = [Question(str(i), q) for i, q in enumerate(questions)]
        return iter_answers(self, todo, filters, k, workers, self.worker_factory())

    def worker_factory(self) -> Callable[[], Assistant]:
        """What makes each batch worker process's assistant (picklable): a forked worker answers from the index
        view loaded here (its pages shared: at 100k papers 0.5-0.8 s of reading each saved), a spawned one reads
        its own."""
        self.ensure_index()
        with self.index.reading():
            pass  # loaded once, here, for every worker
        return functools.partial(Assistant._worker, self.settings, ForkOnly(self.index.loaded()))

    @classmethod
    def _worker(cls, settings: Settings, parent_view: ForkOnly[View]) -> Assistant:
        assistant = cls(settings)
        if parent_view.value is not None:
            assistant.index.adopt(parent_view.value)
        return assistant

    def ask_batch(
        self, questions: Sequence[str], filters: Filters | None = None, k: int | None = None, workers: int | None = None
    ) -> list[Answer]:
        """Answers to many questions, in the order asked; raises if any question failed."""
        items = {int(item.question.id): item for item in self.iter_batch(questions, filters, k, workers)}
        failed = [items[i].error for i in sorted(items) if items[i].answer is None]
        if failed:
            raise PaperQAError(f"{len(failed)} of {len(questions)} questions failed; first: {failed[0]}")
        return [answer for i in range(len(questions)) if (answer := items[i].answer) is not None]

    async def aask(
        self, question: str, filters: Filters | None = None, k: int | None = None, history: Sequence[Turn] = ()
    ) -> Answer:
        """Async `ask` (runs in a worker thread so the event loop stays free)."""
        return await asyncio.to_thread(self.ask, question, filters, k, history)

    async def aingest(
        self, paths: Sequence[Path] | None = None, strict: bool = False
    ) -> tuple[IngestReport, CorpusRead]:
        """Async `ingest`."""
        return await asyncio.to_thread(self.ingest, paths, strict)

    async def astream(
        self, question: str, filters: Filters | None = None, k: int | None = None, history: Sequence[Turn] = ()
    ) -> AsyncIterator[str | Answer]:
        """Async generator of text deltas; the final item is the checked `Answer`."""
        stream = await asyncio.to_thread(self.stream, question, filters, k, history)
        it = iter(stream)
        done = object()
        while (delta := await asyncio.to_thread(next, it, done)) is not done:
            assert isinstance(delta, str)
            yield delta
        assert stream.answer is not None
        yield stream.answer

    def close(self) -> None:
        """Release the index files."""
        with self._lock:
            if self._index is not None:
                self._index.close()
                self._index = None
