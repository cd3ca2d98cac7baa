"""The Gradio chat: `build_app(assistant)` makes the Blocks, `launch()` serves them (safe defaults)."""

from __future__ import annotations

import gradio as gr  # (after the package's __init__ has set Gradio's environment)
import huggingface_hub.constants as _hub
from starlette.middleware import Middleware

# The hub reads its switches once at import, which may have happened before this module ran.
_hub.HF_HUB_OFFLINE = _hub.HF_HUB_DISABLE_TELEMETRY = True

from paperqa import Assistant, PaperQAError, SettingsError  # noqa: E402
from paperqa.ingest.run import ensure  # noqa: E402

from .chat import ChatPanel, filters_from, shown_error  # noqa: E402
from .corpus_view import build_corpus_tab  # noqa: E402
from .security import Guard, is_loopback  # noqa: E402
from .tools import McpTools  # noqa: E402

__all__ = ["CSS", "JS", "auth_pairs", "build_app", "filters_from", "launch", "shown_error"]

CSS = """
.pqa-card { border: 1px solid #d0d7de; border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
.pqa-card.pqa-is-cited { border-color: #4c8bf5; }
.pqa-card:target, .pqa-card.pqa-flash { box-shadow: 0 0 0 3px #4c8bf5; }
.pqa-meta { color: #57606a; font-size: 0.9em; margin: 4px 0; }
.pqa-score { color: #57606a; font-size: 0.85em; }
.pqa-cited { background: #4c8bf5; color: white; border-radius: 4px; padding: 0 4px; font-size: 0.8em; }
.pqa-snippet mark { background: #fff3a3; }
"""

# Citation links open and show their card in the sources panel, wherever the chat renders them. Gradio labels
# each message for screen readers with its Markdown source; the label is set to the text as rendered instead.
JS = """
() => {
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a.pqa-cite');
    if (!link) return;
    event.preventDefault();
    const card = document.getElementById(link.getAttribute('href').slice(1));
    if (!card) return;
    card.closest('details.pqa-earlier')?.setAttribute('open', '');
    card.setAttribute('open', '');
    card.classList.add('pqa-flash');
    setTimeout(() => card.classList.remove('pqa-flash'), 2000);
    card.scrollIntoView({behavior: 'smooth', block: 'center'});
  }, true);
  const relabel = () => {
    for (const el of document.querySelectorAll('#pqa-chat [data-testid="user"], #pqa-chat [data-testid="bot"]')) {
      const who = el.dataset.testid === 'user' ? "user's message: " : "bot's message: ";
      const text = who + (el.querySelector('.message-content')?.innerText ?? el.innerText).trim();
      if (el.getAttribute('aria-label') !== text) el.setAttribute('aria-label', text);
    }
  };
  // Each new question is shown at the top of the chat and its answer read from its start as it streams
  // (Gradio's own follow of the bottom lost it after long answers); a user scrolling takes over until the next.
  let asked = 0, pinned = false;
  const pin = () => {
    const wrap = document.querySelector('#pqa-chat .bubble-wrap');
    const users = document.querySelectorAll('#pqa-chat [data-testid="user"]');
    if (!wrap) return;
    if (users.length !== asked) { pinned = users.length > asked; asked = users.length; }
    const last = users[users.length - 1];
    if (!pinned || !last) return;
    const top = last.getBoundingClientRect().top - wrap.getBoundingClientRect().top + wrap.scrollTop - 8;
    if (Math.abs(wrap.scrollTop - top) > 2) wrap.scrollTop = top;
  };
  const unpin = (event) => { if (event.target.closest?.('#pqa-chat')) pinned = false; };
  for (const kind of ['wheel', 'touchmove', 'keydown']) document.addEventListener(kind, unpin, {passive: true});
  new MutationObserver(() => { relabel(); pin(); }).observe(document.body, {subtree: true, childList: true,
    characterData: true, attributes: true, attributeFilter: ['aria-label']});
}
"""


def build_app(assistant: Assistant, mcp: bool = False) -> gr.Blocks:
    """The chat, sources, filters and corpus view over one Assistant; nothing is launched. With `mcp`, the
    tools `ask` and `search_corpus` are the documented endpoints (MCP lists every documented endpoint as a
    tool, and the chat's session endpoints stay callable but unlisted: they need a browser session's history)."""
    # delete_cache: Gradio's copies of exported files go after a day, and all of them when the server closes.
    with gr.Blocks(title="paperqa", analytics_enabled=False, delete_cache=(3600, 86400)) as app:
        with gr.Row():
            gr.Markdown("## paperqa: ask the corpus of paper abstracts")
            papers = len(assistant.index.papers)
            gr.Markdown(f"Backend: **{assistant.backend_label}** · {papers} papers", elem_id="pqa-backend")
        with gr.Tab("Chat"):
            ChatPanel(assistant).build(listed=not mcp)
        if mcp:
            McpTools(assistant).register()
        with gr.Tab("Corpus"):
            build_corpus_tab(assistant, listed=not mcp)
    return app


def auth_pairs(spec: str | None) -> list[tuple[str, str]] | None:
    """`user:password[,user2:password2]` as Gradio auth pairs; None when unset."""
    if not spec:
        return None
    pairs = [tuple(item.split(":", 1)) for item in spec.split(",") if item.strip()]
    if not pairs or any(len(p) != 2 or not p[0] or not p[1] for p in pairs):
        raise PaperQAError("PAPERQA_UI_AUTH must look like user:password[,user2:password2]")
    return [(p[0], p[1]) for p in pairs]


def launch(
    assistant: Assistant, host: str = "127.0.0.1", port: int = 7860, share: bool = False, block: bool = True,
    mcp: bool = False,
) -> gr.Blocks:  # fmt: skip
    """Build the index if needed, then serve the app (no share link unless asked, bounded queue, guarded);
    with `mcp`, also as an MCP server at /gradio_api/mcp/."""
    s = assistant.settings
    if mcp and s.ui_auth:
        # Gradio's MCP tools call the app back without the client's login: every call would be refused.
        raise SettingsError("paperqa ui --mcp cannot be combined with PAPERQA_UI_AUTH (MCP clients cannot log in "
                            "to Gradio); serve MCP on loopback, or behind a proxy that checks a token")  # fmt: skip
    ensure(assistant)
    app = build_app(assistant, mcp)
    app.queue(max_size=s.ui_queue_size, default_concurrency_limit=s.ui_concurrency)
    auth = auth_pairs(s.ui_auth.get_secret_value() if s.ui_auth else None)
    guard = Middleware(Guard, loopback_only=is_loopback(host) and not share)
    app.launch(
        server_name=host, server_port=port, share=share, auth=auth, prevent_thread_lock=not block, css=CSS, js=JS,
        footer_links=["api"], show_error=True, quiet=not block, app_kwargs={"middleware": [guard]},
        max_file_size=1,  # bytes: the app takes no files (the guard refuses the upload routes outright)
        mcp_server=mcp,
    )  # fmt: skip
    return app
