"""Filters as numpy masks: the filter fields of every paper in columns, each `Condition` one comparison."""

from __future__ import annotations

import datetime as dt
import json
from array import array
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from ..filters import Condition, Filters, fields_of, filter_fields
from ..types import Paper, paper_of
from .catalog import Listed


class PaperColumns:
    """Paper filter fields as arrays, so a filter over 100k papers is a few vector comparisons."""

    def __init__(self, fields: Iterable[Mapping[str, object]]) -> None:
        self.row: dict[str, int] = {}
        # Organisations as integer codes: comparing 100k strings per question cost milliseconds.
        self.org_codes: dict[object, int] = {}
        dates, upvotes, orgs = array("q"), array("q"), array("q")
        listed: dict[str, list[int]] = {}  # a list field as rows per value: a category holds few papers
        for row, f in enumerate(fields):
            self.row[str(f["paper_id"])] = row
            dates.append(int(f["date"]))  # type: ignore[call-overload]
            upvotes.append(int(f["upvotes"]))  # type: ignore[call-overload]
            orgs.append(self.org_codes.setdefault(f["org_key"], len(self.org_codes)))
            names = f.get("categories", [])
            for name in names if isinstance(names, list) else ():
                listed.setdefault(name, []).append(row)
        self.columns: dict[str, np.ndarray] = {
            "date": np.frombuffer(dates, dtype=np.int64),
            "upvotes": np.frombuffer(upvotes, dtype=np.int64),
            "org_key": np.frombuffer(orgs, dtype=np.int64),
        }
        self.category_rows = {name: np.array(rows, dtype=np.int64) for name, rows in listed.items()}

    @classmethod
    def of(cls, papers: Mapping[str, Paper]) -> PaperColumns:
        """The columns of papers held in memory."""
        return cls(filter_fields(p) for p in papers.values())

    @classmethod
    def listed(cls, rows: Iterable[Listed]) -> PaperColumns:
        """The columns of papers as the catalog lists them (`Catalog.listing`), without building the papers."""
        folded: dict[str | None, list[str]] = {}

        def fields(row: Listed) -> Mapping[str, object]:
            pid, date, upvotes, org, categories = row
            if categories not in folded:  # few distinct lists: each parsed once
                folded[categories] = json.loads(categories) if categories else []
            return fields_of(pid, dt.date.fromisoformat(date) if date else None, upvotes, org, folded[categories])

        return cls(fields(r) for r in rows)

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

    def rows_of(self, chunk_ids: Sequence[str]) -> np.ndarray:
        """The paper row of every chunk id; -1 for a chunk of a paper not in these columns."""
        return np.array([self.row.get(paper_of(cid), -1) for cid in chunk_ids], dtype=np.int64)

    @staticmethod
    def chunk_mask(admitted: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Per-chunk mask from a per-paper one."""
        padded = np.append(admitted, False)  # row -1 picks this False
        return np.asarray(padded[rows], dtype=bool)
