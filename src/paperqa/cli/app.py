"""The `paperqa` command group: shared options, settings read once, and errors as one line.

Click rather than argparse: one decorated function per command, options shared by decorators instead of
parent parsers, `--debug` an ordinary option, and `CliRunner` for in-process tests. Click is already
installed with the stack (gradio depends on it through typer); typer's extra layer buys nothing here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..assistant import Assistant
from ..errors import PaperQAError
from ..filters import Filters
from ..safe_text import printable
from ..settings import Settings

F = TypeVar("F", bound=Callable[..., Any])


def say(text: str, err: bool = False) -> None:
    """Print text for a person: nothing in it may drive the terminal (escape sequences, controls)."""
    click.echo(printable(text), err=err)


def _debug(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    if value:
        ctx.find_root().meta["debug"] = True
    return value


class Group(click.Group):
    """Runs a command; any error becomes `paperqa: error: <one line>` and exit code 1 (`--debug`: traceback)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            ctx.exit(130)
        except Exception as exc:
            if ctx.meta.get("debug"):
                raise
            line = printable(str(exc), keep_newlines=False)
            if not isinstance(exc, PaperQAError):  # a bug or a library's own error: say so, and how to see more
                line = f"unexpected {type(exc).__name__}: {line[:300]} (run again with --debug for the traceback)"
            say(f"paperqa: error: {line}", err=True)
            ctx.exit(1)


def common(fn: F) -> F:
    """Options every command takes: where the index is, which writer and model, and tracebacks."""
    for option in reversed([
        click.option("--home", type=click.Path(path_type=Path), help="Index folder (default: PAPERQA_HOME)."),
        click.option("--llm", type=click.Choice(["auto", "offline", "openai"]), help="Answer writer."),
        click.option("--model", help="LLM model name (default: PAPERQA_LLM_MODEL)."),
        click.option("--debug", is_flag=True, expose_value=False, callback=_debug, help="Show tracebacks."),
    ]):  # fmt: skip
        fn = option(fn)
    return fn


def filter_options(fn: F) -> F:
    """Options that restrict retrieval, handed to the command as one `filters` (the library checks their
    values: one rule for CLI, UI and API); `-k` stays its own."""

    @functools.wraps(fn)
    def run(*args: Any, date_from: str | None, date_to: str | None, org: str | None, min_upvotes: int | None,
            categories: tuple[str, ...], **kwargs: Any) -> Any:  # fmt: skip
        filters = Filters(date_from=date_from, date_to=date_to, org=org, min_upvotes=min_upvotes,
                          categories=categories)  # fmt: skip
        return fn(*args, filters=filters, **kwargs)

    for option in reversed([
        click.option("--from", "date_from", metavar="DATE", help="Only papers dated on or after (YYYY[-MM[-DD]])."),
        click.option("--to", "date_to", metavar="DATE", help="Only papers dated on or before; a year or month "
                     "counts whole."),
        click.option("--org", help="Only papers of this organisation."),
        click.option("--min-upvotes", type=int, help="Only papers with at least this many upvotes."),
        click.option("--category", "categories", multiple=True, metavar="NAME", help="Only papers in this arXiv "
                     "category (cs.CL) or archive (cs); repeat for any of several."),
        click.option("-k", "--sources", type=int, help="Number of papers to retrieve (1-100, default 10)."),
    ]):  # fmt: skip
        run = option(run)
    return run  # type: ignore[return-value]


def settings_from(home: Path | None, llm: str | None, model: str | None, **more: Any) -> Settings:
    """Settings from the environment, with the command's options on top."""
    return Settings.load(home=home, llm=llm, llm_model=model, **more)


def assistant_from(settings: Settings) -> Assistant:
    """An assistant that says so, on stderr, when it waits for another process writing the index."""
    return Assistant(settings, on_wait=lambda message: say(message, err=True))


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Cited answers over research-paper abstracts."""
