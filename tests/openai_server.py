"""A real HTTP server on 127.0.0.1 speaking OpenAI chat completions (JSON and SSE), scripted, and able to
misbehave the ways real servers do.

A model named `fault:<name>` (or a scripted reply `Fault(<name>)`) picks the fault: `429` (with Retry-After),
`500`, `hang` (no headers before the client's timeout), `malformed` (an SSE event that is not JSON), `cut` (the
connection closes mid-body), `no-finish` (the stream ends without `finish_reason`), `length` (stopped at the
token limit), `html` (status 200 with an HTML page), `trickle` (a chunk every `trickle_every` seconds, forever).
"""

from __future__ import annotations

import base64
import json
import struct
import threading
import time
import zlib
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FAULTS = ("429", "500", "500-text", "hang", "malformed", "cut", "no-finish", "length", "html", "trickle")


@dataclass(frozen=True)
class Fault:
    """A scripted reply that misbehaves instead of answering."""

    name: str


class ScriptedOpenAI:
    """Serves `/v1/chat/completions`; each request takes the next scripted reply text (or error or fault)."""

    def __init__(self) -> None:
        self.replies: list[str | tuple[int, str] | float | Fault] = []
        self.requests: list[dict] = []
        self.reply_for = None  # optional callable(request body) -> reply, instead of the queue
        self.embedded = 0
        self.delay = 0.0  # seconds every reply waits, to make requests overlap
        self.retry_after = "1"
        self.trickle_every = 0.3
        self.active = self.max_active = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if self.path.endswith("/embeddings"):
                    return self._embeddings(body)
                with server._lock:
                    server.requests.append(
                        {
                            "path": self.path,
                            "body": body,
                            "auth": self.headers.get("Authorization"),
                            "at": time.monotonic(),
                        }
                    )
                    if str(body.get("model", "")).startswith("fault:"):
                        reply = Fault(body["model"].split(":", 1)[1])
                    elif server.reply_for is not None:
                        reply = server.reply_for(body)
                    else:
                        reply = server.replies.pop(0) if server.replies else "No script left [1]."
                    server.active += 1
                    server.max_active = max(server.max_active, server.active)
                try:
                    time.sleep(server.delay)
                    if isinstance(reply, Fault):
                        self._fault(body, reply.name)
                    else:
                        self._reply(body, reply)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up on a hanging or trickling reply
                finally:
                    with server._lock:
                        server.active -= 1

            def _embeddings(self, body):
                texts = body["input"] if isinstance(body["input"], list) else [body["input"]]
                server.embedded += len(texts)
                data = []
                for i, text in enumerate(texts):
                    vector = server.embed(text)
                    if body.get("encoding_format") == "base64":
                        vector = base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()
                    data.append({"object": "embedding", "index": i, "embedding": vector})
                self._send_json(
                    200,
                    {
                        "object": "list",
                        "data": data,
                        "model": body["model"],
                        "usage": {"prompt_tokens": 1, "total_tokens": 1},
                    },
                )

            def _send_json(self, status, obj, headers=()):
                payload = json.dumps(obj).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

            def _reply(self, body, reply):
                if isinstance(reply, float):  # a delay longer than the client's timeout
                    time.sleep(reply)
                    reply = "late"
                if isinstance(reply, tuple):
                    status, message = reply
                    headers = [("Retry-After", server.retry_after)] if status == 429 else []
                    self._send_json(status, {"error": {"message": message, "type": "test"}}, headers)
                    return
                if body.get("stream"):
                    self._stream(body, reply)
                else:
                    self._json(body, reply)

            def _json(self, body, reply):
                self._send_json(
                    200,
                    {
                        "id": "cmpl-1",
                        "object": "chat.completion",
                        "created": 0,
                        "model": body["model"],
                        "choices": [
                            {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": reply}}
                        ],
                        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                    },
                )

            def _event(self, body, content, finish=None, first=False):
                delta = {"content": content} if content is not None else {}
                if first:
                    delta["role"] = "assistant"
                chunk = {"id": "cmpl-1", "object": "chat.completion.chunk", "created": 0, "model": body["model"],
                         "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}  # fmt: skip
                return f"data: {json.dumps(chunk)}\n\n".encode()

            def _stream(self, body, reply, finish="stop", headers=()):
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                pieces = [reply[i : i + 4] for i in range(0, len(reply), 4)]
                for i, piece in enumerate(pieces):
                    self.wfile.write(self._event(body, piece, first=i == 0))
                    self.wfile.flush()
                if finish is not None:
                    self.wfile.write(self._event(body, None, finish))
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

            def _fault(self, body, name):
                reply = "Paper one studies this topic in depth [1]."
                if name == "429":
                    self._send_json(429, {"error": {"message": "slow down"}}, [("Retry-After", server.retry_after)])
                elif name == "500":
                    self._send_json(500, {"error": {"message": "model <b>exploded</b>"}})
                elif name == "500-text":  # a proxy's plain error page, no JSON
                    self.send_response(500)
                    self.send_header("Content-Type", "text/plain")
                    self.end_headers()
                    self.wfile.write(b"upstream \x1b[31mgone\x1b[0m")
                elif name == "hang":
                    server._stop.wait(30)
                elif name == "malformed":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    self.wfile.write(self._event(body, "Paper", first=True) + b"data: {not json at all\n\n")
                elif name == "cut":
                    events = self._event(body, reply[:12], first=True) + self._event(body, reply[12:20])
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.send_header("Content-Length", str(len(events) + 5000))  # promises more than it sends
                    self.end_headers()
                    self.wfile.write(events + b'data: {"id": "cmpl-1", "obj')
                    self.wfile.flush()
                    self.connection.shutdown(2)
                elif name == "no-finish":
                    self._stream(body, reply[:22], finish=None)
                elif name == "length":
                    self._stream(body, reply[:22], finish="length")
                elif name == "html":
                    page = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", str(len(page)))
                    self.end_headers()
                    self.wfile.write(page)
                elif name == "trickle":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    first = True
                    while not server._stop.is_set():
                        self.wfile.write(self._event(body, "more ", first=first))
                        self.wfile.flush()
                        first = False
                        server._stop.wait(server.trickle_every)
                else:
                    raise ValueError(f"unknown fault {name!r}; known: {', '.join(FAULTS)}")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @staticmethod
    def embed(text: str) -> list[float]:
        """A deterministic 32-d bag-of-words vector, so similar texts land near each other."""
        vector = [0.0] * 32
        for word in text.lower().split():
            vector[zlib.crc32(word.encode()) % 32] += 1.0
        norm = sum(v * v for v in vector) ** 0.5 or 1.0
        return [v / norm for v in vector]

    def __enter__(self) -> ScriptedOpenAI:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()
