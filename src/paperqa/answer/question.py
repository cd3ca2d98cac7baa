"""What a question asks for: its shape (`shapes`), its key terms and phrases, and for a list its order and count.
The offline writer composes by shape and the LLM prompt carries a hint of it (`hints`).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from ..text import (
    HOW_QUANTITY,
    PAPERS,
    STOPWORDS,
    connectives_removed,
    frames,
    multilingual_said,
    named_examples_removed,
    stem,
    subject_terms,
    terms,
    without,
)
from .asking import Finding, Order, Ordering, asking
from .gloss import glossed
from .kinds import DATED_COMPARATIVE, in_plural, named_kind, wanted
from .leaving import excluded_in
from .makers import derived, makers
from .phrases import COINED, WORD, compounds, either, joined, linked, pairs
from .record import Record, record_asked
from .roles import by_asker, clause_verbs, doer, domains, done_to, framed, listed_verb, main_verb, qualified
from .shapes import SUMMARY, Shape, shape_of
from .traits import MAKES_DATA, MAKING_DATA
from .written import acronym_stems, camel_stems, proper_stems

# "Which came first, X or Y?": a comparison that gives each side's date.
_DATES_COMPARED = re.compile(rf"\b(?:{DATED_COMPARATIVE})\b", re.IGNORECASE)
# "Which paper introduced BERT?", "who proposed the BEIR benchmark": the paper that made a name, which a paper
# merely using it (gaBERT) is not. Only a coined name is checked (`BERT`, `RoboDepth`, `T5`: a capital after a
# small letter, two capitals, or letters and a digit), not a description or a capitalised word ("Fine-Grained").
_INTRODUCED = re.compile(
    r"\b(?i:(?:which|what)\s+(?:paper|work|study|article)|who)\s+(?i:first\s+)?"
    r"(?i:introduced?|proposed?|presented?|created?|invented?|developed?|coined?)\s+(?i:the\s+|an?\s+)?"
    rf"(?P<name>{COINED}(?:\s+{COINED})*)(?![\w-])"
    # "Which paper first introduced the transformer?", "who invented the attention mechanism?": the origin of a
    # thing named in plain words, the whole question (not "which paper introduced a loss for X?", one that did)
    r"|\b(?i:(?:which|what)\s+(?:paper|work|study|article)|who)\s+"
    r"(?i:(?:first|originally)\s+(?:introduced|proposed|presented|developed)|invented|coined|introduced\s+the)\s+"
    r"(?i:the\s+)?(?i:(?:term|phrase|word|name)\s+)?(?P<plain>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}?)"
    r"(?:\s+(?i:idea|concept|approach|method|technique|mechanism|framework|architecture))?\s*[?.!]*\s*$",
)
# A framing verb that is also a task, as what papers do to a kind of text ("papers that summarize legal
# documents"), not a request ("Summarize the paper on X") or a survey asked for ("papers summarizing research on X").
# "… or report on such a challenge": a verb framing what follows, as "write about" would (not "report speedups")
_REPORT_ON = re.compile(r"\breport(?:s|ed|ing)?\s+on\b", re.IGNORECASE)
_TASK_VERB = re.compile(
    rf"{PAPERS}\s+(?:that\s+|which\s+)?(?:\w+ly\s+)?summari[sz](?:e|es|ing)\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:documents?|texts?|articles?|papers|news|reports?|meetings?|dialogues?|conversations?|reviews?|books?|"
    r"videos?|code|e-?mails?|transcripts?|notes|records|posts|tweets)\b",
    re.IGNORECASE,
)
# "Which papers on hashing have code available?", "papers that release their code": those whose abstracts say
# where their code is; the words asking it name no topic. Bounded.
_WITH_CODE = re.compile(
    r"\b(?:(?:with|releas\w*|shar\w*|provid\w*|publish\w*|hav(?:e|ing)|has|open[- ]?sourc\w*)\s+"
    r"(?:(?:their|its|the|public(?:ly)?|open[- ]?source|source|available)\s+){0,3}code\b"
    r"(?:\s+(?:publicly\s+)?(?:available|released|public))?"
    r"|code\s+(?:is\s+|are\s+)?(?:publicly\s+)?(?:available|released|public|open[- ]?sourced?)\b"
    r"|\b(?:is|are)\s+there\s+(?:any\s+)?(?:(?:public(?:ly\s+available)?|open[- ]?source|released)\s+)?code\b"
    r"|^\s*any\s+code\b)",  # "is there code?", "any code?" (of the paper or list just discussed, in a chat)
    re.IGNORECASE,
)
_LLM = re.compile(r"\b(?:M?LLMs?|(?:large )?language models)\b|\blarge language model\b", re.IGNORECASE)
# LLMs as one of two things asked about ("vision transformers or multimodal LLMs"), not "use or fine-tune LLMs":
# the word before "or" a plural noun (not "compress", nor a verb after "papers": "papers that prunes or …")
_LLM_ALTERNATIVE = re.compile(
    r"(?<!\bpapers\s)(?<!\bpaper\s)(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s)"
    r"\b\w*[^s\W]s,?\s+or\s+(?:[\w-]+\s+)?(?:M?LLMs?|(?:large )?language models?)\b",
    re.IGNORECASE,
)


_OR_DATA = re.compile(r"\s(?:or|and/or)\s", re.IGNORECASE)  # a data set as one of the things made, not the only
# "Which papers are benchmarks?", "benchmark papers": papers that make one, as "propose new benchmarks" asks.
_ARE_DATA = re.compile(
    r"\b(?:papers?|works?|ones)\s+(?:are|is|that\s+are)\s+(?:new\s+)?(?:benchmarks?|datasets?|data\s+sets?|corpora)\b"
    r"|\b(?:benchmark|dataset)\s+papers\b",
    re.IGNORECASE,
)


def names_llms(text: str) -> str:
    """How a text names large language models ("LLMs", "an MLLM", "large language models"), "" if it does not."""
    return found.group(0) if (found := _LLM.search(text)) else ""


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

    def in_own_words(self) -> Asked:
        """Of the one paper a list cited, what the follow-up asks in its own words ("which of them use hashing?"),
        not that list's topic again; any other question as it is."""
        return analyse(self.of_them) if self.one_paper and self.of_them else self

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
    among: int = 0  # asks of the papers the last answer listed ("how many parameters?" after a list): how many
    of_them: str = ""  # what it asks of them, in its own words ("which of them use gradient ascent?")
    shown: bool = False  # of them, it asks only to see them ("tell me about the first two"): each, as listed
    record: Record | None = None  # asks for a field of a paper's record ("who wrote X?"), not for its content
    introduced: str | None = None  # the name whose origin it asks ("which paper introduced BERT?": `BERT`)
    best: bool = False  # asks for the best papers or methods, which no abstract decides ("the best method for X")
    weakness: bool = False  # asks for a method's limits ("the downsides of X"), which its abstract may state
    finding: Finding = ""  # asks what a paper found ("the main finding of X"), or its results, which it may state
    explain: bool = False  # asks to explain or describe ("Explain late chunking"): of one paper found, its gist
    how: bool = False  # asks how each paper does it ("…, and how?"): a list line says what its paper does
    popular: bool = False  # asks for papers by upvotes ("the most upvoted papers on X"), most first
    remedy: bool = False  # asks how a problem is countered ("how is it fixed?"), which its abstract may state
    makes_data: bool = False  # a list of papers that make a benchmark or dataset ("propose new benchmarks")
    names: frozenset[str] = frozenset()  # key terms written as coined names ("TransF"): whole words, no prefixes
    proper: frozenset[str] = frozenset()  # key terms written capitalised mid-sentence ("Chinese"): a list's must
    acronyms: frozenset[str] = frozenset()  # key terms written in capitals ("CLIP"): held only as a paper's capitals
    spelled: tuple[tuple[str, tuple[str, ...]], ...] = ()  # acronyms as papers found spell them ("sae": sparse …)
    abbreviated: tuple[tuple[tuple[str, ...], str], ...] = ()  # hyphenated names as papers found abbreviate them
    with_code: bool = False  # asks for papers saying where their code is ("which papers have code available?")
    derived: frozenset[str] = frozenset()  # key terms of -ize words ("tokenization": "token"), held only as such
    qualified: tuple[tuple[str, str], ...] = ()  # nouns qualifying the next after a preposition ("for code search")
    model_kinds: tuple[tuple[str, str], ...] = ()  # kinds of model named by two nouns ("state space models")
    linked: tuple[tuple[str, ...], ...] = ()  # hyphenated names with a linking word inside ("data-to-text")
    domains: tuple[str, ...] = ()  # key words after "for", "in", "on": where it applies ("data for retrieval")
    clause_verbs: tuple[str, ...] = ()  # verbs opening a relative clause ("attacks that extract …"): no subject
    done_to: tuple[str, ...] = ()  # what is done to the things asked about ("… can be cut")
    verb: str = ""  # what the things asked about do ("how do recommender systems shrink …": `shrink`)
    makers: frozenset[str] = frozenset()  # -izer words asked ("optimizers": `optim`): tools, not their making
    acting: str = ""  # what the papers asked for do ("Which papers stop …": `stop`)
    doer: str = ""  # the things whose doing is asked ("how do multilingual retrievers handle …": `retriev`)
    by_asker: bool = False  # the verb is what the asker does to them ("how do you prune …"): the topic itself
    excluded: str = ""  # what a list is to leave out, as written ("which retrieval papers do not use BERT": `BERT`)
    framed: tuple[tuple[str, str], ...] = ()  # a framing noun beside a key word ("model merging"), as stems


