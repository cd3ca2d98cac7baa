"""Restrictions on which papers may be retrieved: validated once, written once as conditions, translated per store.

`Filters.conditions()` is the one statement of the filter rules; the exact copy turns it into numpy masks
(`index.columns`), whose fields follow the rules here (`org_key`, `category_keys`, `dates.date_key`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from .dates import date_key, parse_bound
from .errors import ArgumentError
from .text import PAPERS, without

FilterField = Literal["date", "upvotes", "org_key", "paper_id", "categories"]
FilterOp = Literal["gte", "lte", "gt", "eq", "in", "any"]
UPVOTES_MAX = 10**9  # far above any real count, far below what an int64 column holds
# An arXiv category (`cs.CL`, `hep-th`, `math.AG`) or a whole archive (`cs`, `math`).
_CATEGORY = re.compile(r"[A-Za-z][A-Za-z-]{0,19}(\.[A-Za-z][A-Za-z-]{0,19})?")


@dataclass(frozen=True)
class Condition:
    """One test on a paper's filter fields, e.g. `date >= 20250101`."""

    field: FilterField
    op: FilterOp  # `any`: the paper's list field holds at least one of the values
    value: int | str | frozenset[str]


def org_key(org: str | None) -> str:
    """An organisation as filters compare it (case folded; none is the empty string)."""
    return (org or "").casefold()


