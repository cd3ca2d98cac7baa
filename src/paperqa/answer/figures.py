"""Which sentence gives the figure a question asks for, and whether the abstract gives none ("how big is its
corpus?" of a paper that never says)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text import NUMBER_WORDS, stem, terms
from .claims import numbers
from .evidence import has
from .kinds import QUANTITY
from .question import Asked

# Sizes written as words ("ten", "hundreds", "millions"): the words of both patterns below.
_SIZES = r"ten|eleven|twelve|twenty|hundreds?|thousands?|millions?|billions?|dozens?"
# A figure written as a word ("three datasets", "twice as fast"): an abstract may give one so.
_NUMBER_WORD = re.compile(rf"\b({'|'.join(NUMBER_WORDS[:9])}|{_SIZES}|twice|half|single)\b", re.IGNORECASE)
# A size written in words and what it counts ("ten million words", "hundreds of languages"). Small counts are left
# out: "two parameters which measure …", "two evaluation proxies" count a method's parts, not a size asked for.
_SPELLED = re.compile(
    rf"\b(?:{_SIZES}|thirty|forty|fifty)(?:[\s-]+(?:hundred|thousand|million|billion)s?)?\s+(?:of\s+)?"
    r"([\w-]+)(?:\s+([\w-]+))?",
    re.IGNORECASE,
)
# A ratio written in words ("at approximately half the unlearning cost", "twice as fast", "an order of magnitude"):
# the figure of a "by how much" an abstract gives without digits.
RATIO_WORD = re.compile(
    r"\b(?:half|twice|doubl(?:e[sd]?|ing)|tripl(?:e[sd]?|ing)|a (?:third|quarter)|(?:two|three|four|five|ten)-?fold|"
    r"orders? of magnitude)\b",
    re.IGNORECASE,
)
# A figure of time ("48 hours", "64ms", "3 days"): what "how long" asks, among several figures asked.
_DURATION = re.compile(r"\d\s?(?:ms|s|h|hours?|days?|minutes?|seconds?|weeks?|months?)\b", re.IGNORECASE)
_LONG_DURATION = re.compile(r"\d\s?(?:h|hours?|days?|minutes?|weeks?|months?)\b", re.IGNORECASE)
# A list marker ("(1)", "(ii)", "(b)"): no figure of the sentence it numbers.
_ENUMERATOR = re.compile(r"\(\s*(?:\d{1,2}|[ivx]{1,4}|[a-h])\s*\)")
# A reference's year ("(Kusupati et al., 2022)", "[Akyürek et al., 2023]"): no figure of the paper's
_CITED_YEAR = re.compile(r"\bet\s+al\.?,?\s+(?:19|20)\d\d[a-z]?\b")
# A speed asked for is answered by a speed given ("1.28x - 2.2x of speedup"), not the paper's other figures.
_SPEED_ASKED = re.compile(r"\b(?:faster|slower|quicker|speed-?ups?|speed(?:s|ing)?\s+up|how fast)\b", re.IGNORECASE)
# (a latency is a speed too: "reaches sub-millisecond per-query latency")
_FAST_WORDED = re.compile(r"\borders?\s+of\s+magnitude\s+faster\b|\btimes\s+faster\b", re.IGNORECASE)
_SPEED_SAID = re.compile(
    r"\bspeed-?ups?\b|\bfaster\b|\bquicker\b|\d\s?[x×](?!\w)|\b(?:sub-?)?milli-?seconds?\b|\d\s?ms\b",
    re.IGNORECASE,
)
_HOW_WELL = re.compile(r"\bhow (well|often)\b", re.IGNORECASE)  # a quantity asked, but words may answer it
HOW_WELL_DONE = re.compile(r"\bhow\s+well\b", re.IGNORECASE)  # how good a paper's results are: what it found
# The figure is what the question asks, not a clause inside it ("is there a method using how many components"):
# it opens the question, a clause or a sentence of its own.
_ASKS_FIGURE = re.compile(r"(?:^|[,:;?.]\s*)(?:how (?:much|many|large|big|long|small|fast)|by how|what)\b", re.I)
# What a "how many" counts ("how many experts"): a figure answers it only beside that word. A hyphenated word
# ("image-text pairs") or a comparative ("how many fewer") leaves the count unnamed.
_COUNTED = re.compile(  # (of two words before the verb, the second: "how many slop patterns can …": patterns)
    r"\bhow many (?!fewer\b|more\b|less\b|times\b)(?:[A-Za-z]+ (?=[A-Za-z]+ (?:can|could|do|does|did|is|are|was"
    r"|were|has|have|had|will|would)\b))?([A-Za-z]+)\b(?!-)"
    r"|\bwhat (?:[\w-]+ ){0,2}?(accuracy|precision|recall|f1|fid|bleu|rouge|perplexity|latency|throughput)\b",
    re.IGNORECASE,
)  # "what accuracy does it reach?": a figure answers it beside "accuracy" (81 patients do not)


def metric_asked(question: str) -> bool:
    """Whether a question asks for a metric by name ("what accuracy does it reach?"), which an abstract may report
    as another ("a Dice coefficient of 0.896"), not a count ("how many experts")."""
    counted = _COUNTED.search(question)
    return bool(counted and counted.group(2))


def counted(question: str) -> tuple[str, str] | None:
    """What a question counts ("how many parameters"), stemmed and as written, if it counts a thing."""
    found = _COUNTED.search(question)
    return (stem(found.group(1).casefold()), found.group(1)) if found and found.group(1) else None


def figure_of(word: str, sentences: Sequence[str]) -> str | None:
    """The first sentence stating a figure beside a counted word ("In our 7B-13B total parameter experiments")."""
    return next((s for s in sentences if figures_in(s) and has(word, frozenset(terms(s)))), None)


# "which one is the fastest?" of several papers: each one's speed where its abstract states one (none ranks them)
BY_SPEED = re.compile(r"\b(?:fastest|faster|quickest|quicker|speed-?ups?)\b", re.IGNORECASE)


def speed_stated(sentences: Sequence[str]) -> str | None:
    """The first sentence stating a speed in figures ("2.3x faster", "a 40% speed-up"), if any."""
    return next((s for s in sentences if _SPEED_SAID.search(s) and figures_in(s)), None)


def figures_in(sentence: str) -> frozenset[str]:
    """The figures a sentence states, its list markers ("(1)", "(ii)") and references' years none."""
    return numbers(_CITED_YEAR.sub(" ", _ENUMERATOR.sub(" ", sentence)))