_OF_THESE = re.compile(r"\bof\s+(?:these|them|those)\b", re.IGNORECASE)  # a list's papers, asked of


@lru_cache(maxsize=4096)  # a conversation's earlier questions are analysed again for each follow-up
def analyse(question: str) -> Asked:
    """The shape and key terms of a question; of a list, what it is to leave out ("papers on hashing that are not
    about images"), which is then no part of its topic or of what is searched."""
    asked = _analysed(question)
    m = excluded_in(asked.text)
    words = m.group("what").split() if m else []
    while words and not subject_terms(words[-1]) and not names_llms(words[-1]):  # "that don't use labels study X"
        words.pop()  # (LLMs frame most questions, but a list may leave them out: "not about LLMs")
    if m is None or not words:
        return asked
    # At most two words were read; when the second went, the first ends where the phrase starts plus its length.
    end = m.end("what") if len(words) == len(m.group("what").split()) else m.start("what") + len(words[0])
    narrowed = _analysed(without(asked.text, m.start(), end))
    if asked.shape != "list":  # "a brain-inspired model that does not use transformers": no word it must hold
        return narrowed
    return dataclasses.replace(narrowed, shape="list", excluded=" ".join(words), order=asked.order, count=asked.count,
                               record=asked.record, best=asked.best, weakness=asked.weakness, finding=asked.finding,
                               remedy=asked.remedy, how=asked.how, popular=asked.popular,
                               makes_data=asked.makes_data, with_code=asked.with_code)  # fmt: skip


