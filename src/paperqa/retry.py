"""The one retry rule: what may be retried, how long to wait, and when to stop.

Errors say whether they may be retried (`PaperQAError.retryable`, with the server's `Retry-After` where it
gave one); the LLM writer is the one caller that asks this rule, and no client below it retries on its own.
"""

from __future__ import annotations

import random
import time

from .errors import PaperQAError

RETRY_AFTER_MAX = 30.0  # seconds; a server asking for longer is not waited for
BASE_DELAY = 0.5


def delay_before_retry(exc: Exception, attempt: int, max_retries: int, deadline: float) -> float | None:
    """Seconds to wait before attempt `attempt + 1`, or None when the error must be raised now."""
    if not isinstance(exc, PaperQAError) or not exc.retryable or attempt > max_retries:
        return None
    after = getattr(exc, "retry_after", None)
    if after is not None:
        if after > RETRY_AFTER_MAX:
            return None
        wait = float(after)
    else:
        wait = BASE_DELAY * 2 ** (attempt - 1) * (1 + random.random() / 2)
    if time.monotonic() + wait >= deadline:
        return None
    return wait
