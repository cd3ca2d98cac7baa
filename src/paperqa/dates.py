"""The one reader of dates: paper dates in corpus files, and date bounds typed in the CLI, the UI or Python.

A bound given as a year or a month covers all of it: `--to 2025-12` ends on 2025-12-31, `--from 2025` starts on
2025-01-01. A paper date given as a year or month is its first day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .errors import ArgumentError
from .text import PAPERS, count_of, without

MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?")
_LISTING = re.compile(r"([A-Z][a-z]{2}) (\d{1,2}), (\d{4})")
_EMAIL = re.compile(
    r"(?:[A-Z][a-z]{2}, )?(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})(?: .*)?"
)  # arXiv: Mon, 2 Apr 2007 19:18:42 GMT
HINT = "use YYYY, YYYY-MM or YYYY-MM-DD"


def _parts(text: str) -> tuple[int, int | None, int | None] | None:
    """Year, month and day as written (month and day may be absent), or None when unreadable."""
    if m := _ISO.fullmatch(text):
        return int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None
    if (m := _LISTING.fullmatch(text)) and m.group(1) in MONTHS:
        return int(m.group(3)), MONTHS[m.group(1)], int(m.group(2))
    if (m := _EMAIL.fullmatch(text)) and m.group(2) in MONTHS:
        return int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))
    return None


def _given(value: object, field: str) -> dt.date | tuple[str, tuple[int, int | None, int | None] | None] | None:
    """A value as a date (a date given), or its text and the parts read from it, or None (nothing given)."""
    if isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArgumentError(f"{field}: expected a date or text, got {type(value).__name__}")
    text = value.strip()
    return (text, _parts(text)) if text else None


def _build(year: int, month: int, day: int, text: str, field: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ArgumentError(f"{field}: impossible date {text!r}") from None


def parse_date(value: object, field: str = "date") -> dt.date | None:
    """A paper's date: ISO (`2025-03-01`, `2025-03`, `2025`, a time part ignored), `Mar 1, 2025`, or as e-mail
    and arXiv write it (`Mon, 2 Apr 2007 19:18:42 GMT`)."""
    given = _given(value, field)
    if given is None or isinstance(given, dt.date):
        return given
    text, parts = given
    if parts is None:
        raise ArgumentError(f"{field}: cannot read {text!r} ({HINT})")
    year, month, day = parts
    return _build(year, month or 1, day or 1, text, field)


def parse_bound(value: object, field: str, end: bool) -> dt.date | None:
    """A date-range bound; a year or month given as the end bound means its last day."""
    given = _given(value, field)
    if given is None or isinstance(given, dt.date):
        return given
    text, parts = given
    if parts is None or not _ISO.fullmatch(text):
        raise ArgumentError(f"{field}: not a date: {text!r} ({HINT})")
    year, month, day = parts
    if month is not None and not 1 <= month <= 12:
        raise ArgumentError(f"{field}: impossible date {text!r}")
    if day is not None:
        return _build(year, month or 1, day, text, field)
    if not end:
        return _build(year, month or 1, 1, text, field)
    last_month = month or 12
    return _build(year, last_month, calendar.monthrange(year, last_month)[1], text, field)


def date_key(date: dt.date | None) -> int:
    """Sortable number for a date (YYYYMMDD); 0 when the date is unknown."""
    return date.year * 10000 + date.month * 100 + date.day if date else 0


# A year a question restricts its papers to: after a date word ("from 2024", "published after 2023", "between
# 2019 and 2021") or before "papers" ("which 2024 papers"). A year after a name ("TREC DL 2019", "SemEval-2018",
# "NeurIPS 2023") names an event instead.
_YEARS_ASKED = re.compile(
    r"\b(?:(?:published|released|written|appeared|posted|dated|that\s+appeared)\s+)?"
    r"(?:(from|between)\s+((?:19|20)\d\d)\s*(?:to|and|-|–|until|through)\s*((?:19|20)\d\d)"
    r"|(from|in|during|since|after|before|until)\s+((?:19|20)\d\d)"
    rf"|((?:19|20)\d\d)(?=\s+{PAPERS}\b)"
    r"|(?<=\babout\s)((?:19|20)\d\d)(?=\s*[?.!]*\s*$))(?![\w-])",  # "what about 2024?": that year, asked again
    re.IGNORECASE,
)


# A month of a year ("published in March 2025", "since Oct 2024"): the same words as a year's, a month before it.
_MONTH_ASKED = re.compile(
    r"\b(?:(?:published|released|written|appeared|posted|dated)\s+)?(from|in|during|since|after|before|until)\s+"
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+((?:19|20)\d\d)(?![\w-])",
    re.IGNORECASE,
)


# Years counted back from today: "from last year", "this year's papers", "in the past two years".
_RELATIVE = re.compile(
    r"\b(?:(?:published|released|written|from|in|during|over|within)\s+(?:the\s+)?(?=(?:this|last|past|previous)\s)"
    rf"|(?=(?:this|last|past|previous)\s+year's\b)|(?=(?:this|last|past|previous)\s+year\s+{PAPERS})"
    # "what's new in retrieval this year?", "and last year?" (not "Which model was trained last year?")
    r"|(?<!ed\s)(?=(?:this|last)\s+year\s*[?.!]*\s*$))"
    r"(?:(this|last|past|previous)\s+year(?:'s)?|(?:last|past|previous)\s+(two|three|four|five|[2-5])\s+years)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class YearsAsked:
    """The date range a question's years ask for, and the question without the words that asked it."""

    date_from: dt.date | None
    date_to: dt.date | None
    rest: str

    @property
    def said(self) -> str:
        """The range in words ("dated 2024", "dated from 2024 on", "dated 2019 to 2021", "dated March 2025")."""
        first, last = self.date_from, self.date_to
        if first and last:  # both by year, else both by month ("January 2025", not "2025 to January 2025")
            by_year = (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)
            start, end = _named(first, True, by_year), _named(last, False, by_year)
            return f"dated {start}" if start == end else f"dated {start} to {end}"
        return (
            f"dated from {_named(first, True)} on"
            if first
            else f"dated up to {_named(last, False)}"
            if last
            else "of any date"
        )