def _analysed(question: str) -> Asked:
    record: Record | None = None
    if found := record_asked(question):  # "who wrote SPLADE?": the rest of the question names the paper
        record, question = found
    question = multilingual_said(question)  # "for many languages": what papers saying "multilingual" are on
    how = asking(question)  # "the latest", "the best", "the main finding of": how it asks, no word of its topic
    # Asked for a gist before the asking words go ("What is the main idea of MERU?": "main idea" sorts nothing).
    gist = SUMMARY.search(question)
    question, order, count = how.rest, how.order, how.count
    # Linking phrases name nothing asked ("compress models, for example by pruning": no "example").
    # ... nor do the names it gives as examples ("learned sparse retrieval like SPLADE": not SPLADE's own paper),
    # nor "have code available", which asks for papers saying so (each time it is said, in one pass)
    code = _WITH_CODE.search(question)
    topic = " ".join(_WITH_CODE.sub(" ", question).split()) if code else question
    # "which papers cite X?": those mentioning it
    shape, numeric, kinds_compared = shape_of(question, how, bool(gist), listed=record == "citing")
    said = HOW_QUANTITY.sub("how", _REPORT_ON.sub("on", connectives_removed(named_examples_removed(topic))))
    words = [w.casefold() for w in WORD.findall(joined(said))]
    keys = _keys(words)
    if _TASK_VERB.search(question):  # "which papers summarize legal documents?": the task, not a request
        keys.insert(0, "summar")
    # A question all of framing words names them ("Which papers are new?"); one asking for code names none
    made = MAKES_DATA.search(question)  # "propose new benchmarks for X"; "build models or datasets": either
    makes_data = bool((made and not _OR_DATA.search(made.group(0))) or _ARE_DATA.search(question))
    if makes_data:  # "release a benchmark": the making is what `makes_data` asks, no word a paper must write
        # (of a list's papers, "which of these release a dataset?", no word at all: those making one; of the corpus,
        # the verb stays something to search for)
        keys = [k for k in keys if k not in MAKING_DATA] or ([] if _OF_THESE.search(question) else keys)
    narrows = makes_data and _OF_THESE.search(question)
    key_terms = tuple(dict.fromkeys(keys)) or (() if code or narrows else tuple(dict.fromkeys(terms(topic))))
    word_pairs = pairs(words)
    llm = bool(_LLM.search(question)) and not _LLM_ALTERNATIVE.search(question)
    return Asked(
        topic if code and keys else question,  # searched without "release its code" when a topic is left
        shape,
        key_terms,
        word_pairs,
        numeric,
        *wanted(question),
        _glossed(topic, shape) + either(question),  # the gloss first: a list inside it weighs within it
        compounds(question),
        llm,
        order,
        count,
        record=record,
        introduced=(m.group("name") or m.group("plain")) if (m := _INTRODUCED.search(question)) else None,
        best=how.best,
        weakness=how.weakness,
        finding=how.finding,
        explain=bool(gist),
        how=how.how or kinds_compared,
        popular=how.popular,
        remedy=how.remedy,
        makes_data=makes_data,
        qualified=qualified(words),
        model_kinds=qualified(words, kinds_only=True),
        linked=linked(question),
        derived=frozenset(t for w in words if (t := derived(w)) and t in key_terms),
        makers=makers(words) & frozenset(key_terms),
        domains=domains(words),
        clause_verbs=clause_verbs(words),
        done_to=done_to(words),
        verb=main_verb(words),
        acting=listed_verb([w.casefold() for w in WORD.findall(question)]),
        doer=doer(words),
        by_asker=by_asker(words),
        names=frozenset(key_terms) & camel_stems(question),
        acronyms=frozenset(key_terms) & acronym_stems(question),
        with_code=code is not None,
        proper=frozenset(key_terms) & proper_stems(question),
        framed=framed(words, key_terms),
    )


