"""The papers of a view by id: their ids held, their records read from the catalog when a question needs them,
so a reader's memory does not grow with the corpus's abstracts (a million papers' records are ~2 GB as
objects; their ids and filter columns ~0.2 GB).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence

from ..types import Paper
from .catalog import Catalog, Overview

CACHED = 4096  # paper records kept after use (a question reads a few dozen)
_BATCH = 900


class Papers(Mapping[str, Paper]):
    """Published papers by id, in a stable order; records read from `catalog` on demand and cached."""

    def __init__(self, catalog: Catalog, ids: Sequence[str], rows: Mapping[str, int]) -> None:
        self.catalog, self.ids, self.rows = catalog, ids, rows
        self._cache: OrderedDict[str, Paper] = OrderedDict()
        self._lock = threading.Lock()

    def __getitem__(self, paper_id: str) -> Paper:
        if paper_id not in self.rows:
            raise KeyError(paper_id)
        return self.many([paper_id])[paper_id]

    def __contains__(self, paper_id: object) -> bool:
        return paper_id in self.rows

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def many(self, paper_ids: Iterable[str]) -> dict[str, Paper]:
        """Those of these papers that are here, read in as few catalog queries as there are batches."""
        wanted = [pid for pid in dict.fromkeys(paper_ids) if pid in self.rows]
        with self._lock:
            found = {pid: self._cache[pid] for pid in wanted if pid in self._cache}
            for pid in found:
                self._cache.move_to_end(pid)
        missing = [pid for pid in wanted if pid not in found]
        if missing:
            read = self.catalog.papers_of(missing)
            with self._lock:
                for pid, paper in read.items():
                    self._cache[pid] = paper
                while len(self._cache) > CACHED:
                    self._cache.popitem(last=False)
            found.update(read)
        return {pid: found[pid] for pid in wanted if pid in found}

    def values(self) -> Iterator[Paper]:  # type: ignore[override]
        """Every paper, read batch by batch (a whole corpus: for small corpora and tests)."""
        for start in range(0, len(self.ids), _BATCH):
            yield from self.many(self.ids[start : start + _BATCH]).values()

    def items(self) -> Iterator[tuple[str, Paper]]:  # type: ignore[override]
        """Every (id, paper), read batch by batch."""
        return ((p.id, p) for p in self.values())

    def overview(self) -> Overview:
        """Counts for a corpus page, from the catalog."""
        return self.catalog.overview()

    def titles(self) -> list[str]:
        """Every paper's title, from the catalog."""
        return self.catalog.titles()

    def find(self, query: str, limit: int = 500) -> list[Paper]:
        """Papers whose title or abstract holds every word of the query, newest first."""
        return self.catalog.find(query.split(), limit)
