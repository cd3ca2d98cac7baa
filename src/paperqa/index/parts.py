"""The derived stores in parts: each part holds some chunks' BM25 postings and exact vectors, written once and
shared by every generation that keeps them, so publishing new chunks writes only their part (and a part they
replace chunks in), and the memory an ingest needs follows the part, not the index.

Search runs over all parts as over one index: BM25 with the document frequencies of all parts together (a
single part scores exactly as before), dense search planned over all parts by the filter (`Dense.top`).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..text import terms
from .bm25 import BM25
from .exact import ExactCopy
from .ids import ChunkIds, Joined
from .lists import GATHER, PROBE, RESCORE, RESCORE_MIN, rows_of
from .ranking import top_k


@dataclass(frozen=True)
class Part:
    """Some chunks, their BM25 postings and exact vectors (each store in its own row order: the exact copy
    groups a large part's rows by list); `name` once stored."""

    bm25: BM25
    exact: ExactCopy
    name: str | None = None

    @property
    def ids(self) -> ChunkIds:
        return self.bm25.ids

    @property
    def rows(self) -> int:
        return len(self.bm25.ids)


@dataclass(frozen=True)
class Lexical:
    """BM25 over all parts (rows numbered part after part)."""

    parts: tuple[Part, ...]
    ids: Joined = field(init=False)
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ids", Joined([p.ids for p in self.parts]))
        object.__setattr__(self, "starts", self.ids.starts[:-1])  # where each part's rows begin

    def _hits(self, words: list[str]) -> list[list[tuple[int, BM25, int]]]:
        """Per word, the parts that have it: (where the part's rows begin, its BM25, the word's id there)."""
        found: list[list[tuple[int, BM25, int]]] = [[] for _ in words]
        for start, p in zip(self.starts, self.parts, strict=True):
            for hits, i in zip(found, p.bm25.vocab.many(words).tolist(), strict=True):  # one search a part
                if i >= 0:
                    hits.append((start, p.bm25, i))
        return found

    @staticmethod
    def _df(hits: list[tuple[int, BM25, int]]) -> int:
        return int(sum(float(b.df[i]) for _, b, i in hits))

    def _idf(self, df: int) -> np.float32:
        # In float32, as `BM25` computes it, so one part scores exactly as one BM25 index.
        n, d = max(len(self.ids), 1), np.float32(df)
        return np.float32(np.log(1 + (n - d + 0.5) / (d + 0.5)))

    def scores(self, query: str, mask: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every chunk for a query; chunks outside `mask` score zero."""
        out = np.zeros(len(self.ids), dtype=np.float32)
        counts = Counter(terms(query))
        by_part: dict[int, list[tuple[BM25, int, np.float32, np.float32]]] = {}
        for qtf, hits in zip(counts.values(), self._hits(list(counts)), strict=True):
            if not (df := self._df(hits)):
                continue
            idf, qf = self._idf(df), np.float32(1 + math.log(qtf))
            for start, b, i in hits:
                by_part.setdefault(start, []).append((b, i, idf, qf))
        # Part by part, so the scattered adds stay within one part's rows (cache-sized), and with `np.add.at`
        # on the stored int32 rows (fancy `+=` converts them twice); each chunk still sums its terms in query
        # order, so the scores are bit for bit those of adding term after term.
        for start, found in by_part.items():
            rows = out[start : start + len(found[0][0].ids)]
            for b, i, idf, qf in found:
                lo, hi = b.offsets[i], b.offsets[i + 1]
                weights = b.weights[lo:hi] * idf
                weights *= qf
                np.add.at(rows, b.postings[lo:hi], weights)
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
        df = self._df(self._hits([term])[0])
        return float(self._idf(df)) if df > 0 else None

    def term_counts(self, term: str) -> tuple[int, float]:
        """How many chunks hold a stemmed term, and how many times it occurs in all of them."""
        hits = self._hits([term])[0]
        return self._df(hits), sum(float(b.tf[b.offsets[i] : b.offsets[i + 1]].sum()) for _, b, i in hits)

    @property
    def max_idf(self) -> float:
        """IDF a term found in no chunk would get (the ceiling of the scale)."""
        return math.log(1 + (max(len(self.ids), 1) + 0.5) / 0.5)

    def idf_of(self, df: int) -> float:
        """IDF a term found in `df` chunks gets."""
        return float(self._idf(df))

    def holding(self, words: list[str]) -> frozenset[str]:
        """The words some chunk has (one search a part for all of them: a slip's 600 readings at once)."""
        return frozenset(w for w, hits in zip(words, self._hits(words), strict=True) if hits)

    def starting(self, prefix: str, limit: int) -> list[str]:
        """Up to `limit` terms of any part that start with `prefix`, in sorted order."""
        found = sorted({t for p in self.parts for t in p.bm25.vocab.starting(prefix, limit)})
        return found[:limit]


@dataclass(frozen=True)
class Dense:
    """The exact vectors of all parts (rows numbered part after part)."""

    parts: tuple[Part, ...]
    ids: Joined = field(init=False)
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ids", Joined([p.exact.ids for p in self.parts]))
        object.__setattr__(self, "starts", self.ids.starts[:-1])

    def top(self, vector: Sequence[float], k: int, mask: np.ndarray | None = None) -> list[tuple[str, float]]:
        """The k most similar rows (admitted by `mask` when given) as (chunk id, cosine), best first.

        The plan, from how many rows the mask admits: few, and their rows alone are scored; many, or no mask,
        and the lists nearest the question (over all parts) are read, more of them the fewer rows pass, while a
        part without lists is scored whole. A part with a head (see `exact`) has the rows the plan reads scanned
        on it first, and only the `RESCORE` * k (at least `RESCORE_MIN`) rows best there are scored whole, so a
        filter admitting no more rows than that is searched exactly. Scores are always exact cosines.
        """
        admitted = len(self.ids) if mask is None else int(mask.sum())
        if not admitted:
            return []
        v = np.asarray(vector, dtype=np.float32)
        share = min(1.0, PROBE * len(self.ids) / admitted)
        alone = mask is not None and GATHER * admitted < share * len(self.ids)
        rows, scores = self._scored(v, k, mask, share, alone)
        if not alone and len(rows) < min(k, admitted):  # the lists read held too few admitted rows
            rows, scores = self._scored(v, k, mask, share, alone=True)
        best = top_k(scores, k)
        return list(zip(self.ids.at(rows[best]), scores[best].tolist(), strict=True))

    def _nearest_lists(self, v: np.ndarray, share: float) -> list[np.ndarray]:
        """Per part, the lists to read: the lists nearest the question over all parts together, nearest first,
        until they hold `share` of the rows (a part far from the question gives its share to near ones)."""
        scored = [p.exact.lists.centroids @ v if p.exact.lists is not None else np.zeros(0) for p in self.parts]
        every = np.concatenate(scored)
        if not len(every):
            return [np.zeros(0, np.int64) for _ in self.parts]
        sizes = np.concatenate([np.diff(p.exact.lists.offsets) for p in self.parts if p.exact.lists is not None])
        order = np.argsort(-every)
        taken = int(np.searchsorted(np.cumsum(sizes[order]), share * sizes.sum())) + 1
        chosen = np.zeros(len(every), dtype=bool)
        chosen[order[:taken]] = True
        bounds = np.cumsum([0] + [len(s) for s in scored])
        return [np.flatnonzero(chosen[lo:hi]) for lo, hi in itertools.pairwise(bounds)]

    def _scored(
        self, v: np.ndarray, k: int, mask: np.ndarray | None, share: float, alone: bool
    ) -> tuple[np.ndarray, np.ndarray]:
        """Global row numbers and exact scores of the rows the plan reads, the mask applied."""
        rows: list[np.ndarray] = []
        scores: list[np.ndarray] = []
        scanned: list[np.ndarray] = []  # rows scanned on a head first, and their scores there
        on_head: list[np.ndarray] = []
        chosen = self._nearest_lists(v, share) if not alone and share < 1.0 else None
        for i, (start, p) in enumerate(zip(self.starts, self.parts, strict=True)):
            m, lists, n = p.exact.matrix, p.exact.lists, len(p.exact.ids)
            if not n:
                continue
            part_mask = mask[start : start + n] if mask is not None else None
            head = p.exact.head
            if alone:
                assert part_mask is not None
                r = np.flatnonzero(part_mask)
                if head is not None:  # half the bytes gathered; the best rows are scored whole below
                    scanned.append(r + start)
                    on_head.append(head[r] @ v[: head.shape[1]])
                    continue
                s = m[r] @ v if len(r) else np.zeros(0, np.float32)
            elif lists is not None and chosen is not None:
                if not len(chosen[i]):
                    continue
                starts, ends = lists.spans(chosen[i])
                r = rows_of(starts, ends)
                source, q = (m, v) if head is None else (head, v[: head.shape[1]])
                s = np.concatenate([source[lo:hi] @ q for lo, hi in zip(starts, ends, strict=True)])
                if head is not None:
                    keep = part_mask[r] if part_mask is not None else slice(None)
                    scanned.append(r[keep] + start)
                    on_head.append(s[keep])
                    continue
            else:
                r, s = np.arange(n), m @ v
            if part_mask is not None and not alone:
                keep = part_mask[r]
                r, s = r[keep], s[keep]
            rows.append(r + start)
            scores.append(s)
        if scanned:
            best = self._rescored(v, np.concatenate(scanned), np.concatenate(on_head), max(RESCORE * k, RESCORE_MIN))
            rows.append(best[0])
            scores.append(best[1])
        if not rows:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        return np.concatenate(rows), np.concatenate(scores)

    def _rescored(self, v: np.ndarray, rows: np.ndarray, head: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        """The `n` rows best on their heads, with their exact scores (read part by part, in row order)."""
        if len(rows) > n:
            rows = rows[np.argpartition(head, len(head) - n)[len(head) - n :]]
        rows = np.sort(rows)
        bounds = np.searchsorted(rows, [*self.starts, len(self.ids)])
        exact = np.empty(len(rows), dtype=np.float32)
        for start, p, lo, hi in zip(self.starts, self.parts, bounds[:-1], bounds[1:], strict=True):
            if hi > lo:
                exact[lo:hi] = p.exact.matrix[rows[lo:hi] - start] @ v
        return rows, exact

    def vectors(self, ids: Sequence[str]) -> np.ndarray:
        """The stored vectors of some chunk ids (each must be here)."""
        where = {cid: (p, row) for p in self.parts for row, cid in enumerate(p.exact.ids)}
        return np.asarray([where[cid][0].exact.matrix[where[cid][1]] for cid in ids], dtype=np.float32)

    def problem(self) -> str | None:
        """A part whose vector rows do not match its ids, if any."""
        for p in self.parts:
            if p.rows and p.exact.matrix.shape[0] != len(p.exact.ids):
                return f"exact copy has {p.exact.matrix.shape[0]} rows for {len(p.exact.ids)} ids"
            if p.exact.head is not None and p.exact.head.shape[0] != len(p.exact.ids):
                return f"part {p.name}: exact copy's head has {p.exact.head.shape[0]} rows for {len(p.exact.ids)} ids"
            if len(p.exact.ids) != len(p.bm25.ids) or set(p.exact.ids) != set(p.bm25.ids):
                return f"part {p.name}: BM25 and exact copy hold different chunks"
        return None
