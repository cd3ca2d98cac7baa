"""One writer per index: an exclusive OS file lock that the kernel drops when its process dies.

The lock file holds who took it (PID, start time, what for), only so a waiting writer can say whom it waits
for; the lock itself is `flock`, so a killed writer never leaves a stale lock behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import IndexBusyError

OnWait = Callable[[str], None]


class WriterLock:
    """`with lock.hold("ingest"):` makes this process the index's only writer until the block ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.Lock()  # threads of one process queue here before the file lock

    def holder(self) -> str:
        """Who holds the lock, as a person reads it: `the ingest running as PID 123, started 14:05`."""
        try:
            info = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            info = {}
        if not info.get("pid"):
            return "another writer"
        started = dt.datetime.fromtimestamp(float(info.get("started", 0))).strftime("%H:%M")
        return f"the {info.get('what', 'write')} running as PID {info['pid']}, started {started}"

    @contextlib.contextmanager
    def hold(self, what: str, wait: bool = True, on_wait: OnWait | None = None) -> Iterator[None]:
        """Hold the lock for the block; wait (saying so once through `on_wait`) or fail at once."""
        if not self._local.acquire(blocking=wait):
            raise IndexBusyError(f"the index at {self.path.parent} is being written by this process")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                self._acquire(fd, wait, on_wait)
                record = json.dumps({"pid": os.getpid(), "started": dt.datetime.now().timestamp(), "what": what})
                os.ftruncate(fd, 0)
                os.pwrite(fd, record.encode(), 0)
                try:
                    yield
                finally:
                    os.ftruncate(fd, 0)
                    fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)
        finally:
            self._local.release()

    def _acquire(self, fd: int, wait: bool, on_wait: OnWait | None) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        who = self.holder()
        if not wait:
            raise IndexBusyError(f"the index at {self.path.parent} is busy: {who} holds it (try again later)")
        if on_wait is not None:
            on_wait(f"waiting for {who}")
        fcntl.flock(fd, fcntl.LOCK_EX)

    def is_held(self) -> bool:
        """Whether some process (this one included) holds the lock right now."""
        if self._local.locked():
            return True
        if not self.path.exists():
            return False
        fd = os.open(self.path, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            os.close(fd)  # closing drops the probe's shared lock
        return False
