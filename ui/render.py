"""HTML and Markdown for the chat: every piece of abstract text is escaped, so it stays text."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from paperqa import Answer, Turn
from paperqa.text import sentences

_CITE = re.compile(r"\\\[(\d+)\\\]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def card_id(turn: int, n: int) -> str:
    """DOM id of the source card of citation `n` in answer `turn`."""
    return f"pqa-src-{turn}-{n}"


def escape_markdown(text: str) -> str:
    """Make text render literally in Markdown: HTML escaped, Markdown punctuation backslashed."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def answer_markdown(answer: Answer | None, turn: int, text: str | None = None) -> str:
    """The chat bubble: escaped answer text whose `[n]` link to their source cards."""
    body = escape_markdown(text if text is not None else answer.text if answer else "")
    body = _CITE.sub(lambda m: f'<a class="pqa-cite" href="#{card_id(turn, int(m.group(1)))}">[{m.group(1)}]</a>', body)
    body = body.replace("\n", "  \n")
    if answer is not None and not answer.answerable:
        body = "**Not covered by the corpus.**  \n" + body
    return body


def _meta(paper) -> str:
    parts = [paper.date.isoformat() if paper.date else "date unknown", paper.byline or "authors unknown"]
    if paper.upvotes is not None:
        parts.append(f"{paper.upvotes} upvote{'s' if paper.upvotes != 1 else ''}")
    return " · ".join(html.escape(p) for p in parts)


def _abstract_with_mark(abstract: str, snippet: str | None) -> str:
    out = []
    for sent in sentences(abstract):
        text = html.escape(sent)
        out.append(f"<mark>{text}</mark>" if snippet and sent == snippet else text)
    return " ".join(out)


def source_cards(answer: Answer, turn: int, open_first: bool = False) -> str:
    """Every retrieved paper of an answer as a card: cited ones first-class, all with their score."""
    cited = {c.n: c for c in answer.citations}
    cards = []
    for n, source in enumerate(answer.sources, start=1):
        p, c = source.paper, cited.get(n)
        link = (
            f' · <a href="{html.escape(p.url)}" target="_blank" rel="noopener noreferrer">link</a>'
            if p.url and p.url.startswith(("http://", "https://"))
            else ""
        )
        badge = '<span class="pqa-cited">cited</span> ' if c else ""
        cards.append(
            f'<details class="pqa-card{" pqa-is-cited" if c else ""}" id="{card_id(turn, n)}"'
            f"{' open' if open_first and c else ''}>"
            f"<summary>{badge}[{n}] {html.escape(p.title)} "
            f'<span class="pqa-score">score {source.score:.4f}</span></summary>'
            f'<div class="pqa-meta">{_meta(p)}{link}</div>'
            f'<p class="pqa-snippet">{_abstract_with_mark(p.abstract, c.snippet if c else None)}</p></details>'
        )
    return "".join(cards) or "<p>No paper was retrieved.</p>"


def sources_panel(history: Sequence[Turn]) -> str:
    """Cards of the latest answer, then earlier answers' cards folded away (their links still work)."""
    if not history:
        return '<div class="pqa-sources"><p>Sources of the answers appear here.</p></div>'
    last = len(history) - 1
    parts = [
        f"<h4>Sources of the latest answer ({len(history[-1].answer.sources)} papers)</h4>",
        source_cards(history[-1].answer, last),
    ]
    for turn in range(last - 1, -1, -1):
        q = html.escape(history[turn].question)
        parts.append(
            f'<details class="pqa-earlier"><summary>Sources of: {q}</summary>'
            f"{source_cards(history[turn].answer, turn)}</details>"
        )
    return '<div class="pqa-sources">' + "".join(parts) + "</div>"


def conversation_markdown(history: Sequence[Turn]) -> str:
    """The whole conversation with numbered references per answer, for export."""
    lines = ["# paperqa conversation", ""]
    for i, turn in enumerate(history, start=1):
        a = turn.answer
        lines += [
            f"## {i}. {turn.question}",
            "",
            a.text if a.answerable else f"*Not covered by the corpus.* {a.text}",
            "",
        ]
        if a.citations:
            lines.append("References:")
            lines.append("")
            for c in a.citations:
                meta = ", ".join(x for x in (c.date.isoformat() if c.date else "", c.org) if x)
                lines.append(f"- [{c.n}] {c.title}{f' ({meta})' if meta else ''}")
            lines.append("")
    return "\n".join(lines)
