"""Where an OpenAI-compatible backend lives: credentials, base URL, the HTTP client, and its errors.

What it speaks (chat completions, embeddings) is llama-index's `OpenAILike` and `OpenAIEmbedding`, built by
`paperqa.backends` on the client made here. This is the one module that imports openai and httpx.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import openai

from ..errors import BackendError, RateLimitedError
from ..safe_text import printable
from ..settings import Settings

# Local servers (llama.cpp, Ollama, vLLM) accept any key; the client insists on one.
_PLACEHOLDER_KEY = "not-needed"
_DEADLINE = "x-paperqa-deadline"  # request header read (and removed) by _DeadlineTransport, never sent


class DeadlineExceeded(httpx.ReadTimeout):
    """The whole answer took longer than its deadline, however steadily the server trickled."""


class _DeadlineStream(httpx.SyncByteStream):
    def __init__(self, inner: httpx.SyncByteStream, deadline: float) -> None:
        self.inner, self.deadline = inner, deadline

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.inner:
            if time.monotonic() > self.deadline:
                raise DeadlineExceeded("answer deadline passed")
            yield chunk

    def close(self) -> None:
        self.inner.close()


class _DeadlineTransport(httpx.HTTPTransport):
    """Stops reading a response once the deadline its request carried has passed."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        deadline = request.headers.pop(_DEADLINE, None)
        response = super().handle_request(request)
        if deadline is not None and isinstance(response.stream, httpx.SyncByteStream):
            response.stream = _DeadlineStream(response.stream, float(deadline))
        return response


class OpenAIProvider:
    """Credentials and clients for OpenAI or any compatible server (vLLM, Ollama, llama.cpp)."""

    def __init__(self, settings: Settings, setting: str) -> None:
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        if not key and not settings.openai_base_url:
            raise BackendError(f"{setting}=openai needs OPENAI_API_KEY or OPENAI_BASE_URL")
        self.api_key = key or _PLACEHOLDER_KEY
        self.base_url = settings.openai_base_url
        self.timeout = settings.request_timeout

    def http_client(self) -> httpx.Client:
        """The HTTP client of chat requests: it honours answer deadlines (`deadline_kwargs`)."""
        return httpx.Client(transport=_DeadlineTransport(), timeout=self.timeout, follow_redirects=False)


def deadline_kwargs(deadline: float) -> dict[str, Any]:
    """Request options that make the transport stop reading at `deadline` (a `time.monotonic()` value)."""
    return {"extra_headers": {_DEADLINE: repr(deadline)}}


def _retry_after(exc: openai.APIStatusError) -> float | None:
    value = exc.response.headers.get("retry-after") if exc.response is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _message(exc: openai.APIStatusError) -> str:
    """The server's own words: its JSON error's message, else the body as text (a proxy's plain error page)."""
    body = exc.body if isinstance(exc.body, dict) else {}
    err = body.get("error", body)
    text = err.get("message") if isinstance(err, dict) else err
    if not text:
        try:
            text = exc.response.text.strip() or exc.message
        except httpx.ResponseNotRead:  # a stream's error whose body was never read
            text = exc.message
    return " ".join(printable(str(text), keep_newlines=False).split())[:200]


@contextlib.contextmanager
def translated_errors(where: str) -> Iterator[None]:
    """Every failure of the client or the server's reply as one `BackendError` line that says if a retry may help."""
    try:
        yield
    except DeadlineExceeded:
        raise BackendError(f"{where}: no complete answer before the deadline (PAPERQA_ANSWER_TIMEOUT)") from None
    except (openai.APITimeoutError, httpx.TimeoutException):
        raise BackendError(f"{where}: the request timed out", retryable=True) from None
    except openai.APIConnectionError as exc:
        cause = printable(str(exc.__cause__ or exc), keep_newlines=False)[:200]
        raise BackendError(f"{where}: cannot reach the server ({cause})", retryable=True) from None
    except openai.RateLimitError as exc:
        raise RateLimitedError(f"{where}: rate limited (HTTP 429): {_message(exc)}", _retry_after(exc)) from None
    except openai.APIStatusError as exc:
        retryable = exc.status_code >= 500 or exc.status_code in (408, 409)
        raise BackendError(f"{where}: server answered HTTP {exc.status_code}: {_message(exc)}", retryable) from None
    except (httpx.TransportError, httpx.StreamError) as exc:
        detail = printable(str(exc), keep_newlines=False)[:200] or type(exc).__name__
        raise BackendError(f"{where}: the server's reply broke off ({detail})", retryable=True) from None
    except (json.JSONDecodeError, openai.APIResponseValidationError, UnicodeDecodeError) as exc:
        detail = printable(str(exc), keep_newlines=False)[:120]
        raise BackendError(f"{where}: the server's reply is not valid JSON ({detail})", retryable=True) from None
    except openai.OpenAIError as exc:
        raise BackendError(f"{where}: {printable(str(exc), keep_newlines=False)[:200]}") from None
