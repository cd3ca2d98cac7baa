"""What a paper writes, read once per paper: its words in order and by sentence, the forms of each stem, the words
it writes with a capital, the names it has words only inside ("TREC Genomics", "text-to-image"), and its words
outside the examples and outlook it gives."""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import examples_removed, multilingual_said, prose_terms, stem, substance, terms
from ..types import Paper
from .phrases import joined

# A benchmark's name: an acronym and a capitalised word ("TREC Genomics", "MSRS-Story"). The word names the
# collection, not a subject of the paper: "(such as TREC DL and TREC Genomics)" is no paper on genomics.
_BENCHMARK = re.compile(r"\b([A-Z]{3,})[-\s]([A-Z][a-z]+)\b")


# A task named from one kind of thing to another ("text-to-image", "data-to-text"): what it starts from is no
# subject of its own ("diffusion models for text generation" is no question on text-to-image generation); what it
# makes is ("generate text from structured data" is data-to-text generation).
_TO_COMPOUND = re.compile(r"\b([A-Za-z]+)-to-([A-Za-z]+)\b")


@lru_cache(maxsize=8192)
def _capitalised(paper: Paper) -> frozenset[str]:
    """A paper's words written with a capital ("CLIP", "Chinese"), in lower case."""
    return frozenset(w.casefold() for w in re.findall(r"\w*[A-Z]\w*", f"{paper.title} {paper.abstract}"))


def writes_capitalised(paper: Paper, term: str) -> bool:
    """Whether a paper writes a word of this stem with a capital: "video clips" is no "CLIP"."""
    return any(w.startswith(term) for w in _capitalised(paper))


@lru_cache(maxsize=8192)
def word_forms(paper: Paper) -> dict[str, frozenset[str]]:
    """Each stem of a paper's title and abstract with the forms it is written in ("judg": "judged", "judgments")."""
    found: dict[str, set[str]] = {}
    for word in set(re.findall(r"[a-z][a-z-]+", f"{paper.title} {paper.abstract}".casefold())):  # each form once
        found.setdefault(stem(word), set()).add(word)
    return {t: frozenset(forms) for t, forms in found.items()}


@lru_cache(maxsize=8192)
def to_tasks(paper: Paper) -> frozenset[tuple[str, str]]:
    """The "X-to-Y" tasks a paper writes, as (X's stem, "x-to-y"): "text-to-image" is ("text", "text-to-image")."""
    found = _TO_COMPOUND.finditer(f"{paper.title}. {paper.abstract}")
    return frozenset((stem(m.group(1).casefold()), m.group(0).casefold()) for m in found)


@lru_cache(maxsize=8192)
def named_only(paper: Paper) -> dict[str, str]:
    """The stems a paper has only inside benchmarks' names in its abstract or as what an "X-to-Y" name starts
    from, each with what a question gives to ask for that name (the acronym, the whole "x-to-y")."""
    found = {stem(m.group(2).casefold()): m.group(1) for m in _BENCHMARK.finditer(paper.abstract)}
    text = f"{paper.title}. {paper.abstract}"
    for m in _TO_COMPOUND.finditer(text):
        found[stem(m.group(1).casefold())] = m.group(0)
    if not found:
        return {}
    plain = (_TO_COMPOUND.sub(r" \2 ", paper.title), _TO_COMPOUND.sub(r" \2 ", _BENCHMARK.sub(" ", paper.abstract)))
    elsewhere = {*terms(plain[0]), *terms(plain[1])}
    return {t: name for t, name in found.items() if t not in elsewhere}


# Codes that are no source code: a hash's "binary codes", a latent space's "latent codes", the authors' own "common
# codebase" ("retrieval for code" is no image hashing paper's subject)
CODES = re.compile(
    r"\b(?:(?:binary|hash(?:ing)?|latent|prototype|discrete)\s+codes?|(?:common|same|shared|single|our)\s+codebase)\b"
    r"|(?<!source\s)\bcodes\b",  # (source code is "code": "compact low-level codes" are a tokenizer's)
    re.IGNORECASE,
)
_CODE_WORD = re.compile(r"\bcod(?:e|es|ing|ebases?)\b", re.IGNORECASE)


@lru_cache(maxsize=8192)
def codes_only(paper: Paper) -> bool:
    """Whether a paper writes "code" only as a hash's or a latent space's codes (or where its own code is)."""
    text = " ".join([paper.title, *substance(paper.abstract)])
    return bool(CODES.search(text)) and not _CODE_WORD.search(CODES.sub(" ", text))


@lru_cache(maxsize=8192)
def paper_sentences(paper: Paper) -> tuple[tuple[str, ...], ...]:
    """`paper_words` sentence by sentence (the title first)."""
    sentences = [f"{paper.title}.", *substance(paper.abstract)]
    return tuple(tuple(prose_terms(joined(multilingual_said(s)))) for s in sentences)


