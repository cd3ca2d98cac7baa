"""Local embedding models behind llama-index's `BaseEmbedding`; a subclass only writes `embed_batch`."""

from __future__ import annotations

import hashlib
import itertools
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from tokenizers import Tokenizer

from ._wordllama import WordLlama, wordllama
from .text import terms


class LocalEmbedding(BaseEmbedding):
    """An in-process embedding: subclasses implement `embed_batch(texts) -> (n, dim)` unit vectors."""

    identity: str = "local"
    dim: int = 0
    embed_batch_size: int = 512

    def embed_batch(self, texts: list[str]) -> np.ndarray:
        """Unit-length embeddings of texts, one row each."""
        raise NotImplementedError

    def _get_query_embedding(self, query: str) -> list[float]:
        return [float(x) for x in self.embed_batch([query])[0]]

    def _get_text_embedding(self, text: str) -> list[float]:
        return [float(x) for x in self.embed_batch([text])[0]]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return [[float(x) for x in row] for row in self.embed_batch(texts)]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


def embed_texts(model: BaseEmbedding, texts: list[str]) -> np.ndarray:
    """Vectors of texts, one float32 row each: an in-process model's straight from `embed_batch` (llama-index's
    per-call instrumentation and lists of floats cost more than the embedding of a short text), others through
    llama-index."""
    if isinstance(model, LocalEmbedding):
        return model.embed_batch(texts)
    return np.asarray(model.get_text_embedding_batch(texts), dtype=np.float32).reshape(len(texts), -1)


def embed_query(model: BaseEmbedding, text: str) -> list[float]:
    """The vector of a question (a model may embed questions apart from texts)."""
    if isinstance(model, LocalEmbedding):
        return model._get_query_embedding(text)
    return list(model.get_query_embedding(text))


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.asarray(matrix / np.maximum(norms, 1e-12), dtype=np.float32)


@lru_cache(maxsize=2)
def _wordllama(dim: int) -> tuple[Any, np.ndarray]:
    """WordLlama's tokenizer (unpadded) and its token embedding table, loaded offline from the wheel."""
    model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, dim=dim, disable_download=True)
    tokenizer = Tokenizer.from_str(model.tokenizer.to_str())
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer, model.embedding


class WordPieces:
    """A tokenizer's ids for texts, each space-separated word tokenized once and remembered.

    WordLlama's tokenizer (Llama 2's SentencePiece BPE) has no pre-tokenizer: it runs BPE over a whole text as
    one piece, so its own cache never hits and a sentence costs ~90 us. No token of its vocabulary holds the
    word boundary `▁` anywhere but at its start, so no merge crosses a single space: a text's ids are its words'
    ids, joined. Texts where that does not hold as simply (runs of spaces, a space at either end, special-token
    text), and texts with a word not worth remembering (over 100 characters), go to the tokenizer whole.
    """

    # Words remembered; past it the memory starts over (a corpus's common words return in one call). Each costs
    # ~200 bytes, and a corpus's rare words (names, numbers) never stop coming: 500k held ~100 MB of an ingest's.
    _LIMIT = 100_000
    _LONGEST = 100  # characters of a word remembered: a text with a longer one goes to the tokenizer whole

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self._special = [t.content for t in tokenizer.get_added_tokens_decoder().values()]
        vocab = tokenizer.get_vocab()
        self._splittable = not any("\u2581" in token.lstrip("\u2581") for token in vocab)
        self._words: dict[str, list[int]] = {}

    def ids(self, texts: list[str]) -> list[list[int]]:
        """The ids `tokenizer.encode(text, add_special_tokens=False)` gives, for each text."""
        if len(self._words) > self._LIMIT:
            self._words = {}
        split = [self._words_of(text) for text in texts]
        known = self._words
        unseen = list({w for words in split if words is not None for w in words if w not in known})
        for word, enc in zip(unseen, self.tokenizer.encode_batch_fast(unseen, add_special_tokens=False), strict=True):
            known[word] = enc.ids
        whole = [t for t, words in zip(texts, split, strict=True) if words is None]
        encoded = iter(self.tokenizer.encode_batch_fast(whole, add_special_tokens=False) if whole else ())
        return [next(encoded).ids if words is None else [i for w in words for i in known[w]] for words in split]

    def _words_of(self, text: str) -> list[str] | None:
        if not self._splittable or not text or text[0] == " " or text[-1] == " " or "  " in text:
            return None
        if any(s in text for s in self._special):
            return None
        words = text.split(" ")
        return words if max(map(len, words)) <= self._LONGEST else None  # a blob (base64, a URL) is not kept


@lru_cache(maxsize=2)
def _pieces(dim: int) -> tuple[WordPieces, np.ndarray]:
    tokenizer, table = _wordllama(dim)
    return WordPieces(tokenizer), table


class WordLlamaEmbedding(LocalEmbedding):
    """WordLlama's 256-d static embedding, loaded offline from its wheel (about 0.2 s)."""

    identity: str = "wordllama-l2_supercat-256"
    dim: int = 256

    def embed_batch(self, texts: list[str]) -> np.ndarray:
        """WordLlama's mean-pooled token vectors, normalised for cosine similarity."""
        # The same vectors as `WordLlama.embed`, 3x faster: it pads each batch to its longest text and pools
        # a (batch, tokens, dim) array; summing each text's own rows skips that memory traffic.
        pieces, table = _pieces(self.dim)
        out = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
        for start in range(0, len(texts), 1024):
            ids = pieces.ids(list(texts[start : start + 1024]))
            flat = np.clip(np.fromiter(itertools.chain.from_iterable(ids), dtype=np.int64), 0, table.shape[0] - 1)
            ends = np.cumsum([len(one) for one in ids]).tolist()
            # Ids clipped once for the batch: per-text numpy calls around a short text's sum cost more than it.
            for row, (begin, end) in enumerate(zip([0, *ends[:-1]], ends, strict=True), start):
                if end > begin:
                    out[row] = table[flat[begin:end]].sum(axis=0)
        return _unit(out)


class HashEmbedding(LocalEmbedding):
    """Deterministic hashed bag of stemmed terms: a real, tiny backend for tests and benchmarks."""

    identity: str = "hash-bow-64"
    dim: int = 64

    def embed_batch(self, texts: list[str]) -> np.ndarray:
        """Project each text's terms onto fixed pseudo-random directions."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for term in terms(text) or ["empty"]:
                out[row] += _direction(term, self.dim)
        return _unit(out)


@lru_cache(maxsize=100_000)
def _direction(term: str, dim: int) -> np.ndarray:
    seed = int.from_bytes(hashlib.blake2b(term.encode(), digest_size=8).digest(), "little")
    return np.random.default_rng(seed).standard_normal(dim).astype(np.float32)
