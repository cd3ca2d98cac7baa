"""Corpus in: read listing pages, JSONL and CSV into merged, identified papers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import CorpusError
from ..types import Paper, normalise_title, paper_id_for
from .problems import FileResult, Record
from .stream import Position, read_pieces

__all__ = [
    "CorpusRead",
    "Merger",
    "Position",
    "corpus_files",
    "read_corpus",
    "read_file",
    "read_pieces",
    "shipped_corpus",
]


@dataclass(frozen=True)
class CorpusRead:
    """Papers read from some files (duplicates merged) and the problems met on the way."""

    papers: tuple[Paper, ...]  # empty when an ingest streamed them into the index instead
    entries: int
    problems: tuple[CorpusError, ...]
    count: int  # distinct papers read
    notes: tuple[str, ...] = ()  # what the user should know about the reading (a resumed file)


def shipped_corpus() -> list[Path]:
    """The listing files that ship with paperqa as its default corpus."""
    folder = resources.files("paperqa.ingest") / "corpus"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))


def read_file(path: Path, listing_year: int | None = None) -> FileResult:
    """Read one corpus file whole by its format; never raises for bad content, reports it instead."""
    result = FileResult(Path(path))
    for piece in read_pieces(path, size=1 << 62, listing_year=listing_year):
        result.records += piece.result.records
        result.problems += piece.result.problems
    return result


SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv", ".txt")


def corpus_files(paths: Sequence[Path]) -> list[Path]:
    """The files to read: each file as given, a folder's corpus files (sorted); a missing path is an error."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(f for f in path.iterdir() if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not found:
                raise CorpusError(str(path), f"folder holds no corpus files ({', '.join(SUFFIXES)})")
            files += found
        elif path.exists():
            files.append(path)
        else:
            raise CorpusError(str(path), "no such file or folder")
    return files


class Merger:
    """Entries of the same paper merged into one as they are read, keeping all sources; two entries of one id
    that disagree are a problem, and the later one is skipped."""

    def __init__(self) -> None:
        self.papers: dict[str, Paper] = {}
        self.entries = 0

    def add(self, record: Record, path: Path, earlier: Paper | None = None) -> CorpusError | None:
        """Take one record of a file; `earlier` is the same paper read before, where the caller keeps it."""
        paper = _paper(record)
        first = self.papers.get(paper.id) or earlier
        if first is not None and (conflict := _conflict(first, paper)):
            seen, _, line = first.sources[0].rpartition(":")
            message = f"id {paper.id!r} was read before ({seen} line {line}) with another {conflict}"
            return CorpusError(str(path), f"{message}; this record skipped", record.line)
        self.entries += 1
        self.papers[paper.id] = _merge(first, paper) if first is not None else paper
        return None


def read_corpus(paths: Sequence[Path], listing_year: int | None = None) -> CorpusRead:
    """Read files (folders read file by file) and merge entries of the same paper into one, keeping all
    sources; nothing read at all is an error."""
    merger = Merger()
    problems: list[CorpusError] = []
    files = corpus_files(paths)
    for path in files:
        result = read_file(path, listing_year)
        problems.extend(result.problems)
        problems.extend(e for record in result.records if (e := merger.add(record, path)) is not None)
    if files and not merger.entries:
        nothing_read(files, problems)
    return CorpusRead(tuple(merger.papers.values()), merger.entries, tuple(problems), len(merger.papers))


def nothing_read(files: Sequence[Path], problems: Sequence[CorpusError]) -> None:
    """Files from which not one record could be read are an error, naming the first reason and where it is."""
    if len(files) == 1:  # "bad.jsonl:1: nothing was read (invalid JSON …)"
        first = problems[0] if problems else None
        reason = first.detail if first else "no records"
        raise CorpusError(str(files[0]), f"nothing was read ({reason})", first.line if first else None)
    reason = f"first: {problems[0]}" if problems else "no records"
    raise CorpusError(f"{len(files)} files", f"nothing was read ({reason})")


def _conflict(a: Paper, b: Paper) -> str | None:
    """How two records of one id disagree, if they do (a shorter abstract that starts the longer one agrees)."""
    if normalise_title(a.title) != normalise_title(b.title):
        return "title"
    short, long = sorted((normalise_title(a.abstract), normalise_title(b.abstract)), key=len)
    return None if long.startswith(short) else "abstract"


def record_id(r: Record) -> str:
    """The id of the paper a record lists: its own id, else one made from its title."""
    return r.id or paper_id_for(r.title)


def _paper(r: Record) -> Paper:
    return Paper(
        id=record_id(r),
        title=r.title,
        abstract=r.abstract,
        date=r.date,
        authors=r.authors,
        org=r.org,
        upvotes=r.upvotes,
        url=r.url,
        sources=(f"{r.source}:{r.line}",),
        categories=r.categories,
    )


def _merge(a: Paper, b: Paper) -> Paper:
    """One paper from two agreeing records: the longer abstract, metadata the first lacks from the second."""
    return Paper(
        id=a.id,
        title=a.title,
        abstract=a.abstract if len(a.abstract) >= len(b.abstract) else b.abstract,
        date=a.date or b.date,
        authors=a.authors or b.authors,
        org=a.org or b.org,
        upvotes=max(a.upvotes or 0, b.upvotes or 0) or None,
        url=a.url or b.url,
        sources=a.sources + tuple(s for s in b.sources if s not in a.sources),
        categories=tuple(dict.fromkeys(a.categories + b.categories)),
    )
