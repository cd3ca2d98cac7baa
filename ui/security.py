"""An ASGI guard in front of the Gradio app: what the app never needs, it refuses.

- Uploads: the app takes no files, so Gradio's upload routes answer 403 (before: 20 MB stored in 0.06 s).
- Security headers on every response: a content security policy (no plugins, no framing, no foreign fonts or
  scripts), X-Frame-Options, nosniff, no referrer.
- Bound to a loopback address, it answers only requests whose `Host` is a loopback name (DNS rebinding).
- A client that keeps failing to log in waits longer and longer before its next try (3 free, then 1 s, 2 s, …).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; media-src 'self' blob:; "
    "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
FREE_LOGIN_FAILURES = 3
LOGIN_WAIT_MAX = 30.0


def is_loopback(host: str) -> bool:
    """Whether a server address or a Host header names this machine's loopback."""
    name = host.strip().lower()
    if name.startswith("["):
        name = name[: name.find("]") + 1]
    elif name.count(":") == 1:
        name = name.split(":", 1)[0]
    return name in LOOPBACK_NAMES


class Guard:
    """Wraps the app: refuses uploads and foreign hosts, adds headers, slows repeated login failures."""

    def __init__(self, app: ASGIApp, loopback_only: bool = True) -> None:
        self.app, self.loopback_only = app, loopback_only
        self._failures: dict[str, tuple[int, float]] = {}  # client address -> (failures in a row, last one)
        self._queues: dict[str, asyncio.Lock] = {}  # one login attempt at a time per client: no parallel guessing

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        host = headers.get(b"host", b"").decode("latin-1")
        path = str(scope.get("path", ""))
        if self.loopback_only and not is_loopback(host):
            await _refuse(scope, send, 403, "this server answers only to localhost")
            return
        if path.rstrip("/").endswith(("/upload", "/upload_progress")):
            await _refuse(scope, send, 403, "this app accepts no uploads")
            return
        client = (scope.get("client") or ("?", 0))[0]
        if path.rstrip("/").endswith("/login") and scope.get("method") == "POST":
            async with self._queues.setdefault(client, asyncio.Lock()):
                await asyncio.sleep(self._wait(client))
                status = await self._serve(scope, receive, send)
                self._note(client, failed=not status or status[0] >= 400)
            return
        await self._serve(scope, receive, send)

    async def _serve(self, scope: Scope, receive: Receive, send: Send) -> list[int]:
        status: list[int] = []

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                status.append(int(message["status"]))
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)
        return status

    def _wait(self, client: str) -> float:
        failures, _ = self._failures.get(client, (0, 0.0))
        if failures < FREE_LOGIN_FAILURES:
            return 0.0
        return float(min(LOGIN_WAIT_MAX, 2 ** (failures - FREE_LOGIN_FAILURES)))

    def _note(self, client: str, failed: bool) -> None:
        if failed:
            failures, _ = self._failures.get(client, (0, 0.0))
            self._failures[client] = (failures + 1, time.monotonic())
        else:
            self._failures.pop(client, None)


async def _refuse(scope: Scope, send: Send, status: int, reason: str) -> None:
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 1008})
        return
    body = reason.encode()
    length = str(len(body)).encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", length), *HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
