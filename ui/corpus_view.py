"""The corpus tab's data: a searchable table of papers and counts for the charts."""

from __future__ import annotations

from collections import Counter

import gradio as gr
import pandas as pd

from paperqa import Assistant, Paper

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


def build_corpus_tab(assistant: Assistant, listed: bool = True) -> None:
    """The corpus tab: a search over the current index's papers and two charts (inside an open `gr.Blocks`);
    `listed`: its endpoint appears in the API docs (else callable, unlisted)."""
    papers = list(assistant.index.papers.values())
    search = gr.Textbox(label="Search titles and abstracts", elem_id="pqa-corpus-search")
    table = gr.Dataframe(papers_table(papers), interactive=False, wrap=True, elem_id="pqa-corpus-table")
    # Read the papers again on each search: papers another process ingested since the start show up.
    search.change(lambda q: papers_table(list(assistant.index.papers.values()), q), search, table,
                  api_name="search_corpus", api_visibility="public" if listed else "undocumented")  # fmt: skip
    years, orgs = papers_per_year(papers), top_organisations(papers)
    with gr.Row():
        for frame, x, title, elem in ((years, "year", "Dated papers per year", "pqa-chart-years"),
                                      (orgs, "organisation", "Top organisations", "pqa-chart-orgs")):  # fmt: skip
            top = int(frame.papers.max()) if len(frame) else 0
            gr.BarPlot(frame, x=x, y="papers", title=title, y_lim=[0, top + 1], y_axis_format="d", elem_id=elem)
