"""Streaming ingest: corpus files read piece by piece into segments that the index publishes one at a time,
each with the point to resume reading from, so the papers held in memory are one segment's and a killed ingest
goes on where it stopped.

The resume point of a file is an index fact, `resume:<path>`, stored in the transaction that publishes the
segment it ends, with the file's size, modification time and a hash of its head: a file changed since is read
from the start. The last segment of an ingest forgets the resume points of all its files.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import CorpusRead, Merger, Position, nothing_read, read_pieces, record_id
from .errors import CorpusError
from .index import Index
from .index.ids import IdSet
from .index.writer import Segment

RESUME = "resume:"


@dataclass
class Tally:
    """What a streaming ingest read, filled in as it goes."""

    entries: int = 0
    problems: list[CorpusError] = field(default_factory=list)
    papers: IdSet = field(default_factory=IdSet)  # ids read in this ingest (merging spans segments)
    notes: list[str] = field(default_factory=list)

    def result(self) -> CorpusRead:
        """The read as `Assistant.ingest` reports it (papers were streamed into the index, not kept)."""
        return CorpusRead((), self.entries, tuple(self.problems), len(self.papers), tuple(self.notes))


def _identity(path: Path) -> dict[str, int | str]:
    """What must not have changed for a resume point to hold."""
    stat = path.stat()
    with open(path, "rb") as fh:
        head = hashlib.sha1(fh.read(1 << 16)).hexdigest()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "head": head}


def _resume_point(index: Index, key: str, identity: dict[str, int | str]) -> Position | None:
    saved = index.fact(key)
    if not saved:
        return None
    data = json.loads(saved)
    if {k: data.get(k) for k in identity} != identity:
        return None  # the file changed since: read it again from the start
    return Position(int(data["offset"]), int(data["line"]))


def segments(
    index: Index, files: Sequence[Path], size: int, tally: Tally, listing_year: int | None = None
) -> Iterator[Segment]:
    """The files' papers in segments of about `size` papers, entries of one paper merged, resume points set."""
    total = sum(f.stat().st_size for f in files if f.is_file()) or 1
    done = 0.0
    merger, facts, keys = Merger(), dict[str, str | None](), []
    start_share = 0.0
    for path in files:
        key, identity = RESUME + str(path.resolve()), _identity(path) if path.is_file() else {}
        keys.append(key)
        start = _resume_point(index, key, identity) if identity else None
        if start is not None:
            tally.notes.append(f"{path}: resumed at line {start.line + 1} (byte {start.offset:,}); the lines before it "
                               "were indexed by an ingest that stopped")  # fmt: skip
        base = done
        for piece in read_pieces(path, max(1, size - len(merger.papers)), start, listing_year):
            tally.problems += piece.result.problems
            earlier = index.published_papers(
                tally.papers.among({record_id(r) for r in piece.result.records}) - merger.papers.keys()
            )
            for record in piece.result.records:
                problem = merger.add(record, path, earlier.get(record_id(record)))
                if problem is not None:
                    tally.problems.append(problem)
            if identity:
                facts[key] = json.dumps({**identity, "offset": piece.end.offset, "line": piece.end.line})
                done = base + piece.end.offset - (start.offset if start else 0)
            if len(merger.papers) >= size:
                yield _flush(merger, facts, tally, (start_share, done / total))
                merger, facts, start_share = Merger(), {}, done / total
    # The last segment (empty if need be) forgets every resume point of this ingest: it is complete.
    yield _flush(merger, {**facts, **dict.fromkeys(keys)}, tally, (start_share, 1.0))
    if files and not tally.entries:
        nothing_read(files, tally.problems)


def _flush(merger: Merger, facts: dict[str, str | None], tally: Tally, share: tuple[float, float]) -> Segment:
    tally.entries += merger.entries
    tally.papers.update(merger.papers.keys())
    return Segment(list(merger.papers.values()), facts, share)
