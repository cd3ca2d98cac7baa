"""The `batch` and `eval` commands: resumable batch answering and side-by-side evaluation."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from tqdm import tqdm

from .assistant import Assistant
from .batch import journal_for, read_questions, render
from .batch_run import BatchSummary, iter_answers
from .errors import SettingsError
from .evaluation import compare_chart, compare_table, format_table, load_questions, summarize
from .settings import Settings
from .types import Filters

_RENDER_EVERY = 50


def run_batch(
    assistant: Assistant,
    questions_path: Path,
    out: Path,
    filters: Filters,
    k: int | None,
    workers: int | None,
    fresh: bool,
) -> int:
    """Answer a question file into `out`, resuming what an earlier run left; exit 1 if any failed."""
    questions = read_questions(questions_path)
    journal = journal_for(out)
    if fresh and journal.path.exists():
        journal.path.unlink()
    done = journal.load()
    todo = [q for q in questions if q.id not in done]
    summary = BatchSummary(
        model=assistant.settings.llm_model if assistant.settings.writer == "openai" else "",
        skipped=len(questions) - len(todo),
    )
    started = time.monotonic()
    records = dict(done)
    with tqdm(total=len(todo), unit="q", desc="answering", file=sys.stderr, disable=not todo) as bar:
        for n, item in enumerate(iter_answers(assistant, todo, filters, k, workers), start=1):
            record = item.record()
            journal.append(record)
            records[item.question.id] = record
            summary.add(item)
            bar.update(1)
            if n % _RENDER_EVERY == 0:
                render(out, _ordered(records, questions))
    render(out, _ordered(records, questions))
    rate = len(todo) / max(time.monotonic() - started, 1e-9)
    print(f"{summary.line()}; {rate:.1f} questions/s -> {out}", file=sys.stderr)
    for error in summary.errors[:10]:
        print(f"failed: {error}", file=sys.stderr)
    return 1 if summary.failed else 0


def _ordered(records: dict[str, dict], questions) -> list[dict]:
    return [records[q.id] for q in questions if q.id in records]


def parse_config(spec: str) -> tuple[str, dict[str, str]]:
    """`name:key=value,key=value` (keys are Settings fields) as a name and overrides."""
    name, _, rest = spec.partition(":")
    overrides = {}
    for part in filter(None, rest.split(",")):
        key, eq, value = part.partition("=")
        if not eq or key.strip() not in Settings.model_fields:
            raise SettingsError(f"--config {spec!r}: {part!r} is not key=value with a known setting")
        overrides[key.strip()] = value.strip()
    return name or "config", overrides


def run_eval(
    base: dict, questions_path: Path, configs: list[str], as_json: bool, chart: Path | None, workers: int | None
) -> int:
    """Evaluate one or several configurations on a dev-format question file."""
    questions = load_questions(questions_path)
    reports = {}
    for spec in configs or ["current:"]:
        name, overrides = parse_config(spec)
        assistant = Assistant(Settings.load(**{**base, **overrides}))
        answers = assistant.ask_batch([q.question for q in questions], workers=workers)
        reports[name] = summarize(questions, answers)
        assistant.close()
    if as_json:
        print(json.dumps(reports, indent=2))
    elif len(reports) == 1:
        print(format_table(next(iter(reports.values()))))
    else:
        print(compare_table(reports))
    if chart:
        compare_chart(reports, chart)
        print(f"chart -> {chart}", file=sys.stderr)
    return 0


def add_commands(
    sub: argparse._SubParsersAction, common: argparse.ArgumentParser, filters: argparse.ArgumentParser
) -> None:
    """Declare `batch` and `eval` on the main parser."""
    bat = sub.add_parser("batch", parents=[common, filters], help="answer a file of questions (resumable)")
    bat.add_argument("questions", type=Path, help=".txt (one a line), .csv (question[, id]) or .jsonl (id, question)")
    bat.add_argument("--out", type=Path, required=True, help="answers: .jsonl, .csv or .md (by extension)")
    bat.add_argument("--resume", action="store_true", help="answer only what the output lacks (the default)")
    bat.add_argument("--fresh", action="store_true", help="start over, discarding earlier answers in --out")
    bat.add_argument(
        "--workers",
        type=int,
        help="questions in flight (default: cores offline, PAPERQA_BATCH_CONCURRENCY with an LLM)",
    )
    ev = sub.add_parser("eval", parents=[common], help="measure quality on a dev-format question file")
    ev.add_argument("questions", type=Path)
    ev.add_argument(
        "--config",
        action="append",
        default=[],
        help="name:key=value,... (settings overrides); repeat to compare side by side",
    )
    ev.add_argument("--json", action="store_true", help="print the measures as JSON")
    ev.add_argument("--chart", type=Path, help="write a bar chart PNG of the measures")
    ev.add_argument("--workers", type=int)
