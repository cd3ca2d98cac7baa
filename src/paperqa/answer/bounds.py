"""A figure asked above or below a bound ("papers reporting more than a 10x speedup", "models with fewer than 1
billion parameters"): the papers found stating one that meets it, each quoted where it does, or that none does."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..text import substance, terms
from ..types import Source
from .draft import Draft, list_line
from .evidence import has
from .figures import figure_of

_ABOVE = ("more than", "over", "above", "greater than", "higher than", "at least", "exceeding")
_BELOW = ("fewer than", "less than", "under", "below", "at most", "lower than")
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "b": 1e9}
_OP = "|".join(w.replace(" ", r"\s+") for w in (*_ABOVE, *_BELOW))
# "more than a 10x speedup", "over 90% accuracy", "fewer than 1 billion parameters", "at least 100 languages"
# A figure: its number, scale and unit ("15x", "221.3X", "5-fold", "3.36x", "7B", "1.5 billion", "90%")
_AMOUNT = (
    r"(?P<num>\d+(?:\.\d+)?)\s?(?P<scale>thousand|million|billion|[kmb](?![a-z]))?"
    r"\s?(?P<unit>[x×](?![a-z])|times\b|-?fold\b|%|percent\b)?"
)
_BOUND = re.compile(rf"\b(?P<op>{_OP})\s+(?:an?\s+)?{_AMOUNT}\s*(?P<rest>.*)", re.IGNORECASE)
_FIGURE = re.compile(rf"(?<![\w.]){_AMOUNT}", re.IGNORECASE)  # ... in a sentence


@dataclass(frozen=True)
class Bound:
    """A bound a figure is asked to pass: above it or below, its value (scaled), its unit ("x", "%" or none), the
    stem of what it measures ("speedup", "paramet"), and how the question says it."""

    above: bool
    value: float
    unit: str
    measured: str
    said: str
    inclusive: bool  # "at least", "at most": the bound itself passes
    written: str  # what it measures, as the question writes it ("speedup", "parameters")
    scaled: bool  # written with a scale ("1 billion"): a figure without one ("WikiText-103") is no count of it


def bound_asked(question: str) -> Bound | None:
    """The bound a question asks a figure to pass, or None ("more than 10x speedup"; not "more than one paper")."""
    found = _BOUND.search(question)
    if found is None:
        return None
    words = [(w, t) for w in re.findall(r"[\w-]+", found.group("rest")) if (t := terms(w))]  # ("languages" too)
    if not words:
        return None
    written, measured = words[0][0], words[0][1]
    op = " ".join(found.group("op").lower().split())
    scale = found.group("scale") or ""
    value = float(found.group("num")) * _SCALES.get(scale.lower(), 1.0)
    number = found.group("num") + (f" {scale}" if len(scale) > 1 else scale)  # "1 billion", "7B"
    unit = (found.group("unit") or "").replace("×", "x")
    said = f"{op} {number}{'' if not unit or unit in 'xX%' else ' '}{unit}"  # "more than 10x", "fewer than 1 billion"
    inclusive = op in ("at least", "at most")
    return Bound(op in _ABOVE, value, _unit(found.group("unit")), measured[0], said, inclusive, written, len(scale) > 0)


def within(source: Source, bound: Bound) -> str | None:
    """The paper's sentence stating a figure of what the bound measures, near its word, that passes it, or None
    ("a 1.3B-parameter model … on the SmolLM corpus of 241B tokens" states no 241B parameters)."""
    for sentence in substance(source.paper.abstract):
        words = [(m.start(), m.end(), frozenset(terms(m.group(0)))) for m in re.finditer(r"\S+", sentence)]
        near = [i for i, (_, _, stems) in enumerate(words) if has(bound.measured, stems)]
        if not near:
            continue
        for m in _FIGURE.finditer(sentence):
            if _unit(m.group("unit")) != bound.unit or (bound.scaled and not m.group("scale")):
                continue
            at = next(i for i, (start, end, _) in enumerate(words) if start <= m.start() < end)
            value = float(m.group("num")) * _SCALES.get((m.group("scale") or "").lower(), 1.0)
            passes = (value == bound.value and bound.inclusive) or (
                (value > bound.value) if bound.above else (value < bound.value)
            )
            # a count is said right before its noun ("80M parameter", "7B-13B total parameter"); a ratio near its word
            # either side ("a speedup in training time between 3x and 15x")
            close = (
                any(0 <= i - at <= _COUNT_BEFORE for i in near)
                if not bound.unit
                else any(abs(at - i) <= _NEAR for i in near)
            )
            if passes and close:
                return sentence
    return None


_NEAR, _COUNT_BEFORE = 8, 2  # words between a figure and what it measures


def each_within(bound: Bound, sources: Sequence[Source]) -> Draft:
    """The papers found stating a figure that passes the bound, each quoted where it does; or that none does (and
    how many state a figure of it at all)."""
    found = [(n, s, said) for n, s in enumerate(sources, 1) if (said := within(s, bound))]
    asked = f"{bound.said} {bound.written}"  # "more than 10x speedup"
    if not found:  # (how many state a figure of it at all: counted only to say so)
        stating = sum(1 for s in sources if figure_of(bound.measured, substance(s.paper.abstract)))
        other = f" ({stating} found state{'s' if stating == 1 else ''} a figure of it that does not)" if stating else ""
        return Draft(f"No paper found reports {asked}{other}.", answerable=False)
    draft = Draft("", answerable=True)
    head = f"{len(found)} paper{'s' if len(found) != 1 else ''} found report{'s' if len(found) == 1 else ''} {asked}:"
    draft.text = "\n".join([head, *(list_line(s.paper.title, draft.quote(n, said)) for n, s, said in found)])
    return draft


def _unit(unit: str | None) -> str:
    """A unit as one of "x" (a ratio: "x", "times", "fold"), "%" or "" (a count)."""
    unit = (unit or "").lower().lstrip("-")
    return "x" if unit in ("x", "×", "times", "fold") else "%" if unit in ("%", "percent") else ""
