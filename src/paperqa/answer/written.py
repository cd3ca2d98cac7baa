"""How a question writes its words: capitalised inside a sentence, in capitals, or with a capital inside (each
narrows or names what is asked), unless most of the question is written so."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..text import frames, stem
from .phrases import WORD

_CAMEL = re.compile(r"[a-z][A-Z]")  # a coined name's capital inside it ("TransF", "ColBERT")
_ACRONYM = re.compile(r"\b[A-Z]{3,10}s?\b")  # "CLIP", "GPUs": a name, not the word its letters spell ("clips")
_PROPER = re.compile(r"(?<=[\w,;:] )[A-Z][a-z]+\b")  # "Chinese" after a word, not a sentence's first word


def proper_stems(question: str) -> set[str]:
    """The stems of a question's words capitalised inside a sentence ("Chinese", "Irish", "Pile"): a language, a
    place or a name narrowing its topic. None in a title-cased question ("Which Papers Study Hashing?")."""
    if _mostly(question, lambda w: w[:1].isupper()):
        return set()
    return {stem(m.casefold()) for m in _PROPER.findall(question)}


def acronym_stems(question: str) -> set[str]:
    """The stems of a question's words written in capitals ("CLIP", "GPUs"), none in a question all in capitals."""
    if _mostly(question, str.isupper):
        return set()
    return {stem(m.casefold()) for m in _ACRONYM.findall(question)}


def _mostly(question: str, written: Callable[[str], bool]) -> bool:
    """Whether more than half of a question's words are written so (title case, capitals): then none says more."""
    words = WORD.findall(question)
    return sum(1 for w in words if written(w)) * 2 > len(words)


def camel_stems(question: str) -> set[str]:
    """The stems of a question's words with a capital after a small letter ("TransF", "ColBERT", "LoRA")."""
    return {stem(w.casefold()) for w in WORD.findall(question) if _CAMEL.search(w)}


# A name in capitals, of a word or several ("MS MARCO", "TREC DL", "BEIR"), one of them of three letters or more
_CAPITALS = re.compile(r"(?<![\w-])[A-Z][A-Z0-9-]*[A-Z0-9](?:\s+[A-Z][A-Z0-9-]*[A-Z0-9])*(?![\w-])")
_SPACING = re.compile(r"[\s-]+")


def capitals_unwritten(question: str, text: str) -> list[str]:
    """The names a question writes in capitals ("on MS MARCO") that a text never writes, spaced or hyphenated
    either way ("MSMARCO"), nor spells out ("T2I": "text-to-image"); none of a question all in capitals, nor "LLM"
    (papers spell it out)."""
    if _mostly(question, str.isupper):
        return []
    written = _SPACING.sub("", text.casefold())
    runs = [m.group(0) for m in _CAPITALS.finditer(question)]
    return [
        run
        for run in runs
        if any(len(w) >= 3 and not frames(w.casefold()) for w in run.split())
        and _SPACING.sub("", run.casefold()) not in written
        and not (" " not in run and len(run) <= _ACRONYM_LETTERS and _spelled_out(run).search(text))
    ]


def _spelled_out(acronym: str) -> re.Pattern[str]:
    """An acronym's words, one per letter ("T2I": "text-to-image", a digit its word: 2 "to", 4 "for")."""
    words = [_DIGIT_WORD.get(c, rf"{re.escape(c)}[\w]*") for c in acronym.casefold() if c != "-"]
    return re.compile(r"\b" + r"[\s-]+".join(words) + r"\b", re.IGNORECASE)


_DIGIT_WORD = {"2": "to", "4": "for"}
_ACRONYM_LETTERS = 10  # an acronym's letters at most, spelled out word by word (a hostile 100k-letter one is none)
