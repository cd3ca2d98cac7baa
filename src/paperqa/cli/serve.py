"""`paperqa ui`: the chat in the browser (the one command that loads the Gradio edge)."""

from __future__ import annotations

import signal
from pathlib import Path

import click

from .app import assistant_from, cli, common, settings_from


@cli.command()
@common
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on.")
@click.option("--port", type=click.IntRange(1, 65535), default=7860, show_default=True)
@click.option("--share", is_flag=True, help="Ask Gradio for a public link (off by default).")
@click.option("--mcp", is_flag=True, help="Also serve the tools ask and search_corpus over MCP (/gradio_api/mcp/).")
def ui(home: Path | None, llm: str | None, model: str | None, host: str, port: int, share: bool, mcp: bool) -> None:
    """Open the chat UI in the browser."""
    # Loaded here, not at the top: every other command stays free of gradio's import time.
    from paperqa.ui.app import launch

    # A service manager stops the UI with SIGTERM: close it as Ctrl-C does, so its temporary files go too.
    signal.signal(signal.SIGTERM, _interrupted)
    launch(assistant_from(settings_from(home, llm, model)), host=host, port=port, share=share, mcp=mcp)


def _interrupted(signum: int, frame: object) -> None:
    """SIGTERM as Ctrl-C: Gradio's wait loop then closes the server and the process exits cleanly."""
    raise KeyboardInterrupt
