"""What a question asks for: its shape, its key terms and phrases, and for a list its order and count.

Shapes: a list of papers on a topic, a comparison of two named papers or methods, an improvement over a
baseline (the gain and its numbers), a number, or one fact. The offline writer composes by shape and the
LLM prompt carries a hint of it (`hints`).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Literal

from ..text import (
    FRAME,
    PAPERS,
    STOPWORDS,
    connectives_removed,
    stem,
    subject_terms,
    terms,
    without,
)
from .asking import Order, Ordering, asking
from .kinds import DATED_COMPARATIVE, QUANTITY, WHICH_OF, in_plural, named_kind, wanted
from .phrases import COINED, WORD, clause_verbs, compounds, derived, domains, either, joined, pairs, qualified
from .record import Record, record_asked
from .traits import MAKES_DATA

Shape = Literal["list", "compare", "improvement", "number", "summary", "fact"]

_LIST = re.compile(
    r"^\s*(which|what)( [\w-]+){0,3} (papers|works|studies|work)\b"
    # "Which embedding models support long documents?": papers on such models; "which methods does SPLADE v2
    # compare against?" asks what one paper does.
    r"|^\s*(which|what)( [\w-]+){0,3} (approaches|methods|techniques|models|systems|frameworks|architectures|"
    r"algorithms)\b(?!\s+(?:does|do|did|has|have|had)\b)"
    r"|\b(which|what) papers\b|\bpapers (on|about|that)\b|\bwhat does the (collection|corpus)\b"
    r"|\bwhat [\w-]+( [\w-]+)? work is\b|\bare covered\b|\bin the collection\b"
    r"|\b(does|do|did) any (papers?|works?|stud(y|ies))\b|\bare there (any )?(papers|works|studies|surveys)\b"
    r"|\bwhat (was|were|has been|have been|got) published\b|\bwhat are (my|the|our) (options|choices|alternatives)\b"
    # "how do papers make X faster?", "how do the unlearning methods differ in cost?"
    r"|\bhow (do|did|have) (the )?([\w-]+ ){0,2}(papers|works|studies|approaches|methods)\b",
    re.IGNORECASE,
)
# "Which came first, X or Y?": a comparison that gives each side's date.
_DATES_COMPARED = re.compile(rf"\b(?:{DATED_COMPARATIVE})\b", re.IGNORECASE)
# "Is Mistral-SPLADE better than SPLADE v2?": a yes-or-no of two things, answered from both sides.
_IS_BETTER = (r"^\s*(?:is|are|was|were|does|do|did)\b[^?]{1,80}?\b(?:better|worse|faster|slower|stronger|weaker|"
              r"smaller|larger|cheaper|higher|lower|more\s+[\w-]+|less\s+[\w-]+)\s+than\b")  # fmt: skip
_COMPARE = re.compile(r"\b(compare[sd]?|comparison|versus|vs\.?|differ(s|ent|ence|ences)?|distinguish(es)?|contrast"
                      r"|in\s+common|similarit(y|ies))\b"
                      r"|\b(or|and) [\w-]+[^?:]{0,150}:\s*(how|what|which)\b|" + WHICH_OF + "|" + _IS_BETTER,
                      re.IGNORECASE)  # fmt: skip
# "Compare the approaches to unlearning in LLMs": no two papers named, but the papers on a topic, each with how
# it does it.
_COMPARE_KINDS = re.compile(
    r"\b(?:compare|contrast)\s+(?:the\s+)?(?:different\s+|various\s+|main\s+|existing\s+)?(?:approaches|methods|"
    rf"techniques|strategies|models|systems|{PAPERS})\s+(?:to|for|on|of|in|that)\b",
    re.IGNORECASE,
)
_IMPROVE = re.compile(
    r"\b(improv\w*|gains?|better|outperform\w*|speed-?ups?|faster|saves?|reduc\w*|less|lower|higher|more accurate)\b",
    re.IGNORECASE,
)
# "How does SPLADE v2 improve over SPLADE?": a gain over a baseline is asked for, even without "how much".
_BASELINE = re.compile(r"\b(improv\w* (over|on|upon)|better than|outperform\w*|compared (to|with)|relative to)\b",
                       re.IGNORECASE)  # fmt: skip
# A few words that are no question ("mixture of experts", "LLM unlearning methods"): a topic, listed. A question
# without its "?" ("what is gabert", "which paper introduced BEIR") is still a question.
_QUESTION_WORD = re.compile(
    r"\s*(?:what|which|who|whose|how|why|when|where|is|are|does|do|did|can|could|should|would|has|have)\b", re.I
)
# "the paper on late chunking", "the SPLADE paper": one paper, not a topic's papers.
_ONE_PAPER = re.compile(
    r"\bthe\s+(?:paper|study|article)\s+(?:on|about|that|which|introducing|proposing|called|named)\b"
    r"|\bthe\s+[\w-]+(?:\s+[\w-]+)?\s+(?:paper|study|article)\b",
    re.IGNORECASE,
)
# "Summarize the paper on late chunking", "Explain ColBERT-XM": one paper's gist, when one paper is pointed at
# or named (a word with two capitals or a digit); "tell me about machine unlearning" stays a topic.
_SUMMARY = re.compile(
    r"^\s*(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|please\s+)?"  # "Can you summarize X?"
    r"(?:summari[sz]e|explain|describe|give\s+(?:me\s+)?(?:a\s+|an\s+)?(?:summary|overview)\s+of|tl;?\s*dr\s+(?:of|for|on)"
    r"|tell\s+me\s+(?:more\s+)?about|what\s+(?:is|are)\s+the\s+(?:gist|summary|(?:main|key)\s+(?:ideas?|contributions?))\s+of)\b"
    r"|^\s*what\s+(?:does|did)\s+.{1,200}?\s(?:propose|introduce|present|contribute)\s*\??\s*$",
    re.IGNORECASE,
)
# A title quoted in the question names one paper as surely as a coined name does.
_CAMEL = re.compile(r"[a-z][A-Z]")  # a coined name's capital inside it ("TransF", "ColBERT")
_QUOTED = re.compile(r"[\"“”'‘’][^\"“”'‘’]{8,}[\"“”'‘’]")
_NAME = re.compile(r"\b(?:[A-Za-z]*[A-Z][a-z]*[A-Z0-9]|[A-Za-z]+[0-9])[\w-]*")
# "Which paper introduced BERT?", "who proposed the BEIR benchmark": the paper that made a name, which a paper
# merely using it (gaBERT) is not. Only a coined name is checked (`BERT`, `RoboDepth`, `T5`: a capital after a
# small letter, two capitals, or letters and a digit), not a description or a capitalised word ("Fine-Grained").
_INTRODUCED = re.compile(
    r"\b(?i:(?:which|what)\s+(?:paper|work|study|article)|who)\s+(?i:first\s+)?"
    r"(?i:introduced?|proposed?|presented?|created?|invented?|developed?|coined?)\s+(?i:the\s+|an?\s+)?"
    rf"(?P<name>{COINED}(?:\s+{COINED})*)(?![\w-])",
)
# "Which retrieval papers do not use BERT?", "papers on hashing that are not about images", "except", "other than":
# what a list leaves out, when the papers are what is negated ("what they don't know" is about language models).
# "Not only/just X" excludes nothing; "without retraining" is a property papers claim.
_EXCLUDED = re.compile(
    r"\b(?:(?:that|which|papers|ones|those)\s+(?:(?:do|does|did|are|is)\s+not|don't|doesn't|aren't|isn't)"
    r"|but\s+not|except(?:\s+for)?|excluding|other\s+than|apart\s+from|not(?=\s+(?:about|on|using|for)\b))"
    r"(?!\s+(?:only|just|necessarily|always|merely|simply|require|need)\b)\s+"
    r"(?:(?:use|using|about|on|for|involve|involving|mention|mentioning|study|studying|with|apply|applying)\s+)?"
    r"(?:(?:those|ones|papers?)\s+(?:on|about|with|using)\s+)?(?:the\s+|an?\s+)?"
    r"(?P<what>[\w-]+(?:\s+(?!and\b|or\b|but\b|in\b|for\b|to\b)[\w-]+)?)",
    re.IGNORECASE,
)
_NOT_KEYS = FRAME | STOPWORDS  # stems that are no key term of a question
# "How many papers are there on hashing?" asks how many the corpus has (a list, whose head counts them); "how many
# papers does the survey review?" asks a figure of one paper.
_PAPERS_COUNTED = re.compile(
    rf"\bhow many\s+(?:[A-Za-z-]+\s+)?{PAPERS}\b(?!\s+(?:does|do|did|has|have|had|was|were|will|would|can|could|is)\b)"
    r"(?!\s+are\s+(?!there|on|about|in)\w)",
    re.IGNORECASE,
)
_LLM = re.compile(r"\b(?:M?LLMs?|large language models?)\b", re.IGNORECASE)
# LLMs as one of two things asked about ("vision transformers or multimodal LLMs"), not "use or fine-tune LLMs":
# the word before "or" a plural noun.
_LLM_ALTERNATIVE = re.compile(r"\b\w+s,?\s+or\s+(?:[\w-]+\s+)?(?:M?LLMs?|large language models?)\b", re.IGNORECASE)


# "Which papers are benchmarks?", "benchmark papers": papers that make one, as "propose new benchmarks" asks.
_ARE_DATA = re.compile(
    r"\b(?:papers?|works?|ones)\s+(?:are|is|that\s+are)\s+(?:new\s+)?(?:benchmarks?|datasets?|data\s+sets?|corpora)\b"
    r"|\b(?:benchmark|dataset)\s+papers\b",
    re.IGNORECASE,
)


def names_llms(text: str) -> bool:
    """Whether a text names large language models ("LLMs", "an MLLM", "large language models")."""
    return bool(_LLM.search(text))


@dataclass(frozen=True)
class Asked:
    """A question, worked out once: its shape, key terms (stemmed), adjacent key-term pairs and numeric cue."""

    text: str
    shape: Shape
    terms: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]
    numeric: bool
    wants: frozenset[str] = frozenset()  # the kind a "which benchmarks …?" asks for, and its kin (stems)
    wants_words: frozenset[str] = frozenset()  # every word of that clause (`experimental Intel accelerator`)

    @property
    def named_kind(self) -> str | None:
        """The kind asked for when a name answers it ("which datasets", "what model"), as a reader calls it; None
        for a kind a description answers ("what problem")."""
        return named_kind(self.wants)

    @property
    def several(self) -> bool:
        """Whether it asks for things of a named kind in the plural ("what datasets are used for X?"): of no one
        paper named, what each paper on X names."""
        return self.named_kind is not None and in_plural(self.text)

    @property
    def ordering(self) -> Ordering | None:
        """How a list it asks for is ordered: by date ("the latest papers on X"), else by upvotes ("the most upvoted
        papers on X"), else by relevance (None)."""
        return self.order or ("most upvoted" if self.popular else None)

    def listed_by_kind(self) -> Asked:
        """A plural kind asked of a topic ("what datasets are used for X?") as a list of the papers on X, the kind's
        words no part of the topic ("metrics" need not be a word of a paper naming FID)."""
        topic = tuple(t for t in self.terms if t not in self.wants) or self.terms
        pairs = tuple(p for p in self.pairs if not set(p) & self.wants)
        return dataclasses.replace(self, shape="list", terms=topic, pairs=pairs)

    @property
    def dates_compared(self) -> bool:
        """Whether a comparison asks which paper is newer or came first (each side's date answers it)."""
        return self.shape == "compare" and bool(_DATES_COMPARED.search(self.text))

    either: tuple[tuple[frozenset[str], ...], ...] = ()  # alternatives ("select or reweight"), the terms of each
    compounds: tuple[tuple[str, ...], ...] = ()  # hyphenated names ("locality-sensitive"), the stems of each
    llm: bool = False  # asks about large language models only ("use LLMs to rerank"): `llm` is a framing word
    order: Order | None = None  # a list by date ("the latest papers on X"), newest or oldest first
    count: int | None = None  # how many papers a list asks for ("3 papers on hashing")
    one_paper: bool = False  # asks about the one paper a conversation points at ("what dataset does it use?")
    record: Record | None = None  # asks for a field of a paper's record ("who wrote X?"), not for its content
    introduced: str | None = None  # the name whose origin it asks ("which paper introduced BERT?": `BERT`)
    best: bool = False  # asks for the best papers or methods, which no abstract decides ("the best method for X")
    weakness: bool = False  # asks for a method's limits ("the downsides of X"), which its abstract may state
    finding: bool = False  # asks what a paper found ("the main finding of X"), which its abstract may state
    explain: bool = False  # asks to explain or describe ("Explain late chunking"): of one paper found, its gist
    how: bool = False  # asks how each paper does it ("…, and how?"): a list line says what its paper does
    popular: bool = False  # asks for papers by upvotes ("the most upvoted papers on X"), most first
    remedy: bool = False  # asks how a problem is countered ("how is it fixed?"), which its abstract may state
    makes_data: bool = False  # a list of papers that make a benchmark or dataset ("propose new benchmarks")
    names: frozenset[str] = frozenset()  # key terms written as coined names ("TransF"): whole words, no prefixes
    derived: frozenset[str] = frozenset()  # key terms of -ize words ("tokenization": "token"), held only as such
    qualified: tuple[tuple[str, str], ...] = ()  # nouns qualifying the next after a preposition ("for code search")
    domains: tuple[str, ...] = ()  # key words after "for", "in", "on": where it applies ("data for retrieval")
    clause_verbs: tuple[str, ...] = ()  # verbs opening a relative clause ("attacks that extract …"): no subject
    excluded: str = ""  # what a list is to leave out, as written ("which retrieval papers do not use BERT": `BERT`)


def analyse(question: str) -> Asked:
    """The shape and key terms of a question; of a list, what it is to leave out ("papers on hashing that are not
    about images"), which is then no part of its topic or of what is searched."""
    asked = _analysed(question)
    m = _EXCLUDED.search(asked.text)
    words = m.group("what").split() if m else []
    while words and not subject_terms(words[-1]) and not names_llms(words[-1]):  # "that don't use labels study X"
        words.pop()  # (LLMs frame most questions, but a list may leave them out: "not about LLMs")
    if m is None or asked.shape != "list" or not words:
        return asked
    # At most two words were read; when the second went, the first ends where the phrase starts plus its length.
    end = m.end("what") if len(words) == len(m.group("what").split()) else m.start("what") + len(words[0])
    narrowed = _analysed(without(asked.text, m.start(), end))
    return dataclasses.replace(narrowed, shape="list", excluded=" ".join(words), order=asked.order, count=asked.count,
                               record=asked.record, best=asked.best, weakness=asked.weakness, finding=asked.finding,
                               remedy=asked.remedy, how=asked.how, popular=asked.popular,
                               makes_data=asked.makes_data)  # fmt: skip


def _analysed(question: str) -> Asked:
    record: Record | None = None
    if found := record_asked(question):  # "who wrote SPLADE?": the rest of the question names the paper
        record, question = found
    how = asking(question)  # "the latest", "the best", "the main finding of": how it asks, no word of its topic
    # Asked for a gist before the asking words go ("What is the main idea of MERU?": "main idea" sorts nothing).
    gist = _SUMMARY.search(question)
    question, order, count = how.rest, how.order, how.count
    # Linking phrases name nothing asked ("compress models, for example by pruning": no "example").
    words = [w.casefold() for w in WORD.findall(joined(connectives_removed(question)))]
    # A word whose stem is a stop word ("useful": "use") is framing too: abstracts' own "use" is never a term.
    keys = [stem(w) for w in words if w not in STOPWORDS and stem(w) not in _NOT_KEYS and (len(w) > 1 or w.isdigit())]
    key_terms = tuple(dict.fromkeys(keys)) or tuple(dict.fromkeys(terms(question)))
    word_pairs = pairs(words)
    papers_counted = _PAPERS_COUNTED.search(question)
    numeric = bool(QUANTITY.search(question)) and not papers_counted
    improvement = _IMPROVE.search(question) and (numeric or _BASELINE.search(question))
    # "Summarize the paper on late chunking", "Explain ColBERT-XM": one paper pointed at or named
    summary = gist and (_ONE_PAPER.search(question) or _NAME.search(question) or _QUOTED.search(question))
    kinds_compared = bool(_COMPARE_KINDS.search(question))
    if _COMPARE.search(question) and not _LIST.search(question) and not numeric and not kinds_compared:
        shape: Shape = "compare"
    elif (
        _LIST.search(question)
        or how.order is not None
        or how.counted
        or papers_counted
        or how.best
        or how.popular
        or record == "citing"  # "which papers cite X?": those mentioning it
        or kinds_compared
        or (_names_a_topic(question) and not summary)
    ):
        shape = "list"
    elif improvement:
        shape = "improvement"
    elif numeric:
        shape = "number"
    elif summary:
        shape = "summary"
    else:
        shape = "fact"
    llm = bool(_LLM.search(question)) and not _LLM_ALTERNATIVE.search(question)
    return Asked(
        question,
        shape,
        key_terms,
        word_pairs,
        numeric,
        *wanted(question),
        either(question),
        compounds(question),
        llm,
        order,
        count,
        record=record,
        introduced=m.group("name") if (m := _INTRODUCED.search(question)) else None,
        best=how.best,
        weakness=how.weakness,
        finding=how.finding,
        explain=bool(gist),
        how=how.how or kinds_compared,
        popular=how.popular,
        remedy=how.remedy,
        makes_data=bool(MAKES_DATA.search(question) or _ARE_DATA.search(question)),  # "propose new benchmarks for X",
        qualified=qualified(words),
        derived=frozenset(t for w in words if (t := derived(w)) and t in key_terms),
        domains=domains(words),
        clause_verbs=clause_verbs(words),
        names=frozenset(t for t in key_terms if t in _camel_stems(question)),
    )


def _camel_stems(question: str) -> set[str]:
    """The stems of a question's words with a capital after a small letter ("TransF", "ColBERT", "LoRA")."""
    return {stem(w.casefold()) for w in WORD.findall(question) if _CAMEL.search(w)}


def figures_asked(question: str) -> int:
    """How many quantities a question asks for ("how long …, and what latency …": two)."""
    return sum(1 for _ in QUANTITY.finditer(question))


def _names_a_topic(question: str) -> bool:
    """A few words that are no question: no "?", no question word first, at most ten words, and no one paper
    pointed at ("Summarize the paper on late chunking")."""
    return (not question.rstrip().endswith("?") and not _QUESTION_WORD.match(question)
            and len(question.split()) <= 10 and not _ONE_PAPER.search(question))  # fmt: skip