def figure_asked(asked: Asked, stated: Sequence[str], sentences: Sequence[str]) -> tuple[list[str], bool]:
    """The sentence to give first of those stating a figure (`stated`, best first), and whether the abstract
    (all its `sentences`) gives none for the figure asked, so that the answer says so instead of quoting one."""
    counted = _COUNTED.search(asked.text)  # "how many experts": a figure of something else is none
    word = stem((counted.group(1) or counted.group(2)).casefold()) if counted else ""
    on_it = [s for s in stated if has(word, frozenset(terms(s)))] if counted else list(stated)
    if counted and not on_it:  # "how many words?" of "a dataset of ten million words": the count in words
        on_it = [s for s in sentences if spelled_count(s, word)][:1]
    if asks_how_long(asked.text):  # "how long does training take?": a duration first ("in under 48 hours"),
        on_it = [s for s in on_it if _DURATION.search(s)] or on_it  # not the "6-layer" model's sentence
        # "how long does it take to train?": hours or days, before a latency of milliseconds ("64ms per query")
        on_it = [s for s in on_it if _LONG_DURATION.search(s)] or on_it
    speeds: list[str] = []
    if _SPEED_ASKED.search(asked.text):  # "how much faster": the speed-ups (two at most), before other figures
        speeds = [s for s in on_it if _SPEED_SAID.search(s)][:2]
        # ("how fast is it?" of one saying "sub-millisecond" and "two orders of magnitude faster" in words: those,
        # not "the BigANN Challenge at NeurIPS 2023")
        speeds = speeds or [s for s in sentences if _SPEED_SAID.search(s) or _FAST_WORDED.search(s)][:2]
    # Only for one figure asked: of two ("how long … and what latency"), the abstract may give the other.
    # "three datasets"; of a gain, a ratio in words ("twice as fast"): "two decoding tasks" counts no gain
    said = RATIO_WORD if asked.shape == "improvement" else _NUMBER_WORD
    worded = any(said.search(s) for s in sentences) and not counted
    # "How much memory does IST save?" of an abstract stating the saving in words only: said so, as for a number.
    figureless = (asked.shape in ("number", "improvement") and not on_it and not worded and _one_figure(asked.text)
                  and not _HOW_WELL.search(asked.text))  # fmt: skip
    # "How much memory does LSH-MoE save?" of an abstract never naming memory: its speed-up is no answer
    measures = [t for t in asked.terms if t in _MEASURED]
    if asked.shape in ("number", "improvement") and measures and not counted:
        figureless = figureless or not any(has(t, frozenset(terms(s))) for s in sentences for t in measures)
    return speeds or on_it[:1] or ([] if figureless else list(stated[:1])), figureless


# What a figure is of, by name: an abstract never naming the one asked gives none of it
_MEASURED = frozenset(
    stem(w) for w in "memory accuracy throughput latency perplexity precision recall f1 bleu rouge ndcg mrr".split()
)


def _one_figure(question: str) -> bool:
    """Whether a question asks for one figure, as the question or a clause of its own (`_ASKS_FIGURE`)."""
    return figures_asked(question) == 1 and bool(_ASKS_FIGURE.search(question))


def spelled_count(sentence: str, word: str = "") -> bool:
    """Whether a sentence gives a count in words ("ten million words"), of `word` (a stem) when one is given."""
    return any(not word or any(has(word, frozenset(terms(g))) for g in m.groups() if g)
               for m in _SPELLED.finditer(sentence))  # fmt: skip


def asks_how_long(question: str) -> bool:
    """Whether a question asks how long (`QUANTITY`'s "how long"): a duration answers it."""
    return any((m.group(2) or "").casefold() == "long" for m in QUANTITY.finditer(question))


def each_figure(asked: Asked, stated: Sequence[str]) -> list[str]:
    """Of a question asking several quantities by name ("how long …, and what per-query latency …?"), the first
    sentence stating a figure (`stated`, best first) for each named one: each is answered, not only the first."""
    if figures_asked(asked.text) < 2:
        return []
    asked_for = list(QUANTITY.finditer(asked.text))
    found: list[str] = []
    for word in (stem(m.group(4).casefold()) for m in asked_for if m.group(4)):  # "what per-query latency"
        found += [t for t in stated if has(word, frozenset(terms(t))) and t not in found][:1]
    if asks_how_long(asked.text):  # "how long": another with a duration
        found += [t for t in stated if _DURATION.search(t) and t not in found][:1]
    return found


def figures_asked(question: str) -> int:
    """How many quantities a question asks for ("how long …, and what latency …": two)."""
    return sum(1 for _ in QUANTITY.finditer(question))
