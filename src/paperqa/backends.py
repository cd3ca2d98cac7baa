"""The one factory that names concrete LLM and embedding classes; the rest takes llama-index interfaces.

Offline backends are registered here like real ones (after simonw/llm's plugins); the OpenAI provider is
imported only when a setting asks for it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.llms import LLM

from .embeddings import HashEmbedding, WordLlamaEmbedding
from .settings import Settings


def _openai_embedding(settings: Settings) -> BaseEmbedding:
    from llama_index.embeddings.openai import OpenAIEmbedding

    from .providers.openai import OpenAIProvider

    provider = OpenAIProvider(settings, "PAPERQA_EMBEDDING")
    model: BaseEmbedding = OpenAIEmbedding(
        model_name=settings.embedding_model, api_key=provider.api_key, api_base=provider.base_url,
        timeout=provider.timeout, max_retries=settings.max_retries,
    )  # fmt: skip
    return model


EMBEDDINGS: dict[str, Callable[[Settings], BaseEmbedding]] = {
    "wordllama": lambda s: WordLlamaEmbedding(),
    "hash": lambda s: HashEmbedding(),
    "openai": _openai_embedding,
}


def embedding_model(settings: Settings) -> BaseEmbedding:
    """The embedding model the settings name."""
    return EMBEDDINGS[settings.embedding](settings)


def embedding_identity(model: BaseEmbedding) -> str:
    """A name that says which vectors an index holds, stored with it."""
    return getattr(model, "identity", None) or f"{type(model).__name__}:{model.model_name}"


def chat_model(settings: Settings) -> LLM | None:
    """The LLM that writes answers, or None for the offline writer."""
    if settings.writer == "offline":
        return None
    from llama_index.llms.openai_like import OpenAILike

    from .providers.openai import OpenAIProvider

    provider = OpenAIProvider(settings, "PAPERQA_LLM")
    # A dict: OpenAILike takes these through its parent's __init__, which its pydantic-derived type hides.
    options: dict[str, Any] = {
        "model": settings.llm_model, "api_key": provider.api_key, "api_base": provider.base_url,
        "http_client": provider.http_client(), "is_chat_model": True, "timeout": settings.request_timeout,
        "max_retries": 0,  # one retry layer: paperqa.retry, asked by the LLM writer
        "temperature": settings.temperature, "max_tokens": settings.max_answer_tokens, "context_window": 128_000,
    }  # fmt: skip
    llm: LLM = OpenAILike(**options)
    return llm


def request_kwargs(settings: Settings, deadline: float) -> dict[str, Any]:
    """Per-request options of the configured chat backend that stop an answer at its deadline."""
    if settings.writer == "offline":
        return {}
    from .providers.openai import deadline_kwargs

    return deadline_kwargs(deadline)


@contextlib.contextmanager
def backend_errors(settings: Settings, where: str) -> Iterator[None]:
    """Translate the configured backend's exceptions into `BackendError` with one line."""
    if settings.writer == "offline" and settings.embedding != "openai":
        yield
        return
    from .providers.openai import translated_errors

    with translated_errors(where):
        yield
