"""The LLM answer writer: a bounded prompt, a streamed reply, one retry layer, a deadline, and no half answer
passed off as whole.

A request that fails before anything was shown is retried as `paperqa.retry` decides (at most
1 + PAPERQA_MAX_RETRIES requests); the whole answer, retries included, must finish within
PAPERQA_ANSWER_TIMEOUT. A reply that ends without `finish_reason` (or stops at the token limit) is returned
with `complete=False`; a reply with no content at all is an error.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence

from llama_index.core.llms import LLM

from ..backends import backend_errors, request_kwargs
from ..errors import BackendError
from ..retry import delay_before_retry
from ..safe_text import printable
from ..settings import Settings
from ..text import count_tokens
from ..types import Answer, Source
from . import prompt
from .citations import StreamFilter, clean, filtered
from .claims import check
from .hints import hints
from .question import Asked
from .stream import AnswerStream

_REFUSAL = re.compile(r"insufficient[_ ]evidence", re.IGNORECASE)


class LLMReply:
    """One streamed reply: raw text so far, whether it refused, whether it was complete, token counts."""

    def __init__(self, llm: LLM, settings: Settings, request: prompt.Prompt) -> None:
        self.llm, self.settings, self.request = llm, settings, request
        self.text = ""
        self.finish_reason: str | None = None
        self.prompt_tokens = sum(count_tokens(m.content or "") for m in request.messages)

    @property
    def refused(self) -> bool:
        """Whether the model used the refusal marker (in any case)."""
        return bool(_REFUSAL.search(self.text))

    @property
    def complete(self) -> bool:
        """Whether the server said the reply ended normally."""
        return self.finish_reason == "stop"

    @property
    def completion_tokens(self) -> int:
        """Tokens of the reply (counted here: servers do not all report usage when streaming)."""
        return count_tokens(self.text)

    def deltas(self) -> Iterator[str]:
        """The reply as it arrives, retried while nothing has been shown; a leading refusal marker is held back."""
        deadline = time.monotonic() + self.settings.answer_timeout
        attempt = 0
        while True:
            attempt += 1
            shown = False
            try:
                for delta in self._attempt(deadline):
                    shown = True
                    yield delta
                return
            except BackendError as exc:
                wait = None if shown else delay_before_retry(exc, attempt, self.settings.max_retries, deadline)
                if wait is None:
                    raise
                time.sleep(wait)

    def _attempt(self, deadline: float) -> Iterator[str]:
        self.text, self.finish_reason = "", None
        held = ""
        with backend_errors(self.settings, "llm"):
            for chunk in self.llm.stream_chat(self.request.messages, **request_kwargs(self.settings, deadline)):
                self.finish_reason = _finish_reason(chunk.raw) or self.finish_reason
                delta = chunk.delta or ""
                self.text += delta
                start = self.text.lstrip()
                if len(start) < len(prompt.REFUSAL) and prompt.REFUSAL.startswith(start.upper().replace(" ", "_")):
                    held += delta  # might be the refusal marker: show nothing until it is clear
                    continue
                if _REFUSAL.match(start):
                    continue
                if held:
                    delta, held = held + delta, ""
                yield delta
            if held and not _REFUSAL.match(self.text.lstrip()):
                yield held
        if not self.text.strip() and not self.finish_reason:
            raise BackendError("llm: the server's reply held no answer (not an OpenAI-compatible stream?)", True)


def _finish_reason(raw: object) -> str | None:
    choices = getattr(raw, "choices", None) or []
    return getattr(choices[0], "finish_reason", None) if choices else None


def refusal_text(text: str) -> str:
    """The user-facing refusal: what the corpus lacks, without source claims."""
    rest = _REFUSAL.sub("", text).strip(" .:\n")
    return "The corpus does not cover this question." + (f" {rest}" if rest and "[" not in rest else "")


def llm_answer(
    llm: LLM,
    settings: Settings,
    question: str,
    sources: Sequence[Source],
    history: str,
    asked: Asked,
) -> AnswerStream:
    """Stream an LLM-written answer whose citations are checked as they pass, then claim by claim; `asked` (the
    question's shape, a list's order, a record or a name's origin asked) becomes the prompt's hints."""
    request = prompt.build(question, sources, settings.context_tokens, history, hints(asked))
    reply = LLMReply(llm, settings, request)
    guard = StreamFilter(len(request.sources))

    def finish() -> Answer:
        text = printable(clean(reply.text, len(request.sources)).strip())
        answerable = not reply.refused and bool(request.sources)
        checked = check(text, request.sources)
        return Answer(
            question=question,
            text=checked.text if answerable else refusal_text(text),
            citations=checked.citations if answerable else (),
            claims=checked.claims if answerable else (),
            sources=tuple(sources),
            answerable=answerable,
            backend="openai",
            model=settings.llm_model,
            prompt_tokens=reply.prompt_tokens,
            completion_tokens=reply.completion_tokens,
            removed_citations=tuple(guard.removed),
            complete=reply.complete,
        )

    return AnswerStream(filtered((printable(d) for d in reply.deltas()), guard), finish)
