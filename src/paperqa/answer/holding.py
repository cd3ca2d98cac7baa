"""What a paper's own text holds: its words (stemmed, compounds joined), its title's, which words stand near
each other, and a hyphenated name's words together."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

from ..text import stem, terms
from ..types import Paper
from .evidence import has
from .paper_text import paper_sentences, paper_words
from .phrases import LINKING, joined


@lru_cache(maxsize=8192)
def vocabulary(paper: Paper) -> frozenset[str]:
    """A paper's stemmed words (title and abstract, compounds joined), as a set, with the words a phrase it writes
    implies (`IMPLIED`)."""
    words = frozenset(paper_words(paper))
    # (where the paper has the phrase's words at all: placing every word of every paper found was work for nothing)
    implied = {t for (a, b), more in IMPLIED.items() if a in words and b in words and near(paper, a, b) for t in more}
    # a paper saying what it outperforms names its baselines ("we outperform BM25 by 44%"), never called so
    implied |= {_BASELINE} if words & _OUTPERFORMING else set()
    return words.union(implied)


_OUTPERFORMING = frozenset(stem(w) for w in ("outperform", "outperforms", "surpass", "surpasses"))
_BASELINE = stem("baseline")


# Phrases whose words say another's without writing it: learning "in context" is learning from a prompt's
# examples, and a paper on it is on prompts ("the demonstration examples put into a prompt for in-context learning")
IMPLIED = {(stem("context"), stem("learning")): (stem("prompt"),)}


def holds_all(paper: Paper, terms_: Sequence[str]) -> bool:
    """Whether a paper holds every one of these key terms in some form."""
    words = vocabulary(paper)
    return all(has(t, words) for t in terms_)


@lru_cache(maxsize=8192)
def title_vocabulary(paper: Paper) -> frozenset[str]:
    return frozenset(terms(joined(paper.title)))


@lru_cache(maxsize=8192)
def _positions(paper: Paper) -> dict[str, tuple[int, ...]]:
    """Where each of a paper's words occurs (cheaper to build than every pair of neighbouring words), sentences
    set apart: "the prototype code. Furthermore, the generator" writes no "code generation"."""
    found: dict[str, list[int]] = {}
    at = 0
    for sentence in paper_sentences(paper):
        for w in sentence:
            found.setdefault(w, []).append(at)
            at += 1
        at += _SENTENCE_GAP
    return {w: tuple(at) for w, at in found.items()}


_SENTENCE_GAP = 3  # more than `near` spans


def near(paper: Paper, a: str, b: str) -> bool:
    """Whether two words occur at most one word apart, in either order (`inference membership` matches too)."""
    at = _positions(paper)
    return any(0 < abs(i - j) <= 2 for i in at.get(a, ()) for j in at.get(b, ()))


def after_it(paper: Paper, head: str, qualifier: str) -> bool:
    """Whether a paper writes a head and, a preposition and at most three words after it, its qualifier
    ("Decoding for Text Generation using Lattices" for "lattice decoding"): the phrase said the other way round."""
    return bool(_the_other_way(head, qualifier).search(f"{paper.title}. {paper.abstract}"))


@lru_cache(maxsize=1024)  # one pattern per phrase, asked of every paper a refusal weighs
def _the_other_way(head: str, qualifier: str) -> re.Pattern[str]:
    between = r"(?:\s+[\w-]+){0,3}?\s+(?:of|for|with|using|via|by|over|from|on|in)\s+(?:[\w-]+\s+)?"
    return re.compile(rf"\b{re.escape(head)}\w*{between}{re.escape(qualifier)}", re.IGNORECASE)


def holds_compound(paper: Paper, parts: Sequence[str]) -> bool:
    """Whether a paper writes a hyphenated name's words together ("locality-sensitive" or "locality sensitive"),
    not only apart ("local features" ... "context-sensitive"), or as initials ("GNNs": "graph neural network")."""
    words = vocabulary(paper)
    initials = "".join(p[0] for p in parts)
    if len(parts) >= 3 and (initials in words or f"{initials}s" in words):
        return True
    return written_joined(parts, words) or all(near(paper, a, b) for a, b in itertools.pairwise(parts))


def writes_linked(paper: Paper, question: str, parts: Sequence[str]) -> bool:
    """Whether a paper writes one of the question's linked names ("text-to-video") with its linking word, hyphens or
    spaces between ("text to video"), or as one word; not its words only near each other ("fuses text and video")."""
    if written_joined(parts, vocabulary(paper)):
        return True
    if (token := _linked_tokens(question).get(tuple(parts))) is not None:
        return bool(_linked_pattern(token).search(f"{paper.title} {paper.abstract}"))
    return all(near(paper, a, b) for a, b in itertools.pairwise(parts))


_LINKED = re.compile(r"\w+(?:-\w+)+")


@lru_cache(maxsize=256)
def _linked_tokens(question: str) -> dict[tuple[str, ...], str]:
    """A question's hyphenated words by their key stems, read once per question (not once per paper)."""
    return {tuple(terms(token)): token.casefold() for token in reversed(_LINKED.findall(joined(question)))}


@lru_cache(maxsize=256)
def _linked_pattern(token: str) -> re.Pattern[str]:
    """A linked name as an abstract may write it: its linking words as they are, its other words in any form."""
    words = [re.escape(w) if w in LINKING else re.escape(stem(w)) + r"\w*" for w in token.split("-")]
    return re.compile(r"\b" + r"[\s-]+".join(words), re.IGNORECASE)


def written_joined(parts: Sequence[str], words: frozenset[str]) -> bool:
    """Whether a vocabulary writes a hyphenated name's stems as one word ("finetuning" of "fine-tune": `finetun`)."""
    return "".join(parts) in words or stem("".join(parts)) in words


_WORDS = re.compile(r"[A-Za-z]+")


def ours(paper: Paper, verb: str) -> bool:
    """Whether a paper writes a verb (a stem) only as its authors' own doing ("we think the usage of …"), not as
    what the things it studies do ("language models think in English")."""
    words = [w.casefold() for w in _WORDS.findall(paper.abstract)]
    said = [i for i, w in enumerate(words) if stem(w) == verb]
    return bool(said) and all(i > 0 and words[i - 1] in ("we", "i") for i in said)
