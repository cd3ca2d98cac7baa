"""Reading an index from a snapshot folder: the newest snapshot's view, polled at most every `poll` seconds,
fetched once and swapped in whole; and the view of a catalog's published generation, however it was fetched."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from . import derived, pagecache
from .catalog import Catalog
from .columns import PaperColumns
from .derived import Derived
from .papers import Papers
from .snapshots import SnapshotError, SnapshotFolder
from .view import View


def view_of(catalog: Catalog, load: Callable[[int], Derived]) -> View:
    """The view of a catalog's published generation: its papers' ids and filter columns read in one
    transaction with the generation, their records left in the catalog until a question needs them."""
    with catalog.listing() as (generation, rows):
        columns = PaperColumns.listed(rows)
    papers = Papers(catalog, list(columns.row), columns.row)
    return View(generation, papers, load(generation), columns)


class SnapshotReader:
    """The newest snapshot of a folder as a view, fetched into `cache` (a local folder) when it changes."""

    def __init__(self, snapshots: SnapshotFolder, cache: Path, identity: str, poll: float) -> None:
        self.snapshots, self.cache, self.identity, self.poll = snapshots, cache, identity, poll
        self._reload = threading.Lock()  # one thread at a time fetches; readers keep the view in hand
        self._shared: tuple[str, View] | None = None  # the snapshot read from, by name
        self._polled = 0.0

    def renew(self) -> None:
        """Poll at the next read (this process has just published)."""
        self._polled = 0.0

    def view(self) -> View:
        """The newest snapshot's view, or the one in hand while the share is away."""
        now = time.monotonic()
        if self._shared is not None and now - self._polled < self.poll:
            return self._shared[1]
        with self._reload:
            if self._shared is not None and time.monotonic() - self._polled < self.poll:
                return self._shared[1]
            try:
                manifest = self.snapshots.latest()
                self._polled = time.monotonic()
                if manifest is None:
                    self._shared = ("", View(0, {}, Derived.empty()))
                elif self._shared is None or self._shared[0] != manifest.name:
                    catalog, root = self.snapshots.fetch(manifest, self.cache, self.identity)
                    self._shared = (manifest.name, view_of(catalog, lambda g: derived.load(root, g)))
                    pagecache.warm(derived.files(root, self._shared[1].generation))
            except SnapshotError:
                if self._shared is None:
                    raise
                # The share is away or its newest snapshot cannot be fetched: keep answering from the one in hand.
            return self._shared[1]
