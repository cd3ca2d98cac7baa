"""The corpus tab's data: a searchable table of papers and counts for the charts."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from paperqa import Paper

COLUMNS = ["title", "date", "organisation / authors", "upvotes"]


def papers_table(papers: list[Paper], query: str = "", limit: int = 500) -> pd.DataFrame:
    """Papers whose title or abstract contains every word of the query, newest first."""
    words = [w.casefold() for w in query.split()]
    rows = [
        (p.title, p.date.isoformat() if p.date else "", p.byline, p.upvotes if p.upvotes is not None else "")
        for p in sorted(papers, key=lambda p: (p.date is None, -(p.date.toordinal() if p.date else 0), p.title))
        if all(w in f"{p.title} {p.abstract}".casefold() for w in words)
    ]
    return pd.DataFrame(rows[:limit], columns=COLUMNS)


def papers_per_year(papers: list[Paper]) -> pd.DataFrame:
    """Dated papers counted by year, in time order (years as labels, so the axis stays readable)."""
    counts = Counter(str(p.date.year) for p in papers if p.date)
    return pd.DataFrame(sorted(counts.items()), columns=["year", "papers"])


def top_organisations(papers: list[Paper], n: int = 10) -> pd.DataFrame:
    """The organisations with most papers."""
    counts = Counter(p.org for p in papers if p.org).most_common(n)
    return pd.DataFrame(counts, columns=["organisation", "papers"])
