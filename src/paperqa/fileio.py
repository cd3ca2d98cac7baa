"""Files written whole or not at all, and JSON Lines read with their line numbers."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import InputFileError


def atomic_write(path: Path, data: str | bytes) -> None:
    """Replace a file with new content in one step: a reader (or a crash) sees the old file or the new one."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def read_lines(path: Path) -> list[str]:
    """A text file's lines; a missing file or bad UTF-8 is one error naming the file and line."""
    path = Path(path)
    if path.is_dir():
        raise InputFileError(str(path), "is a folder, not a file")
    if not path.is_file():
        raise InputFileError(str(path), "no such file")
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise InputFileError(
            str(path), f"invalid UTF-8 at byte {exc.start}", raw[: exc.start].count(b"\n") + 1
        ) from None


def iter_jsonl(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, value) of every non-blank line; a line that is not JSON is an error naming it."""
    for number, line in enumerate(read_lines(path), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputFileError(str(path), f"invalid JSON ({exc.msg})", number) from None
