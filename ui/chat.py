"""The chat panel: question box, streamed cited answers, sources, filters, and the stable API names
(`/ask`, `/history`, `/new_chat`) that `gradio_client` scripts use."""

from __future__ import annotations

import html
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from paperqa import Assistant, Filters, PaperQAError, Turn
from paperqa.safe_text import printable

from .render import answer_markdown, conversation_markdown, question_markdown, sources_panel

EXAMPLES = [
    "Which papers make LLMs forget a target entity, and how?",
    "What approaches to learned sparse retrieval are covered?",
    "How is hashing used to cut the cost of large transformer models?",
    "Do language models know what they don't know?",
]
ANY_ORG = "any organisation"
_WIDGETS = {"date_from:": "From:", "date_to:": "To:", "min_upvotes:": "Minimum upvotes:"}
History = list[Turn]
Message = dict[str, str]


def shown_error(exc: Exception) -> str:
    """An error for the toast: one line, named by the widget, and shown as text (Gradio renders HTML there)."""
    text = printable(str(exc), keep_newlines=False)
    for name, label in _WIDGETS.items():
        if text.startswith(name):
            text = label + text[len(name) :]
    return html.escape(text, quote=False)


def filters_from(date_from: str, date_to: str, org: str, min_upvotes: float | None,
                 categories: list[str] | str | None = None) -> Filters:  # fmt: skip
    """The filter widgets as library Filters (the library checks them; errors become one-line toasts)."""
    try:
        return Filters(
            date_from=date_from or None, date_to=date_to or None,
            org=None if not org or org == ANY_ORG else org, min_upvotes=min_upvotes or None,
            categories=categories or None,
        )  # fmt: skip
    except PaperQAError as exc:
        raise gr.Error(shown_error(exc)) from None


def fresh_chat() -> tuple[list[Message], History, str, Any]:
    """What "New chat" and the chat's trash icon both leave: no messages, no history, no sources."""
    return [], [], sources_panel([]), gr.update(value=None, visible=False)


