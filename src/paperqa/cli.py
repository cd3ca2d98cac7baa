"""The `paperqa` command: ingest, ask, batch, ui. Errors print one line and exit non-zero."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import textwrap
from pathlib import Path

from .errors import PaperQAError
from .settings import Settings
from .types import Answer, Filters


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text if len(text) > 7 else f"{text}-01" if len(text) == 7 else f"{text}-01-01")
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from None


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", type=Path, help="index folder (default: PAPERQA_HOME or the per-user data folder)")
    common.add_argument(
        "--llm", choices=["auto", "offline", "openai"], help="answer writer (default: PAPERQA_LLM or auto)"
    )
    common.add_argument("--model", help="LLM model name (default: PAPERQA_LLM_MODEL)")
    common.add_argument("--debug", action="store_true", help="show tracebacks")

    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument("--from", dest="date_from", type=_date, help="only papers dated on or after (YYYY[-MM[-DD]])")
    filters.add_argument("--to", dest="date_to", type=_date, help="only papers dated on or before")
    filters.add_argument("--org", help="only papers of this organisation")
    filters.add_argument("--min-upvotes", type=int, help="only papers with at least this many upvotes")
    filters.add_argument("-k", "--sources", type=int, help="number of papers to retrieve (default 10)")

    p = argparse.ArgumentParser(prog="paperqa", description="Cited answers over research-paper abstracts.")
    sub = p.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", parents=[common], help="index corpus files (default: the shipped corpus)")
    ing.add_argument("paths", nargs="*", type=Path, help="listing .txt, .jsonl or .csv files")
    ing.add_argument("--strict", action="store_true", help="index nothing if any record has a problem")
    ing.add_argument("--year", type=int, help="year of listing dates shown without one (default: inferred)")
    ask = sub.add_parser("ask", parents=[common, filters], help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the answer as one JSON object (a batch line)")
    from .cli_batch import add_commands

    add_commands(sub, common, filters)
    ui = sub.add_parser("ui", parents=[common], help="open the chat UI in the browser")
    ui.add_argument("--host", default="127.0.0.1")
    ui.add_argument("--port", type=int, default=7860)
    ui.add_argument("--share", action="store_true", help="ask Gradio for a public link (off by default)")
    return p


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.load(home=args.home, llm=args.llm, llm_model=args.model, listing_year=getattr(args, "year", None))


def _filters(args: argparse.Namespace) -> Filters:
    return Filters(date_from=args.date_from, date_to=args.date_to, org=args.org, min_upvotes=args.min_upvotes)


def format_answer(answer: Answer) -> str:
    """An answer as a person reads it in a terminal: text, then the numbered references."""
    lines = [answer.text, ""]
    if answer.citations:
        lines.append("References:")
        for c in answer.citations:
            meta = ", ".join(x for x in (c.date.isoformat() if c.date else "", c.org) if x)
            lines.append(
                textwrap.fill(f"[{c.n}] {c.title}{f' ({meta})' if meta else ''}", 100, subsequent_indent="    ")
            )
    elif not answer.answerable:
        lines.append(f"(not answerable from the corpus; {len(answer.sources)} papers were searched)")
    return "\n".join(lines).rstrip()


def run(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    from .assistant import Assistant

    assistant = Assistant(_settings(args))
    if args.command == "ingest":
        from paperqa.ingest.run import ingest

        ingest(assistant, args.paths or None, strict=args.strict)
        return 0
    if args.command == "ui":
        from paperqa.ui.app import launch

        launch(assistant, host=args.host, port=args.port, share=args.share)
        return 0
    if args.command == "eval":
        from .cli_batch import run_eval

        base = {k: v for k, v in {"home": args.home, "llm": args.llm, "llm_model": args.model}.items() if v is not None}
        return run_eval(base, args.questions, args.config, args.json, args.chart, args.workers)
    from paperqa.ingest.run import ensure

    ensure(assistant)
    if args.command == "ask":
        answer = assistant.ask(args.question, _filters(args), args.sources)
        print(json.dumps(answer.to_record(), ensure_ascii=False) if args.json else format_answer(answer))
        return 0
    from .cli_batch import run_batch

    return run_batch(assistant, args.questions, args.out, _filters(args), args.sources, args.workers, args.fresh)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `paperqa` script."""
    debug = "--debug" in (argv if argv is not None else sys.argv)
    try:
        code = run(argv)
    except PaperQAError as exc:
        if debug:
            raise
        print(f"paperqa: error: {exc}", file=sys.stderr)
        code = 1
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)


if __name__ == "__main__":
    main()
