"""Reading results shared by the corpus readers: records found and problems met."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CorpusError


@dataclass(frozen=True)
class Record:
    """One entry as a file lists it, before papers listed in several files are merged."""

    title: str
    abstract: str
    source: str
    line: int
    id: str | None = None
    date: dt.date | None = None
    authors: int | None = None
    org: str | None = None
    upvotes: int | None = None
    url: str | None = None
    categories: tuple[str, ...] = ()


@dataclass
class FileResult:
    """What one reader found in one file."""

    path: Path
    records: list[Record] = field(default_factory=list)
    problems: list[CorpusError] = field(default_factory=list)

    def problem(self, message: str, line: int | None = None) -> None:
        """Note a problem at a line of this file; reading goes on."""
        self.problems.append(CorpusError(str(self.path), message, line))


def decode_lines(result: FileResult, raw: bytes) -> list[str]:
    """Decode a file line by line; a line that is not UTF-8 is reported and left empty."""
    lines = []
    for number, chunk in enumerate(raw.split(b"\n"), start=1):
        try:
            lines.append(chunk.decode("utf-8").rstrip("\r"))
        except UnicodeDecodeError as exc:
            result.problem(f"invalid UTF-8 at byte {exc.start}; line skipped", number)
            lines.append("")
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    return lines
