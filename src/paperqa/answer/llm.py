"""The LLM answer writer: numbered sources in a prompt from `prompts/`, streamed, within a token budget."""

from __future__ import annotations

from collections.abc import Iterator

from llama_index.core.llms import LLM, ChatMessage, MessageRole

from .. import templates as prompts
from ..settings import Settings
from ..text import count_tokens
from ..types import Source

REFUSAL = "INSUFFICIENT_EVIDENCE"


def source_block(n: int, source: Source) -> str:
    """One numbered source as the LLM sees it."""
    p = source.paper
    meta = ", ".join(x for x in (p.date.isoformat() if p.date else "", p.byline) if x)
    return f"[{n}] {p.title}{f' ({meta})' if meta else ''}\n{p.abstract}"


class LLMRun:
    """One streamed LLM answer: text so far, token counts, and whether it refused."""

    def __init__(self, llm: LLM, messages: list[ChatMessage], sources: list[Source]):
        self.llm, self.messages, self.sources = llm, messages, sources
        self.text = ""
        self.prompt_tokens = sum(count_tokens(m.content or "") for m in messages)
        self.completion_tokens = 0

    def deltas(self) -> Iterator[str]:
        """Stream the answer; a reply that starts with the refusal marker is not shown."""
        held = ""
        for chunk in self.llm.stream_chat(self.messages):
            delta = chunk.delta or ""
            self.text += delta
            if len(self.text.lstrip()) < len(REFUSAL) and REFUSAL.startswith(self.text.lstrip()):
                held += delta
                continue
            if self.text.lstrip().startswith(REFUSAL):
                continue
            if held:
                delta, held = held + delta, ""
            yield delta
        if held and not self.text.lstrip().startswith(REFUSAL):
            yield held
        self.completion_tokens = count_tokens(self.text)

    @property
    def answerable(self) -> bool:
        """False when the model used the refusal marker."""
        return REFUSAL not in self.text

    def refusal_text(self, text: str) -> str:
        """The user-facing refusal: what the corpus lacks, without source claims."""
        rest = text.replace(REFUSAL, "").strip(" .:\n")
        return "The corpus does not cover this question." + (f" {rest}" if rest and "[" not in rest else "")


class LLMWriter:
    """Builds the prompt from the best sources that fit the budget and streams the model's answer."""

    def __init__(self, llm: LLM, settings: Settings, history: str = ""):
        self.llm, self.settings, self.history = llm, settings, history

    def run(self, question: str, sources: list[Source]) -> LLMRun:
        """Prepare one answer; sources beyond the token budget are left out of the prompt."""
        system = prompts.render("answer_system", refusal=REFUSAL)
        budget = self.settings.context_tokens - count_tokens(system) - count_tokens(question)
        blocks, used = [], []
        for n, source in enumerate(sources, start=1):
            block = source_block(n, source)
            cost = count_tokens(block)
            if cost > budget:
                break
            blocks.append(block)
            used.append(source)
            budget -= cost
        user = prompts.render(
            "answer_user",
            question=question,
            sources="\n\n".join(blocks),
            history=f"Conversation so far:\n{self.history}\n\n" if self.history else "",
        )
        messages = [
            ChatMessage(role=MessageRole.SYSTEM, content=system),
            ChatMessage(role=MessageRole.USER, content=user),
        ]
        return LLMRun(self.llm, messages, used)
