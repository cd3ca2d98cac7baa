"""Batch files: questions in (.txt, .csv, .jsonl), answers out (.jsonl, .csv, .md) through a crash-safe journal."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputFileError
from ..fileio import atomic_write, iter_jsonl, read_lines
from ..safe_text import inert, markdown_text, printable
from ..types import Citation

OUTPUT_FORMATS = (".jsonl", ".csv", ".md")
Record = dict[str, Any]


@dataclass(frozen=True)
class Question:
    """A question with the id its answer is filed under."""

    id: str
    question: str


def _from_txt(path: Path) -> list[Question]:
    lines = read_lines(path)
    return [Question(f"q{n}", line.strip()) for n, line in enumerate(lines, start=1) if line.strip()]


def _from_csv(path: Path) -> list[Question]:
    reader = csv.DictReader(io.StringIO("\n".join(read_lines(path))))
    if "question" not in (reader.fieldnames or []):
        raise InputFileError(str(path), "CSV header must name a 'question' column", 1)
    out = []
    for row in reader:
        text = (row.get("question") or "").strip()
        if not text:
            raise InputFileError(str(path), "field 'question' is empty", reader.line_num)
        out.append(Question((row.get("id") or "").strip() or f"q{reader.line_num}", text))
    return out


def _from_jsonl(path: Path) -> list[Question]:
    out = []
    for n, d in iter_jsonl(path):
        if not isinstance(d, dict) or not str(d.get("question") or "").strip():
            raise InputFileError(str(path), "field 'question' is missing or empty", n)
        out.append(Question(str(d.get("id") or f"q{n}"), str(d["question"]).strip()))
    return out


_READERS = {".txt": _from_txt, ".csv": _from_csv, ".jsonl": _from_jsonl, ".ndjson": _from_jsonl}


def read_questions(path: Path) -> list[Question]:
    """Questions from .txt (one a line), .csv (`question`, optional `id`) or .jsonl (`id`, `question`)."""
    path = Path(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise InputFileError(str(path), "unknown question format (expected .txt, .csv or .jsonl)")
    out = reader(path)
    if not out:
        raise InputFileError(str(path), "no questions found")
    seen: set[str] = set()
    for q in out:
        if q.id in seen:
            raise InputFileError(str(path), f"id {q.id!r} appears more than once")
        seen.add(q.id)
    return out


class Journal:
    """Append-only JSONL of finished records, one whole line per write; survives a kill at any moment."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.path.parent.mkdir(parents=True, exist_ok=True)

    def load(self) -> dict[str, Record]:
        """Answered records by id; a torn last line (killed mid-write) and failures are dropped for retry."""
        if not self.path.exists():
            return {}
        raw = self.path.read_bytes()
        good = raw[: raw.rfind(b"\n") + 1]
        records: dict[str, Record] = {}
        for line in good.decode("utf-8", errors="replace").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict) and "id" in record and not record.get("error"):
                records[str(record["id"])] = record
        # Rewrite without torn lines and failures, so a retried id ends up on one line only.
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records.values())
        if text.encode() != raw:
            atomic_write(self.path, text)
        return records

    def append(self, record: Record) -> None:
        """Write one record as one line, handed to the OS at once (a killed process loses nothing written)."""
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode()
        with open(self.path, "ab", buffering=0) as fh:  # one write() call per line, no buffer to lose
            fh.write(data)


def journal_for(out: Path) -> Journal:
    """The journal behind an output file: the .jsonl itself, or a `.journal.jsonl` beside .csv/.md."""
    out = Path(out)
    if out.suffix.lower() not in OUTPUT_FORMATS:
        raise InputFileError(str(out), f"unknown output format (expected {', '.join(OUTPUT_FORMATS)})")
    return Journal(out if out.suffix.lower() == ".jsonl" else out.with_name(out.name + ".journal.jsonl"))


def render(out: Path, records: Iterable[Record]) -> None:
    """Write .csv or .md from journal records (atomically); .jsonl needs nothing more."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix == ".jsonl":
        return
    atomic_write(out, _csv(records) if suffix == ".csv" else _markdown(records))


def _csv(records: Iterable[Record]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "question", "answer", "answerable", "complete", "citations", "sources", "notes", "error"])
    for r in records:
        cites = "; ".join(Citation.from_record(c).reference() for c in r.get("citations") or [])
        sources = "; ".join(inert(s["title"]) for s in r.get("sources") or [])  # (a title's "[3]" cites nothing)
        row = [r["id"], r["question"], r.get("answer") or "", r.get("answerable"), r.get("complete", True), cites]
        w.writerow([*row, sources, " ".join(r.get("notes") or []), r.get("error") or ""])
    return buf.getvalue()


def _markdown(records: Iterable[Record]) -> str:
    lines = ["# paperqa answers", ""]
    for r in records:
        lines += [f"## {printable(str(r['id']))}: {markdown_text(r['question'])}", ""]
        if r.get("error"):
            lines += [f"**Failed:** {markdown_text(r['error'])}", ""]
            continue
        answer = r["answer"] if r["answerable"] else f"*Not covered by the corpus.* {r['answer']}"
        if r.get("complete") is False:
            answer += " *(incomplete: the model's reply was cut short)*"
        lines += [answer, ""]
        lines += [f"*Note: {markdown_text(note)}*" for note in r.get("notes") or []]
        lines += [""] if r.get("notes") else []
        lines += [f"- {markdown_text(Citation.from_record(c).reference())}" for c in r.get("citations") or []]
        lines.append("")
    return "\n".join(lines)
