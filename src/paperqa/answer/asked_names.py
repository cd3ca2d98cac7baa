"""The names a question gives, against the papers found: the paper that made what it asks about ("which paper
introduced X?"), and the coined names no paper found goes by ("ColBERT") or none introduces ("CLIP")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..text import count_tokens, terms
from ..types import Paper, Source
from .names import definitions, fold, introduces, is_coined, names_of, written_names
from .phrases import COINED
from .relevance import Match

# "Which paper introduced the Matryoshka idea?": the paper that made a thing no coined name names.
_WHO_MADE = re.compile(
    r"\b(?:which|what)\s+(?:paper|work|study|article)\s+(?:first\s+)?(?:introduced?|proposed?|presented?|"
    r"created?|invented?|coined?)\s+(?:the\s+|an?\s+)?(?P<what>[\w-]+(?:\s+[\w-]+){0,3}?)"
    r"(?:\s+(?:idea|concept|notion|method|approach|technique))?\s*[?.!]*\s*$",
    re.IGNORECASE,
)


def maker(question: str, sources: Sequence[Source]) -> int | None:
    """Of "which paper introduced X?", the source whose title opens with X ("Matryoshka Representation Learning"),
    not the later papers building on it ("Starbucks: … 2D Matryoshka Embeddings"); None when none does."""
    if not (m := _WHO_MADE.search(question)):
        return None
    what = terms(m.group("what"))  # stemmed: "Matryoshka representations" opens "Matryoshka Representation …"
    heads = [terms(s.paper.title.split(":", 1)[0]) for s in sources]
    if (found := next((i for i, head in enumerate(heads) if what and head[: len(what)] == what), None)) is not None:
        return found
    # "which paper introduced Matryoshka embeddings?": the title opening with the name the question capitalises
    name = m.group("what").split()[0]
    if not name[:1].isupper() or not what:
        return None
    return next((i for i, head in enumerate(heads) if head[:1] == what[:1]), None)


# A coined name in a question: a capital after a small letter, two capitals, or letters and a digit.
COINED_NAME = re.compile(rf"(?<![\w-]){COINED}(?![\w-])")
# "the SAE-based unlearning paper", "SPLADE-style models": a name describing a paper, not one it is to go by.
_DESCRIBING = re.compile(
    r"-(?:based|style|like|guided|driven|aware|free|specific|inspired|augmented|enhanced|powered|assisted|centric)$",
    re.IGNORECASE,
)


def unnamed(question: str, sources: Sequence[Source], mentioned: Sequence[str], typed: bool = True) -> list[str]:
    """The coined names of a question ("ColBERT", "GPT-4") that none of these papers goes by (ColBERT-XM's name is
    not ColBERT), nor part of a name the question `mentioned` ("v2" of "SPLADE v2"); a name many papers use
    ("LLM") is none. `typed`: names typed in lower case too ("splade"), read off every paper's words (slower)."""
    named = _named(sources)
    return [n for n in _asked_names(question, sources, mentioned, typed) if fold(n) not in named]


def _named(sources: Sequence[Source]) -> set[str]:
    """Every name these papers go by, folded (those in capitals spelling a word as well: here the question wrote
    them so)."""
    return {fold(n) for s in sources for n in (*names_of(s.paper), *written_names(s.paper))}


# "training an MoE from scratch": a name after "a"/"an" is a kind of thing, not one a paper goes by
_A_KIND = re.compile(r"(?<![\w-])(?:a|an)\s+$", re.IGNORECASE)


# "the SAE monosemanticity evaluation": a name opening a paper's description, two words or more after "the"
_THE = re.compile(r"(?<![\w-])the\s+$", re.IGNORECASE)
_DESCRIBED = re.compile(r"(?:\s+[a-z][\w-]*){2,}\s*(?:[?.!,;]|$|\s+(?:and|or|with|vs)\b)")


def _describes(question: str, name: re.Match[str]) -> bool:
    """Whether a coined name found in a question describes a paper or a kind of thing rather than naming one:
    "SAE-based", "an MoE", "the SAE monosemanticity evaluation"."""
    # (the words just before it, read in place: searching all the text before each name had made a question of
    # 10,000 names take 17 s)
    near = max(0, name.start() - _BEFORE)
    return bool(
        _DESCRIBING.search(name.group(0).strip("-."))
        or _A_KIND.search(question, near, name.start())
        or (_THE.search(question, near, name.start()) and _DESCRIBED.match(question, name.end()))
        or _MEASURED_ON.search(question, near, name.start())
    )


# "How good is Revela on BEIR …?": a benchmark something is measured on, no side of a comparison
_MEASURED_ON = re.compile(
    r"\b(?:good|well|perform\w*|results?|scores?|accuracy|evaluated|tested|benchmarked)\b[^?.]{0,30}?\bon\s+(?:the\s+)?$",
    re.IGNORECASE,
)


_BEFORE = 40  # characters before a name its article is read from


def studied_only(question: str, sources: Sequence[Source], mentioned: Sequence[str]) -> list[str]:
    """The coined names of a question that a paper goes by but none introduces: "Interpreting the Second-Order
    Effects of Neurons in CLIP" studies CLIP; no paper here made it."""
    named = _named(sources)
    return [
        n
        for n in _asked_names(question, sources, mentioned)
        if fold(n) in named and not any(introduces(s.paper, n) for s in sources)
    ]


