"""A BM25 index over the chunks, kept beside Chroma as numpy arrays (no network, fast to load)."""

from __future__ import annotations

import json
import math
from array import array
from collections import Counter
from collections.abc import Collection
from itertools import repeat
from pathlib import Path

import numpy as np

from ..text import terms
from . import arrays
from .ids import ChunkIds
from .ranking import top_k
from .vocab import Vocab

_ARRAYS = ("offsets", "postings", "weights", "df", "tf")
_IDS = "bm25-ids.npy"


class BM25:
    """Okapi BM25 with postings per term and the term counts kept, so it can be updated from new chunks only."""

    def __init__(
        self,
        ids: ChunkIds | list[str],
        vocab: Vocab | dict[str, int],
        offsets: np.ndarray,
        postings: np.ndarray,
        weights: np.ndarray,
        df: np.ndarray,
        tf: np.ndarray,
    ) -> None:
        self.ids, self.offsets = ChunkIds.of(ids), offsets
        self.vocab = vocab if isinstance(vocab, Vocab) else Vocab.of(vocab)
        self.postings, self.weights, self.df, self.tf = postings, weights, df, tf
        n = max(len(self.ids), 1)
        self.idf = np.log(1 + (n - df + 0.5) / (df + 0.5)).astype(np.float32)

    @classmethod
    def empty(cls) -> BM25:
        """An index of no chunks (ready for `updated`)."""
        none = np.zeros(0, dtype=np.float32)
        return cls([], {}, np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int32), none, none, none)

    @classmethod
    def build(cls, ids: list[str], texts: list[str]) -> BM25:
        """Index texts (one per id); weights are precomputed so a query only adds them up."""
        return cls.empty().updated(set(), ids, texts)

    def updated(self, drop: Collection[str], ids: list[str], texts: list[str]) -> BM25:
        """A new index without the chunks in `drop` and with new chunks added; only the new texts are read."""
        keep = self.ids.keep_mask(drop)
        vocab = self.vocab.to_dict()
        # Typed arrays, not lists: millions of postings as Python ints were most of an ingest's peak memory.
        docs, term_ids, tfs = array("i"), array("i"), array("f")
        for i, text in enumerate(texts, int(keep.sum())):
            counts = Counter(terms(text))
            docs.extend(repeat(i, len(counts)))
            term_ids.extend(vocab.setdefault(t, len(vocab)) for t in counts)
            tfs.extend(counts.values())
        kept = keep[self.postings] if len(self.postings) else np.zeros(0, bool)
        renumber = np.cumsum(keep) - 1
        term = np.repeat(np.arange(len(self.vocab), dtype=np.int32), np.diff(self.offsets))  # int32: half the bytes
        postings = [
            np.concatenate([renumber[self.postings[kept]], np.frombuffer(docs, dtype=np.int32)]).astype(np.int32),
            np.concatenate([term[kept], np.frombuffer(term_ids, dtype=np.int32)]),
            np.concatenate([self.tf[kept], np.frombuffer(tfs, dtype=np.float32)]),
        ]
        del kept, term, docs, term_ids, tfs  # only `_assemble` holds the postings now, and frees them as it goes
        return _assemble(self.ids.take(keep).plus(ids), vocab, postings)

    def scores(self, query: str, mask: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every chunk for a query; chunks outside `mask` score zero."""
        out = np.zeros(len(self.ids), dtype=np.float32)
        counts = Counter(terms(query))
        for qtf, i in zip(counts.values(), self.vocab.many(list(counts)).tolist(), strict=True):
            if i < 0:
                continue
            lo, hi = self.offsets[i], self.offsets[i + 1]
            np.add.at(out, self.postings[lo:hi], self.idf[i] * self.weights[lo:hi] * (1 + math.log(qtf)))
        if mask is not None:
            out *= mask
        return out

    def top(self, query: str, k: int, mask: np.ndarray | None = None) -> list[tuple[str, float]]:
        """The k best chunks as (chunk id, score), best first, zero scores left out."""
        s = self.scores(query, mask)
        best = [i for i in top_k(s, k) if s[i] > 0]
        return list(zip(self.ids.at(best), s[best].tolist(), strict=True))

    def term_idf(self, term: str) -> float | None:
        """IDF of a stemmed term, or None when no chunk contains it."""
        i = self.vocab.get(term)
        return float(self.idf[i]) if i is not None and self.df[i] > 0 else None

    def term_counts(self, term: str) -> tuple[int, float]:
        """How many chunks hold a stemmed term, and how many times it occurs in all of them."""
        i = self.vocab.get(term)
        if i is None:
            return 0, 0.0
        return int(self.df[i]), float(self.tf[self.offsets[i] : self.offsets[i + 1]].sum())

    @property
    def max_idf(self) -> float:
        """IDF a term found in no chunk would get (the ceiling of the scale)."""
        return self.idf_of(0)

    def idf_of(self, df: int) -> float:
        """IDF a term found in `df` chunks gets."""
        n = max(len(self.ids), 1)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def save(self, folder: Path) -> None:
        """Write the index into a (new) folder, one .npy file per array (memory-mapped when loaded)."""
        for name in _ARRAYS:
            with open(folder / f"bm25-{name}.npy", "wb") as fh:
                np.save(fh, getattr(self, name))
        self.ids.save(folder / _IDS)
        self.vocab.save(folder)
        (folder / "bm25.json").write_text(json.dumps({"layout": 3}))  # ids and terms in arrays beside it

    @classmethod
    def load(cls, folder: Path) -> BM25:
        """Read an index written by `save` (or by versions that wrote one `bm25.npz`)."""
        meta = json.loads((folder / "bm25.json").read_text())
        if (folder / "bm25.npz").exists():
            parts = arrays.read_npz(folder / "bm25.npz", _ARRAYS)
        else:
            parts = {name: arrays.mapped(folder / f"bm25-{name}.npy") for name in _ARRAYS}
        # Older parts kept their ids and terms in the JSON.
        return cls(ChunkIds.load(folder / _IDS, meta.get("ids")), Vocab.load(folder, meta.get("vocab")), **parts)


def _assemble(
    ids: ChunkIds, vocab: dict[str, int], postings: list[np.ndarray], k1: float = 1.2, b: float = 0.75
) -> BM25:
    """An index from its postings, [chunk rows, term ids, term counts] in any order; `postings` is emptied so
    each array is freed once sorted (an ingest's peak memory is here: it was twice as high)."""
    doc, term, tf = postings
    postings.clear()
    lengths = np.bincount(doc, weights=tf, minlength=len(ids)).astype(np.float32)
    avg = float(lengths.mean()) if len(ids) else 1.0
    order = np.lexsort((doc, term))  # postings grouped by term, documents ascending
    df = np.bincount(term, minlength=len(vocab))
    del term
    doc, tf = doc[order], tf[order].astype(np.float32, copy=False)
    del order
    # tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / avg)), operation for operation in place: the same
    # weights bit for bit, without a temporary array per operation.
    norm = lengths[doc]
    norm *= b
    norm /= max(avg, 1e-9)
    norm += 1 - b
    norm *= k1
    norm += tf
    weights = tf * (k1 + 1)
    weights /= norm
    del norm
    offsets = np.concatenate([[0], np.cumsum(df)]).astype(np.int64)
    return BM25(ids, vocab, offsets, doc, weights.astype(np.float32, copy=False), df.astype(np.float32), tf)
