"""A real HTTP server on 127.0.0.1 speaking OpenAI chat completions (JSON and SSE) with scripted replies."""

from __future__ import annotations

import base64
import json
import struct
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class ScriptedOpenAI:
    """Serves `/v1/chat/completions`; each request takes the next scripted reply text (or error)."""

    def __init__(self) -> None:
        self.replies: list[str | tuple[int, str] | float] = []
        self.requests: list[dict] = []
        self.reply_for = None  # optional callable(request body) -> reply, instead of the queue
        self.embedded = 0
        self.delay = 0.0  # seconds every reply waits, to make requests overlap
        self.active = self.max_active = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if self.path.endswith("/embeddings"):
                    return self._embeddings(body)
                with server._lock:
                    server.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
                    if server.reply_for is not None:
                        reply = server.reply_for(body)
                    else:
                        reply = server.replies.pop(0) if server.replies else "No script left [1]."
                    server.active += 1
                    server.max_active = max(server.max_active, server.active)
                try:
                    time.sleep(server.delay)
                    self._reply(body, reply)
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

            def _send_json(self, status, obj):
                payload = json.dumps(obj).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def _reply(self, body, reply):
                if isinstance(reply, float):  # a delay longer than the client's timeout
                    time.sleep(reply)
                    reply = "late"
                if isinstance(reply, tuple):
                    status, message = reply
                    self._send_json(status, {"error": {"message": message, "type": "test"}})
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

            def _stream(self, body, reply):
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                pieces = [reply[i : i + 4] for i in range(0, len(reply), 4)]
                for i, piece in enumerate([*pieces, None]):
                    delta = {"content": piece} if piece is not None else {}
                    if i == 0:
                        delta["role"] = "assistant"
                    chunk = {
                        "id": "cmpl-1",
                        "object": "chat.completion.chunk",
                        "created": 0,
                        "model": body["model"],
                        "choices": [
                            {"index": 0, "delta": delta, "finish_reason": None if piece is not None else "stop"}
                        ],
                    }
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
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
        self.httpd.shutdown()
        self.httpd.server_close()
