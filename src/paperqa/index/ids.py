"""Chunk ids held compactly: one fixed-width bytes array a store, memory-mapped when loaded.

A million ids as Python strings in lists cost ~300 MB of every writer's and reader's own memory (two stores,
~90 bytes a string, plus the lists); as arrays they are ~25 bytes an id, in the page cache readers share.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import overload

import numpy as np

from . import arrays

_STEP = 65_536  # ids decoded at a time when iterating


class ChunkIds(Sequence[str]):
    """Chunk ids in row order, stored as UTF-8 in a numpy `S<width>` array (no id ends in a NUL byte)."""

    def __init__(self, raw: np.ndarray) -> None:
        self.raw = raw

    @classmethod
    def of(cls, ids: Iterable[str]) -> ChunkIds:
        """Ids from strings (already `ChunkIds`: the same array)."""
        if isinstance(ids, ChunkIds):
            return ids
        encoded = [cid.encode() for cid in ids]
        return cls(np.array(encoded, dtype=f"S{max(map(len, encoded), default=1) or 1}"))

    def __len__(self) -> int:
        return len(self.raw)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ChunkIds):
            return bool(np.array_equal(self.raw, other.raw))
        return isinstance(other, (list, tuple)) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # equal to a list of the same ids, so not hashable

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> ChunkIds: ...
    def __getitem__(self, i: int | slice) -> str | ChunkIds:
        if isinstance(i, slice):
            return ChunkIds(self.raw[i])
        return bytes(self.raw[i]).decode()

    def __iter__(self) -> Iterator[str]:
        for start in range(0, len(self.raw), _STEP):
            yield from (b.decode() for b in self.raw[start : start + _STEP].tolist())

    def at(self, rows: Sequence[int] | np.ndarray) -> list[str]:
        """The ids at some rows, as strings (one numpy gather, not one lookup a row)."""
        return [b.decode() for b in self.raw[np.asarray(rows, dtype=np.int64)].tolist()]

    def keep_mask(self, drop: Collection[str]) -> np.ndarray:
        """True for each id not in `drop` (every one, when nothing is dropped)."""
        if not drop:
            return np.ones(len(self.raw), dtype=bool)
        return np.fromiter((cid not in drop for cid in self), bool, len(self.raw))

    def take(self, rows: np.ndarray) -> ChunkIds:
        """The ids at some rows (or where a boolean mask is true), in that order."""
        return ChunkIds(np.asarray(self.raw[rows]))

    def plus(self, more: Iterable[str]) -> ChunkIds:
        """These ids followed by more (numpy widens the shorter width)."""
        extra = ChunkIds.of(more)
        return self if not len(extra) else ChunkIds(np.concatenate([self.raw, extra.raw]))

    def save(self, path: Path) -> None:
        """Write as a .npy file (memory-mapped by `load`)."""
        with open(path, "wb") as fh:
            np.save(fh, self.raw)

    @classmethod
    def load(cls, path: Path, legacy: list[str] | None = None) -> ChunkIds:
        """Read what `save` wrote; parts written before it kept their ids in JSON (`legacy`)."""
        if path.exists():
            return cls(arrays.mapped(path))
        return cls.of(legacy or [])


class Joined(Sequence[str]):
    """The ids of several stores numbered one after another, without copying them."""

    def __init__(self, parts: Sequence[ChunkIds]) -> None:
        self.parts = list(parts)
        self.starts = list(itertools.accumulate((len(p) for p in self.parts), initial=0))

    def __len__(self) -> int:
        return self.starts[-1]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (list, tuple, Joined, ChunkIds)) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        at = bisect.bisect_right(self.starts, i) - 1
        return self.parts[at][i - self.starts[at]]

    def __iter__(self) -> Iterator[str]:
        return itertools.chain.from_iterable(self.parts)

    def at(self, rows: Sequence[int] | np.ndarray) -> list[str]:
        """The ids at some global rows, in that order."""
        rows = np.asarray(rows, dtype=np.int64)
        which = np.searchsorted(self.starts, rows, side="right") - 1
        out = [""] * len(rows)
        for part in np.unique(which).tolist():
            here = np.flatnonzero(which == part)
            for i, cid in zip(here.tolist(), self.parts[part].at(rows[here] - self.starts[part]), strict=True):
                out[i] = cid
        return out


def find(ordered: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Where each wanted UTF-8 key is in a sorted `S<width>` array, -1 where it is not (the one lookup of
    compact ids, terms and paper ids)."""
    if not len(ordered):
        return np.full(len(wanted), -1, dtype=np.int64)
    at = np.minimum(np.searchsorted(ordered, wanted), len(ordered) - 1)
    return np.where(ordered[at] == wanted, at, -1).astype(np.int64)


class IdSet:
    """A growing set of ids (an ingest's paper ids) as one sorted UTF-8 array: ~20 bytes an id, where a Python
    set of strings takes ~100 (70 MB at a million papers)."""

    def __init__(self) -> None:
        self.raw = ChunkIds.of([]).raw

    def __len__(self) -> int:
        return len(self.raw)

    def update(self, ids: Iterable[str]) -> None:
        """Add ids (one sort of the whole: an ingest adds a segment's ids at a time)."""
        new = ChunkIds.of(list(ids)).raw
        if len(new):
            self.raw = np.unique(np.concatenate([self.raw, new]))

    def among(self, ids: Iterable[str]) -> set[str]:
        """Those of these ids that are in the set."""
        wanted = list(dict.fromkeys(ids))
        if not wanted or not len(self.raw):
            return set()
        found = find(self.raw, ChunkIds.of(wanted).raw) >= 0
        return {w for w, hit in zip(wanted, found.tolist(), strict=True) if hit}


def blocks(ids: Sequence[str]) -> Iterator[np.ndarray]:
    """Chunk ids as `S<width>` arrays of at most 65,536 ids, in order (views of stored ids, not copies)."""
    parts = ids.parts if isinstance(ids, Joined) else [ChunkIds.of(ids)]
    for part in parts:
        for start in range(0, len(part.raw), _STEP):
            yield part.raw[start : start + _STEP]


def paper_parts(raw: np.ndarray) -> np.ndarray:
    """The paper id inside each chunk id, as `types.paper_of` reads one (all before the second last colon)."""
    last = np.strings.rfind(raw, b":")
    second = np.strings.rfind(raw, b":", 0, np.maximum(last, 0))
    cut = np.where(second >= 0, second, np.where(last >= 0, last, np.strings.str_len(raw)))
    return np.asarray(np.strings.slice(raw, 0, cut))
