"""Ingest files into an Assistant's index with a progress bar and one line per problem."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from paperqa.assistant import Assistant
from paperqa.index import IngestReport
from paperqa.safe_text import printable


def _say(text: str, out: TextIO) -> None:
    print(printable(text), file=out)


def ingest(
    assistant: Assistant,
    paths: Sequence[Path] | None = None,
    strict: bool = False,
    out: TextIO = sys.stderr,
    wait: bool = True,
) -> IngestReport:
    """Read and index files, printing problems and a summary; strict stops at the first problem."""
    bar: tqdm | None = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, desc="indexing", file=out, disable=not out.isatty(),
                       bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed}<{remaining}")  # fmt: skip
        bar.update(done - bar.n)

    try:
        report, read = assistant.ingest(paths, strict=strict, progress=progress, wait=wait)
    finally:
        if bar is not None:
            bar.close()
    for note in read.notes:
        _say(note, out)
    for problem in read.problems:
        _say(f"warning: {problem}", out)
    _say(
        f"read {read.entries} entries ({read.count} papers) with {len(read.problems)} problem(s); "
        f"index: {report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.total} papers in all",
        out,
    )
    return report


def ensure(assistant: Assistant, out: TextIO = sys.stderr) -> None:
    """Build the index from the default corpus on first use, telling the user why it takes a moment (a reader
    of a snapshot folder builds nothing: a writer publishes there)."""
    if assistant.settings.snapshot:
        if assistant.index.is_empty():
            _say(f"no snapshot published in {assistant.settings.snapshot} yet; answering from the first one", out)
        return
    if assistant.index.is_empty():
        _say(f"no index at {assistant.settings.home}; building it from the default corpus", out)
        ingest(assistant, out=out)
