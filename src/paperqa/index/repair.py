"""The invariant of an index, checked and restored store by store.

Invariant: the chunk ids in the catalog, Chroma, BM25 and the exact copy are the same set, each id once, and
every catalog paper has its chunks. The catalog is the truth; everything else is brought in line with it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..types import Chunk, paper_of
from . import derived, faults
from .derived import Derived
from .stores import Stores


@dataclass(frozen=True)
class CheckReport:
    """What `paperqa check` prints: per-store chunk counts and every problem found."""

    consistent: bool
    papers: int
    chunks: dict[str, int]
    problems: tuple[str, ...] = ()
    fixed: tuple[str, ...] = field(default=())  # what a repair found and restored

    def to_json(self) -> dict[str, Any]:
        """The JSON object of `paperqa check --json` (scripts read these keys)."""
        return {
            "consistent": self.consistent,
            "papers": self.papers,
            "chunks": dict(self.chunks),
            "problems": list(self.problems),
            "fixed": list(self.fixed),
        }


def _id_problems(store: str, ids: Sequence[str], truth: set[str]) -> list[str]:
    """How a store's chunk ids differ from the catalog's."""
    have = set(ids)
    out = []
    if missing := len(truth - have):
        out.append(f"{store}: {missing} catalog chunks missing")
    if extra := len(have - truth):
        out.append(f"{store}: {extra} chunks not in the catalog")
    if twice := sum(1 for n in Counter(ids).values() if n > 1):
        out.append(f"{store}: {twice} chunk ids listed more than once")
    return out


def _load(stores: Stores, generation: int) -> tuple[Derived | None, str | None]:
    try:
        d = derived.load(stores.derived_root, generation)
    except (OSError, ValueError, KeyError) as exc:
        return None, f"derived: cannot read generation {generation} ({type(exc).__name__}: {exc})"
    if trouble := d.exact.problem():
        return None, f"derived: {trouble}"
    return d, None


def check(stores: Stores) -> CheckReport:
    """Compare every store with the catalog (the caller holds the writer lock, so nothing moves)."""
    catalog = stores.catalog
    truth = set(catalog.chunk_ids())
    problems: list[str] = []
    if catalog.get_meta("pending") == "1":
        problems.append("index: an ingest or repair did not finish")
    if staged := catalog.staged_count():
        problems.append(f"catalog: {staged} staged papers of an interrupted ingest")
    bare, stray = catalog.problems()
    if bare:
        problems.append(f"catalog: {len(bare)} papers without chunks (e.g. {', '.join(bare[:3])})")
    if stray:
        problems.append(f"catalog: {stray} chunks of papers not in the catalog")
    unreadable = stores.chroma.health()
    chroma_ids = [] if unreadable else stores.chroma.ids()
    problems += [f"chroma: unreadable ({unreadable})"] if unreadable else _id_problems("chroma", chroma_ids, truth)
    d, trouble = _load(stores, catalog.generation())
    counts = {"catalog": catalog.chunk_count(), "chroma": len(chroma_ids), "bm25": 0, "exact": 0}
    if d is None:
        problems.append(trouble or "derived: missing")
    else:
        counts.update(bm25=len(d.bm25.ids), exact=len(d.exact.ids))
        problems += _id_problems("bm25", d.bm25.ids, truth) + _id_problems("exact", d.exact.ids, truth)
    return CheckReport(not problems, catalog.count(), counts, tuple(problems))


def repair(stores: Stores) -> tuple[int, Derived]:
    """Restore the invariant after a crash at any point; returns the generation it publishes."""
    catalog, chroma = stores.catalog, stores.chroma
    catalog.set_meta("pending", "1")
    if chroma.health():
        chroma.reset()  # refilled below from the exact copy's vectors, embedding only what it lacks
    current, _ = _load(stores, catalog.generation())
    _roll_forward(stores)
    faults.crash_point("repair.rolled-forward")
    catalog.delete_stray_chunks()
    papers = {p.id: p for p in catalog.papers()}
    bare, _ = catalog.problems()
    catalog.add_chunks([c for pid in bare for c in stores.chunker.chunk(papers[pid])])
    titles = {pid: p.title for pid, p in papers.items()}
    truth = catalog.chunk_ids()
    truth_set = set(truth)
    stored = set(chroma.ids())
    if catalog.get_meta("legacy_chunk_ids") == "1":
        stored |= _adopt_legacy_vectors(stores, truth_set - stored)
    chroma.delete(sorted(stored - truth_set))
    faults.crash_point("repair.orphans-deleted")
    missing = catalog.chunks(sorted(truth_set - stored))
    _store_vectors(stores, missing, titles, current)
    generation = catalog.generation() + 1
    following = derived.save(stores.derived_root, generation, _derived_like(stores, current, truth, titles))
    if truth:
        catalog.set_meta("embedding", stores.identity)
    catalog.publish(generation)
    catalog.set_meta("legacy_chunk_ids", "0")
    derived.cleanup(stores.derived_root, keep={generation, generation - 1})
    catalog.set_meta("pending", "0")
    return generation, following


def _roll_forward(stores: Stores) -> None:
    """Publish staged papers whose vectors all reached Chroma; forget the others."""
    staged = stores.catalog.staged()
    if not staged:
        stores.catalog.publish(None)  # metadata-only updates, if any
        return
    wanted = [cid for ids in staged.values() for cid in ids]
    present, _ = stores.chroma.vectors(wanted)
    have = set(present)
    stores.catalog.discard_staged(pid for pid, ids in staged.items() if not ids or not have.issuperset(ids))
    stores.catalog.publish(None)


def _adopt_legacy_vectors(stores: Stores, missing: set[str]) -> set[str]:
    """Vectors stored under pre-0.2 ids (`paper:position`) moved to their new ids, without embedding again."""
    legacy = {f"{paper_of(cid)}:{cid.rsplit(':', 1)[1]}": cid for cid in missing}
    found, vectors = stores.chroma.vectors(sorted(legacy))
    if not found:
        return set()
    new_ids = [legacy[old] for old in found]
    stores.chroma.upsert(new_ids, vectors)
    return set(new_ids)


def _store_vectors(stores: Stores, chunks: list[Chunk], titles: dict[str, str], known: Derived | None) -> None:
    """Vectors of catalog chunks Chroma lacks: from the exact copy where it has them, else embedded anew."""
    if not chunks:
        return
    rows = set(known.exact.ids) if known is not None else set()
    copied = [c for c in chunks if c.id in rows]
    fresh = [c for c in chunks if c.id not in rows]
    for part, vectors in (
        (copied, known.exact.vectors([c.id for c in copied]) if copied and known else None),
        (fresh, stores.vectors_of(fresh, titles) if fresh else None),
    ):
        if part and vectors is not None:
            stores.chroma.upsert([c.id for c in part], vectors)


def _derived_like(stores: Stores, current: Derived | None, truth: list[str], titles: dict[str, str]) -> Derived:
    """BM25 and the exact copy holding exactly the catalog's chunks: patched where possible, else rebuilt."""
    truth_set = set(truth)
    ok = current is not None and len(set(current.bm25.ids)) == len(current.bm25.ids)
    base = current if current is not None and ok else Derived.empty()
    have = set(base.bm25.ids)
    lacking = {c.id: c for c in stores.catalog.chunks([cid for cid in truth if cid not in have])}
    found, vectors = stores.chroma.vectors(sorted(lacking))
    chunks = [lacking[cid] for cid in found]
    return base.updated(have - truth_set, [c.id for c in chunks], stores.texts_of(chunks, titles), vectors)
