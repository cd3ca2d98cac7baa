"""The one factory that names concrete LLM and embedding classes; the rest takes llama-index interfaces."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.llms import LLM

from .embeddings import HashEmbedding, WordLlamaEmbedding
from .settings import Settings


def _openai_embedding(settings: Settings) -> BaseEmbedding:
    from .openai_backend import embedding_model

    return embedding_model(settings)


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
    from .openai_backend import chat_model as openai_chat

    return openai_chat(settings)


@contextlib.contextmanager
def backend_errors(settings: Settings, where: str) -> Iterator[None]:
    """Translate the configured backend's exceptions into `BackendError` with one line."""
    if settings.writer == "offline" and settings.embedding != "openai":
        yield
        return
    from .openai_backend import translated_errors

    with translated_errors(where):
        yield
