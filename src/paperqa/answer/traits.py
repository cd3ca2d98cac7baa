"""What a paper is, read from its own text: about language models, or the maker of a benchmark or dataset."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..text import stem, substance
from ..types import Paper

# What a paper on language models says: the words, the acronyms (multimodal ones too), large reasoning models
# ("LRMs", language models too), models that generate text ("neural text generation models") or a model family's name.
_LANGUAGE_MODEL = re.compile(
    r"\b(?:M?LLMs?|LMMs?|LRMs?|language models?|(?:large )?reasoning models|text generation models?|GPT-?\d\w*"
    r"|ChatGPT|LLaMA\w*|Mistral\w*"
    r"|Qwen\w*|Vicuna|PaLM|DeepSeek[\w-]*|Gemma\w*|Pythia|OLMo\w*)\b",
    re.IGNORECASE,
)
# "Which papers propose new benchmarks for RAG?": a list of papers that make a data set (a paper on RAG that
# makes none is not on it). The same words in a question ask for such papers; in an abstract, or a data set named
# in a title, they say a paper makes one.
DATA_NOUN = re.compile(r"\b(?:benchmarks?|datasets?|corpus|corpora|test-?beds?)\b(?!-)", re.IGNORECASE)
# A making of data: "release a multinational English legal corpus", "introduce T2Ranking, a large-scale Chinese
# benchmark"; not data a thing is put into ("introducing adversarial passages to corpora") nor a clause between
# ("introducing backward model improves the benchmark")
_NOT_BETWEEN = (
    r"(?!(?:to|into|from|across|over|on|in|within|using|with|by|via|is|are|was|were|has|have|that|which)\b"
    r"|(?:improv|outperform|achiev|boost|yield|enabl|help)\w*\b)"  # "introducing backward model improves the benchmark"
)
_MAKING = r"propos|introduc|releas|buil|construct|creat|present|contribut|collect|curat|compil"
MAKES_DATA = re.compile(rf"\b(?:{_MAKING})\w*\s+"
                        rf"(?:(?:{_NOT_BETWEEN}[\w-]+\s+){{0,4}}?|[\w.-]+(?:,|\s--)\s+an?\s+(?:[\w-]+\s+){{0,3}}?)"
                        rf"{DATA_NOUN.pattern}", re.IGNORECASE)  # fmt: skip


# The words of a list asking only for papers that make data ("Which papers release a dataset?", "… introduce new
# benchmarks?"): no topic beside the making
# Verbs of making a benchmark or dataset (`MAKES_DATA`), as stems: no topic a paper must write
MAKING_DATA = frozenset(
    stem(w) for w in "propose introduce release build construct create present contribute collect".split()
)
DATA_ONLY = MAKING_DATA | frozenset(
    stem(w) for w in "curate compile benchmark dataset data corpus corpora testbed test-bed".split()
)


def data_only(terms: Sequence[str]) -> bool:
    """Whether a question's key terms ask only for the making of data, no topic beside it."""
    return bool(terms) and set(terms) <= DATA_ONLY


def data_sentence(paper: Paper) -> str | None:
    """The sentence of a paper saying it makes a benchmark or dataset (the first naming one, where its title names
    it), or None."""
    sentences = substance(paper.abstract)
    said = next((s for s in sentences if MAKES_DATA.search(s)), None)
    if said is None and (titled := DATA_NOUN.search(paper.title)):  # where it says the title's "Benchmark"
        noun = re.compile(rf"\b{re.escape(titled.group(0).rstrip('s'))}", re.IGNORECASE)
        said = next((s for s in sentences if noun.search(s)), sentences[0] if sentences else None)
    return said


def makes_data(paper: Paper) -> bool:
    """Whether a paper makes a benchmark or dataset: its abstract says it builds one, or its title names one."""
    return bool(MAKES_DATA.search(paper.abstract) or DATA_NOUN.search(paper.title))


@lru_cache(maxsize=8192)
def on_language_models(paper: Paper) -> bool:
    """Whether a paper's title or abstract speaks of language models (what a question about LLMs needs)."""
    return bool(_LANGUAGE_MODEL.search(paper.title) or _LANGUAGE_MODEL.search(paper.abstract))


# "Does Mamba outperform transformers on language modeling?": the task, named in words most questions frame with
LANGUAGE_MODELING = re.compile(r"\blanguage modell?ing\b", re.IGNORECASE)


def on_language_modeling(paper: Paper) -> bool:
    """Whether a paper speaks of language models or of the task of modelling language."""
    return on_language_models(paper) or bool(LANGUAGE_MODELING.search(f"{paper.title} {paper.abstract}"))
