"""`paperqa ask`, `paperqa batch` and `paperqa eval`: questions in, cited answers out."""

from __future__ import annotations

import json
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from paperqa.ingest.run import ensure

from ..assistant import Assistant
from ..batch import BatchSummary, Question, iter_answers, journal_for, read_questions, render
from ..batch.files import Record
from ..errors import SettingsError
from ..evaluation import by_split, compare_chart, compare_table, format_table, load_questions
from ..filters import Filters
from ..settings import Settings
from ..types import Answer
from .app import assistant_from, cli, common, filter_options, say, settings_from

_RENDER_EVERY = 50


def format_answer(answer: Answer) -> str:
    """An answer as a person reads it in a terminal: text, then the numbered references."""
    lines = [answer.text, ""]
    if not answer.complete:
        lines.insert(1, "(incomplete: the model's reply was cut short)")
    lines[1:1] = [f"(note: {note})" for note in answer.notes]
    if answer.citations:
        lines.append("References:")
        lines += [textwrap.fill(c.reference(), 100, subsequent_indent="    ") for c in answer.citations]
    elif not answer.answerable:
        lines.append(f"(not answerable from the corpus; {len(answer.sources)} papers were searched)")
    return "\n".join(lines).rstrip()


@cli.command()
@common
@filter_options
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as one JSON object (a batch line).")
def ask(home: Path | None, llm: str | None, model: str | None, question: str, as_json: bool, filters: Filters,
        sources: int | None) -> None:  # fmt: skip
    """Answer one question with cited papers."""
    assistant = assistant_from(settings_from(home, llm, model))
    ensure(assistant)
    answer = assistant.ask(question, filters, sources)
    say(json.dumps(answer.to_record(), ensure_ascii=False) if as_json else format_answer(answer))


@cli.command()
@common
@filter_options
@click.argument("questions", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Answers: .jsonl, .csv or .md.")
@click.option("--resume", is_flag=True, help="Answer only what the output lacks (the default).")
@click.option("--fresh", is_flag=True, help="Start over, discarding earlier answers in --out.")
@click.option("--workers", type=click.IntRange(1, 64), help="Questions in flight (default: cores offline, "
              "PAPERQA_BATCH_CONCURRENCY with an LLM).")  # fmt: skip
def batch(home: Path | None, llm: str | None, model: str | None, questions: Path, out: Path, resume: bool,
          fresh: bool, workers: int | None, filters: Filters, sources: int | None) -> None:  # fmt: skip
    """Answer a file of questions (.txt, .csv, .jsonl); resumable, exit 1 if any question failed."""
    assistant = assistant_from(settings_from(home, llm, model))
    assistant.settings.sources_count(sources)  # a bad -k fails before any work
    asked = read_questions(questions)
    journal = journal_for(out)
    ensure(assistant)
    if fresh and journal.path.exists():
        journal.path.unlink()
    summary = _run(assistant, asked, journal.load(), out, filters, sources, workers)
    for error in summary.errors[:10]:
        say(f"failed: {error}", err=True)
    if summary.failed:
        raise click.exceptions.Exit(1)


def _run(assistant: Assistant, asked: list[Question], done: dict[str, Record], out: Path, filters: Filters,
         k: int | None, workers: int | None) -> BatchSummary:  # fmt: skip
    """Answer what is not done yet, journal every outcome, render the output, print the summary."""
    todo = [q for q in asked if q.id not in done]
    model = assistant.settings.llm_model if assistant.settings.writer == "openai" else ""
    summary = BatchSummary(model=model, skipped=len(asked) - len(todo))
    journal, records, started = journal_for(out), dict(done), time.monotonic()
    factory = assistant.worker_factory()
    with tqdm(total=len(todo), unit="q", desc="answering", file=sys.stderr, disable=not todo) as bar:
        for n, item in enumerate(iter_answers(assistant, todo, filters, k, workers, factory), start=1):
            record = item.record()
            journal.append(record)
            records[item.question.id] = record
            summary.add(item)
            bar.update(1)
            if n % _RENDER_EVERY == 0:
                render(out, [records[q.id] for q in asked if q.id in records])
    render(out, [records[q.id] for q in asked if q.id in records])
    rate = len(todo) / max(time.monotonic() - started, 1e-9)
    say(f"{summary.line()}; {rate:.1f} questions/s -> {out}", err=True)
    return summary


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


@cli.command(name="eval")
@common
@click.argument("questions", type=click.Path(path_type=Path))
@click.option("--config", "configs", multiple=True, help="name:key=value,... (settings overrides); repeat to "
              "compare side by side.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the measures as JSON.")
@click.option("--chart", type=click.Path(path_type=Path), help="Write a bar chart PNG of the measures.")
@click.option("--workers", type=click.IntRange(1, 64))
def evaluate(home: Path | None, llm: str | None, model: str | None, questions: Path, configs: tuple[str, ...],
             as_json: bool, chart: Path | None, workers: int | None) -> None:  # fmt: skip
    """Measure quality on a dev-format question file, for one or several configurations."""
    asked = load_questions(questions)
    base: dict[str, Any] = {k: v for k, v in {"home": home, "llm": llm, "llm_model": model}.items() if v is not None}
    reports, halves = {}, {}
    for spec in configs or ("current:",):
        name, overrides = parse_config(spec)
        assistant = Assistant(Settings.load(**{**base, **overrides}))
        splits = by_split(asked, assistant.ask_batch([q.question for q in asked], workers=workers))
        reports[name], halves[name] = splits["all"], splits
        assistant.close()
    if as_json:
        say(json.dumps(halves if any(len(s) > 1 for s in halves.values()) else reports, indent=2))
    elif len(reports) == 1:
        splits = next(iter(halves.values()))
        for split, report in splits.items():
            say(f"== {split} ==\n{format_table(report)}" if len(splits) > 1 else format_table(report))
    else:
        say(compare_table(reports))
    if chart:
        compare_chart(reports, chart)
        say(f"chart -> {chart}", err=True)
