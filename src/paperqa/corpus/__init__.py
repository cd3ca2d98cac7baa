"""Corpus in: read listing pages, JSONL and CSV into merged, identified papers."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import CorpusError
from ..types import Paper, paper_id_for
from .listing import looks_like_listing, read_listing
from .problems import FileResult, Record, decode_lines
from .records import read_csv, read_jsonl

__all__ = ["CorpusRead", "read_corpus", "read_file", "shipped_corpus"]


@dataclass(frozen=True)
class CorpusRead:
    """Papers read from some files (duplicates merged) and the problems met on the way."""

    papers: tuple[Paper, ...]
    entries: int
    problems: tuple[CorpusError, ...]


def shipped_corpus() -> list[Path]:
    """The listing files that ship with paperqa as its default corpus."""
    folder = resources.files("paperqa.ingest") / "corpus"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))


def read_file(path: Path, listing_year: int | None = None) -> FileResult:
    """Read one corpus file by its format; never raises for bad content, reports it instead."""
    path = Path(path)
    result = FileResult(path)
    if not path.is_file():
        result.problem("no such file")
        return result
    raw = path.read_bytes()
    if not raw.strip():
        result.problem("file is empty")
        return result
    lines = decode_lines(result, raw)
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        read_jsonl(result, lines)
    elif suffix == ".csv":
        read_csv(result, lines)
    elif suffix == ".txt" and looks_like_listing(lines):
        read_listing(result, lines, listing_year)
    else:
        result.problem("unknown format (expected a daily-papers listing .txt, .jsonl or .csv)")
    return result


def read_corpus(paths: list[Path], listing_year: int | None = None) -> CorpusRead:
    """Read files and merge entries of the same paper (same id) into one, keeping all sources."""
    merged: dict[str, Paper] = {}
    problems: list[CorpusError] = []
    entries = 0
    for path in paths:
        result = read_file(path, listing_year)
        problems.extend(result.problems)
        for record in result.records:
            entries += 1
            paper = _paper(record)
            merged[paper.id] = _merge(merged[paper.id], paper) if paper.id in merged else paper
    return CorpusRead(tuple(merged.values()), entries, tuple(problems))


def _paper(r: Record) -> Paper:
    return Paper(
        id=r.id or paper_id_for(r.title),
        title=r.title,
        abstract=r.abstract,
        date=r.date,
        authors=r.authors,
        org=r.org,
        upvotes=r.upvotes,
        url=r.url,
        sources=(f"{r.source}:{r.line}",),
    )


def _merge(a: Paper, b: Paper) -> Paper:
    """Keep the first listing's text; fill metadata it lacks from the later one."""
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
    )
