"""`paperqa ingest` and `paperqa check`: the commands that write or verify the index."""

from __future__ import annotations

import json
from pathlib import Path

import click

from paperqa.ingest.run import ingest as run_ingest

from .app import assistant_from, cli, common, say, settings_from


@cli.command()
@common
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Index nothing if any record has a problem.")
@click.option("--year", type=int, help="Year of listing dates shown without one (default: inferred).")
@click.option("--no-wait", is_flag=True, help="Fail at once if another process is writing the index.")
def ingest(home: Path | None, llm: str | None, model: str | None, paths: tuple[Path, ...], strict: bool,
           year: int | None, no_wait: bool) -> None:  # fmt: skip
    """Index corpus files or folders (default: the shipped corpus)."""
    assistant = assistant_from(settings_from(home, llm, model, listing_year=year))
    run_ingest(assistant, list(paths) or None, strict=strict, wait=not no_wait)


@cli.command()
@common
@click.option("--repair", is_flag=True, help="Restore agreement between the stores where it is lost.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
@click.option("--no-wait", is_flag=True, help="Fail at once if another process is writing the index.")
def check(home: Path | None, llm: str | None, model: str | None, repair: bool, as_json: bool, no_wait: bool) -> None:
    """Verify that catalog, Chroma, BM25 and the exact copy hold the same chunks (exit 1 if not)."""
    report = assistant_from(settings_from(home, llm, model)).check(repair=repair, wait=not no_wait)
    if as_json:
        say(json.dumps(report.to_json()))
    else:
        counts = ", ".join(f"{store} {n}" for store, n in report.chunks.items())
        state = "consistent" if report.consistent else "NOT consistent"
        say(f"{state}{' after repair' if report.fixed else ''}: {report.papers} papers; chunks: {counts}")
        for problem in report.fixed:
            say(f"repaired: {problem}")
        for problem in report.problems:
            say(f"problem: {problem}")
    if not report.consistent:
        raise click.exceptions.Exit(1)