# Stems the stemmer cuts below what papers write: "embed" is "emb" (its "-ed" read as a past tense), which no
# "embedding" starts with once a word is this short (`evidence.has` matches 3 letters whole)
_RESTEMMED = {"emb": "embed"}


def _keys(words: list[str]) -> list[str]:
    """The key terms (stems) of a question's words: a word whose stem is a stop word ("useful": "use") is framing
    too, as abstracts' own "use" is never a term, and so is "machine" before "unlearning", which is always a
    model's (papers on LLM unlearning rarely say "machine"), and "part" of "as part of" ("use clustering as part
    of their method": no paper's clustering is a "part"), and a plain baseline after "than" ("than regular ones")."""
    return [
        _RESTEMMED.get(t := stem(w), t)
        for before, w, after in zip(["", *words], words, [*words[1:], ""], strict=False)
        if w not in STOPWORDS and stem(w) not in STOPWORDS and not frames(w) and (len(w) > 1 or w.isdigit())
        and not (w == "machine" and after.startswith("unlearn")) and not (w == "part" and before in ("as", "a"))
        and not (before == "than" and w in _BASELINES)
    ]  # fmt: skip


# "smaller than regular ones", "faster than standard models": a baseline no paper is about (its own name would be
# given: "than BM25")
_BASELINES = frozenset("regular standard conventional normal ordinary usual typical vanilla plain".split())


def _glossed(topic: str, shape: Shape) -> tuple[tuple[frozenset[str], ...], ...]:
    """A list's topic and the gloss after it ("with a curriculum, from easy to hard examples"), as alternatives:
    the gloss says the topic again in other words, and a paper holding either holds what is asked."""
    if shape != "list" or not (parts := glossed(topic)):
        return ()
    sides = [frozenset(_keys([w.casefold() for w in WORD.findall(joined(part))])) for part in parts]
    return ((sides[0], sides[1]),) if all(sides) and sides[0] != sides[1] else ()
