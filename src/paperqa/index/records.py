"""A paper as the catalog stores it: its JSON record, its row of the papers tables, and what a listing reads."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..types import Paper

# A paper's id and filter values as stored: date (ISO), upvotes, org, categories (a JSON list).
Listed = tuple[str, str | None, int | None, str | None, str | None]


def to_json(p: Paper) -> str:
    """A paper as the JSON record its row keeps (every field, the date in ISO form)."""
    record = {**p.__dict__, "date": p.date.isoformat() if p.date else None, "sources": list(p.sources)}
    return json.dumps({**record, "categories": list(p.categories)})


def paper_row(p: Paper) -> tuple[str, str, str, str | None, int | None, str | None, str]:
    """A paper as the papers tables hold it: id, hash, record, then its filter values (`FILTER_COLUMNS`)."""
    categories = json.dumps(list(p.categories), separators=(",", ":"))  # as SQLite's json_extract writes a list
    return p.id, p.content_hash, to_json(p), p.date.isoformat() if p.date else None, p.upvotes, p.org, categories


def from_json(text: str) -> Paper:
    """The paper a JSON record holds."""
    d: dict[str, Any] = json.loads(text)
    d["date"] = dt.date.fromisoformat(d["date"]) if d["date"] else None
    d["sources"] = tuple(d["sources"])
    d["categories"] = tuple(d.get("categories", ()))  # records written before categories were read have none
    return Paper(**d)
