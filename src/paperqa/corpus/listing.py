"""Reader of the daily-papers listing pages in their two layouts (with and without metadata)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from ..dates import parse_date
from ..errors import ArgumentError
from ..filters import check_upvotes
from .problems import FileResult, Record
from .records import clean_text

_DATE = re.compile(r"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2})(?:, (\d{4}))?(?: (\d+))?$")
_AUTHORS = re.compile(r"^\s*•\s*(\d+)\s+authors?\s*$")
_HEADER = ("new", "Get trending papers", "Subscribe", "Daily Papers", "byAK and the research community")
_MIN_ABSTRACT_CHARS = 80


def looks_like_listing(lines: list[str]) -> bool:
    """Whether the first lines carry the listing page's header."""
    head = [ln.strip() for ln in lines[:12]]
    return any(ln.startswith(("Get trending papers", "Daily Papers")) for ln in head)


def _is_abstract(line: str) -> bool:
    # Titles are short and rarely end in a full stop; abstracts are long prose.
    return len(line) >= 200 or (len(line) >= _MIN_ABSTRACT_CHARS and line.rstrip().endswith("."))


def _strip_header(lines: list[str]) -> int:
    """Index of the first line after the page header (and the listing's own date)."""
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        if not s or any(s.startswith(h) for h in _HEADER):
            if s.startswith("Subscribe") and len(s) > len("Subscribe"):
                lines[i] = s[len("Subscribe") :]  # layout B glues the first title to the button
                return i
            i += 1
            continue
        if _DATE.match(s):
            return i + 1
        return i
    return i


def infer_year(lines: list[str]) -> int | None:
    """Year of dates shown without one: the listing omits the year only for its own year."""
    years = [int(m.group(3)) for ln in lines if (m := _DATE.match(ln.strip())) and m.group(3)]
    return max(years) + 1 if years else None


def read_listing(result: FileResult, lines: list[str], year: int | None) -> None:
    """Parse a listing page into records; entries without an abstract become problems."""
    year = year or infer_year(lines) or dt.date.today().year
    start = _strip_header(lines)
    rows = [(n + 1, lines[n].strip()) for n in range(start, len(lines)) if lines[n].strip()]
    i = 0
    while i < len(rows):
        number, title = rows[i]
        if title == "·" or _AUTHORS.match(title) or _DATE.match(title):
            result.problem(f"metadata line {title[:40]!r} without an entry; skipped", number)
            i += 1
            continue
        if i + 1 >= len(rows) or not _is_abstract(rows[i + 1][1]):
            result.problem(f"entry {title[:60]!r} has no abstract; skipped", number)
            i += 1
            continue
        abstract = rows[i + 1][1]
        i += 2
        meta: dict[str, Any] = {}
        if i + 1 < len(rows) and rows[i + 1][1] == "·":
            who = rows[i][1]
            date_line = rows[i + 2][1] if i + 2 < len(rows) else ""
            if m := _AUTHORS.match(who):
                meta["authors"] = int(m.group(1))
            else:
                meta["org"] = who.split(" ", 1)[1].strip() if " " in who else who
            if m := _DATE.match(date_line):
                meta["date"] = _date(m, year, result, rows[i + 2][0])
                try:
                    meta["upvotes"] = check_upvotes(m.group(4), "upvotes")
                except ArgumentError as exc:
                    result.problem(str(exc), rows[i + 2][0])
                i += 3
            else:
                result.problem(
                    f"entry {title[:60]!r}: expected a date after '·', got {date_line[:40]!r}", rows[i + 1][0]
                )
                i += 2
        if "org" in meta:
            meta["org"] = clean_text(meta["org"]) or None
        record = Record(title=clean_text(title), abstract=clean_text(abstract), source=result.path.name, line=number)
        result.records.append(dataclasses.replace(record, **meta))


def _date(m: re.Match[str], year: int, result: FileResult, line: int) -> dt.date | None:
    try:
        return parse_date(f"{m.group(1)} {int(m.group(2))}, {m.group(3) or year}", "date")
    except ArgumentError:
        result.problem(f"impossible date {m.group(0)!r}", line)
        return None
