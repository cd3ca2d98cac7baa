"""Filters as numpy masks: the filter fields of every paper in columns, each `Condition` one comparison."""

from __future__ import annotations

import datetime as dt
import json
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from ..dates import date_key
from ..filters import Condition, Filters, category_keys, org_key
from ..types import Paper
from .ids import ChunkIds, blocks, find, paper_parts
from .records import Listed

# A paper's id, date, upvotes, organisation and categories (date and categories as stored, read by the given
# functions), in the order `Catalog.listing` gives them.
Fields = tuple[str, Any, int | None, str | None, Any]


def _same(value: Any) -> Any:
    return value


class PaperColumns:
    """Paper filter fields as arrays, so a filter over 100k papers is a few vector comparisons.

    Built in one pass over the papers, each field's rule (`dates.date_key`, `filters.org_key`,
    `filters.category_keys`) applied once per distinct value (a million papers have a few thousand dates and
    organisations and a few dozen category lists): a reader builds these for every generation it loads."""

    def __init__(self, papers: Iterable[Fields], read_date: Callable[[Any], dt.date | None] = _same,
                 read_categories: Callable[[Any], Iterable[str]] = _same) -> None:  # fmt: skip
        self.row: dict[str, int] = {}
        seen: tuple[dict[Any, int], ...] = ({}, {}, {})  # distinct dates, organisations, category lists
        coded = (array("q"), array("q"), array("q"))
        votes = array("q")
        (seen_dates, seen_orgs, seen_lists), (date_codes, org_codes, list_codes) = seen, coded
        for pid, date, upvotes, org, categories in papers:
            self.row[pid] = len(self.row)
            date_codes.append(seen_dates.setdefault(date, len(seen_dates)))
            votes.append(upvotes or 0)
            org_codes.append(seen_orgs.setdefault(org, len(seen_orgs)))
            list_codes.append(seen_lists.setdefault(categories, len(seen_lists)))
        dates, orgs, lists = (np.frombuffer(column, dtype=np.int64) for column in coded)
        # Organisations as integer codes (comparing 100k strings per question cost milliseconds); raw names
        # that fold alike share a code.
        self.org_codes: dict[object, int] = {}
        folded = [self.org_codes.setdefault(org_key(name), len(self.org_codes)) for name in seen_orgs]
        self.columns: dict[str, np.ndarray] = {
            "date": np.asarray([date_key(read_date(value)) for value in seen_dates], np.int64)[dates],
            "upvotes": np.frombuffer(votes, dtype=np.int64),
            "org_key": np.asarray(folded, np.int64)[orgs],
        }
        # A list field as rows per value: a category holds few papers.
        order = np.argsort(lists, kind="stable")
        bounds = np.concatenate([[0], np.cumsum(np.bincount(lists, minlength=len(seen_lists)))])
        listed: dict[str, list[np.ndarray]] = {}
        for code, value in enumerate(seen_lists):
            for name in category_keys(read_categories(value)):
                listed.setdefault(name, []).append(order[bounds[code] : bounds[code + 1]])
        self.category_rows = {name: np.sort(np.concatenate(rows)) for name, rows in listed.items()}
        self._sorted: tuple[np.ndarray, np.ndarray] | None = None  # paper ids as sorted UTF-8, and their rows
        self._ids: list[str] | None = None

    @classmethod
    def of(cls, papers: Mapping[str, Paper]) -> PaperColumns:
        """The columns of papers held in memory."""
        return cls((p.id, p.date, p.upvotes, p.org, p.categories) for p in papers.values())

    @classmethod
    def listed(cls, rows: Iterable[Listed]) -> PaperColumns:
        """The columns of papers as the catalog lists them (`Catalog.listing`), without building the papers."""
        return cls(rows, read_date=_iso, read_categories=_json_list)

    def admitted(self, filters: Filters) -> np.ndarray:
        """Boolean per paper: passes every condition of the filters."""
        ok = np.ones(len(self.row), dtype=bool)
        for c in filters.conditions():
            ok &= self._test(c)
        return ok

    def _test(self, c: Condition) -> np.ndarray:
        chosen = np.zeros(len(self.row), dtype=bool)
        if c.op == "in":
            assert isinstance(c.value, frozenset)
            chosen[[self.row[p] for p in c.value if p in self.row]] = True
            return chosen
        if c.op == "any":
            assert isinstance(c.value, frozenset)
            for name in c.value:
                chosen[self.category_rows.get(name, np.zeros(0, np.int64))] = True
            return chosen
        column, value = self.columns[c.field], c.value
        if c.field == "org_key":
            value = self.org_codes.get(value, -1)  # an organisation no paper has admits nothing
        if c.op == "gte":
            return np.asarray(column >= value, dtype=bool)
        if c.op == "lte":
            return np.asarray(column <= value, dtype=bool)
        if c.op == "gt":
            return np.asarray(column > value, dtype=bool)
        return np.asarray(column == value, dtype=bool)

    @property
    def ids(self) -> list[str]:
        """The paper id of every row."""
        if self._ids is None:
            self._ids = list(self.row)
        return self._ids

    def rows_of(self, chunk_ids: Sequence[str]) -> np.ndarray:
        """The paper row of every chunk id; -1 for a chunk of a paper not in these columns (one sorted join
        in numpy: a million chunks looked up one by one took seconds of every generation's load)."""
        if self._sorted is None:
            ids = ChunkIds.of(self.row).raw  # paper ids, encoded as chunk ids are
            order = np.argsort(ids, kind="stable")
            self._sorted = (ids[order], order)
        ids, order = self._sorted
        found = [np.zeros(0, np.int64)]
        for block in blocks(chunk_ids):  # a block at a time: the temporaries stay small at a million chunks
            at = find(ids, paper_parts(block))
            found.append(np.where(at >= 0, order[at], -1) if len(ids) else at)
        return np.concatenate(found)

    @staticmethod
    def chunk_mask(admitted: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Per-chunk mask from a per-paper one."""
        padded = np.append(admitted, False)  # row -1 picks this False
        return np.asarray(padded[rows], dtype=bool)


def _iso(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _json_list(text: str | None) -> list[str]:
    found = json.loads(text) if text else []
    return found if isinstance(found, list) else []
