"""Batch answering as users run it: killed and resumed, failing questions, rate limits, bounded concurrency."""

import gc
import json
import multiprocessing
import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from paperqa import Assistant, Settings
from tests.openai_server import ScriptedOpenAI

pytestmark = pytest.mark.integration
PAPERQA = str(Path(sys.executable).with_name("paperqa"))
DEV = Path(__file__).resolve().parents[2] / "eval" / "dev.jsonl"


def env_for(home, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PAPERQA_", "OPENAI_"))}
    env.update(PAPERQA_HOME=str(home), **extra)
    return env


def lines(path):
    return [json.loads(ln) for ln in path.read_text().splitlines()]


def questions_file(tmp_path, n):
    qs = [json.loads(ln)["question"] for ln in DEV.read_text().splitlines()]
    path = tmp_path / "q.jsonl"
    path.write_text("".join(json.dumps({"id": f"id{i}", "question": qs[i % len(qs)]}) + "\n" for i in range(n)))
    return path


def test_killed_batch_resumes_without_duplicates(shipped_home, tmp_path):
    qfile, out = questions_file(tmp_path, 600), tmp_path / "answers.jsonl"
    proc = subprocess.Popen(
        [PAPERQA, "batch", str(qfile), "--out", str(out), "--workers", "1"],
        env=env_for(shipped_home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while (not out.exists() or out.read_text().count("\n") < 40) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = out.read_bytes()
    complete = partial.count(b"\n")
    assert complete >= 40
    # Every complete line is valid JSON; nothing corrupt was left behind.
    assert all(json.loads(ln) for ln in partial.decode().splitlines()[:complete])
    r = subprocess.run(
        [PAPERQA, "batch", str(qfile), "--out", str(out), "--resume"],
        env=env_for(shipped_home),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert f"failed 0, skipped {complete} already done" in r.stderr
    ids = [rec["id"] for rec in lines(out)]
    assert sorted(ids) == sorted(f"id{i}" for i in range(600)) and len(ids) == len(set(ids))


def test_failures_are_recorded_and_retried_on_resume(shipped_home, tmp_path):
    qfile = tmp_path / "q.txt"
    qfile.write_text(
        "Which papers study unlearning?\nWhich papers FAIL here?\nWhat is Matryoshka representation learning?\n"
    )
    out = tmp_path / "answers.csv"
    with ScriptedOpenAI() as server:
        server.reply_for = lambda body: (
            (500, "kaboom") if "FAIL" in body["messages"][1]["content"].split("Question:")[-1] else "Fine [1]."
        )
        env = env_for(
            shipped_home, OPENAI_BASE_URL=server.base_url, PAPERQA_MAX_RETRIES="0", PAPERQA_LLM_MODEL="gpt-4o-mini"
        )
        r = subprocess.run(
            [PAPERQA, "batch", str(qfile), "--out", str(out)], env=env, capture_output=True, text=True, timeout=300
        )
        assert r.returncode == 1
        assert "answered 2 (0 not answerable), failed 1" in r.stderr and "estimated cost $" in r.stderr
        assert "failed: q2: llm: server answered HTTP 500: kaboom" in r.stderr
        journal = out.with_name("answers.csv.journal.jsonl")
        errors = {rec["id"]: rec.get("error") for rec in lines(journal)}
        assert errors == {"q1": None, "q2": "llm: server answered HTTP 500: kaboom", "q3": None}
        assert "kaboom" in out.read_text()
        server.reply_for = lambda body: "Now fine [1]."
        r = subprocess.run(
            [PAPERQA, "batch", str(qfile), "--out", str(out)], env=env, capture_output=True, text=True, timeout=300
        )
        assert r.returncode == 0 and "answered 1 (0 not answerable), failed 0, skipped 2" in r.stderr
        records = lines(journal)
        assert sorted(rec["id"] for rec in records) == ["q1", "q2", "q3"] and not any(
            rec.get("error") for rec in records
        )


def test_rate_limit_backs_off_and_concurrency_is_bounded(shipped_home):
    with ScriptedOpenAI() as server:
        a = Assistant(Settings(home=shipped_home, openai_base_url=server.base_url, max_retries=1))
        server.replies = [(429, "slow down"), "After a pause [1]."]
        [answer] = a.ask_batch(["Which papers study unlearning?"], workers=1)
        assert answer.text == "After a pause [1]." and len(server.requests) == 2
        server.reply_for = lambda body: "Parallel [1]."
        server.delay = 0.3
        items = list(a.iter_batch([f"Which papers study topic {i}?" for i in range(9)], workers=3))
        assert len(items) == 9 and all(i.answer is not None for i in items)
        assert 2 <= server.max_active <= 3


def test_ask_batch_keeps_order_offline(offline):
    qs = ["What is Matryoshka representation learning?", "Who won the 2022 FIFA World Cup final?"]
    answers = offline.ask_batch(qs)
    assert [a.question for a in answers] == qs and [a.answerable for a in answers] == [True, False]


def test_eval_compares_configurations_with_a_chart(shipped_home, tmp_path):
    small = tmp_path / "dev.jsonl"
    small.write_text("".join(DEV.read_text().splitlines(keepends=True)[::6]))
    chart = tmp_path / "chart.png"
    r = subprocess.run(
        [
            PAPERQA,
            "eval",
            str(small),
            "--json",
            "--chart",
            str(chart),
            "--config",
            "hybrid:",
            "--config",
            "bm25only:dense_weight=0",
        ],
        env=env_for(shipped_home),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert set(report) == {"hybrid", "bm25only"}
    assert {"hit@5", "mrr", "recall@10", "cited_recall", "cited_precision", "false_refusal"} <= set(
        report["hybrid"]["lookup"]
    )
    assert "contains" in report["hybrid"]["fact"] and "refused" in report["hybrid"]["absent"]
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and chart.stat().st_size > 10_000
    r = subprocess.run(
        [PAPERQA, "eval", str(small), "--config", "x:no_such=1"],
        env=env_for(shipped_home),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 1 and "is not key=value with a known setting" in r.stderr


def test_a_large_offline_batch_runs_in_worker_processes_with_the_same_answers(offline):
    qs = [json.loads(line)["question"] for line in DEV.read_text().splitlines()]
    qs = (qs * 2)[:240]  # large enough for worker processes (batch.run._FORKED_MIN)
    alone = offline.ask_batch(qs, workers=1)
    items, workers_seen = [], set()
    for item in offline.iter_batch(qs, workers=2):
        items.append(item)
        workers_seen |= {p.pid for p in multiprocessing.active_children()}
    assert len(workers_seen) == 2 and not multiprocessing.active_children()
    assert gc.get_freeze_count() == 0  # the objects frozen while the workers forked are the collector's again
    assert all(i.answer is not None for i in items), [i.error for i in items if i.error][:3]
    by_id = {int(i.question.id): i.answer for i in items}
    assert [by_id[n].text for n in range(len(qs))] == [a.text for a in alone]
    assert [[c.paper_id for c in by_id[n].citations] for n in range(len(qs))] == [
        [c.paper_id for c in a.citations] for a in alone
    ]
    # The parent's own index connection is untouched by the workers: it still reads, and finds the index whole.
    assert offline.ask(qs[0]).text == alone[0].text
    assert offline.check().consistent


def test_forked_workers_answer_from_the_parents_loaded_view_through_their_own_catalog(shipped_home, tmp_path,
                                                                                       monkeypatch):  # fmt: skip
    import paperqa.index.core as core

    loads = tmp_path / "loads"
    read_view = core.view_of

    def counted(catalog, load):  # forked workers inherit this wrapper: their reads of the index are counted too
        with loads.open("a") as f:
            f.write(f"{os.getpid()}\n")
        return read_view(catalog, load)

    monkeypatch.setattr(core, "view_of", counted)
    qs = [json.loads(line)["question"] for line in DEV.read_text().splitlines()]
    assistant = Assistant(Settings(home=shipped_home, llm="offline"))
    items, workers_seen = [], set()
    for item in assistant.iter_batch((qs * 2)[:240], workers=2):
        items.append(item)
        workers_seen |= {p.pid for p in multiprocessing.active_children()}
    assert len(workers_seen) == 2 and all(i.answer is not None for i in items) and len(items) == 240
    assert loads.read_text().split() == [str(os.getpid())]  # read once, by the parent; no worker read it again
    # A pickled (spawned) worker's factory carries no view: that worker reads its own, and answers the same.
    factory = pickle.loads(pickle.dumps(assistant.worker_factory()))
    spawned = factory()
    assert spawned.index.loaded() is None
    assert spawned.ask(qs[0]).text == next(i.answer.text for i in items if i.question.id == "0")
    assert spawned.index.loaded() is not None
    assistant.close()
    spawned.close()


def _stat(pid):
    """A process's state and parent as /proc tells them, or None when it is gone."""
    try:
        state, parent = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[:2]
    except (OSError, ValueError):
        return None
    return state, int(parent)


def _alive(pid):
    return (found := _stat(pid)) is not None and found[0] != "Z"  # a zombie has ended


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_killing_a_large_batch_leaves_no_worker_process_behind(shipped_home, tmp_path):
    qfile, out = questions_file(tmp_path, 5000), tmp_path / "answers.jsonl"  # worker processes, for a while
    proc = subprocess.Popen(
        [PAPERQA, "batch", str(qfile), "--out", str(out), "--workers", "2"],
        env=env_for(shipped_home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while (len(workers) < 2 or not out.exists()) and time.monotonic() < deadline:
        pids = (int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit())
        workers = [p for p in pids if (found := _stat(p)) is not None and found[1] == proc.pid and _alive(p)]
        time.sleep(0.05)
    assert len(workers) == 2 and proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while (left := [w for w in workers if _alive(w)]) and time.monotonic() < deadline:
        time.sleep(0.1)
    for w in left:  # a failing run must not leave them running either
        os.kill(w, signal.SIGKILL)
    assert not left, f"workers {left} outlived their killed batch"
