"""The app's documented API through gradio_client, concurrent sessions, and what the server refuses."""

import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from gradio_client import Client

from paperqa.ui.app import ANY_ORG

pytestmark = pytest.mark.ui
QUESTIONS = [
    "Which papers make LLMs forget a target entity, and how?",
    "What approaches to learned sparse retrieval are covered?",
    "How is hashing used to cut the cost of large transformer models?",
    "Which papers work on mixture-of-experts models?",
]


def ask(client, question, **f):
    args = [
        f.get("date_from", ""),
        f.get("date_to", ""),
        f.get("org", ANY_ORG),
        f.get("min_upvotes", 0),
        f.get("k", 10),
    ]
    return json.loads(client.predict(question, *args, api_name="/ask"))


def test_ask_and_history_endpoints(ui_url):
    client = Client(ui_url, verbose=False)
    record = ask(client, QUESTIONS[0])
    assert record["answerable"] and record["citations"] and len(record["sources"]) == 10
    cited = {s["paper_id"] for s in record["sources"]}
    assert {c["paper_id"] for c in record["citations"]} <= cited
    follow = ask(client, "tell me more about [2]")
    assert follow["sources"][0]["paper_id"] == record["sources"][1]["paper_id"]
    history = json.loads(client.predict(api_name="/history"))
    assert [h["question"] for h in history] == [QUESTIONS[0], "tell me more about [2]"]
    filtered = ask(client, "language models", date_from="2025", date_to="2025", k=5)
    assert len(filtered["sources"]) == 5
    client.predict(api_name="/new_chat")
    assert json.loads(client.predict(api_name="/history")) == []


def test_concurrent_sessions_keep_their_own_history(ui_url):
    def session(question):
        client = Client(ui_url, verbose=False)
        ask(client, question)
        ask(client, "and which of those are from 2025?")
        return [h["question"] for h in json.loads(client.predict(api_name="/history"))]

    with ThreadPoolExecutor(len(QUESTIONS)) as pool:
        histories = list(pool.map(session, QUESTIONS))
    assert histories == [[q, "and which of those are from 2025?"] for q in QUESTIONS]


def test_bad_filter_is_a_clear_error(ui_url):
    client = Client(ui_url, verbose=False)
    with pytest.raises(Exception, match="From: not a date: 'soon'"):
        ask(client, QUESTIONS[0], date_from="soon")


@pytest.mark.parametrize(
    "path",
    [
        "gradio_api/file=/etc/passwd",
        "file=/etc/passwd",
        "gradio_api/file=../../../../etc/passwd",
        "static/../../../../etc/passwd",
    ],
)
def test_no_machine_file_is_reachable(ui_url, path):
    try:
        with urllib.request.urlopen(ui_url + path, timeout=10) as response:
            body = response.read()
    except urllib.error.HTTPError as exc:
        assert exc.code in (400, 403, 404, 405)
        return
    assert b"root:" not in body


def test_login_when_configured(ui_home):
    from paperqa import Assistant, Settings
    from paperqa.ui.app import launch
    from tests.ui.conftest import _free_port

    port = _free_port()
    app = launch(Assistant(Settings(home=ui_home, ui_auth="ana:s3cret")), port=port, block=False)
    try:
        url = f"http://127.0.0.1:{port}/"
        with pytest.raises(Exception):
            ask(Client(url, verbose=False), QUESTIONS[0])
        assert ask(Client(url, auth=("ana", "s3cret"), verbose=False), QUESTIONS[0])["answerable"]
    finally:
        app.close()


def test_llm_backend_through_the_app(ui_home):
    from paperqa import Assistant, Settings
    from paperqa.ui.app import launch
    from tests.openai_server import ScriptedOpenAI
    from tests.ui.conftest import _free_port

    with ScriptedOpenAI() as server:
        server.reply_for = lambda body: "Steering activations toward unknown entities [1]. A ghost [77]."
        port = _free_port()
        app = launch(
            Assistant(Settings(home=ui_home, openai_base_url=server.base_url, llm_model="scripted-llm")),
            port=port,
            block=False,
        )
        try:
            record = ask(Client(f"http://127.0.0.1:{port}/", verbose=False), QUESTIONS[0])
            page = urllib.request.urlopen(f"http://127.0.0.1:{port}/config", timeout=10).read().decode()
        finally:
            app.close()
    assert record["answer"] == "Steering activations toward unknown entities [1]. A ghost."
    assert record["backend"] == "openai" and record["model"] == "scripted-llm"
    assert "openai:scripted-llm" in page
