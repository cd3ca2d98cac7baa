"""The writer's heap. glibc serves an array below its mmap threshold from the heap and raises that threshold
each time a larger mapped array is freed, so over a long ingest the segments' working arrays end up on the heap
and their freed pages stay with the process: resident memory crept up by a segment's working set at a time
(315 -> 500 MB over 100k papers at 1M). A fixed threshold keeps every large array in a mapping of its own,
returned whole when the array is freed."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools

_M_MMAP_THRESHOLD = -3  # mallopt's parameter number in glibc's malloc.h
_LARGE = 128 * 1024  # bytes: glibc's starting threshold, kept fixed instead of raised


@functools.cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name) if name else None
    except OSError:
        return None


@functools.cache
def return_large_arrays() -> bool:
    """Fix the threshold for this process (once); False where the C library is not glibc or refuses."""
    libc = _libc()
    return bool(libc is not None and hasattr(libc, "mallopt") and libc.mallopt(_M_MMAP_THRESHOLD, _LARGE))


def release() -> None:
    """Give the heap's free pages back to the system (after a segment: its records and texts are gone)."""
    libc = _libc()
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)
