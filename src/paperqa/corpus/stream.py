"""Corpus files read in pieces: JSON Lines and CSV line by line, each piece ending at a byte offset, so memory
stays bounded whatever the file's size and an interrupted ingest resumes where it stopped. Listing pages are
small and read whole (one piece).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .listing import looks_like_listing, read_listing
from .problems import FileResult, decode_lines
from .records import add_record, csv_header, csv_rows, read_jsonl_line

JSONL, CSV = (".jsonl", ".ndjson"), ".csv"


@dataclass(frozen=True)
class Position:
    """Where reading stopped: bytes and lines read from the start of the file."""

    offset: int = 0
    line: int = 0


@dataclass
class Piece:
    """Records read from one stretch of a file, and where that stretch ends."""

    result: FileResult
    end: Position
    last: bool = False


class _Lines:
    """A binary file's lines, decoded one at a time; counts bytes and lines, reports undecodable lines."""

    def __init__(self, fh: BinaryIO, start: Position, result: FileResult) -> None:
        self.fh, self.offset, self.line, self.result = fh, start.offset, start.line, result

    def __iter__(self) -> Iterator[str]:
        for raw in self.fh:
            self.offset += len(raw)
            self.line += 1
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                self.result.problem(f"invalid UTF-8 at byte {exc.start}; line skipped", self.line)
                text = "\n"
            yield text.removeprefix("\ufeff") if self.line == 1 else text

    @property
    def position(self) -> Position:
        return Position(self.offset, self.line)


def read_pieces(
    path: Path, size: int, start: Position | None = None, listing_year: int | None = None
) -> Iterator[Piece]:
    """Read a corpus file in pieces of about `size` records, from `start` (the end of an earlier piece)."""
    path = Path(path)
    result = FileResult(path)
    if not path.is_file():
        result.problem("no such file")
        yield Piece(result, Position(), last=True)
        return
    suffix, first = path.suffix.lower(), _first_line(path)
    if not first.strip() and not start:
        result.problem("file is empty")
        yield Piece(result, Position(), last=True)
    elif suffix in JSONL or (suffix == ".json" and first.startswith("{") and first.endswith("}")):
        yield from _jsonl(path, size, start or Position())  # the arXiv metadata snapshot is JSON Lines named .json
    elif suffix == CSV:
        yield from _csv(path, size, start or Position())
    else:
        lines = decode_lines(result, path.read_bytes())
        if suffix == ".txt" and looks_like_listing(lines):
            read_listing(result, lines, listing_year)
        else:
            result.problem("unknown format (expected a daily-papers listing .txt, .jsonl or .csv)")
        yield Piece(result, Position(path.stat().st_size, len(lines)), last=True)


def _first_line(path: Path) -> str:
    """The first non-blank line (up to 64 KiB of it), to tell formats apart."""
    with open(path, "rb") as fh:
        for raw in fh:
            text = raw[: 1 << 16].decode("utf-8", "replace").removeprefix("\ufeff").strip()
            if text:
                return text
    return ""


def _jsonl(path: Path, size: int, start: Position) -> Iterator[Piece]:
    with open(path, "rb") as fh:
        fh.seek(start.offset)
        lines = _Lines(fh, start, FileResult(path))
        for text in lines:
            read_jsonl_line(lines.result, text, lines.line)
            if len(lines.result.records) >= size:
                yield Piece(lines.result, lines.position)
                lines.result = FileResult(path)
        yield Piece(lines.result, lines.position, last=True)


def _csv(path: Path, size: int, start: Position) -> Iterator[Piece]:
    with open(path, "rb") as fh:
        lines = _Lines(fh, Position(), FileResult(path))
        header = next(iter(lines), "")
        fieldnames = csv_header(header)
        if fieldnames is None:
            lines.result.problem("CSV header must name at least 'title' and 'abstract'", 1)
            yield Piece(lines.result, Position(path.stat().st_size, 1), last=True)
            return
        if start.offset > lines.offset:
            fh.seek(start.offset)
            lines.offset, lines.line = start.offset, start.line
        rows = csv_rows(lines, fieldnames)
        try:
            for row in rows:
                add_record(lines.result, row, lines.line)
                if len(lines.result.records) >= size:
                    yield Piece(lines.result, lines.position)
                    lines.result = FileResult(path)
        except csv.Error as exc:
            lines.result.problem(f"unreadable CSV ({exc}); the rest of the file skipped", lines.line)
        yield Piece(lines.result, lines.position, last=True)
