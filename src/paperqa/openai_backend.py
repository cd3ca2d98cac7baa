"""The one module that knows OpenAI: chat and embedding clients for any OpenAI-compatible server."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import openai
from llama_index.embeddings.openai import OpenAIEmbedding
from llama_index.llms.openai_like import OpenAILike

from .errors import BackendError, RateLimitedError
from .settings import Settings

# Local servers (llama.cpp, Ollama, vLLM) accept any key; the client insists on one.
_PLACEHOLDER_KEY = "not-needed"


def _key(settings: Settings, setting: str) -> str:
    """The API key to send; a local server (base URL set) may have none."""
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
    if not key and not settings.openai_base_url:
        raise BackendError(f"{setting}=openai needs OPENAI_API_KEY or OPENAI_BASE_URL")
    return key or _PLACEHOLDER_KEY


def chat_model(settings: Settings) -> OpenAILike:
    """A llama-index chat LLM for OpenAI or, with a base URL, any compatible server."""
    return OpenAILike(
        model=settings.llm_model,
        api_key=_key(settings, "PAPERQA_LLM"),
        api_base=settings.openai_base_url,
        is_chat_model=True,
        timeout=settings.request_timeout,
        max_retries=settings.max_retries,
        temperature=settings.temperature,
        max_tokens=settings.max_answer_tokens,
        context_window=128_000,
    )


def embedding_model(settings: Settings) -> OpenAIEmbedding:
    """A llama-index OpenAI embedding model (identity stored with the index)."""
    return OpenAIEmbedding(
        model_name=settings.embedding_model,
        api_key=_key(settings, "PAPERQA_EMBEDDING"),
        api_base=settings.openai_base_url,
        timeout=settings.request_timeout,
        max_retries=settings.max_retries,
    )


@contextlib.contextmanager
def translated_errors(where: str) -> Iterator[None]:
    """Turn the OpenAI client's exceptions into one-line `BackendError`s naming the server."""
    try:
        yield
    except openai.APITimeoutError:
        raise BackendError(f"{where}: the request timed out") from None
    except openai.APIConnectionError as exc:
        raise BackendError(f"{where}: cannot reach the server ({exc.__cause__ or exc})") from None
    except openai.RateLimitError as exc:
        raise RateLimitedError(f"{where}: rate limited (HTTP 429): {_message(exc)}") from None
    except openai.APIStatusError as exc:
        raise BackendError(f"{where}: server answered HTTP {exc.status_code}: {_message(exc)}") from None
    except openai.OpenAIError as exc:
        raise BackendError(f"{where}: {exc}") from None


def _message(exc: openai.APIStatusError) -> str:
    body = exc.body if isinstance(exc.body, dict) else {}
    err = body.get("error", body)
    return str(err.get("message") if isinstance(err, dict) else err or exc.message)[:200]
