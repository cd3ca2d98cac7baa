"""Corpus in: read listing pages, JSONL and CSV into merged, identified papers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import CorpusError
from ..types import Paper, normalise_title, paper_id_for
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
    if suffix in (".jsonl", ".ndjson") or (suffix == ".json" and _one_object_a_line(lines)):
        read_jsonl(result, lines)  # the arXiv metadata snapshot is JSON Lines named .json
    elif suffix == ".csv":
        read_csv(result, lines)
    elif suffix == ".txt" and looks_like_listing(lines):
        read_listing(result, lines, listing_year)
    else:
        result.problem("unknown format (expected a daily-papers listing .txt, .jsonl or .csv)")
    return result


SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv", ".txt")


def _one_object_a_line(lines: list[str]) -> bool:
    """A .json file holding JSON Lines: its first line is a whole object."""
    first = next((line.strip() for line in lines if line.strip()), "")
    return first.startswith("{") and first.endswith("}")


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


def read_corpus(paths: Sequence[Path], listing_year: int | None = None) -> CorpusRead:
    """Read files (folders read file by file) and merge entries of the same paper into one, keeping all
    sources; nothing read at all is an error."""
    merged: dict[str, Paper] = {}
    problems: list[CorpusError] = []
    entries = 0
    files = corpus_files(paths)
    for path in files:
        result = read_file(path, listing_year)
        problems.extend(result.problems)
        for record in result.records:
            paper = _paper(record)
            first = merged.get(paper.id)
            if first is not None and (conflict := _conflict(first, paper)):
                seen, _, line = first.sources[0].rpartition(":")
                message = f"id {paper.id!r} was read before ({seen} line {line}) with another {conflict}"
                problems.append(CorpusError(str(path), f"{message}; this record skipped", record.line))
                continue
            entries += 1
            merged[paper.id] = _merge(first, paper) if first is not None else paper
    if files and not entries:
        reason = problems[0].detail if problems else "no records"
        raise CorpusError(str(files[0]) if len(files) == 1 else f"{len(files)} files", f"nothing was read ({reason})")
    return CorpusRead(tuple(merged.values()), entries, tuple(problems))


def _conflict(a: Paper, b: Paper) -> str | None:
    """How two records of one id disagree, if they do (a shorter abstract that starts the longer one agrees)."""
    if normalise_title(a.title) != normalise_title(b.title):
        return "title"
    short, long = sorted((normalise_title(a.abstract), normalise_title(b.abstract)), key=len)
    return None if long.startswith(short) else "abstract"


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
