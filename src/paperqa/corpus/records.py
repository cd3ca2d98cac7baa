"""Readers of generic paper tables: JSON Lines and CSV with `title`, `abstract` and optional fields."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

from .listing import MONTHS
from .problems import FileResult, Record

FIELDS = ("id", "title", "abstract", "date", "authors", "org", "url", "upvotes")


def read_jsonl(result: FileResult, lines: list[str]) -> None:
    """One JSON object a line; a broken line is reported and the rest still read."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            result.problem(f"invalid JSON ({exc.msg}); line skipped", number)
            continue
        if not isinstance(obj, dict):
            result.problem("expected a JSON object; line skipped", number)
            continue
        _add(result, obj, number)


def read_csv(result: FileResult, lines: list[str]) -> None:
    """A header row naming the fields, then one paper a row."""
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    if not reader.fieldnames or "title" not in reader.fieldnames:
        result.problem("CSV header must name at least 'title' and 'abstract'", 1)
        return
    for row in reader:
        _add(result, row, reader.line_num)


def _add(result: FileResult, obj: dict, number: int) -> None:
    title = str(obj.get("title") or "").strip()
    abstract = str(obj.get("abstract") or "").strip()
    if not title:
        result.problem("field 'title' is missing or empty; record skipped", number)
        return
    if not abstract:
        result.problem(f"field 'abstract' is missing or empty for {title[:60]!r}; record skipped", number)
        return
    try:
        record = Record(
            title=" ".join(title.split()),
            abstract=" ".join(abstract.split()),
            source=result.path.name,
            line=number,
            id=str(obj["id"]).strip() if obj.get("id") not in (None, "") else None,
            date=parse_date(obj.get("date")),
            authors=_authors(obj.get("authors")),
            org=str(obj["org"]).strip() if obj.get("org") else None,
            upvotes=int(obj["upvotes"]) if obj.get("upvotes") not in (None, "") else None,
            url=str(obj["url"]).strip() if obj.get("url") else None,
        )
    except (ValueError, TypeError) as exc:
        result.problem(f"{exc}; record skipped", number)
        return
    result.records.append(record)


def parse_date(value: object) -> dt.date | None:
    """ISO dates (`2025-03-01`, `2025-03`, `2025`) or listing style (`Mar 1, 2025`)."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    if m := re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?", text):
        return _checked(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1), text)
    if (m := re.fullmatch(r"([A-Z][a-z]{2}) (\d{1,2}), (\d{4})", text)) and m.group(1) in MONTHS:
        return _checked(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2)), text)
    raise ValueError(f"field 'date': cannot read {text!r} (use YYYY-MM-DD)")


def _checked(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"field 'date': impossible date {text!r}") from None


def _authors(value: object) -> int | None:
    """Author count from a number, a list of names, or a comma/semicolon separated string."""
    if value in (None, ""):
        return None
    if isinstance(value, list):
        return len(value)
    if isinstance(value, (int, float)) or str(value).strip().isdigit():
        return int(value)
    return len([a for a in re.split(r"[;,]| and ", str(value)) if a.strip()])
