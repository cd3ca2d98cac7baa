"""The LLM prompt: every source inside boundaries corpus text cannot forge, within a token budget shared fairly.

Spotlighting (OWASP LLM01): each source sits in a `<source-NONCE n="N">` element whose nonce is new for every
request, so an abstract cannot close its element or open a new one; the system prompt says that source text is
quoted data. The budget is split so that every retrieved source appears: short abstracts whole, long ones cut
to their share, their passages that match the question first.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from llama_index.core.llms import ChatMessage, MessageRole

from .. import templates
from ..safe_text import printable
from ..text import count_tokens, sentences, terms
from ..types import Source, when_and_who

REFUSAL = "INSUFFICIENT_EVIDENCE"
_TAGS = re.compile(r"</?\s*(source|question|conversation)", re.IGNORECASE)
_MARKER = re.compile(re.escape(REFUSAL).replace("_", "[_ ]"), re.IGNORECASE)
_BRACKETED = re.compile(r"\[(\s*\d+(?:\s*[,;–-]\s*\d+)*\s*)\]")


def quoted(text: str) -> str:
    """Corpus text as the model may see it: one line, no look-alike tags, markers or citation numbers."""
    text = printable(text, keep_newlines=False)
    text = _TAGS.sub(lambda m: m.group(0).replace("<", "‹"), text)
    text = _MARKER.sub("insufficient evidence", text)
    return _BRACKETED.sub(r"(\1)", text)


@dataclass(frozen=True)
class Prompt:
    """The messages of one request and the sources they number."""

    messages: list[ChatMessage]
    sources: list[Source]
    nonce: str


def _header(n: int, source: Source, nonce: str) -> str:
    p = source.paper
    votes = f"{p.upvotes} upvote{'s' if p.upvotes != 1 else ''}" if p.upvotes is not None else ""
    meta = ", ".join(x for x in (when_and_who(p.date, p.byline), votes) if x)  # upvotes: "the most upvoted"
    return f'<source-{nonce} n="{n}">\ntitle: {quoted(p.title)}' + (f"\nabout: {quoted(meta)}" if meta else "")


def _cut(abstract: str, question: str, budget: int) -> str:
    """The abstract within `budget` tokens: its sentences that share most terms with the question first,
    shown in their own order, `…` where some were left out."""
    if count_tokens(abstract) <= budget:
        return abstract
    wanted = set(terms(question))
    parts = sentences(abstract)
    ranked = sorted(range(len(parts)), key=lambda i: (-len(wanted & set(terms(parts[i]))), i))
    chosen: list[int] = []
    used = 0
    for i in ranked:
        cost = count_tokens(parts[i]) + 2  # the joining space, and a "…" where sentences were left out
        if used + cost <= budget:
            chosen.append(i)
            used += cost
    if not chosen:
        return ""
    out, last = [], -1
    for i in sorted(chosen):
        out.append(("… " if i != last + 1 else "") + parts[i])
        last = i
    return " ".join(out) + (" …" if last != len(parts) - 1 else "")


def _shares(needs: list[int], budget: int) -> list[int]:
    """Split a budget so each gets what it needs or an equal share of what is left (water-filling)."""
    shares = [0] * len(needs)
    left, pending = max(budget, 0), sorted(range(len(needs)), key=lambda i: needs[i])
    while pending:
        fair = left // len(pending)
        i = pending[0]
        if needs[i] > fair:
            for j in pending:
                shares[j] = fair
            return shares
        shares[i] = needs[i]
        left -= needs[i]
        pending.pop(0)
    return shares


def build(question: str, sources: Sequence[Source], context_tokens: int, history: str = "", hint: str = "") -> Prompt:
    """System and user messages for one answer: every source gets a part of the budget. Only when the sources'
    titles alone would not fit are the lowest-ranked left out (the prompt numbers what it holds)."""
    # 16 decimal digits (53 bits): cl100k reads digits three at a time, so every nonce costs the same tokens and a
    # prompt's budget does not depend on the draw (a hex nonce cost 11-20 tokens; 1 prompt in 300 lost a source).
    nonce = f"{secrets.randbelow(10**16):016d}"
    system = templates.render("answer_system", refusal=REFUSAL, nonce=nonce)
    conversation = f"<conversation-{nonce}>\n{quoted_lines(history)}\n</conversation-{nonce}>\n\n" if history else ""
    frame = templates.render(
        "answer_user", question=printable(question), sources="", history=conversation, nonce=nonce, hint=hint
    )
    closing = f"\n</source-{nonce}>"
    headers = [_header(n, s, nonce) for n, s in enumerate(sources, start=1)]
    costs = [count_tokens(h + closing) + 2 for h in headers]
    fixed = count_tokens(system) + count_tokens(frame) + sum(costs)
    while len(headers) > 1 and fixed > context_tokens:
        fixed -= costs.pop()
        headers.pop()
    sources = list(sources[: len(headers)])
    abstracts = [quoted(s.paper.abstract) for s in sources]
    shares = _shares([count_tokens(a) + 1 for a in abstracts], context_tokens - fixed)
    blocks = []
    for header, abstract, share in zip(headers, abstracts, shares, strict=True):
        text = _cut(abstract, question, share - 1)
        blocks.append(f"{header}\nabstract: {text}{closing}" if text else f"{header}{closing}")
    user = templates.render(
        "answer_user", question=printable(question), sources="\n\n".join(blocks), history=conversation,
        nonce=nonce, hint=hint,
    )  # fmt: skip
    messages = [ChatMessage(role=MessageRole.SYSTEM, content=system), ChatMessage(role=MessageRole.USER, content=user)]
    return Prompt(messages, list(sources), nonce)


def quoted_lines(text: str) -> str:
    """Earlier turns of the conversation, line by line, as data."""
    return "\n".join(quoted(line) for line in text.splitlines())
