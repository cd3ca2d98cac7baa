"""Quality measures over a question set in the shipped dev format (kinds lookup, fact, topic, absent)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CorpusError
from .types import Answer


@dataclass(frozen=True)
class EvalQuestion:
    """One question with its gold papers (titles) and, for facts, strings the answer must contain."""

    id: str
    kind: str
    question: str
    gold_titles: tuple[str, ...] = ()
    answer_contains: tuple[str, ...] = ()


@dataclass
class KindReport:
    """Per-kind sums; `row()` turns them into the printed measures."""

    n: int = 0
    sums: dict[str, float] = field(default_factory=dict)

    def add(self, **values: float) -> None:
        """Add one question's measures."""
        self.n += 1
        for k, v in values.items():
            self.sums[k] = self.sums.get(k, 0.0) + v

    def row(self) -> dict[str, float]:
        """Mean of every measure."""
        return {k: v / self.n for k, v in self.sums.items()} if self.n else {}


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read a dev-format JSONL file; a broken line is an error naming it."""
    out = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            out.append(EvalQuestion(d["id"], d["kind"], d["question"], tuple(d.get("gold_titles", [])),
                                    tuple(d.get("answer_contains", []))))
        except (json.JSONDecodeError, KeyError) as exc:
            raise CorpusError(str(path), f"not a dev-format question ({exc})", number) from None
    return out


def score(q: EvalQuestion, answer: Answer) -> dict[str, float]:
    """The measures of one answered question."""
    ranked = [s.paper.title for s in answer.sources]
    cited = {c.title for c in answer.citations}
    gold = set(q.gold_titles)
    refused = 0.0 if answer.answerable else 1.0
    if q.kind == "absent":
        return {"refused": refused}
    out = {"false_refusal": refused}
    if q.kind in ("lookup", "fact"):
        out["hit@5"] = float(any(t in gold for t in ranked[:5]))
        rr = next((1 / i for i, t in enumerate(ranked, 1) if t in gold), 0.0)
        out["mrr"] = rr
        out["cited"] = float(bool(gold & cited))
    if q.kind == "fact":
        text = answer.text.casefold()
        out["contains"] = float(all(s.casefold() in text for s in q.answer_contains))
    if q.kind == "topic":
        out["recall@10"] = len(gold & set(ranked[:10])) / len(gold)
        out["cited_recall"] = len(gold & cited) / len(gold)
        out["cited_precision"] = len(gold & cited) / len(cited) if cited else 0.0
    return out


def evaluate(questions: list[EvalQuestion], answer: Callable[[str], Answer]) -> dict[str, dict[str, float]]:
    """Answer every question and return the mean measures per kind (plus `n`)."""
    kinds: dict[str, KindReport] = {}
    for q in questions:
        kinds.setdefault(q.kind, KindReport()).add(**score(q, answer(q.question)))
    return {k: {"n": r.n, **r.row()} for k, r in sorted(kinds.items())}


def format_table(report: dict[str, dict[str, float]]) -> str:
    """A plain-text table of the per-kind measures."""
    columns = sorted({c for row in report.values() for c in row if c != "n"})
    lines = [f"{'kind':8} {'n':>4} " + " ".join(f"{c:>14}" for c in columns)]
    for kind, row in report.items():
        cells = " ".join(f"{row[c]:14.3f}" if c in row else f"{'':>14}" for c in columns)
        lines.append(f"{kind:8} {int(row['n']):4d} {cells}")
    return "\n".join(lines)