class ChatPanel:
    """The handlers of the chat tab over one Assistant (each browser session has its own history)."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        # Exports live in one folder the process removes when it exits (one per export had piled up in /tmp).
        self.exports = tempfile.TemporaryDirectory(prefix="paperqa-exports-")

    def chat(self, message: str, chatbot: list[Message], history: History, date_from: str, date_to: str, org: str,
             min_upvotes: float | None, k: float, categories: list[str] | str | None = None,
             ) -> Iterator[tuple[str, list[Message], History, Any]]:  # fmt: skip
        """Stream one answer into the chat; the sources panel fills in when it is complete."""
        message = (message or "").strip()
        if not message:
            raise gr.Error("Type a question first.")
        f = filters_from(date_from, date_to, org, min_upvotes, categories)
        turn = len(history)
        chatbot = [
            *chatbot,
            {"role": "user", "content": question_markdown(message)},
            {"role": "assistant", "content": ""},
        ]
        try:
            stream = self.assistant.stream(message, f, self._count(k), history)
            text = ""
            for delta in stream:
                text += delta
                chatbot[-1] = {"role": "assistant", "content": answer_markdown(None, turn, text)}
                yield "", chatbot, history, gr.skip()
        except PaperQAError as exc:
            raise gr.Error(shown_error(exc)) from None
        assert stream.answer is not None
        history = [*history, Turn(message, stream.answer)]
        chatbot[-1] = {"role": "assistant", "content": answer_markdown(stream.answer, turn)}
        yield "", chatbot, history, sources_panel(history)

    def ask_api(self, question: str, history: History, date_from: str, date_to: str, org: str,
                min_upvotes: float | None, k: float | None, categories: list[str] | str | None = None,
                ) -> tuple[str, History]:  # fmt: skip
        """One question in, the answer as the batch JSON object out; it joins this session's history."""
        if not (question or "").strip():
            raise gr.Error("question: empty")
        f = filters_from(date_from, date_to, org, min_upvotes, categories)
        try:
            answer = self.assistant.ask(question, f, self._count(k) if k else None, history)
        except PaperQAError as exc:
            raise gr.Error(shown_error(exc)) from None
        return json.dumps(answer.to_record(), ensure_ascii=False), [*history, Turn(question.strip(), answer)]

    def _count(self, k: float) -> int | None:
        """The slider's count, or None where it still shows the default: a "which papers" question then
        searches PAPERQA_LIST_TOP_K papers, as it does from the CLI and the API."""
        return None if int(k) == self.assistant.settings.top_k else int(k)

    @staticmethod
    def history_api(history: History) -> str:
        """This session's conversation: questions exactly as asked, and answers."""
        turns = [{"question": t.question, "answer": t.answer.text, "answerable": t.answer.answerable,
                  "complete": t.answer.complete, "notes": list(t.answer.notes)} for t in history]  # fmt: skip
        return json.dumps(turns, ensure_ascii=False)

    def export(self, history: History) -> Any:
        """The conversation as a Markdown file to download (a folder each, so the file keeps its name)."""
        if not history:
            raise gr.Error("Nothing to export yet.")
        path = Path(tempfile.mkdtemp(dir=self.exports.name)) / "paperqa-conversation.md"
        path.write_text(conversation_markdown(history), encoding="utf-8")
        return gr.update(value=str(path), visible=True)

    def build(self, listed: bool = True) -> None:
        """The chat tab's components and events (inside an open `gr.Blocks`); `listed`: the session endpoints
        appear in the API docs (else callable, unlisted)."""
        shown = "public" if listed else "undocumented"
        top_k, orgs = self.assistant.settings.top_k, [ANY_ORG, *sorted(self._orgs())]
        categories = list(self.assistant.index.overview().categories)
        history = gr.State([])
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(
                    elem_id="pqa-chat", height=480, sanitize_html=False, buttons=["copy"], autoscroll=False
                )  # (the page's script shows each new question and its answer: `app.JS`)
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
                    filters = [
                        gr.Textbox(label="From (YYYY[-MM[-DD]])", elem_id="pqa-from"),
                        gr.Textbox(label="To (a year or month counts whole)", elem_id="pqa-to"),
                        gr.Dropdown(orgs, value=ANY_ORG, label="Organisation", elem_id="pqa-org"),
                    ]
                    # Shown when the corpus lists arXiv categories; last among the inputs, so /ask keeps its order.
                    chosen = gr.Dropdown(
                        categories, value=[], multiselect=True, label="arXiv categories (any of)",
                        visible=bool(categories), elem_id="pqa-categories",
                    )  # fmt: skip
                    filters += [
                        gr.Number(value=0, minimum=0, precision=0, label="Minimum upvotes", elem_id="pqa-upvotes"),
                        gr.Slider(3, 30, value=top_k, step=1, label="Number of sources", elem_id="pqa-k"),
                        chosen,
                    ]
                sources = gr.HTML(sources_panel([]), elem_id="pqa-sources")
        for trigger in (box.submit, send.click):
            trigger(
                self.chat, [box, chatbot, history, *filters], [box, chatbot, history, sources], api_visibility="private"
            )
        new.click(fresh_chat, None, [chatbot, history, sources, download], api_name="new_chat", api_visibility=shown)
        chatbot.clear(fresh_chat, None, [chatbot, history, sources, download], api_visibility="private")
        save.click(self.export, history, download, api_visibility="private")
        api_question, api_answer = gr.Textbox(visible=False), gr.Textbox(visible=False)
        gr.Button(visible=False).click(
            self.ask_api, [api_question, history, *filters], [api_answer, history], api_name="ask", api_visibility=shown
        )
        gr.Button(visible=False).click(self.history_api, history, api_answer, api_name="history", api_visibility=shown)

    def _orgs(self) -> set[str]:
        return {org for org, _ in self.assistant.index.overview().orgs}
