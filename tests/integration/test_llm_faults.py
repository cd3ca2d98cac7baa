"""The LLM path against a real OpenAI-protocol server on 127.0.0.1 that misbehaves: every fault is one clear
error or an answer marked incomplete, requests are bounded by one retry layer, and a batch always finishes."""

import json
import subprocess
import time

import pytest

from paperqa import Assistant, BackendError, Settings
from tests.integration.conftest import QUESTION
from tests.integration.indexing import PAPERQA
from tests.openai_server import Fault, ScriptedOpenAI

pytestmark = pytest.mark.integration


def assistant(home, server, fault=None, **kw):
    model = f"fault:{fault}" if fault else "scripted-model"
    return Assistant(Settings(home=home, openai_base_url=server.base_url, llm_model=model, **kw))


def test_429_honours_retry_after_within_one_retry_layer(shipped_home, server):
    a = assistant(shipped_home, server, "429", max_retries=2)
    started = time.monotonic()
    with pytest.raises(BackendError, match=r"^llm: rate limited \(HTTP 429\): slow down$"):
        a.ask(QUESTION)
    assert len(server.requests) == 3  # 1 + PAPERQA_MAX_RETRIES, never more
    gaps = [b["at"] - a_["at"] for a_, b in zip(server.requests, server.requests[1:], strict=False)]
    assert all(g >= 0.95 for g in gaps), gaps  # Retry-After: 1 was honoured
    assert time.monotonic() - started < 10


def test_retry_after_longer_than_the_cap_is_not_waited_for(shipped_home, server):
    server.retry_after = "3600"
    a = assistant(shipped_home, server, "429", max_retries=3)
    with pytest.raises(BackendError, match="rate limited"):
        a.ask(QUESTION)
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("fault", "message", "requests"),
    [
        ("500", r"^llm: server answered HTTP 500: model <b>exploded</b>$", 2),
        ("500-text", r"^llm: server answered HTTP 500: upstream gone$", 2),  # was ": None"
        ("hang", r"^llm: the request timed out$", 2),
        # Text already streamed is never taken back: these broke off after their first words, not retried.
        ("malformed", r"^llm: the server's reply is not valid JSON", 1),
        ("cut", r"^llm: the server's reply broke off", 1),
        ("html", r"^llm: the server's reply held no answer", 2),
    ],
)
def test_each_fault_is_one_line_after_bounded_retries(shipped_home, server, fault, message, requests):
    a = assistant(shipped_home, server, fault, max_retries=1, request_timeout=0.5)
    with pytest.raises(BackendError, match=message) as info:
        a.ask(QUESTION)
    assert "\n" not in str(info.value)
    assert len(server.requests) == requests


@pytest.mark.parametrize("fault", ["no-finish", "length"])
def test_a_reply_cut_short_is_never_a_complete_answer(shipped_home, server, fault):
    answer = assistant(shipped_home, server, fault).ask(QUESTION)
    assert answer.complete is False and answer.to_record()["complete"] is False
    assert answer.text.startswith("Paper one studies")


def test_a_trickling_server_is_stopped_by_the_answer_deadline(shipped_home, server):
    a = assistant(shipped_home, server, "trickle", request_timeout=2, answer_timeout=2, max_retries=2)
    started = time.monotonic()
    with pytest.raises(BackendError, match=r"^llm: no complete answer before the deadline"):
        a.ask(QUESTION)
    assert time.monotonic() - started < 5 and len(server.requests) == 1


def test_malformed_markers_are_normalised(shipped_home, server):
    server.replies = ["  insufficient_evidence The sources are about retrieval, not baking."]
    refused = assistant(shipped_home, server).ask("What hydration should a sourdough starter have?")
    assert refused.answerable is False and "insufficient" not in refused.text.lower()
    server.replies = ["One [1], a ghost [-1], a half [1.5] and a wide 【2】 citation."]
    answer = assistant(shipped_home, server).ask(QUESTION)
    assert answer.text == "One [1], a ghost, a half and a wide [2] citation."
    assert [c.n for c in answer.citations] == [1, 2] and set(answer.removed_citations) == {"-1", "1.5"}


def test_a_batch_records_every_fault_and_goes_on(shipped_home, tmp_path):
    qfile = tmp_path / "q.jsonl"
    faults = {"q1": None, "q2": "malformed", "q3": "cut", "q4": None, "q5": "html", "q6": "500"}
    qfile.write_text(
        "".join(json.dumps({"id": q, "question": f"Which papers study topic {q}?"}) + "\n" for q in faults)
    )
    out = tmp_path / "answers.jsonl"
    with ScriptedOpenAI() as server:

        def reply(body):
            asked = body["messages"][1]["content"].split("Which papers study topic ")[-1][:2]
            return Fault(faults[asked]) if faults[asked] else "Fine [1]."

        server.reply_for = reply
        env = {"PAPERQA_HOME": str(shipped_home), "OPENAI_BASE_URL": server.base_url, "PAPERQA_MAX_RETRIES": "1",
               "PATH": "/usr/bin:/bin"}  # fmt: skip
        for _ in range(2):  # a rerun retries the failures and still finishes
            r = subprocess.run([PAPERQA, "batch", str(qfile), "--out", str(out)], env=env, capture_output=True,
                               text=True, timeout=120)  # fmt: skip
            assert r.returncode == 1, r.stderr
            assert "Traceback" not in r.stderr and "failed 4" in r.stderr
    records = {rec["id"]: rec for rec in map(json.loads, out.read_text().splitlines())}
    assert sorted(records) == sorted(faults)
    assert all(records[q]["answer"] for q in ("q1", "q4"))
    assert all(records[q]["error"].startswith("llm: ") for q in ("q2", "q3", "q5", "q6"))
