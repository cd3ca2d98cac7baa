"""Batch questions in (.txt one a line, .jsonl with `id` and `question`) and answers out as JSONL."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import CorpusError


@dataclass(frozen=True)
class Question:
    """A question with the id its answer is filed under."""

    id: str
    question: str


def read_questions(path: Path) -> list[Question]:
    """Questions from a .txt or .jsonl file; a bad line is an error naming file and line."""
    path = Path(path)
    if not path.is_file():
        raise CorpusError(str(path), "no such file")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise CorpusError(str(path), f"invalid UTF-8 at byte {exc.start}") from None
    out: list[Question] = []
    if path.suffix.lower() == ".txt":
        out = [Question(f"q{n}", line.strip()) for n, line in enumerate(lines, start=1) if line.strip()]
    elif path.suffix.lower() in (".jsonl", ".ndjson"):
        for n, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(str(path), f"invalid JSON ({exc.msg})", n) from None
            if not isinstance(d, dict) or not str(d.get("question") or "").strip():
                raise CorpusError(str(path), "field 'question' is missing or empty", n)
            out.append(Question(str(d.get("id") or f"q{n}"), str(d["question"]).strip()))
    else:
        raise CorpusError(str(path), "unknown question format (expected .txt or .jsonl)")
    if not out:
        raise CorpusError(str(path), "no questions found")
    ids = [q.id for q in out]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise CorpusError(str(path), f"id {dup!r} appears more than once")
    return out