def _asked_names(question: str, sources: Sequence[Source], mentioned: Sequence[str], typed: bool = True) -> list[str]:
    """The coined names a question gives, once each, but a name many papers use ("LLM") and the parts of names the
    question `mentioned`."""
    found = [m.group(0).strip("-.") for m in COINED_NAME.finditer(question) if not _describes(question, m)]
    # A name typed in lower case ("splade vs colbert"): a word the papers write as a coined one ("ColBERT-XM")
    written = frozenset().union(*(_coined_words(s.paper) for s in sources)) if typed else frozenset()
    # ("data", one token of English, is a word however a title writes it)
    found += [w for m in _LOWER_WORD.finditer(question) if (w := m.group(0)) in written and count_tokens(f" {w}") > 1]
    parts = [f" {name} " for name in mentioned]
    return list(
        dict.fromkeys(n for n in found if fold(n) not in _COMMON_NAMES and not any(f" {fold(n)} " in p for p in parts))
    )


_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z0-9]{2,29}(?![\w-])")
_WRITTEN = re.compile(r"[\w-]+")


@lru_cache(maxsize=8192)
def _coined_words(paper: Paper) -> frozenset[str]:
    """The coined words of a paper's title and abstract, and of their hyphenated parts, in lower case."""
    words = _WRITTEN.findall(f"{paper.title} {paper.abstract}")
    return frozenset(p.casefold() for w in words for p in (w, *w.split("-")) if is_coined(p))


def any_of(names: Sequence[str]) -> re.Pattern[str] | None:
    """A pattern finding any of these names as a word ("FlashAttention"); None for no names."""
    return re.compile("|".join(rf"\b{re.escape(n)}\b" for n in names)) if names else None


def defined_unnamed(question: str, sources: Sequence[Source]) -> list[str]:
    """The name a "What is X?" asks about, or a question has as its subject ("How much does LoRA reduce …?"), when
    none of these papers goes by it ("What is ColBERT?": ColBERT-XM is not ColBERT; a paper mentioning BM25 or
    LoRA is not about it)."""
    if _DEFINES.match(question):
        found = unnamed(question, sources, [])
    else:
        subject = _SUBJECT.match(question)
        found = unnamed(subject.group(1), sources, []) if subject else []
    # a paper that says it introduces the name is about it ("we introduce LATTICE", titled "LLM-guided …")
    found = [n for n in found if not any(introduces(s.paper, n) for s in sources)]
    if _STANDS_FOR.search(
        question
    ):  # "what does MCTS stand for?": an acronym a paper spells out, whose words are asked
        found = [n for n in found if not any(_spelled_out(n, s.paper.abstract) for s in sources)]
    return found


def _spelled_out(name: str, text: str) -> bool:
    """Whether a text spells out an acronym, alone or as the last part of one ("CT-MCTS (Corpus-Traversing Monte
    Carlo Tree Search)" spells out MCTS)."""
    return any(a == name or a.endswith(f"-{name}") for _, a in definitions(text))


_STANDS_FOR = re.compile(r"\b(?:stands?\s+for|short\s+for|abbreviat\w*|acronym)\b", re.IGNORECASE)


def defines(question: str) -> bool:
    """Whether a question asks what a name is or does ("What is SPLADE v2?", "What does “TokenBridge …” do?",
    "What does SPLADE v2 improve?")."""
    return bool(_DEFINES.match(question) or _DOES.match(question))


# (or brings: "What does SPLADE v2 improve?", "what does X address?" ask for what it contributes, not its background)
_DOES = re.compile(
    r"\s*what\s+(?:does|did)\s+[^?]{1,300}?\s+(?:do|propose|improve|address|contribute|introduce|offer|solve|tackle"
    r"|fix|change|add|bring)\s*\??\s*$",
    re.IGNORECASE,
)


_DEFINES = re.compile(
    r"\s*what(?:\s+is|\s+are|'s)\s+(?:an?\s+|the\s+)?[\w.-]+(?:\s+[\w.-]+){0,2}\s*\??\s*$", re.IGNORECASE
)
# "How much does LoRA reduce …?", "What does ColBERT evaluate on?": a coined name as the subject of the question.
_SUBJECT = re.compile(
    r"\s*(?i:how(?:\s+(?:much|well|far))?|what|why|where)\s+(?i:does|did|do|can|could)\s+(?:the\s+)?"
    rf"({COINED})(?![\w-])"
)
_COMMON_NAMES = frozenset({"llm", "llms", "nlp", "ir", "ai", "ml", "rag"})


def named_sources(matches: Sequence[Match]) -> list[int]:
    """Sources the question names, longest names first (a longer name is the more specific one)."""
    return sorted((i for i, m in enumerate(matches) if m.named), key=lambda i: (-matches[i].named, i))


def sides_named(question: str, named: Sequence[int], matches: Sequence[Match]) -> list[int]:
    """The papers a comparison names, each by a mention of its own, in the question's order: "SPLADE" inside
    "SPLADE v2" names SPLADE v2 only, unless the question also says "SPLADE" apart ("Compare SPLADE and SPLADE
    v2")."""
    text = f" {fold(question)} "
    sides = []
    for i in named:
        rest = text
        for j in named:  # take out the longer names that hold this one; what is left must still say it
            if len(matches[j].name) > len(matches[i].name) and f" {matches[i].name} " in f" {matches[j].name} ":
                rest = rest.replace(f" {matches[j].name} ", "  ")
        if f" {matches[i].name} " in rest:
            sides.append(i)
    return sorted(sides, key=lambda i: text.find(f" {matches[i].name} "))  # in the question's order
