"""Ingest under the writer lock: stage batch by batch, publish in one catalog transaction, then clean up.

Order, and what a kill at each step leaves (the repair on the next open handles all of them):
1. per batch, vectors upserted to Chroma under new, content-addressed chunk ids, then the papers and chunks
   staged in the catalog (readers see neither: unknown ids are dropped from dense hits), on a thread of their
   own while the writer embeds the next batches and builds the next generation's BM25 (`landing.py`);
2. BM25 and the exact copy of the next generation written to a folder of their own;
3. one catalog transaction publishes the staged rows and the new generation (the commit point);
4. vectors of replaced chunks deleted from Chroma, older generations removed, `pending` cleared.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..types import Paper
from . import derived, faults
from .derived import Derived
from .landing import Landing, Progress
from .stores import Stores


@dataclass(frozen=True)
class IngestReport:
    """What one ingest did: papers added, replaced (changed text), unchanged, and the total after."""

    added: int
    updated: int
    unchanged: int
    total: int

    def then(self, later: IngestReport) -> IngestReport:
        """This report followed by a later one of the same ingest (the total is the later one's)."""
        return IngestReport(
            self.added + later.added, self.updated + later.updated, self.unchanged + later.unchanged, later.total
        )


@dataclass(frozen=True)
class Segment:
    """Papers published together, and index facts that become true with them (where to resume reading)."""

    papers: Sequence[Paper]
    facts: Mapping[str, str | None]
    share: tuple[float, float] = (0.0, 1.0)  # the stretch of the whole ingest it covers, for progress


@dataclass(frozen=True)
class Published:
    """A generation this process just published, to read from without loading it back."""

    generation: int
    derived: Derived


def ingest(
    stores: Stores,
    current: Derived,
    papers: Sequence[Paper],
    batch_papers: int,
    progress: Progress | None = None,
    facts: Mapping[str, str | None] | None = None,
) -> tuple[IngestReport, Published | None]:
    """Index papers: new ones added, changed ones replaced, unchanged ones only re-described; `facts` are
    stored in the transaction that publishes them (or at once, when there is nothing to publish)."""
    catalog, chroma = stores.catalog, stores.chroma
    known = catalog.hashes_of(p.id for p in papers)  # only these papers' rows: memory follows the batch
    fresh = [p for p in papers if known.get(p.id) != p.content_hash]
    same = [p for p in papers if known.get(p.id) == p.content_hash]
    published = catalog.papers_of(p.id for p in same)
    described = [p for p in same if published.get(p.id) != p]
    updated = sum(1 for p in fresh if p.id in known)
    total = catalog.count() + len(fresh) - updated
    report = IngestReport(len(fresh) - updated, updated, len(papers) - len(fresh), total)
    if not fresh and not described:
        if facts:
            catalog.set_metas(facts)
        return report, None
    catalog.set_meta("pending", "1")  # cleared at the very end; an index opened with it set is repaired
    faults.crash_point("ingest.started")
    new_ids: list[str] = []
    new_texts: list[str] = []
    new_vectors: list[np.ndarray] = []
    with Landing(stores, len(fresh), progress) as landing:
        for start in range(0, len(fresh), batch_papers):
            batch = fresh[start : start + batch_papers]
            titles = {p.id: p.title for p in batch}
            chunks = [c for p in batch for c in stores.chunker.chunk(p)]
            vectors = stores.vectors_of(chunks, titles)
            landing.land(batch, chunks, vectors, start + len(batch))
            new_ids += [c.id for c in chunks]
            new_texts += stores.texts_of(chunks, titles)
            new_vectors.append(vectors)
        replaced = catalog.chunk_ids_of(p.id for p in fresh if p.id in known)
        stacked = np.vstack(new_vectors) if new_vectors else np.zeros((0, 0), np.float32)
        following = current.updated(set(replaced), new_ids, new_texts, stacked)  # while the last batches land
        landing.finish()
    catalog.stage_records(described)
    generation = catalog.generation() + 1
    following = derived.save(stores.derived_root, generation, following)
    faults.crash_point("ingest.derived-saved")
    catalog.set_meta("embedding", stores.identity)
    catalog.publish(generation, facts)
    faults.crash_point("ingest.published")
    chroma.delete(replaced)
    faults.crash_point("ingest.cleaned")
    derived.cleanup(stores.derived_root, keep={generation, generation - 1})
    catalog.set_meta("pending", "0")
    return report, Published(generation, following)
