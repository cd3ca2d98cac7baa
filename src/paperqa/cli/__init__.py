"""The `paperqa` command line: ingest, check, ask, batch, eval, ui."""

from __future__ import annotations

import sys

from . import answers, index, serve
from .app import cli

__all__ = ["answers", "cli", "index", "main", "serve"]


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `paperqa` script."""
    cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="paperqa")
