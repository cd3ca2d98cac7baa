"""Where a follow-up points back at the last answer: "it", "those", "the paper", "each of them" (not a pronoun
whose antecedent is in the question itself)."""

from __future__ import annotations

import re
from collections.abc import Callable

from .text import EXAMPLE_LINKER, subject_terms, terms

# "the paper" points back; "the paper on hard negatives", "the paper that introduced X" describe one afresh.
_DESCRIBED = (
    r"(?!\s+(?:on|about|that|which|who|whose|by|from|in|with|where|for|of|called|named"
    r"|introducing|proposing|presenting|describing|using|studying|showing)\b)"
)
_PAPER = rf"(?:that|this|the) (?:paper|work){_DESCRIBED}"
# "what datasets does each use?", "each of them", "both of them": the last answer's papers, as "they" are
# ("how does each layer contribute?" asks of layers: "each" before a verb only)
_EACH = (
    r"(?:(?<=does )|(?<=did )|(?<=do ))each(?= (?:use|propose|evaluate|report|introduce|study|address|achieve|"
    r"show|find|train|measure|compare|claim|say|do|work|handle|target|test|focus|rely|need|improve|cover)\b)"
    r"|each(?= (?:one|of (?:them|those|these))\b)|both(?= of them\b)"
)
# "which ones handle cold start?", "the ones using BERT": of the papers just listed, as "which of them" (as is
# "which one needs no training?" after two compared)
_ONES = r"(?:(?<=which )|(?<=what )|(?<=the ))ones|(?<=which )one(?= (?:needs?|uses?|is|has|does|works?|requires?)\b)"
# "how is that different from BERT?", "does this beat BM25?": "that" or "this" as a question's subject (the one
# reading of it: `ordinals` writes it as the paper just discussed)
THAT_SUBJECT = r"(?:(?<=\bis )|(?<=\bwas )|(?<=\bdoes )|(?<=\bdid ))(?:that|this)"
_THAT = rf"{THAT_SUBJECT}(?!\s+(?:paper|work|method)\b)"
_ANAPHORA = re.compile(rf"\b(those|these|them|they|their|it|its|{_PAPER}|above|same|{_EACH}|{_ONES}|{_THAT})\b", re.I)
NARROW = re.compile(rf"\b(those|these|them|they|their|above|{_EACH}|{_ONES})\b", re.I)
SINGULAR = re.compile(rf"\b(it|its|{_PAPER}|this method|{_THAT})\b", re.I)

# "what they don't know", "whether it helps": a pronoun opening a clause inside the question, after words of its
# own ("Do language models know what they don't know?"), has its antecedent there, not in the last answer.
# "… and how is it fixed?": the clause's auxiliary may stand between.
_CLAUSE = re.compile(
    r"\b(?:what|whether|that|which|who|if|when|how|why|where|because)\s+"
    r"(?:(?:is|are|was|were|do|does|did|can|could|should|would|will|has|have|had)\s+)?$",
    re.I,
)


# Instances given after a comma ("…, for example", "e.g.", "such as")
_EXAMPLES = re.compile(rf",\s*(?:{EXAMPLE_LINKER}|such as)", re.I)
_WORD = re.compile(r"[\w-]+")


def refers_back(question: str) -> bool:
    """Whether a pronoun of the question points at the last answer: one not opening a clause after a key word,
    nor one in instances of the question's own topic. (Read in one pass: each pronoun is weighed from what was
    found before it, so a long question of many pronouns costs its length, not its length per pronoun.)"""
    key = _first_end(question, subject_terms)  # where the question's own subject is first named
    word = _first_end(question, terms)  # ... or any key word of it
    # "Which papers work with video, for example compressing or retrieving it?": instances of the question's own
    # topic are done to it, so no pronoun after them is read
    example = next((e.start() for e in _EXAMPLES.finditer(question) if key is not None and e.start() >= key), None)
    ends = iter(m.start() for m in _SENTENCE_END.finditer(question))
    ended, upcoming = -1, next(ends, None)
    for m in _ANAPHORA.finditer(question, 0, len(question) if example is None else example):
        clause = _CLAUSE.search(question, max(0, m.start() - _CLAUSE_SPAN), m.start())
        if clause and word is not None and word <= clause.start():
            continue
        # "Which papers are about model compression? Also, which of them use quantization?": a sentence of the
        # question's own, asked before the pronoun, is what it points at
        while upcoming is not None and upcoming + 2 <= m.start():  # the last sentence end before it
            ended, upcoming = upcoming, next(ends, None)
        if not (ended >= 0 and key is not None and key <= ended + 1):
            return True
    return False


_SENTENCE_END = re.compile(r"[?.!] ")
_CLAUSE_SPAN = 60  # characters before a pronoun its clause's opening words are read from


def _first_end(text: str, read: Callable[[str], list[str]]) -> int | None:
    """Where the first word of a text that `read` finds a term in ends (None if none does)."""
    return next((w.end() for w in _WORD.finditer(text) if read(w.group())), None)
