"""Filters as numpy masks: the filter fields of every paper in columns, each `Condition` one comparison."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from ..filters import Condition, Filters, filter_fields
from ..types import Paper, paper_of


class PaperColumns:
    """Paper filter fields as arrays, so a filter over 100k papers is a few vector comparisons."""

    def __init__(self, papers: Mapping[str, Paper]) -> None:
        self.row = {pid: i for i, pid in enumerate(papers)}
        fields = [filter_fields(p) for p in papers.values()]
        # Organisations as integer codes: comparing 100k strings per question cost milliseconds.
        self.org_codes: dict[object, int] = {}
        orgs = [self.org_codes.setdefault(f["org_key"], len(self.org_codes)) for f in fields]
        self.columns: dict[str, np.ndarray] = {
            "date": np.array([f["date"] for f in fields], dtype=np.int64),
            "upvotes": np.array([f["upvotes"] for f in fields], dtype=np.int64),
            "org_key": np.array(orgs, dtype=np.int64),
        }
        # A list field as rows per value: a category holds a small share of the papers.
        listed: dict[str, list[int]] = {}
        for row, f in enumerate(fields):
            names = f.get("categories", [])
            for name in names if isinstance(names, list) else ():
                listed.setdefault(name, []).append(row)
        self.category_rows = {name: np.array(rows, dtype=np.int64) for name, rows in listed.items()}

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
