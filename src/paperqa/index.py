"""The index: papers chunked with llama-index, embedded into Chroma, with BM25 and a catalog beside it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.node_parser import SentenceSplitter

from .backends import embedding_identity
from .catalog import Catalog
from .errors import IndexMismatchError
from .filtering import PaperColumns, VectorMatrix
from .lexical import BM25
from .store import VectorStore
from .text import sentence_pieces, tokenizer
from .types import Chunk, Paper, chunk_id, date_key

Progress = Callable[[int, int], None]
_EMBED_BATCH = 2048
_PENDING = "ingest_pending"


@dataclass(frozen=True)
class IngestReport:
    """What one ingest did: papers added, replaced (changed text), unchanged, and the total after."""

    added: int
    updated: int
    unchanged: int
    total: int


class Index:
    """All that is stored under PAPERQA_HOME/index; opening it checks the embedding identity."""

    def __init__(self, folder: Path, embed_model: BaseEmbedding, chunk_tokens: int = 256, chunk_overlap: int = 32):
        self.folder = folder
        self.embed_model = embed_model
        self.identity = embedding_identity(embed_model)
        self.catalog = Catalog(folder / "catalog.sqlite3")
        stored = self.catalog.get_meta("embedding")
        if stored and stored != self.identity:
            raise IndexMismatchError(
                f"index at {folder} was built with embedding {stored!r}, not {self.identity!r}; "
                "use the same embedding or another PAPERQA_HOME"
            )
        self.vectors = VectorStore(folder / "chroma", self.identity)
        self._encode = tokenizer()
        # A regex sentence splitter instead of nltk's punkt: the same chunks here, many times faster.
        self.splitter = SentenceSplitter(
            chunk_size=chunk_tokens,
            chunk_overlap=chunk_overlap,
            tokenizer=self._encode,
            chunking_tokenizer_fn=sentence_pieces,
        )
        self.bm25 = BM25.load(folder / "bm25")
        self.matrix = VectorMatrix.load(folder / "vectors")
        self._papers: dict[str, Paper] | None = None
        self._columns: tuple[PaperColumns, np.ndarray, np.ndarray] | None = None
        if self.catalog.get_meta(_PENDING) == "1":
            self.repair()  # the last ingest was killed after the catalog changed: BM25 and the matrix lag behind

    @property
    def papers(self) -> dict[str, Paper]:
        """Every indexed paper by id (read once, refreshed after an ingest)."""
        if self._papers is None:
            self._papers = {p.id: p for p in self.catalog.papers()}
        return self._papers

    def columns(self) -> tuple[PaperColumns, np.ndarray, np.ndarray]:
        """Paper metadata columns, and the paper row of every BM25 chunk and every matrix row."""
        if self._columns is None:
            cols = PaperColumns(self.papers)
            self._columns = (
                cols,
                cols.rows_of(self.bm25.ids if self.bm25 else []),
                cols.rows_of(self.matrix.ids if self.matrix else []),
            )
        return self._columns

    def is_empty(self) -> bool:
        """Whether no paper has been indexed yet."""
        return self.catalog.count() == 0

    def chunk(self, paper: Paper) -> list[Chunk]:
        """Token-bounded chunks of a paper's abstract (llama-index SentenceSplitter over tiktoken)."""
        # Most abstracts fit in one chunk: one token count settles it without the splitter's many.
        if len(self._encode(paper.abstract)) <= self.splitter.chunk_size:
            return [Chunk(chunk_id(paper.id, 0), paper.id, 0, paper.abstract)]
        pieces = self.splitter.split_text(paper.abstract) or [paper.abstract]
        return [Chunk(chunk_id(paper.id, i), paper.id, i, text) for i, text in enumerate(pieces)]

    def add(self, papers: list[Paper], progress: Progress | None = None) -> IngestReport:
        """Index papers: new ones added, changed ones replaced, unchanged ones only re-described."""
        known = self.catalog.hashes()
        fresh = [p for p in papers if known.get(p.id) != p.content_hash]
        same = [p for p in papers if known.get(p.id) == p.content_hash]
        updated = sum(1 for p in fresh if p.id in known)
        if same:
            self.catalog.update_records(same)
        if fresh:
            self.catalog.set_meta(_PENDING, "1")  # cleared once BM25 and the matrix match the catalog again
        new_ids: list[str] = []
        new_texts: list[str] = []
        new_vectors: list[np.ndarray] = []
        done = 0
        for start in range(0, len(fresh), _EMBED_BATCH):
            batch = fresh[start : start + _EMBED_BATCH]
            chunks = [c for p in batch for c in self.chunk(p)]
            titles = {p.id: p.title for p in batch}
            vectors = self._embed_texts([embedding_text(titles[c.paper_id], c.text) for c in chunks])
            new_ids += [c.id for c in chunks]
            new_texts += [lexical_text(titles[c.paper_id], c.text) for c in chunks]
            new_vectors.append(vectors)
            done += self._store(batch, chunks, vectors, known)
            if progress:
                progress(done, len(fresh))
        # Side indexes are updated from what this ingest just made; one saved by an older version is rebuilt.
        drop = {p.id for p in fresh if p.id in known}
        if known and (self.bm25 is None or not self.bm25.incremental):
            self._rebuild_lexical()
        elif fresh or self.bm25 is None:
            self.bm25 = (self.bm25 or BM25.empty()).updated(drop, new_ids, new_texts)
            self.bm25.save(self.folder / "bm25")
        if known and self.matrix is None:
            self._rebuild_matrix()
        elif fresh or self.matrix is None:
            stacked = np.vstack(new_vectors) if new_vectors else np.zeros((0, 0), np.float32)
            self.matrix = (self.matrix or VectorMatrix.empty()).updated(drop, new_ids, stacked)
            self.matrix.save(self.folder / "vectors")
        self.catalog.set_meta(_PENDING, "0")
        self.catalog.set_meta("embedding", self.identity)
        self._papers = self._columns = None
        return IngestReport(len(fresh) - updated, updated, len(same), self.catalog.count())

    def _store(self, batch: list[Paper], chunks: list[Chunk], vectors: np.ndarray, known: dict[str, str]) -> int:
        # Chroma first, catalog second: a paper is known only once its vectors are stored.
        replaced = [p.id for p in batch if p.id in known]
        if replaced:
            self.vectors.delete_papers(replaced)
        by_id = {p.id: p for p in batch}
        self.vectors.add([c.id for c in chunks], vectors, [filter_metadata(by_id[c.paper_id]) for c in chunks])
        self.catalog.put(batch, chunks)
        return len(batch)

    def embed(self, papers: list[Paper], chunks: list[Chunk]) -> np.ndarray:
        """Unit embeddings of chunks, one row each, each embedded with its paper's title."""
        titles = {p.id: p.title for p in papers}
        return self._embed_texts([embedding_text(titles[c.paper_id], c.text) for c in chunks])

    def _embed_texts(self, texts: list[str]) -> np.ndarray:
        vectors = np.asarray(self.embed_model.get_text_embedding_batch(texts), dtype=np.float32)
        return vectors.reshape(len(texts), -1)

    def repair(self) -> None:
        """Rebuild BM25 from the catalog and the matrix from Chroma (after an ingest that did not finish)."""
        self._rebuild_lexical()
        self._rebuild_matrix()
        self.catalog.set_meta(_PENDING, "0")
        self._columns = None

    def _rebuild_lexical(self) -> None:
        chunks = self.catalog.chunks()
        titles = {p.id: p.title for p in self.catalog.papers()}
        self.bm25 = BM25.build([c.id for c in chunks], [lexical_text(titles[c.paper_id], c.text) for c in chunks])
        self.bm25.save(self.folder / "bm25")

    def _rebuild_matrix(self) -> None:
        ids, vectors = self.vectors.all_vectors()
        self.matrix = VectorMatrix.empty().updated(set(), ids, vectors)
        self.matrix.save(self.folder / "vectors")

    def close(self) -> None:
        """Release files held open."""
        self.catalog.close()


def lexical_text(title: str, text: str) -> str:
    """What BM25 indexes for a chunk: its paper's title and its text."""
    return f"{title}\n{text}"


def embedding_text(title: str, text: str) -> str:
    """What is embedded for a chunk: llama-index's EMBED rendering of a node with a `title` metadata key."""
    return f"title: {title}\n\n{text}"


def filter_metadata(p: Paper) -> dict[str, str | int]:
    """What Chroma stores with each chunk: only the fields a `where` filters on (the rest is in the catalog)."""
    return {"paper_id": p.id, "date": date_key(p.date), "upvotes": p.upvotes or 0, "org_key": (p.org or "").casefold()}
