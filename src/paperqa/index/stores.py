"""The stores of one index as its writer (holding the lock) sees them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..types import Chunk
from .catalog import Catalog
from .chroma import ChromaStore
from .chunking import Chunker, embedding_text, lexical_text

Embed = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class Stores:
    """Catalog (the truth), Chroma, and the folder of derived generations, with what builds their entries."""

    folder: Path
    catalog: Catalog
    chroma: ChromaStore
    chunker: Chunker
    embed: Embed
    identity: str

    @property
    def derived_root(self) -> Path:
        """Where the generations of BM25 and the exact copy live."""
        return self.folder / "derived"

    def vectors_of(self, chunks: list[Chunk], titles: Mapping[str, str]) -> np.ndarray:
        """Embeddings of chunks, each embedded with its paper's title."""
        if not chunks:
            return np.zeros((0, 0), np.float32)
        vectors = self.embed([embedding_text(titles[c.paper_id], c.text) for c in chunks])
        return np.asarray(vectors, dtype=np.float32).reshape(len(chunks), -1)

    @staticmethod
    def texts_of(chunks: list[Chunk], titles: Mapping[str, str]) -> list[str]:
        """What BM25 indexes of chunks."""
        return [lexical_text(titles[c.paper_id], c.text) for c in chunks]
