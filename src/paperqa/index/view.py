"""A reader's view of one published generation: papers, BM25, the exact copy, and dense search.

A view never changes: when another process publishes, the index builds a new view and swaps it in, so one
question is answered from one generation throughout. Dense search reads the exact copy published with the
generation, never Chroma's HNSW index: a `PersistentClient` does not see what other processes add
(chroma-core/chroma #3792), and one left damaged by a kill can crash the process that queries it.
"""

from __future__ import annotations

import copy
import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import InitVar, dataclass, field

import numpy as np

from ..filters import Filters
from ..types import ONE_CHUNK, Paper
from .catalog import Catalog
from .columns import PaperColumns
from .derived import Derived
from .papers import Papers

Hits = list[tuple[str, float]]


@dataclass(frozen=True)
class View:
    """Everything a question is answered from, as of one generation."""

    generation: int
    papers: Mapping[str, Paper]  # a `Papers` read from the catalog on demand, or a dict in memory
    derived: Derived
    given_columns: InitVar[PaperColumns | None] = None  # the papers' filter columns, when already read
    columns: PaperColumns = field(init=False)
    _bm25_rows: np.ndarray = field(init=False)
    _exact_rows: np.ndarray = field(init=False)

    def __post_init__(self, given_columns: PaperColumns | None) -> None:
        columns = given_columns or PaperColumns.of(self.papers)
        object.__setattr__(self, "columns", columns)
        object.__setattr__(self, "_bm25_rows", columns.rows_of(self.derived.bm25.ids))
        object.__setattr__(self, "_exact_rows", columns.rows_of(self.derived.exact.ids))

    def reading_from(self, catalog: Catalog) -> View:
        """This view with its papers' records read through another catalog connection (a forked worker's own:
        SQLite's must not cross a fork), everything else shared, not read again."""
        if not isinstance(self.papers, Papers):
            return self
        view = copy.copy(self)
        object.__setattr__(view, "papers", Papers(catalog, self.papers.ids, self.papers.rows))
        return view

    def papers_of(self, paper_ids: Sequence[str]) -> dict[str, Paper]:
        """Those of these papers that are in this view, by id (read together)."""
        if isinstance(self.papers, Papers):
            return self.papers.many(paper_ids)
        return {pid: self.papers[pid] for pid in paper_ids if pid in self.papers}

    def _admitted(self, filters: Filters) -> np.ndarray:
        """Per-paper mask of the filters, worked out once per filters for this view (dense and BM25 share it)."""
        cache: dict[Filters, np.ndarray] = self.__dict__.setdefault("_masks", {})
        if filters not in cache:
            if len(cache) > 32:
                cache.clear()
            cache[filters] = self.columns.admitted(filters)
        return cache[filters]

    def dense(self, vector: Sequence[float], depth: int, filters: Filters | None = None) -> Hits:
        """Nearest chunks by embedding (exact cosine search), within the filters."""
        if filters is not None and filters.active:
            mask = PaperColumns.chunk_mask(self._admitted(filters), self._exact_rows)
            return self.derived.exact.top(vector, depth, mask)
        return self.derived.exact.top(vector, depth)

    def lexical(self, text: str, depth: int, filters: Filters | None = None) -> Hits:
        """Best chunks by BM25, within the filters."""
        mask = None
        if filters is not None and filters.active:
            mask = PaperColumns.chunk_mask(self._admitted(filters), self._bm25_rows).astype(np.float32)
        return self.derived.bm25.top(text, depth, mask)

    def _admitted_rows(self, filters: Filters | None) -> np.ndarray:
        """The rows of the papers the filters let through (all of them for none)."""
        if filters is not None and filters.active:
            return np.flatnonzero(self._admitted(filters))
        return np.arange(len(self.columns.columns["date"]))

    def by_date(self, newest: bool, count: int, filters: Filters | None = None) -> list[str]:
        """The ids of the newest (or oldest) papers the filters let through, of the whole corpus; those with no
        date last."""
        rows = self._admitted_rows(filters)
        keys = self.columns.columns["date"][rows]
        keys = np.where(keys == 0, np.iinfo(np.int64).max, -keys if newest else keys)  # undated last either way
        if len(keys) > count:  # the first `count` found without sorting a million dates
            first = np.argpartition(keys, count - 1)[:count] if count > 0 else np.zeros(0, np.int64)
            rows, keys = rows[first], keys[first]
        chosen = rows[np.lexsort((rows, keys))]  # by date, ties in corpus order
        ids = self.columns.ids
        return [ids[row] for row in chosen]

    def by_upvotes(self, count: int, filters: Filters | None = None) -> list[str]:
        """The ids of the most upvoted papers the filters let through, of the whole corpus (ties in corpus order)."""
        rows = self._admitted_rows(filters)
        chosen = rows[np.lexsort((rows, -self.columns.columns["upvotes"][rows]))][:count]
        ids = self.columns.ids
        return [ids[row] for row in chosen]

    def idf(self, term: str) -> float:
        """IDF of a stemmed term; a term in no chunk gets the highest IDF there is, `ONE_CHUNK` that of a term in
        one chunk (kept: the offline writer asks for the same terms hundreds of times a question)."""
        known: dict[str, float] = self.__dict__.setdefault("_idf", {})
        if term not in known:
            bm25 = self.derived.bm25
            found = bm25.idf_of(1) if term == ONE_CHUNK else bm25.term_idf(self._indexed(term))
            known[term] = found if found is not None else bm25.max_idf
        return known[term]

    def _indexed(self, term: str) -> str:
        """The term as the index holds it: an acronym the papers write only in the plural ("MLLMs": the stemmer
        keeps its "s") by that plural."""
        bm25 = self.derived.bm25
        return f"{term}s" if bm25.term_counts(term)[0] == 0 and bm25.term_counts(f"{term}s")[0] else term

    def topical(self, term: str) -> float:
        """How much a stemmed term clusters in the chunks that hold it: its residual IDF in bits, the IDF it has
        beyond what a word spread at random with as many occurrences would have (Church and Gale). A subject
        (`speech`, `graph`) recurs within its chunks (> 0.5); a modifier (`faster`, `truncated`) occurs once
        where it occurs (~0). A term in no chunk gets 0. Kept, like `idf`."""
        known: dict[str, float] = self.__dict__.setdefault("_topical", {})
        if term not in known:
            df, cf = self.derived.bm25.term_counts(self._indexed(term))
            n = max(len(self.derived.bm25.ids), 1)
            known[term] = math.log2(n / df) + math.log2(-math.expm1(-cf / n)) if df else 0.0
        return known[term]

    def starting(self, prefix: str, limit: int = 64) -> list[str]:
        """Up to `limit` stemmed terms of the corpus that start with `prefix` (`yolo`: `yolov8`), sorted."""
        return self.derived.bm25.starting(prefix, limit)

    def knows_org(self, key: str) -> bool:
        """Whether some paper has this organisation (an `org_key`)."""
        return key in self.columns.org_codes

    def holding(self, terms: Sequence[str]) -> frozenset[str]:
        """The stemmed terms some chunk contains, of many looked up at once."""
        return self.derived.bm25.holding(list(terms))

    def knows(self, term: str) -> bool:
        """Whether some chunk contains a stemmed term."""
        return self.idf(term) < self.derived.bm25.max_idf

    def undated_left_out(self, filters: Filters | None) -> int:
        """Papers a date bound left out only because their date is unknown (they pass every other filter)."""
        if filters is None or not (filters.date_from or filters.date_to):
            return 0
        others = dataclasses.replace(filters, date_from=None, date_to=None)
        mask = self._admitted(others) if others.active else np.ones(len(self.papers), dtype=bool)
        return int((mask & (self.columns.columns["date"] == 0)).sum())

    def admitted(self, filters: Filters | None) -> int:
        """How many papers the filters let through."""
        if filters is None or not filters.active:
            return len(self.papers)
        return int(self._admitted(filters).sum())
