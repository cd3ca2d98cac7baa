"""Reading stored numpy arrays, in one place because reading them is not thread-safe in CPython 3.11.

numpy parses each `.npy` header with `ast.literal_eval`; two threads parsing at once can fail with
"SystemError: AST constructor recursion depth mismatch" (python/cpython#106905; seen here when two indexes were
opened at once in one process). Headers are parsed under one lock; the data is mapped or read outside it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

_PARSING = threading.Lock()


def mapped(path: Path) -> np.ndarray:
    """A stored array, memory-mapped, as a plain array over the map (slicing an np.memmap costs more than the
    slice's arithmetic)."""
    with _PARSING:
        found = np.load(path, mmap_mode="r")
    return np.asarray(found)


def read(path: Path) -> np.ndarray:
    """A stored array, read into memory."""
    with _PARSING:
        return np.asarray(np.load(path))


def read_npz(path: Path, names: Sequence[str]) -> dict[str, np.ndarray]:
    """Named arrays of an `.npz` file, read into memory."""
    with _PARSING, np.load(path) as arrays:
        return {name: arrays[name] for name in names}
