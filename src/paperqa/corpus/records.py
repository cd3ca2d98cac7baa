"""Readers of generic paper tables: JSON Lines and CSV with `title`, `abstract` and optional fields. Records of
the arXiv metadata snapshot are read as they are: the first version's date, the abstract page as the link.

Every field is checked here, once: text made printable, dates read by `paperqa.dates`, counts whole numbers
within range. A bad record is one problem naming its line; the other records are still read.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Iterable
from typing import Any

from ..dates import parse_date
from ..errors import ArgumentError
from ..filters import check_categories, check_upvotes
from ..safe_text import printable
from .problems import FileResult, Record

FIELDS = ("id", "title", "abstract", "date", "authors", "org", "url", "upvotes", "categories")
AUTHORS_MAX = 100_000
_ARXIV_ID = re.compile(r"\d{4}\.\d{4,5}(v\d+)?|[a-z-]+(\.[A-Z]{2})?/\d{7}(v\d+)?")
CSV_FIELD_MAX = 16 * 1024 * 1024  # Python's csv refuses fields over 128 KiB unless told otherwise


def read_jsonl_line(result: FileResult, line: str, number: int) -> None:
    """One line of JSON Lines: an object is a record; a broken line is reported (the rest is still read)."""
    if not line.strip():
        return
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        result.problem(f"invalid JSON ({exc.msg}); line skipped", number)
        return
    if not isinstance(obj, dict):
        result.problem("expected a JSON object; line skipped", number)
        return
    add_record(result, obj, number)


def csv_rows(lines: Iterable[str], fieldnames: list[str]) -> csv.DictReader[str]:
    """CSV rows as dicts over lines that still carry their line ends (a quoted field may span lines)."""
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_MAX))
    return csv.DictReader(lines, fieldnames=fieldnames)


def csv_header(line: str) -> list[str] | None:
    """The field names of a CSV header line, or None when it does not name `title`."""
    names = next(csv.reader([line]), [])
    return names if "title" in names else None


def clean_text(value: object) -> str:
    """A field's text on one line: printable, whitespace collapsed."""
    return " ".join(printable(str(value), keep_newlines=False).split())


def add_record(result: FileResult, obj: dict[str, Any], number: int) -> None:
    """Check one record's fields and keep it, or report why it was skipped."""
    title = clean_text(obj.get("title") or "")
    abstract = clean_text(obj.get("abstract") or "")
    if not title:
        result.problem("field 'title' is missing or empty; record skipped", number)
        return
    if not abstract:
        result.problem(f"field 'abstract' is missing or empty for {title[:60]!r}; record skipped", number)
        return
    try:
        record = Record(
            title=title,
            abstract=abstract,
            source=result.path.name,
            line=number,
            id=_optional(obj, "id"),
            date=parse_date(obj.get("date") or _arxiv_date(obj), "field 'date'"),
            authors=_authors(obj.get("authors")),
            org=_optional(obj, "org"),
            upvotes=check_upvotes(obj.get("upvotes"), "field 'upvotes'"),
            url=_optional(obj, "url") or _arxiv_url(obj),
            categories=check_categories(obj.get("categories"), "field 'categories'"),
        )
    except ArgumentError as exc:
        result.problem(f"{exc}; record skipped", number)
        return
    result.records.append(record)


def _arxiv_date(obj: dict[str, Any]) -> str | None:
    """The date of an arXiv metadata record (its first version, else its last update), if it is one."""
    versions = obj.get("versions")
    if isinstance(versions, list) and versions and isinstance(versions[0], dict) and versions[0].get("created"):
        return str(versions[0]["created"])
    return str(obj["update_date"]) if obj.get("update_date") else None


def _arxiv_url(obj: dict[str, Any]) -> str | None:
    """The abstract page of an arXiv metadata record (`0704.0001`, `cs/0112017`)."""
    if not ("versions" in obj or "update_date" in obj):
        return None
    ident = str(obj.get("id") or "")
    return f"https://arxiv.org/abs/{ident}" if _ARXIV_ID.fullmatch(ident) else None


def _optional(obj: dict[str, Any], key: str) -> str | None:
    """An optional text field: None when absent or blank."""
    value = obj.get(key)
    if value is None:
        return None
    return clean_text(value) or None


def _authors(value: object) -> int | None:
    """Author count from a number, a list of names, or a comma/semicolon separated string."""
    if value in (None, ""):
        return None
    if isinstance(value, list):
        return len(value)
    if isinstance(value, bool):
        raise ArgumentError(f"field 'authors': expected a count or names, got {value!r}")
    if isinstance(value, (int, float)) or str(value).strip().isdigit():
        number = float(value) if isinstance(value, (int, float)) else float(str(value).strip())
        if not math.isfinite(number) or number != int(number) or not 0 <= number <= AUTHORS_MAX:
            raise ArgumentError(f"field 'authors': {str(value)[:40]!r} is not a count from 0 to {AUTHORS_MAX}")
        return int(number)
    return len([a for a in re.split(r"[;,]| and ", str(value)) if a.strip()])
