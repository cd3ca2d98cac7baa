"""Quality measures over a question set in the dev format (kinds lookup, fact, topic, comparison, absent),
reported per kind and, for a set split into a tuning half and a held-out half, per split."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

from .errors import InputFileError
from .fileio import iter_jsonl
from .types import Answer

Kind = Literal["lookup", "fact", "topic", "comparison", "absent"]
KINDS: tuple[Kind, ...] = get_args(Kind)


@dataclass(frozen=True)
class EvalQuestion:
    """One question with its gold papers (titles) and, for facts, strings the answer must contain."""

    id: str
    kind: Kind
    question: str
    gold_titles: tuple[str, ...] = ()
    answer_contains: tuple[str, ...] = ()
    split: str = ""  # "tune" or "holdout" in a set with a held-out half; "" otherwise
    premise_titles: tuple[str, ...] = ()  # an absent question resting on a false premise about these papers

    @property
    def group(self) -> str:
        """The row it is reported in: its kind, or `premise` for a false-premise question."""
        return "premise" if self.premise_titles else self.kind


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
    """Read a dev-format JSONL file; a line that is not a dev-format question is an error naming it."""
    out = []
    for number, d in iter_jsonl(path):
        try:
            kind = d["kind"]
            if kind not in KINDS:
                raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
            out.append(EvalQuestion(str(d["id"]), kind, str(d["question"]), tuple(d.get("gold_titles", [])),
                                    tuple(d.get("answer_contains", [])), str(d.get("split", "")),
                                    tuple(d.get("premise_titles", []))))  # fmt: skip
        except (KeyError, TypeError, ValueError) as exc:
            raise InputFileError(
                str(path), f"not a dev-format question ({type(exc).__name__}: {exc})", number
            ) from None
    return out


def score(q: EvalQuestion, answer: Answer) -> dict[str, float]:
    """The measures of one answered question."""
    ranked = [s.paper.title for s in answer.sources]
    cited = {c.title for c in answer.citations}
    gold = set(q.gold_titles)
    refused = 0.0 if answer.answerable else 1.0
    if q.premise_titles:  # refusing, or answering from the paper while correcting it, are both right
        return {"refused": refused, "premise_paper_cited": float(bool(set(q.premise_titles) & cited))}
    if q.kind == "absent":
        return {"refused": refused}
    out = {"false_refusal": refused}
    if gold:
        out["hit@5"] = float(any(t in gold for t in ranked[:5]))
        out["mrr"] = next((1 / i for i, t in enumerate(ranked, 1) if t in gold), 0.0)
        out["recall@10"] = len(gold & set(ranked[:10])) / len(gold)
        out["cited_recall"] = len(gold & cited) / len(gold)
        out["cited_precision"] = len(gold & cited) / len(cited) if cited else 0.0
    if q.kind == "comparison":
        out["both_cited"] = float(gold <= cited)
    if q.kind == "fact":
        text = answer.text.casefold()
        out["contains"] = float(all(s.casefold() in text for s in q.answer_contains))
    return out


def summarize(questions: list[EvalQuestion], answers: list[Answer]) -> dict[str, dict[str, float]]:
    """Mean measures per kind (plus `n`) of questions and their answers, in the same order."""
    kinds: dict[str, KindReport] = {}
    for q, a in zip(questions, answers, strict=True):
        kinds.setdefault(q.group, KindReport()).add(**score(q, a))
    return {k: {"n": r.n, **r.row()} for k, r in sorted(kinds.items())}


def by_split(questions: list[EvalQuestion], answers: list[Answer]) -> dict[str, dict[str, dict[str, float]]]:
    """Reports of the whole set and, when it has them, of its tuning and held-out halves."""
    out = {"all": summarize(questions, answers)}
    for split in sorted({q.split for q in questions} - {""}):
        pairs = [(q, a) for q, a in zip(questions, answers, strict=True) if q.split == split]
        out[split] = summarize([q for q, _ in pairs], [a for _, a in pairs])
    return out


def false_refusals(report: dict[str, dict[str, float]]) -> float:
    """Share of answerable questions (every kind but absent) that were refused."""
    kinds = [row for kind, row in report.items() if kind not in ("absent", "premise") and "false_refusal" in row]
    n = sum(row["n"] for row in kinds)
    return sum(row["false_refusal"] * row["n"] for row in kinds) / n if n else 0.0


def evaluate(questions: list[EvalQuestion], answer: Callable[[str], Answer]) -> dict[str, dict[str, float]]:
    """Answer every question and return the mean measures per kind (plus `n`)."""
    return summarize(questions, [answer(q.question) for q in questions])


def compare_table(reports: dict[str, dict[str, dict[str, float]]]) -> str:
    """Configurations side by side: one row per kind and measure, one column per configuration."""
    names, rows = list(reports), _measures(reports)
    width = max(14, *(len(n) for n in names))
    lines = [f"{'kind':8} {'measure':16} " + " ".join(f"{n:>{width}}" for n in names)]
    for kind, m in rows:
        cells = " ".join(f"{reports[n].get(kind, {}).get(m, float('nan')):>{width}.3f}" for n in names)
        lines.append(f"{kind:8} {m:16} {cells}")
    return "\n".join(lines)


def compare_chart(reports: dict[str, dict[str, dict[str, float]]], path: Path) -> None:
    """A grouped bar chart (PNG) of every measure per configuration."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names, rows = list(reports), _measures(reports)
    fig, ax = plt.subplots(figsize=(max(8, len(rows) * 0.6), 4.5))
    width = 0.8 / max(len(names), 1)
    for i, name in enumerate(names):
        values = [reports[name].get(kind, {}).get(m, 0.0) for kind, m in rows]
        ax.bar([x + i * width for x in range(len(rows))], values, width, label=name)
    ax.set_xticks([x + width * (len(names) - 1) / 2 for x in range(len(rows))])
    ax.set_xticklabels([f"{k}\n{m}" for k, m in rows], rotation=60, ha="right", fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("score")
    ax.legend()
    ax.set_title("paperqa evaluation")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def _measures(reports: dict[str, dict[str, dict[str, float]]]) -> list[tuple[str, str]]:
    """Every (kind, measure) any configuration reports, sorted."""
    return sorted({(kind, m) for r in reports.values() for kind, row in r.items() for m in row if m != "n"})


def format_table(report: dict[str, dict[str, float]]) -> str:
    """A plain-text table of the per-kind measures, and the false refusals of all answerable questions."""
    columns = sorted({c for row in report.values() for c in row if c != "n"})
    lines = [f"{'kind':10} {'n':>4} " + " ".join(f"{c:>15}" for c in columns)]
    for kind, row in report.items():
        cells = " ".join(f"{row[c]:15.3f}" if c in row else f"{'':>15}" for c in columns)
        lines.append(f"{kind:10} {int(row['n']):4d} {cells}")
    lines.append(f"false refusals of answerable questions: {false_refusals(report):.3f}")
    return "\n".join(lines)
