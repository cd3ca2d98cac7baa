"""Named crash points, for the tests that SIGKILL a real ingest at chosen moments.

`PAPERQA_CRASH_AT=name[:n[:delay]]` kills this process with SIGKILL the n-th time (default 1) the code passes
`crash_point(name)`; with a delay in seconds the kill comes that long after, inside whatever runs next (for
example, the middle of a Chroma write). Unset, a crash point costs one dictionary lookup.
"""

from __future__ import annotations

import os
import signal
import threading
from collections import Counter

_seen: Counter[str] = Counter()


def crash_point(name: str) -> None:
    """Die here if `PAPERQA_CRASH_AT` names this point and its count has come."""
    spec = os.environ.get("PAPERQA_CRASH_AT")
    if not spec:
        return
    target, _, rest = spec.partition(":")
    if target != name:
        return
    nth, _, delay = rest.partition(":")
    _seen[name] += 1
    if _seen[name] != int(nth or 1):
        return
    if delay:
        threading.Timer(float(delay), os.kill, (os.getpid(), signal.SIGKILL)).start()
    else:
        os.kill(os.getpid(), signal.SIGKILL)
