"""The Gradio chat: `build_app(assistant)` makes the Blocks, `launch()` serves them (safe defaults)."""

from __future__ import annotations

import html
import json
import os
import tempfile
from pathlib import Path

# The app never needs the Hugging Face hub: no analytics, telemetry or registry look-ups.
for _name, _value in (
    ("GRADIO_ANALYTICS_ENABLED", "False"),
    ("HF_HUB_DISABLE_TELEMETRY", "1"),
    ("HF_HUB_OFFLINE", "1"),
):
    os.environ.setdefault(_name, _value)

import gradio as gr  # noqa: E402
import huggingface_hub.constants as _hub  # noqa: E402

# The hub reads its switches once at import, which may have happened before this module ran.
_hub.HF_HUB_OFFLINE = _hub.HF_HUB_DISABLE_TELEMETRY = True

from paperqa import Assistant, Filters, PaperQAError, Turn  # noqa: E402
from paperqa.text import printable  # noqa: E402

from .corpus_view import papers_per_year, papers_table, top_organisations  # noqa: E402
from .render import answer_markdown, conversation_markdown, sources_panel  # noqa: E402

EXAMPLES = [
    "Which papers make LLMs forget a target entity, and how?",
    "What approaches to learned sparse retrieval are covered?",
    "How is hashing used to cut the cost of large transformer models?",
    "Do language models know what they don't know?",
]
ANY_ORG = "any organisation"

CSS = """
.pqa-card { border: 1px solid #d0d7de; border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
.pqa-card.pqa-is-cited { border-color: #4c8bf5; }
.pqa-card:target, .pqa-card.pqa-flash { box-shadow: 0 0 0 3px #4c8bf5; }
.pqa-meta { color: #57606a; font-size: 0.9em; margin: 4px 0; }
.pqa-score { color: #57606a; font-size: 0.85em; }
.pqa-cited { background: #4c8bf5; color: white; border-radius: 4px; padding: 0 4px; font-size: 0.8em; }
.pqa-snippet mark { background: #fff3a3; }
"""

# Citation links open and show their card in the sources panel, wherever the chat renders them.
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
}
"""


def filters_from(date_from: str, date_to: str, org: str, min_upvotes: float | None) -> Filters:
    """The UI's filter widgets as library Filters (the library checks them; errors become one-line toasts)."""
    try:
        return Filters(
            date_from=date_from or None, date_to=date_to or None,
            org=None if not org or org == ANY_ORG else org, min_upvotes=min_upvotes or None,
        )  # fmt: skip
    except PaperQAError as exc:
        raise gr.Error(shown_error(exc)) from None


_WIDGETS = {"date_from:": "From:", "date_to:": "To:", "min_upvotes:": "Minimum upvotes:"}


def shown_error(exc: Exception) -> str:
    """An error for the toast: one line, named by the widget, and shown as text (Gradio renders HTML there)."""
    text = printable(str(exc), keep_newlines=False)
    for name, label in _WIDGETS.items():
        if text.startswith(name):
            text = label + text[len(name) :]
    return html.escape(text, quote=False)


