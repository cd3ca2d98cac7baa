"""Batch files: questions in (.txt, .csv, .jsonl), answers out (.jsonl, .csv, .md) through a crash-safe journal."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import CorpusError

OUTPUT_FORMATS = (".jsonl", ".csv", ".md")


@dataclass(frozen=True)
class Question:
    """A question with the id its answer is filed under."""

    id: str
    question: str


def _lines(path: Path) -> list[str]:
    if not path.is_file():
        raise CorpusError(str(path), "no such file")
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise CorpusError(str(path), f"invalid UTF-8 at byte {exc.start}", line) from None


def read_questions(path: Path) -> list[Question]:
    """Questions from .txt (one a line), .csv (`question`, optional `id`) or .jsonl (`id`, `question`)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".csv", ".jsonl", ".ndjson"):
        raise CorpusError(str(path), "unknown question format (expected .txt, .csv or .jsonl)")
    lines = _lines(path)
    out: list[Question] = []
    if suffix == ".txt":
        out = [Question(f"q{n}", line.strip()) for n, line in enumerate(lines, start=1) if line.strip()]
    elif suffix == ".csv":
        reader = csv.DictReader(io.StringIO("\n".join(lines)))
        if "question" not in (reader.fieldnames or []):
            raise CorpusError(str(path), "CSV header must name a 'question' column", 1)
        for row in reader:
            text = (row.get("question") or "").strip()
            if not text:
                raise CorpusError(str(path), "field 'question' is empty", reader.line_num)
            out.append(Question((row.get("id") or "").strip() or f"q{reader.line_num}", text))
    else:
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
    if not out:
        raise CorpusError(str(path), "no questions found")
    seen: set[str] = set()
    for q in out:
        if q.id in seen:
            raise CorpusError(str(path), f"id {q.id!r} appears more than once")
        seen.add(q.id)
    return out


class Journal:
    """Append-only JSONL of finished records, one whole line per write; survives a kill at any moment."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.path.parent.mkdir(parents=True, exist_ok=True)

    def load(self) -> dict[str, dict]:
        """Answered records by id; a torn last line (killed mid-write) and failures are dropped for retry."""
        if not self.path.exists():
            return {}
        raw = self.path.read_bytes()
        good = raw[: raw.rfind(b"\n") + 1]
        records: dict[str, dict] = {}
        for line in good.decode("utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if not record.get("error"):
                records[str(record["id"])] = record
        # Rewrite without torn lines and failures, so a retried id ends up on one line only.
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records.values())
        if text.encode() != raw:
            tmp = self.path.with_name(self.path.name + ".tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, self.path)
        return records

    def append(self, record: dict) -> None:
        """Write one record as one line, handed to the OS at once (a killed process loses nothing written)."""
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode()
        with open(self.path, "ab", buffering=0) as fh:  # one write() call per line, no buffer to lose
            fh.write(data)


def journal_for(out: Path) -> Journal:
    """The journal behind an output file: the .jsonl itself, or a `.journal.jsonl` beside .csv/.md."""
    out = Path(out)
    if out.suffix.lower() not in OUTPUT_FORMATS:
        raise CorpusError(str(out), f"unknown output format (expected {', '.join(OUTPUT_FORMATS)})")
    return Journal(out if out.suffix.lower() == ".jsonl" else out.with_name(out.name + ".journal.jsonl"))


def render(out: Path, records: Iterable[dict]) -> None:
    """Write .csv or .md from journal records (atomically); .jsonl needs nothing more."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix == ".jsonl":
        return
    text = _csv(records) if suffix == ".csv" else _markdown(records)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, out)


def _csv(records: Iterable[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "question", "answer", "answerable", "citations", "sources", "error"])
    for r in records:
        cites = "; ".join(f"[{c['n']}] {c['title']}" for c in r.get("citations") or [])
        sources = "; ".join(s["title"] for s in r.get("sources") or [])
        w.writerow(
            [r["id"], r["question"], r.get("answer") or "", r.get("answerable"), cites, sources, r.get("error") or ""]
        )
    return buf.getvalue()


def _markdown(records: Iterable[dict]) -> str:
    lines = ["# paperqa answers", ""]
    for r in records:
        lines += [f"## {r['id']}: {r['question']}", ""]
        if r.get("error"):
            lines += [f"**Failed:** {r['error']}", ""]
            continue
        lines += [r["answer"] if r["answerable"] else f"*Not covered by the corpus.* {r['answer']}", ""]
        for c in r.get("citations") or []:
            meta = ", ".join(x for x in (c.get("date") or "", c.get("org") or "") if x)
            lines.append(f"- [{c['n']}] {c['title']}{f' ({meta})' if meta else ''}")
        lines.append("")
    return "\n".join(lines)
