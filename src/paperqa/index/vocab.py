"""A BM25 part's vocabulary held compactly: its terms sorted as one UTF-8 array beside their term ids,
memory-mapped when loaded, looked up by binary search.

As a dict, a million chunks' vocabularies cost ~150 MB of every reader's and writer's own memory (a Python
string and a dict entry a term, per part); as arrays they are ~30 bytes a term, in the page cache readers share.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import numpy as np

from . import arrays
from .ids import ChunkIds, find

_TERMS, _IDS = "bm25-terms.npy", "bm25-term-ids.npy"


class Vocab:
    """Term -> term id, for terms given in any order (ids need not follow the sort order)."""

    def __init__(self, terms: np.ndarray, ids: np.ndarray) -> None:
        self.terms, self.ids = terms, ids  # `terms` sorted; `ids[i]` is the id of `terms[i]`

    @classmethod
    def of(cls, vocab: Mapping[str, int]) -> Vocab:
        """From a dict of term -> id."""
        encoded = ChunkIds.of(vocab).raw  # terms, encoded as chunk ids are
        order = np.argsort(encoded, kind="stable")
        return cls(encoded[order], np.fromiter(vocab.values(), np.int64, len(vocab))[order])

    def __len__(self) -> int:
        return len(self.terms)

    def get(self, term: str) -> int | None:
        """The id of one term, or None when the part has no chunk with it."""
        found = self.many([term])[0]
        return int(found) if found >= 0 else None

    def many(self, terms: Sequence[str]) -> np.ndarray:
        """The ids of several terms, -1 for each the part lacks (one search for all of a question's terms)."""
        if not terms or not len(self.terms):
            return np.full(len(terms), -1, dtype=np.int64)
        at = find(self.terms, ChunkIds.of(terms).raw)
        return np.where(at >= 0, self.ids[at], -1)

    def starting(self, prefix: str, limit: int) -> list[str]:
        """Up to `limit` terms that start with `prefix` (itself included), in sorted order."""
        if not len(self.terms):
            return []
        at = int(np.searchsorted(self.terms, prefix.encode()))
        found = [raw.decode() for raw in self.terms[at : at + limit].tolist()]
        return [term for term in found if term.startswith(prefix)]

    def in_id_order(self) -> Iterator[str]:
        """Every term, by id."""
        for raw in self.terms[np.argsort(self.ids, kind="stable")].tolist():
            yield raw.decode()

    def to_dict(self) -> dict[str, int]:
        """As a dict (a writer adds new chunks' terms to it)."""
        return {raw.decode(): i for raw, i in zip(self.terms.tolist(), self.ids.tolist(), strict=True)}

    def save(self, folder: Path) -> None:
        """Write as two .npy files (memory-mapped by `load`)."""
        for name, array in ((_TERMS, self.terms), (_IDS, self.ids)):
            with open(folder / name, "wb") as fh:
                np.save(fh, array)

    @classmethod
    def load(cls, folder: Path, legacy: list[str] | None = None) -> Vocab:
        """Read what `save` wrote; parts written before it kept their terms in JSON, in id order (`legacy`)."""
        if (folder / _TERMS).exists():
            terms, ids = (arrays.mapped(folder / name) for name in (_TERMS, _IDS))
            return cls(terms, ids)
        return cls.of({t: i for i, t in enumerate(legacy or [])})