def _named(day: dt.date, start: bool, by_year: bool = True) -> str:
    """A range's bound as said: its year when it is the year's first (last) day (`by_year`), its month when the
    month's, else the day."""
    if by_year and (day.month, day.day) == ((1, 1) if start else (12, 31)):
        return str(day.year)
    if day.day == (1 if start else calendar.monthrange(day.year, day.month)[1]):
        return f"{calendar.month_name[day.month]} {day.year}"
    return day.isoformat()


def years_asked(question: str, today: dt.date | None = None) -> YearsAsked | None:
    """The date range a question restricts its papers to ("which papers on X are from 2024?", "from last year",
    counted back from `today`), if any."""
    if month := _MONTH_ASKED.search(question):
        return _month(month, without(question, month.start(), month.end()))
    m = _YEARS_ASKED.search(question)
    if not m:
        return _relative(question, today or dt.date.today())
    rest = without(question, m.start(), m.end())
    if m.group(1):  # a span, in either order
        first, last = sorted((int(m.group(2)), int(m.group(3))))
        return YearsAsked(dt.date(first, 1, 1), dt.date(last, 12, 31), rest)
    if m.group(6) or m.group(7):  # "2024 papers", "what about 2024?"
        year = int(m.group(6) or m.group(7))
        return YearsAsked(dt.date(year, 1, 1), dt.date(year, 12, 31), rest)
    word, year = m.group(4).lower(), int(m.group(5))
    if word in ("after", "since"):
        return YearsAsked(dt.date(year + (word == "after"), 1, 1), None, rest)
    if word in ("before", "until"):
        return YearsAsked(None, dt.date(year - (word == "before"), 12, 31), rest)
    return YearsAsked(dt.date(year, 1, 1), dt.date(year, 12, 31), rest)


def _month(m: re.Match[str], rest: str) -> YearsAsked:
    """The range a month of a year asks for: that month, or from (after) it on, or up to (before) it."""
    word, year = m.group(1).lower(), int(m.group(3))
    month = [a.casefold() for a in calendar.month_abbr].index(m.group(2)[:3].casefold())
    first, last = dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if word in ("since", "after"):
        return YearsAsked(first if word == "since" else last + dt.timedelta(days=1), None, rest)
    if word in ("before", "until"):
        return YearsAsked(None, last if word == "until" else first - dt.timedelta(days=1), rest)
    return YearsAsked(first, last, rest)


def _relative(question: str, today: dt.date) -> YearsAsked | None:
    """A year counted back from today: "this year" is today's, "last year" the one before, "the past two years"
    this one and the last."""
    m = _RELATIVE.search(question)
    if not m:
        return None
    rest = without(question, m.start(), m.end())
    if m.group(1):
        year = today.year - (m.group(1).lower() != "this")
        return YearsAsked(dt.date(year, 1, 1), dt.date(year, 12, 31), rest)
    return YearsAsked(dt.date(today.year - count_of(m.group(2)) + 1, 1, 1), dt.date(today.year, 12, 31), rest)
