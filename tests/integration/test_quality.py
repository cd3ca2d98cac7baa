"""The dev set through the offline default: the measured quality floor, printed as a table."""

from pathlib import Path

import pytest

from paperqa.evaluation import evaluate, format_table, load_questions

pytestmark = [pytest.mark.integration, pytest.mark.quality]
DEV = Path(__file__).resolve().parents[2] / "eval" / "dev.jsonl"


def test_offline_default_on_the_dev_set(offline, capsys):
    questions = load_questions(DEV)
    assert len(questions) == 172
    report = evaluate(questions, offline.ask)
    with capsys.disabled():
        print("\n" + format_table(report))
    assert report["lookup"]["hit@5"] >= 0.98
    assert report["fact"]["hit@5"] >= 0.98
    assert report["fact"]["contains"] >= 0.80
    assert report["topic"]["recall@10"] >= 0.88
    assert report["topic"]["cited_recall"] >= 0.50
    answered = ("lookup", "fact", "topic")
    false_refusals = sum(report[k]["false_refusal"] * report[k]["n"] for k in answered)
    assert false_refusals / sum(report[k]["n"] for k in answered) <= 0.03
    assert report["absent"]["refused"] >= 0.90