# "papers from Amazon", "work by Google DeepMind", "papers written by Meta", "which of them are from Amazon?", "papers
# that come from Google": an organisation right after the papers it restricts (not "reviews from Amazon", a
# dataset). Up to four words after it, longest first, are tried against the index's organisations.
_ORG_ASKED = re.compile(
    rf"\b(?i:{PAPERS}|them|these|those|ones|which)"
    r"(\s+(?:(?i:that\s+)?(?i:were|was|are|is|come|comes|came)\s+)?(?:(?i:written|authored|published|released)\s+)?"
    r"(?i:from|by|at)\s+(?:the\s+)?)([\w&.-]+(?:\s+[\w&.-]+){0,3})"
)
# A name as organisations are written: capitalised words ("Meta", "Google DeepMind", "MIT").
_CAPITALISED = re.compile(r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*")
# "What did Google publish on retrieval?", "What has Amazon released?": the organisation as the one publishing;
# the question is then read as "What was published on retrieval?".
_ORG_PUBLISHED = re.compile(
    r"\b(?i:what|which\s+papers)\s+(?i:did|has|have|does|do)\s+(?:the\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})"
    r"\s+(?i:publish(?:ed)?|release[sd]?|wr(?:ite|itten|ote)|put\s+out)\b"
)


def _published_by(question: str) -> tuple[str, str] | None:
    """The organisation a question says published the papers it asks for, and the question as "what was
    published …" without it."""
    m = _ORG_PUBLISHED.search(question)
    if m is None:
        return None
    rest = question[m.end() :].strip()
    return m.group(1), f"What was published{'' if rest[:1] in '?.!' else ' '}{rest}".rstrip()


def org_asked(question: str, known: Callable[[str], bool]) -> tuple[str, str] | None:
    """The organisation a question restricts its papers to ("papers from Amazon", "what did Google publish?"),
    if the index `known`s it (by `org_key`), and the question without it."""
    if (published := _published_by(question)) and known(org_key(published[0])):
        return published
    m = _ORG_ASKED.search(question)
    if not m:
        return None
    words = m.group(2).split()
    run = _CAPITALISED.match(m.group(2))
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        if run is not None and len(run.group(0).split()) > n:  # "Google DeepMind" is not "Google"
            return None
        if known(org_key(name)):
            end = question.index(name, m.start(2)) + len(name)
            return name, without(question, m.start(1), end)
    return None


def org_unknown(question: str, known: Callable[[str], bool]) -> tuple[str, str] | None:
    """An organisation a question restricts its papers to that the index does not know ("papers by Meta"), and
    the question without it; a lower-case word there ("papers by the way") names none."""
    if (published := _published_by(question)) and not known(org_key(published[0])):
        return published  # "What did Meta publish?"
    m = _ORG_ASKED.search(question)
    name = _CAPITALISED.match(m.group(2)) if m else None
    if m is None or name is None or known(org_key(name.group(0))):
        return None
    end = m.start(2) + name.end()
    return name.group(0), without(question, m.start(1), end)


def category_keys(categories: Iterable[str]) -> list[str]:
    """Categories as filters compare them: case folded, each with its archive (`cs.cl` brings `cs`), sorted."""
    folded = {c.casefold() for c in categories}
    return sorted(folded | {c.split(".")[0] for c in folded})


def categories_unknown(asked: Iterable[str], known: Iterable[str]) -> list[str]:
    """The categories asked for that no paper has, itself or as its archive (`cs` is had when `cs.CL` is)."""
    had = set(category_keys(known))
    return sorted(c for c in asked if c.casefold() not in had)


def check_categories(value: object, field: str) -> tuple[str, ...]:
    """Category names from a list or a space/comma separated text (`cs.CL cs.AI`), each checked, in order."""
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        names = value.replace(",", " ").split()
    elif isinstance(value, (list, tuple, set, frozenset)) and all(isinstance(v, str) for v in value):
        names = [n for v in value for n in v.replace(",", " ").split()]
    else:
        raise ArgumentError(f"{field}: expected category names such as 'cs.CL', got {str(value)[:40]!r}")
    for name in names:
        if not _CATEGORY.fullmatch(name):
            raise ArgumentError(f"{field}: {name[:40]!r} is not a category name such as 'cs.CL' or 'cs'")
    return tuple(dict.fromkeys(names))


def check_upvotes(value: object, field: str) -> int | None:
    """An upvote count as a whole number in 0..UPVOTES_MAX (None when absent)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ArgumentError(f"{field}: expected a whole number, got {value!r}")
    try:
        number = float(value) if isinstance(value, (int, float)) else float(str(value).strip())
    except ValueError:
        raise ArgumentError(f"{field}: expected a whole number, got {str(value)[:40]!r}") from None
    if number != number or number in (float("inf"), float("-inf")) or number != int(number):
        raise ArgumentError(f"{field}: expected a whole number, got {str(value)[:40]!r}")
    if not 0 <= number <= UPVOTES_MAX:
        raise ArgumentError(f"{field}: {int(number)} is out of range (0 to {UPVOTES_MAX})")
    return int(number)


@dataclass(frozen=True, init=False)
class Filters:
    """Optional restrictions: a date range (a year or month as a bound covers all of it), organisation,
    minimum upvotes, arXiv categories (any of them; an archive such as `cs` covers its categories), and a
    set of paper ids. Dates may be given as text: `Filters(date_from="2025")`."""

    date_from: dt.date | None
    date_to: dt.date | None
    org: str | None
    min_upvotes: int | None
    paper_ids: frozenset[str] | None
    categories: frozenset[str] | None

    def __init__(
        self,
        date_from: dt.date | str | None = None,
        date_to: dt.date | str | None = None,
        org: str | None = None,
        min_upvotes: float | str | None = None,
        paper_ids: Iterable[str] | None = None,
        categories: Iterable[str] | str | None = None,
    ) -> None:
        start = parse_bound(date_from, "date_from", end=False)
        end = parse_bound(date_to, "date_to", end=True)
        if start and end and start > end:
            raise ArgumentError(f"date range is empty: from {start} is after to {end}")
        if org is not None and not isinstance(org, str):
            raise ArgumentError(f"org: expected text, got {type(org).__name__}")
        ids: object = paper_ids
        if ids is not None and (isinstance(ids, str) or not isinstance(ids, Iterable)):
            raise ArgumentError("paper_ids: expected a set of paper ids")
        # Frozen: each checked value is set once, here.
        object.__setattr__(self, "date_from", start)
        object.__setattr__(self, "date_to", end)
        object.__setattr__(self, "org", (org or "").strip() or None)
        object.__setattr__(self, "min_upvotes", check_upvotes(min_upvotes, "min_upvotes") or None)
        object.__setattr__(self, "paper_ids", None if paper_ids is None else frozenset(str(i) for i in paper_ids))
        folded = frozenset(c.casefold() for c in check_categories(categories, "categories"))
        object.__setattr__(self, "categories", folded or None)

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return bool(self.conditions())

    def conditions(self) -> tuple[Condition, ...]:
        """The filter rules, each a test on a paper's filter fields (`index.columns`); a paper passes when all hold."""
        out: list[Condition] = []
        if self.date_from:
            out.append(Condition("date", "gte", date_key(self.date_from)))
        if self.date_to:
            out.append(Condition("date", "lte", date_key(self.date_to)))
            out.append(Condition("date", "gt", 0))  # an unknown date never passes a date bound
        if self.org:
            out.append(Condition("org_key", "eq", self.org.casefold()))
        if self.min_upvotes:
            out.append(Condition("upvotes", "gte", self.min_upvotes))
        if self.paper_ids is not None:
            out.append(Condition("paper_id", "in", self.paper_ids))
        if self.categories:
            out.append(Condition("categories", "any", self.categories))
        return tuple(out)
