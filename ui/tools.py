"""The MCP tools of `paperqa ui --mcp`: stateless `ask` and `search_corpus`, for an IDE or desktop assistant.

Gradio turns each documented endpoint into an MCP tool named after its function, its parameters described by
the docstring's `Args:` section (which is why these docstrings are longer than one line). Corpus text goes
out as JSON fields, data for the client to read, never as text that could pass for the tool's own words.
"""

from __future__ import annotations

import json

import gradio as gr
from gradio.events import api

from paperqa import Assistant, Filters, PaperQAError
from paperqa.safe_text import printable

_ABSTRACT_CHARS = 1200  # enough for an abstract; a pathological record does not flood the client


def _failed(exc: PaperQAError) -> gr.Error:
    """The tool's error: one line naming the parameter (`date_from: impossible date '2025-13'`)."""
    return gr.Error(printable(str(exc), keep_newlines=False))


class McpTools:
    """The two tools over one Assistant."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant

    def ask(self, question: str, date_from: str = "", date_to: str = "", categories: str = "", sources: int = 0) -> str:
        """Answer a question from the corpus of research-paper abstracts; every claim cites a paper [n].

        Args:
            question: The question in plain language, e.g. "Which papers make LLMs forget a target entity?".
            date_from: Only papers dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD); empty for no bound.
            date_to: Only papers dated on or before this; a year or month counts whole; empty for no bound.
            categories: arXiv categories or archives a paper must be in one of ("cs.CL cs.IR"); empty for all.
            sources: How many papers to search (1-100); 0 for the default.

        Returns:
            JSON: the answer text with [n] citations, whether the corpus answers it, and the cited papers.
        """
        if not (question or "").strip():
            raise gr.Error("question: empty")
        try:
            f = Filters(date_from=date_from or None, date_to=date_to or None, categories=categories or None)
            answer = self.assistant.ask(question, f, int(sources) or None)
        except PaperQAError as exc:
            raise _failed(exc) from None
        record = answer.to_record()
        return json.dumps({k: record[k] for k in ("answer", "answerable", "notes", "citations")}, ensure_ascii=False)

    def search_corpus(
        self, query: str, date_from: str = "", date_to: str = "", categories: str = "", k: int = 10
    ) -> str:
        """Search the corpus of research-paper abstracts and return the best-matching papers, best first.

        Args:
            query: What to look for, in words, e.g. "learned sparse retrieval".
            date_from: Only papers dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD); empty for no bound.
            date_to: Only papers dated on or before this; a year or month counts whole; empty for no bound.
            categories: arXiv categories or archives a paper must be in one of ("cs.CL cs.IR"); empty for all.
            k: How many papers to return (1-100).

        Returns:
            JSON list of papers: rank, paper_id, title, date, url, categories, score and abstract.
        """
        if not (query or "").strip():
            raise gr.Error("query: empty")
        try:
            f = Filters(date_from=date_from or None, date_to=date_to or None, categories=categories or None)
            found = self.assistant.retrieve(query, f, int(k))
        except PaperQAError as exc:
            raise _failed(exc) from None
        return json.dumps(
            [
                {
                    "rank": s.rank, "paper_id": s.paper.id, "title": s.paper.title,
                    "date": s.paper.date.isoformat() if s.paper.date else None, "url": s.paper.url,
                    "categories": list(s.paper.categories), "score": round(s.score, 6),
                    "abstract": s.paper.abstract[:_ABSTRACT_CHARS],
                }
                for s in found
            ],
            ensure_ascii=False,
        )  # fmt: skip

    def register(self) -> None:
        """Add both tools as API endpoints of the open `gr.Blocks`."""
        api(self.ask, api_name="tool_ask")
        api(self.search_corpus, api_name="tool_search_corpus")
