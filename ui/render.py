"""HTML and Markdown for the chat: user and corpus text is always escaped, so it stays text; only the
writer's own citation markers become links."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from paperqa import Answer, Paper, Turn
from paperqa.answer.citations import GROUP
from paperqa.safe_text import escape_markdown, markdown_text, printable
from paperqa.text import sentences
from paperqa.tidy import tidy

_CITE = re.compile(r"\\\[(\d+)\\\]")  # a citation `[n]` as escape_markdown leaves it
INCOMPLETE = "*(incomplete: the model's reply was cut short)*"


def card_id(turn: int, n: int) -> str:
    """DOM id of the source card of citation `n` in answer `turn`."""
    return f"pqa-src-{turn}-{n}"


def refused(answer: Answer) -> bool:
    """Whether the corpus was searched and does not cover the question (headed so); an answer that only says
    something (a follow-up pointing at a paper the last answer lacks, thanks) searched nothing."""
    return not answer.answerable and bool(answer.sources)


def question_markdown(question: str) -> str:
    """The user's own bubble: exactly what was typed, never markup, links or HTML."""
    return markdown_text(question).replace("\n", "  \n")


def answer_markdown(answer: Answer | None, turn: int, text: str | None = None) -> str:
    """The chat bubble: escaped answer text whose `[n]` link to their source cards."""
    body = escape_markdown(printable(text if text is not None else answer.text if answer else ""))
    body = _CITE.sub(lambda m: f'<a class="pqa-cite" href="#{card_id(turn, int(m.group(1)))}">[{m.group(1)}]</a>', body)
    body = body.replace("\n", "  \n")
    if answer is not None and refused(answer):
        body = "**Not covered by the corpus.**  \n" + body
    if answer is not None and not answer.complete:
        body += f"  \n{INCOMPLETE}"
    if answer is not None:
        body += "".join(f"  \n*Note: {escape_markdown(printable(note))}*" for note in answer.notes)
        body += _doubtful(answer)
    return body


def _doubtful(answer: Answer) -> str:
    """Claims the cited abstract does not support, or only in part, listed under the answer."""
    lines = []
    for claim in answer.claims:
        if claim.support == "full":
            continue
        what = "not supported by the abstract it cites" if claim.support == "none" else "only partly supported"
        said = escape_markdown(printable(GROUP.sub("", claim.sentence)).strip())
        lines.append(f"⚠ *{what}:* “{said}”")
    return "".join(f"  \n{line}" for line in lines)


def _meta(paper: Paper) -> str:
    parts = [paper.date.isoformat() if paper.date else "date unknown", paper.byline or "authors unknown"]
    if paper.upvotes is not None:
        parts.append(f"{paper.upvotes} upvote{'s' if paper.upvotes != 1 else ''}")
    if paper.categories:
        parts.append(" ".join(paper.categories))
    return " · ".join(html.escape(p) for p in parts)


def _abstract_with_mark(abstract: str, quotes: Sequence[str]) -> str:
    """The abstract, tidied, with every sentence the answer quoted or rests on highlighted."""
    marked = set(quotes)
    out = []
    for sent in sentences(abstract):
        text = html.escape(tidy(sent))
        out.append(f"<mark>{text}</mark>" if sent in marked else text)
    return " ".join(out)


def _link(paper: Paper) -> str:
    if not paper.url or not paper.url.startswith(("http://", "https://")):
        return ""
    return f' · <a href="{html.escape(paper.url)}" target="_blank" rel="noopener noreferrer">link</a>'


def source_cards(answer: Answer, turn: int, open_first: bool = False) -> str:
    """Every retrieved paper of an answer as a card: cited ones first-class, each searched one with its score."""
    cited = {c.n: c for c in answer.citations}
    cards = []
    for n, source in enumerate(answer.sources, start=1):
        p, c = source.paper, cited.get(n)
        badge = '<span class="pqa-cited">cited</span> ' if c else ""
        # A paper listed by date ("the latest papers") was not searched for: it has no score to show.
        score = f'<span class="pqa-score">score {source.score:.4f}</span>' if source.score > 0 else ""
        cards.append(
            f'<details class="pqa-card{" pqa-is-cited" if c else ""}" id="{card_id(turn, n)}"'
            f"{' open' if open_first and c else ''}>"
            f"<summary>{badge}[{n}] {html.escape(p.title)} {score}</summary>"
            f'<div class="pqa-meta">{_meta(p)}{_link(p)}</div>'
            f'<p class="pqa-snippet">{_abstract_with_mark(p.abstract, c.quotes or (c.snippet,) if c else ())}</p>'
            "</details>"
        )
    return "".join(cards) or "<p>No paper was retrieved.</p>"


def _papers(n: int) -> str:
    """A count of papers, "1 paper" in the singular."""
    return f"{n} paper{'s' if n != 1 else ''}"


def sources_panel(history: Sequence[Turn]) -> str:
    """Cards of the latest answer, then earlier answers' cards folded away (their links still work)."""
    if not history:
        return '<div class="pqa-sources"><p>Sources of the answers appear here.</p></div>'
    last = len(history) - 1
    parts = [
        f"<h4>Sources of the latest answer ({_papers(len(history[-1].answer.sources))})</h4>",
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
    """The whole conversation with numbered references per answer, for export (all of it shown as written)."""
    lines = ["# paperqa conversation", ""]
    for i, turn in enumerate(history, start=1):
        a = turn.answer
        text = markdown_text(a.text)
        lines += [
            f"## {i}. {markdown_text(turn.question)}",
            "",
            f"*Not covered by the corpus.* {text}" if refused(a) else text,
        ]
        lines += [INCOMPLETE, ""] if not a.complete else [""]
        lines += [f"*Note: {markdown_text(note)}*" for note in a.notes] + ([""] if a.notes else [])
        if a.citations:
            lines += ["References:", ""]
            lines += [f"- {markdown_text(c.reference())}" for c in a.citations]
            lines.append("")
    return "\n".join(lines)