def build_app(assistant: Assistant) -> gr.Blocks:
    """The chat, sources, filters and corpus view over one Assistant; nothing is launched."""
    papers = list(assistant.index.papers.values())
    orgs = [ANY_ORG, *sorted({p.org for p in papers if p.org})]

    def chat(message, chatbot, history, date_from, date_to, org, min_upvotes, k):
        message = (message or "").strip()
        if not message:
            raise gr.Error("Type a question first.")
        f = filters_from(date_from, date_to, org, min_upvotes)
        turn = len(history)
        chatbot = [*chatbot, {"role": "user", "content": message}, {"role": "assistant", "content": ""}]
        try:
            stream = assistant.stream(message, f, int(k), history)
            text = ""
            for delta in stream:
                text += delta
                chatbot[-1] = {"role": "assistant", "content": answer_markdown(None, turn, text)}
                yield "", chatbot, history, gr.skip()
        except PaperQAError as exc:
            raise gr.Error(shown_error(exc)) from None
        history = [*history, Turn(message, stream.answer)]
        chatbot[-1] = {"role": "assistant", "content": answer_markdown(stream.answer, turn)}
        yield "", chatbot, history, sources_panel(history)

    def ask_api(question, history, date_from, date_to, org, min_upvotes, k):
        """One question in, the answer as the batch JSON object out; it joins this session's history."""
        if not (question or "").strip():
            raise gr.Error("question: empty")
        f = filters_from(date_from, date_to, org, min_upvotes)
        try:
            answer = assistant.ask(question, f, int(k or assistant.settings.top_k), history)
        except PaperQAError as exc:
            raise gr.Error(shown_error(exc)) from None
        return json.dumps(answer.to_record(), ensure_ascii=False), [*history, Turn(question.strip(), answer)]

    def history_api(history):
        """This session's conversation: questions and answers."""
        return json.dumps(
            [{"question": t.question, "answer": t.answer.text, "answerable": t.answer.answerable} for t in history],
            ensure_ascii=False,
        )

    def export(history):
        if not history:
            raise gr.Error("Nothing to export yet.")
        path = Path(tempfile.mkdtemp(prefix="paperqa-")) / "paperqa-conversation.md"
        path.write_text(conversation_markdown(history), encoding="utf-8")
        return gr.update(value=str(path), visible=True)

    with gr.Blocks(title="paperqa", analytics_enabled=False) as app:
        history = gr.State([])
        with gr.Row():
            gr.Markdown("## paperqa: ask the corpus of paper abstracts")
            gr.Markdown(f"Backend: **{assistant.backend_label}** · {len(papers)} papers", elem_id="pqa-backend")
        with gr.Tab("Chat"):
            with gr.Row():
                with gr.Column(scale=3):
                    chatbot = gr.Chatbot(elem_id="pqa-chat", height=480, sanitize_html=False, buttons=["copy"])
                    with gr.Row():
                        box = gr.Textbox(
                            placeholder="Ask about the papers…", show_label=False, scale=5, elem_id="pqa-question"
                        )
                        send = gr.Button("Ask", variant="primary", scale=1, elem_id="pqa-send")
                    gr.Examples(EXAMPLES, inputs=box, label="Examples")
                    with gr.Row():
                        new = gr.Button("New chat", elem_id="pqa-new")
                        save = gr.Button("Export Markdown", elem_id="pqa-export")
                    download = gr.File(label="Conversation", visible=False, elem_id="pqa-download")
                with gr.Column(scale=2):
                    with gr.Accordion("Filters", open=True):
                        date_from = gr.Textbox(label="From (YYYY[-MM[-DD]])", elem_id="pqa-from")
                        date_to = gr.Textbox(label="To", elem_id="pqa-to")
                        org = gr.Dropdown(orgs, value=ANY_ORG, label="Organisation", elem_id="pqa-org")
                        min_upvotes = gr.Number(
                            value=0, minimum=0, precision=0, label="Minimum upvotes", elem_id="pqa-upvotes"
                        )
                        k = gr.Slider(
                            3, 30, value=assistant.settings.top_k, step=1, label="Number of sources", elem_id="pqa-k"
                        )
                    sources = gr.HTML(sources_panel([]), elem_id="pqa-sources")
            filters = [date_from, date_to, org, min_upvotes, k]
            for trigger in (box.submit, send.click):
                trigger(
                    chat, [box, chatbot, history, *filters], [box, chatbot, history, sources], api_visibility="private"
                )
            new.click(
                lambda: ([], [], sources_panel([]), gr.update(value=None, visible=False)),
                None,
                [chatbot, history, sources, download],
                api_name="new_chat",
            )
            save.click(export, history, download, api_visibility="private")
            api_question = gr.Textbox(visible=False)
            api_answer = gr.Textbox(visible=False)
            gr.Button(visible=False).click(
                ask_api, [api_question, history, *filters], [api_answer, history], api_name="ask"
            )
            gr.Button(visible=False).click(history_api, history, api_answer, api_name="history")
        with gr.Tab("Corpus"):
            search = gr.Textbox(label="Search titles and abstracts", elem_id="pqa-corpus-search")
            table = gr.Dataframe(papers_table(papers), interactive=False, wrap=True, elem_id="pqa-corpus-table")
            search.change(lambda q: papers_table(papers, q), search, table, api_name="search_corpus")
            with gr.Row():
                years, top_orgs = papers_per_year(papers), top_organisations(papers)
                gr.BarPlot(
                    years,
                    x="year",
                    y="papers",
                    title="Dated papers per year",
                    y_lim=[0, int(years.papers.max() if len(years) else 0) + 1],
                    y_axis_format="d",
                    elem_id="pqa-chart-years",
                )
                gr.BarPlot(
                    top_orgs,
                    x="organisation",
                    y="papers",
                    title="Top organisations",
                    y_lim=[0, int(top_orgs.papers.max() if len(top_orgs) else 0) + 1],
                    y_axis_format="d",
                    elem_id="pqa-chart-orgs",
                )
    return app


def auth_pairs(spec: str | None) -> list[tuple[str, str]] | None:
    """`user:password[,user2:password2]` as Gradio auth pairs; None when unset."""
    if not spec:
        return None
    pairs = [tuple(item.split(":", 1)) for item in spec.split(",") if item.strip()]
    if not pairs or any(len(p) != 2 or not p[0] or not p[1] for p in pairs):
        raise PaperQAError("PAPERQA_UI_AUTH must look like user:password[,user2:password2]")
    return pairs  # type: ignore[return-value]


def launch(
    assistant: Assistant, host: str = "127.0.0.1", port: int = 7860, share: bool = False, block: bool = True
) -> gr.Blocks:
    """Build the index if needed, then serve the app (no share link unless asked, bounded queue)."""
    from paperqa.ingest.run import ensure

    ensure(assistant)
    s = assistant.settings
    app = build_app(assistant)
    app.queue(max_size=s.ui_queue_size, default_concurrency_limit=s.ui_concurrency)
    auth = auth_pairs(s.ui_auth.get_secret_value() if s.ui_auth else None)
    app.launch(
        server_name=host,
        server_port=port,
        share=share,
        auth=auth,
        prevent_thread_lock=not block,
        css=CSS,
        js=JS,
        footer_links=["api"],
        show_error=True,
        quiet=not block,
    )
    return app