@lru_cache(maxsize=8192)
def paper_words(paper: Paper) -> tuple[str, ...]:
    """The stemmed words of a paper's title and abstract in order (stop words and sentences saying where its code
    is kept out), compounds joined: its sentences' words, read once."""
    return tuple(w for sentence in paper_sentences(paper) for w in sentence)


@lru_cache(maxsize=8192)
def words_outside_examples(paper: Paper) -> frozenset[str]:
    """`paper_words` without those the abstract names only among examples in parentheses ("foundation models
    (e.g., language, vision, robotics)": no paper on robots) or in its outlook ("our insights will foster future
    research on … compressing the KV cache": no paper on KV-cache compression)."""
    return _words_of([f"{paper.title}.", *_said(paper)])


@lru_cache(maxsize=8192)
def words_outside_quotes(paper: Paper) -> frozenset[str]:
    """`paper_words` without those of the examples an abstract quotes ("Given a prompt ``The capital of France is,''
    … such as ``France,''": no paper on France)."""
    return _words_of([f"{paper.title}.", *(_QUOTED_EXAMPLE.sub(" ", s) for s in substance(paper.abstract))])


# A quoted example: only after words giving one, as a term is quoted where it is defined too ('referred to as the
# "surface form competition" hypothesis')
_QUOTED_EXAMPLE = re.compile(
    r"\b(?:prompts?|such\s+as|e\.g\.,?|for\s+example,?|for\s+instance,?|like)\s+"
    r"(?:``[^`']{1,200}''|\"[^\"]{1,200}\"|“[^”]{1,200}”)",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def words_outside_lists(paper: Paper) -> frozenset[str]:
    """`words_outside_examples` without those the abstract names only in a list of examples in its prose either
    ("multiple domains, including sentiment control, dialogue, text summarization and text-to-code generation")."""
    return _words_of([f"{paper.title}.", *(_ENUMERATED.sub(" ", sentence) for sentence in _said(paper))])


def _words_of(sentences: list[str]) -> frozenset[str]:
    """The terms of sentences, read one by one: most are the sentences `paper_sentences` read (`prose_terms` has
    them cached), and no phrase or compound it reads spans two sentences."""
    return frozenset(t for sentence in sentences for t in prose_terms(joined(sentence)))


@lru_cache(maxsize=8192)
def _said(paper: Paper) -> tuple[str, ...]:
    """An abstract's sentences but its outlook and what others did, without the examples they give in parentheses."""
    own = [s for s in substance(paper.abstract) if not _OUTLOOK.search(s) and not _OTHERS.match(s)]
    return tuple(examples_removed(s) for s in own)


# Examples listed without parentheses: "experiments on multiple domains, including sentiment control, dialogue,
# text summarization and text-to-code generation" is no paper on summarization; nor is "known ways such as hard
# negative mining, distillation, etc." one on hard negatives, nor "with no hard negative mining, …, or …", nor one
# generating text "without iterative decoding" one on decoding. (What a paper removes "the need for" is no word of
# its; "the need for more effective unlearning techniques" it states is.)
_ITEM = r"(?:[\w/-]+\s+){0,4}?[\w/-]+"  # ("online page/article classification")
_ENUMERATED = re.compile(
    rf"\b(?:(?:including|such\s+as)\s+{_ITEM}(?:,\s+{_ITEM})*(?:,?\s+(?:and|or)\s+{_ITEM}|,\s+etc\b)"
    rf"|(?:with\s+no|without|no\s+need\s+for|(?:eliminat|remov|avoid|obviat|bypass)\w*\s+the\s+need\s+for)\s+{_ITEM}(?:(?:,\s+{_ITEM})*,?\s+(?:and|or|nor)\s+{_ITEM})?)"
    r"(?=[,.;:)]|$)"
)


# A sentence on what others did: "Existing works have proposed heuristic or reinforcement learning-based methods …"
_OTHERS = re.compile(
    r"(?:however,\s+)?(?:most\s+|many\s+)?(?:existing|prior|previous|earlier)\s+(?:works?|methods|approaches|studies)"
    r"\s+(?:have|has)\b",
    re.IGNORECASE,
)


# A sentence on what others may do next: "will foster future research on …", "We hope our work inspires …".
_OUTLOOK = re.compile(
    r"\b(?:future (?:research|work|studies|directions?|investigations?)|(?:we|and) hope (?:that )?(?:our|this|these)|"
    r"(?:will|could|may) (?:inspire|foster|facilitate|open (?:up )?(?:new|the))|pav(?:e|es|ing) the way)\b",
    re.IGNORECASE,
)
