"""Fit the offline writer's list-membership model on the TUNING data only, and print its weights.

    .venv/bin/python eval/fit_offline.py [--home INDEX_HOME] [--all]

Tuning data: every question of eval/dev.jsonl, and the questions of eval/realistic.jsonl marked "tune" (`--all`:
and every other set's tuning half). No held-out question is read here. Features come from
`paperqa.answer.membership` (the functions the writer runs, of the topic the list writer weighs), so what is fitted
is what runs. Printed: leave-one-question-out estimates, then the weights to paste into membership.py.

`MEMBER_WEIGHTS` is an earlier fit on dev and realistic (the writer's rules have changed since, so a run now prints
somewhat other weights). On 2026-12-07 a fit on every tuning half (78 topic lists) was measured worse end to end
(topic recall: dev 0.813 -> 0.635, tuning halves 0.657 -> 0.606; precision 0.822 -> 0.878, 0.758 -> 0.769), and a
feature for holding the topic whole added wrong papers (tuning precision 0.758 -> 0.691 at recall 0.658): neither
was kept. (Refusal keeps rules rather than a fitted model: adding one refused no more off-corpus questions of the
tuning half, measured on 2026-11-25; the rules are described in README, Quality.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from paperqa import Assistant, Settings
from paperqa.answer.listing import list_topic
from paperqa.answer.membership import fit, member_rows
from paperqa.answer.question import analyse
from paperqa.answer.vectors import Vectors
from paperqa.evaluation import load_questions

HERE = Path(__file__).parent


def tuning_questions(every_set: bool = False):
    """dev.jsonl and realistic.jsonl's tuning half (`every_set`: every set's tuning half); no held-out question."""
    questions = load_questions(HERE / "dev.jsonl")
    others = sorted(HERE.glob("*.jsonl")) if every_set else [HERE / "realistic.jsonl"]
    tuning = [q for path in others if path.name != "dev.jsonl" for q in load_questions(path) if q.split == "tune"]
    return questions + tuning


def fit_logistic(x: np.ndarray, y: np.ndarray, positive_weight: float = 1.0, l2: float = 0.01) -> np.ndarray:
    w = np.zeros(x.shape[1])
    sample = np.where(y == 1, positive_weight, 1.0)
    for _ in range(4000):
        p = 1 / (1 + np.exp(-x @ w))
        w -= 0.5 * (x.T @ (sample * (p - y)) / len(y) + l2 * w)
    return w


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", type=Path, help="an index of the shipped corpus (default: a temporary one)")
    parser.add_argument("--all", action="store_true", help="fit on every set's tuning half, not dev and realistic")
    args = parser.parse_args()
    assistant = Assistant(Settings(home=args.home or Path("/tmp/paperqa-fit"), llm="offline"))
    assistant.ensure_index()
    embed = assistant.index.embed_model
    vectors = Vectors(lambda texts: np.asarray(embed.get_text_embedding_batch(texts), dtype=np.float32))
    members: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    with assistant.index.reading() as view:
        idf = view.idf
    for q in tuning_questions(args.all):
        asked = analyse(q.question)
        k = 20 if asked.shape == "list" else 10
        asked = list_topic(asked) if asked.shape == "list" else asked  # the topic the list writer weighs
        sources = assistant.retrieve(q.question, k=k)
        vector = np.asarray(embed.get_query_embedding(q.question), dtype=np.float32)
        fits = [fit(asked, s.paper, idf, vector, vectors) for s in sources]
        if q.kind == "topic":
            gold = set(q.gold_titles)
            members[q.id] = (np.array(member_rows(fits)), np.array([s.paper.title in gold for s in sources], float))
    _report_members(members)
    return 0


def _report_members(members: dict[str, tuple[np.ndarray, np.ndarray]]) -> None:
    ids = list(members)
    for threshold in (0.3, 0.35, 0.4, 0.45, 0.5):
        recall, precision = [], []
        for held in ids:
            x = np.vstack([members[i][0] for i in ids if i != held])
            y = np.concatenate([members[i][1] for i in ids if i != held])
            w = fit_logistic(x, y)
            p = 1 / (1 + np.exp(-members[held][0] @ w))
            chosen = p >= threshold
            gold = members[held][1]
            recall.append((gold * chosen).sum() / max(1, gold.sum()))
            precision.append((gold * chosen).sum() / chosen.sum() if chosen.any() else 0.0)
        print(f"member threshold {threshold}: recall {np.mean(recall):.3f} precision {np.mean(precision):.3f} "
              "(leave one question out; recall of the gold papers retrieved)")  # fmt: skip
    x = np.vstack([m[0] for m in members.values()])
    y = np.concatenate([m[1] for m in members.values()])
    print("MEMBER_WEIGHTS =", tuple(np.round(fit_logistic(x, y), 2).tolist()))


if __name__ == "__main__":
    sys.exit(main())
