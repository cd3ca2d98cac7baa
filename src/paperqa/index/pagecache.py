"""A reader's index files read into the OS page cache in the background, so its first questions find them there.

A search touches memory-mapped pages at random (the rows it rescores, a term's postings); in a new reader each
such page is a read from disk. Linux reads at most its read-ahead window (128 KB by default) for one
`posix_fadvise(WILLNEED)`, so asking for a whole file brings in its first window only (measured here). The files
are sent to /dev/null instead (`sendfile`: the kernel reads them into the cache and copies nothing; the 3 GB of
a 1M-paper index in 1.7 s and 0.2 s of CPU, where reading them through Python took 3-6 s and 2-5 s of CPU), in
one low-priority thread, a generation's new files once, and only when they fit in half the memory the system has
free. Linux only (elsewhere the kernel is left to it). Measured at 1M papers, page cache emptied first: the
first reader's p95 36.4 ms with it, 38.3 and 41.0 without (README, Scaling; the disk here reads 1 GB/s).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterable
from pathlib import Path

_CHUNK = 8 << 20  # bytes per sendfile call (each releases the GIL: questions go on meanwhile)
_SHARE = 0.5  # of the memory available: files larger than this together are left to the kernel

_lock = threading.Condition()
_pending: list[Path] = []
_asked: set[Path] = set()  # files queued or read by this process (a published part never changes)
_thread: threading.Thread | None = None
_busy = False  # the thread is reading a file


def warm(paths: Iterable[Path]) -> None:
    """Read files this process has not asked for yet into the page cache, in the background, if they fit."""
    global _thread
    available = _available()
    with _lock:
        fresh = [p for p in dict.fromkeys(paths) if p not in _asked]
        if not fresh or available is None or not hasattr(os, "sendfile"):
            return
        if sum(_size(p) for p in fresh) > _SHARE * available:
            return
        _asked.update(fresh)
        _pending.extend(fresh)
        if _thread is None:
            _thread = threading.Thread(target=_read_pending, name="paperqa-pagecache", daemon=True)
            _thread.start()
        _lock.notify()


def idle(timeout: float) -> bool:
    """Whether every file asked for has been read, waiting up to `timeout` seconds (tests and benchmarks)."""
    deadline = time.monotonic() + timeout
    with _lock:
        while _pending or _busy:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            _lock.wait(left)
    return True


def _read_pending() -> None:
    global _busy
    with contextlib.suppress(AttributeError, OSError):  # this thread only, least favoured (Linux)
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    while True:
        with _lock:
            while not _pending:
                _busy = False
                _lock.notify_all()
                _lock.wait()
            path, _busy = _pending.pop(0), True
        with contextlib.suppress(OSError), open(path, "rb", buffering=0) as fh, open(os.devnull, "wb") as null:
            offset = 0
            while sent := os.sendfile(null.fileno(), fh.fileno(), offset, _CHUNK):
                offset += sent


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _available() -> int | None:
    """The memory the system can give without swapping (Linux's MemAvailable), in bytes; None elsewhere."""
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _forget_thread() -> None:
    """In a forked child: the parent's thread is not there (what it read is in the shared cache anyway)."""
    global _thread, _busy, _lock
    _thread, _busy, _lock = None, False, threading.Condition()
    _pending.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_thread)
