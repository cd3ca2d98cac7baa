"""The corpus tab's data: a searchable table of papers and counts for the charts."""

from __future__ import annotations

import gradio as gr
import pandas as pd

from paperqa import Assistant, Paper
from paperqa.index import Overview

COLUMNS = ["title", "date", "organisation / authors", "upvotes"]


def papers_table(papers: list[Paper], limit: int = 500) -> pd.DataFrame:
    """The papers found, as table rows (the catalog sorted them newest first)."""
    rows = [(p.title, p.date.isoformat() if p.date else "", p.byline, p.upvotes if p.upvotes is not None else "")
            for p in papers[:limit]]  # fmt: skip
    return pd.DataFrame(rows, columns=COLUMNS)


def papers_per_year(overview: Overview) -> pd.DataFrame:
    """Dated papers counted by year, in time order (years as labels, so the axis stays readable)."""
    return pd.DataFrame([(str(y), n) for y, n in overview.per_year], columns=["year", "papers"])


def top_organisations(overview: Overview, n: int = 10) -> pd.DataFrame:
    """The organisations with most papers."""
    return pd.DataFrame(list(overview.orgs[:n]), columns=["organisation", "papers"])


def build_corpus_tab(assistant: Assistant, listed: bool = True) -> None:
    """The corpus tab: a search over the current index's papers and two charts (inside an open `gr.Blocks`);
    `listed`: its endpoint appears in the API docs (else callable, unlisted)."""
    search = gr.Textbox(label="Search titles and abstracts", elem_id="pqa-corpus-search")
    table = gr.Dataframe(papers_table(assistant.index.find("")), interactive=False, wrap=True,
                         elem_id="pqa-corpus-table")  # fmt: skip
    # Searched in the catalog each time: papers another process ingested since the start show up.
    search.change(lambda q: papers_table(assistant.index.find(q)), search, table,
                  api_name="search_corpus", api_visibility="public" if listed else "undocumented")  # fmt: skip
    overview = assistant.index.overview()
    years, orgs = papers_per_year(overview), top_organisations(overview)
    with gr.Row():
        for frame, x, title, elem in ((years, "year", "Dated papers per year", "pqa-chart-years"),
                                      (orgs, "organisation", "Top organisations", "pqa-chart-orgs")):  # fmt: skip
            top = int(frame.papers.max()) if len(frame) else 0
            gr.BarPlot(frame, x=x, y="papers", title=title, y_lim=[0, top + 1], y_axis_format="d", elem_id=elem)
