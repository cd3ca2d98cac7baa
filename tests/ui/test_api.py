"""The app's documented API through gradio_client, concurrent sessions, and what the server refuses."""

import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from gradio_client import Client

from paperqa.ui.chat import ANY_ORG

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
    # A "which papers" question with the count left at its default searches PAPERQA_LIST_TOP_K (20) papers.
    assert record["answerable"] and record["citations"] and len(record["sources"]) == 20
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


def test_history_api_returns_the_question_as_typed(ui_url):
    client = Client(ui_url, verbose=False)
    typed = "<b>bold?</b> **unlearning** [x](javascript:1)"
    ask(client, typed)
    assert json.loads(client.predict(api_name="/history"))[0]["question"] == typed


def request(url, method="GET", headers=None, data=None):
    req = urllib.request.Request(url, method=method, headers=headers or {}, data=data)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_uploads_are_refused(ui_url):
    boundary = "pqa-boundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="f.bin"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    )
    body = head.encode() + b"\0" * 50_000 + f"\r\n--{boundary}--\r\n".encode()
    for path in ("gradio_api/upload", "gradio_api/upload?upload_id=x", "upload", "gradio_api/upload_progress"):
        status, _, _ = request(
            ui_url + path, "POST", {"Content-Type": f"multipart/form-data; boundary={boundary}"}, body
        )
        assert status == 403, path


def test_security_headers_and_loopback_host_only(ui_url):
    status, headers, _ = request(ui_url)
    assert status == 200
    lower = {k.lower(): v for k, v in headers.items()}
    assert "frame-ancestors 'none'" in lower["content-security-policy"]
    assert "object-src 'none'" in lower["content-security-policy"]
    assert lower["x-frame-options"] == "DENY" and lower["x-content-type-options"] == "nosniff"
    port = ui_url.rstrip("/").rsplit(":", 1)[1]
    for host in ("evil.example", f"evil.example:{port}", "127.0.0.1.nip.io", f"attacker.localhost.evil:{port}"):
        assert request(ui_url, headers={"Host": host})[0] == 403, host
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}"):
        assert request(ui_url, headers={"Host": host})[0] == 200, host


def test_repeated_failed_logins_are_slowed_down(ui_home):
    import time

    from paperqa import Assistant, Settings
    from paperqa.ui.app import launch
    from tests.ui.conftest import _free_port

    port = _free_port()
    app = launch(Assistant(Settings(home=ui_home, ui_auth="ana:s3cret")), port=port, block=False)
    url = f"http://127.0.0.1:{port}/login"
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    try:
        started = time.monotonic()
        for _ in range(5):  # 3 free tries, then 1 s and 2 s
            assert request(url, "POST", form, b"username=ana&password=wrong")[0] == 400
        assert time.monotonic() - started >= 3.0
        started = time.monotonic()
        assert request(url, "POST", form, b"username=ana&password=s3cret")[0] == 200
        assert time.monotonic() - started >= 4.0  # the next try waits too, even the right one
        assert request(url, "POST", form, b"username=ana&password=wrong")[0] == 400  # a success reset the count
    finally:
        app.close()


def test_a_running_ui_answers_from_a_paper_ingested_after_it_started(ui_url, ui_home, tmp_path):
    import os
    import subprocess
    import sys
    import time
    from pathlib import Path

    client = Client(ui_url, verbose=False)
    question = "Which papers study quokka burrow acoustics?"
    assert "quokka" not in json.dumps(ask(client, question)["citations"]).lower()
    abstract = "We record quokka burrow acoustics with contact microphones and classify burrow calls."
    paper = {"id": "late-quokka", "title": "Quokka Burrow Acoustics with Contact Microphones", "abstract": abstract}
    corpus = tmp_path / "late.jsonl"
    corpus.write_text(json.dumps(paper) + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PAPERQA_", "OPENAI_"))}
    env["PAPERQA_HOME"] = str(ui_home)
    paperqa = str(Path(sys.executable).with_name("paperqa"))
    r = subprocess.run([paperqa, "ingest", str(corpus)], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    published = time.monotonic()
    record = ask(client, question)
    assert record["citations"][0]["paper_id"] == "late-quokka"
    assert time.monotonic() - published < 5
