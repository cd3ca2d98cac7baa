"""Which retrieved papers a question points at: those it names (longest name first), the sides of a comparison,
the one an answer is from and those related to it, what it asks of a named paper that the abstract never
mentions, and the names it gives that none of a list's papers has."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from ..text import sentences, stem, terms
from ..types import Paper, Source
from .evidence import has
from .holding import holds_all, near, ours, title_vocabulary, vocabulary
from .kinds import DESCRIBED_KINDS
from .phrases import COINED, as_written
from .question import Asked, names_llms
from .relevance import APPLIED_WORDS, Idf, Match, holds_phrase, kinds_named, lacking, phrases_lacked
from .roles import COMPARING
from .spelled import spelled_held
from .traits import LANGUAGE_MODELING, on_language_modeling, on_language_models

_NAME = re.compile(COINED)  # an acronym or coined name (`RLHF`, `BERT`, `T5`)
DESCRIBED = 0.999  # share of the rest of a comparison a paper it describes holds: all of it
# A class of papers, not one ("How do contextual document embeddings differ from standard dense retrievers?");
# "previous work on hard negatives" still describes one. Bounded.
_CLASS = re.compile(r"\b(?:standard|traditional|conventional|existing|prior|previous|classic(?:al)?|vanilla|usual|"
                    r"na[iï]ve|basic|typical|regular|plain|other|larger|bigger|smaller)\b(?!(?:\s+[\w-]+){0,3}?\s+(?:paper|work|study|article)s?\b)",
                    re.IGNORECASE)  # fmt: skip
RELATED = 0.15  # coverage within this of the answer's paper makes a paper "related" (tuned on the dev set)


# What a question measures against ("Is dense retrieval better than BM25?", "… outperform BM25": `BM25`), up to
# the end of its clause.
_AGAINST = re.compile(
    r"\bthan\s+((?:[^?.!,;]|\.(?=\d)){1,80})"  # a version's dot is no sentence's end ("Llama-3.2-1B")
    r"|\b(?:outperform\w*|beats?|improv\w*\s+(?:over|on|upon)|compared?\s+(?:to|with)|relative\s+to|vs\.?|versus)"
    r"\s+((?:[^?.!,;]|\.(?=\d)){1,80})",
    re.IGNORECASE,
)


def against_named(text: str) -> bool:
    """Whether what a question measures against is named ("better than BM25", "faster than ColBERT"), not said
    in general ("than its predecessor", "than the baseline"), which any gain the paper states answers."""
    against = _AGAINST.search(text)
    return bool(against and _NAME.search(next(g for g in against.groups() if g)))


def against_terms(text: str) -> list[str]:
    """The key words of what a question measures against ("better than Llama-3.2-1B"), none when it names nothing."""
    against = _AGAINST.search(text)
    return terms(next(g for g in against.groups() if g)) if against else []


def beating(asked: Asked, sources: Sequence[Source], matches: Sequence[Match], beats: re.Pattern[str]) -> int | None:
    """The first of the top papers, about as close to the question as the closest (`RELATED`), with a sentence
    stating a gain (`beats`) over what the question measures against, naming it ("we outperform BM25 by 44%" for
    "is dense retrieval better than BM25?"), if any."""
    if not (wanted := against_terms(asked.text)):
        return None
    least = max(m.coverage for m in matches[:10]) - RELATED
    for i, source in enumerate(sources[:10]):
        if matches[i].coverage < least:
            continue
        for sentence in sentences(source.paper.abstract):
            words = frozenset(terms(sentence))
            if beats.search(sentence) and all(has(t, words) for t in wanted):
                return i
    return None


# "how does <name> choose …": the verb after the name asks what the paper does, not a word it must write
_HOW_DOES = re.compile(r"\bhow\s+(?:does|do|did|can|could|would|will)\s+\0\s+([a-z]+)")


def verb_after(asked: Asked, name: str) -> str:
    """The stem of the verb right after a named paper in "how does <name> choose …" ("" for none): how it does it
    is asked, not a word its abstract must write."""
    found = _HOW_DOES.search(asked.text.casefold().replace(name, "\0", 1)) if name else None
    return stem(found.group(1)) if found else ""


def unmentioned(asked: Asked, source: Source, found: Match, subject: Callable[[str], bool]) -> list[str]:
    """What a question asks of the paper it names that its abstract never mentions, as written ("Does SPLADE use
    BERT?": `BERT`): nothing when the abstract holds any of it, or when what it lacks names no subject ("which
    paper first proposed pointer networks?" lacks only `first`)."""
    # "which of these use LLMs?" of a paper on none ("LLM" frames most questions: no term of its own)
    if asked.llm and (llms := names_llms(asked.text)) and not on_language_models(source.paper):
        return [llms]
    # (no name: the paper a conversation points at, "which GPU?", asked of in words that are all the question's)
    rest = [t for t in asked.terms if t not in terms(found.name)] if found.name else list(asked.terms)
    if verb := verb_after(asked, found.name):
        rest = [t for t in rest if t != verb]  # "How does Preselect choose data?": how it does it
    rest = [t for t in rest if t not in COMPARING]  # "Does SPLADE v2 beat BM25?": a gain, said many ways
    words = vocabulary(source.paper)
    # "what datasets?" of a paper naming "the BEIR benchmark": a kin of the kind asked answers it
    kin = any(has(k, words) for k in asked.wants)
    lacking = [t for t in rest if not has(t, words) and not (kin and t in asked.wants)]
    # The kind asked for ("what GPU …") is what the question wants, whether or not it names a subject; one a
    # description answers ("what problem …") need not be named.
    asked_of = [t for t in lacking if subject(t) or (t in asked.wants and t not in DESCRIBED_KINDS)]
    # a kind of learning or model it never mentions, though it holds the rest ("Which reinforcement learning
    # algorithm does PEGASUS use for summarization?")
    kinds = [k for k in kinds_named(asked) if not set(k) & set(terms(found.name)) and not any(has(t, words) for t in k
             if t in asked.terms)]  # fmt: skip
    if kinds and rest:
        return [" ".join(as_written(asked.text, list(k))) for k in kinds]
    # what it is measured against, whatever else the abstract holds ("Does SPLADE v2 beat BM25 on BEIR?": BM25)
    if against := [t for t in against_terms(asked.text) if t in lacking and subject(t)]:
        return as_written(asked.text, against)
    if not rest or len(lacking) < len(rest) or not asked_of:
        return []
    # "What loss function does Revela use?": the kind asked with the word naming it, as one phrase
    phrases = [(a, b) for a, b in asked.pairs if a in lacking and b in lacking and b in asked.wants]
    joined = {t for pair in phrases for t in pair}
    said = [" ".join(as_written(asked.text, list(pair))) for pair in phrases]
    return said + as_written(asked.text, [t for t in asked_of if t not in joined])


def applied_elsewhere(asked: Asked, paper: Paper, subject: Callable[[str], bool]) -> list[str]:
    """Where a question asks a named paper's work to apply that its abstract never mentions, as written ("… save
    for diffusion models?" of a paper on language models); a kind of learning or model ("for reinforcement
    learning") is a subject however common its word, and said whole."""
    words = vocabulary(paper)
    kinds = [parts for parts in kinds_named(asked) if not holds_phrase(asked, paper, parts)]
    unsaid = [t for t in asked.domains if (subject(t) or any(t in k for k in kinds)) and not has(t, words)]
    whole = [k for k in kinds if set(k) & set(unsaid)]
    # a domain is said with the key word after it ("on image generation")
    whole += [(t, b) for t in unsaid for a, b in asked.pairs if a == t and not any(t in k for k in whole)]
    alone = [t for t in unsaid if not any(t in k for k in whole)]
    return as_written(asked.text, alone) + [" ".join(as_written(asked.text, list(k))) for k in whole]


def elsewhere(
    asked: Asked, sources: Sequence[Source], top: int, subject: Callable[[str], bool], name: str = ""
) -> list[str]:
    """What else a question asks of a named paper's work that its abstract never mentions, though it holds the
    rest, as written: a subject narrowing a thing it mentions into a topic another paper found is on ("How does
    Seismic handle image retrieval?" of one on text retrieval, while LexLIP does image retrieval), or a phrase of
    two subjects it has neither word of ("transfer to weather forecasting"). The verb after its `name` ("How does
    LexRank select important sentences?") narrows nothing: it is how the paper does it."""
    words = vocabulary(sources[top].paper)
    others = [s.paper for i, s in enumerate(sources[:10]) if i != top]
    verb = verb_after(asked, name)
    narrowed = [
        (a, b)
        for a, b in asked.pairs
        if a != verb and subject(a) and not has(a, words) and has(b, words) and any(near(p, a, b) for p in others)
    ]
    pairs = [p for p in phrases_lacked(asked, sources[top].paper, subject) if not set(p) & COMPARING]
    # ... or, of what "how does <name> <verb> …" asks its work to do, a thing of two words whose second, a subject,
    # it lacks, which another paper found writes ("improve machine translation" of Pointer Networks, whose
    # "machines" are Neural Turing Machines, or of WAGLE; not "what is the parameter count of GigaTok?", a figure)
    # (not a hyphenated word's halves: "fine-tune" of a paper needing no fine-tuning is a premise, said so; nor
    # the kind asked: "what loss function does Revela use?" is said to be unmentioned)
    compounds = {tuple(parts[i : i + 2]) for parts in asked.compounds for i in range(len(parts) - 1)}
    pairs += [(a, b) for a, b in asked.pairs if verb and (a, b) not in pairs and (a, b) not in compounds and a != verb
              and b not in asked.wants_words and subject(b) and not has(b, words) and not {a, b} & COMPARING
              and any(near(p, a, b) for p in others)]  # fmt: skip
    return [" ".join(as_written(asked.text, list(p))) for p in [*narrowed, *pairs]]


def apart_from(asked: Asked, paper: Paper, subject: Callable[[str], bool], short: bool) -> list[str]:
    """What a question names that the paper answering it is not on, as written: language models ("how do
    recommenders use LLMs?" of a recommender paper with none), both words of one of a `short` question's phrases
    of two subjects ("differential privacy used in dense retrieval" of a privacy paper), or the things whose doing
    it asks ("how do vision transformers handle …" of a paper on no transformer)."""
    if asked.llm and not on_language_models(paper):
        return ["language models"]
    if (task := LANGUAGE_MODELING.search(asked.text)) and not on_language_modeling(paper):
        return [task.group(0)]  # "… on language modeling?" of a paper on graphs
    if short and (lacked := phrases_lacked(asked, paper, subject)):
        return [" ".join(as_written(asked.text, list(pair))) for pair in lacked]
    if asked.doer and asked.doer in lacking(asked, paper) and subject(asked.doer):  # "how do vision transformers …"
        return as_written(asked.text, [asked.doer])
    if len(asked.terms) <= APPLIED_WORDS:  # "… fine-tuning work for diffusion models?" of one on LLMs
        return applied_elsewhere(asked, paper, subject)
    return []


def doing_it(asked: Asked, sources: Sequence[Source], matches: Sequence[Match], top: int, idf: Idf) -> int:
    """Of the top three papers covering as much of the question as `top`, the first writing what the things asked
    about do, when that is its rarest word ("how do language models detoxify themselves without fine-tuning?": the
    detoxifying paper, not a fine-tuning one; a verb weighs nothing in coverage, `relevance._share`)."""
    if not asked.verb or asked.verb in COMPARING or idf(asked.verb) < max(map(idf, asked.terms)):
        return top
    top3 = [i for i in range(min(3, len(sources))) if matches[i].coverage >= matches[top].coverage]
    whole = [i for i in top3 if all(holds_phrase(asked, sources[i].paper, parts) for parts in asked.compounds)]
    # (not a paper writing it only as its authors' doing: "we think the usage of …")
    doing = (
        i
        for i in whole
        if asked.verb not in lacking(asked, sources[i].paper) and not ours(sources[i].paper, asked.verb)
    )
    return next(doing, top)  # ("vision-language")


def lacked_by_all(asked: Asked, listed: Sequence[Source]) -> set[str]:
    """The key terms none of the listed papers has in any form."""
    return set.intersection(*(set(lacking(asked, s.paper)) for s in listed))


def things_lacked(asked: Asked, listed: Sequence[Source]) -> list[str]:
    """The key terms none of the listed papers has, the terms of one set of alternatives counted as one thing (the
    first lacked): "inputs" and "poisoned" of "adversarial inputs or poisoned data" are one."""
    none_has = lacked_by_all(asked, listed)
    alike = [frozenset().union(*sides) & none_has for sides in asked.either]
    counted = [t for t in asked.terms if t in none_has and not any(t in group for group in alike)]
    return counted + [min(group, key=asked.terms.index) for group in alike if group]


# Where a question's examples begin: "…, for example how they perceive, plan or manipulate objects"
_EXAMPLES_FROM = re.compile(r"\b(?:for example|for instance|such as|e\.g\.|including)\b.*", re.IGNORECASE | re.DOTALL)


def own_terms(asked: Asked) -> frozenset[str]:
    """The key terms a question names as its own: not those of the examples it gives (in parentheses, after "for
    example" or "such as") nor its alternatives ("mine, generate or filter")."""
    own = set(terms(_EXAMPLES_FROM.sub(" ", re.sub(r"\([^)]*\)", " ", asked.text))))
    # (a set of alternatives all said in its own words; not "robots" glossed by the examples that follow it)
    alternatives = {t for sides in asked.either if all(side <= own for side in sides) for side in sides for t in side}
    return frozenset(own - alternatives)


def parts_apart(asked: Asked, listed: Sequence[Source], subject: Callable[[str], bool]) -> list[str]:
    """When each listed paper lacks a phrase of two subjects the question names as its own, both words ("prune
    visual tokens to speed up robot manipulation policies": token pruning papers and a robot manipulation paper, none
    on both), the words the first lacks; else none."""
    own = own_terms(asked)
    lacked = [[p for p in phrases_lacked(asked, s.paper, subject) if set(p) <= own] for s in listed]
    if not listed or not all(lacked):
        return []
    return list(dict.fromkeys(w for pair in lacked[0] for w in pair))


def named_by_none(asked: Asked, listed: Sequence[Source]) -> list[str]:
    """The names the question gives (acronyms or coined names: `RLHF`, `BERT`) that none of the listed papers
    has, as written."""
    none_has = lacked_by_all(asked, listed)
    return [w for w in as_written(asked.text, [t for t in asked.terms if t in none_has]) if _NAME.fullmatch(w)]


# The stems in which a paper may say something cannot be done, one as good as another in describing it
_UNABLE = frozenset({"cannot", "inabl", "unabl", "fail", "failur", "struggl"})


def beside_name(asked: Asked, name: str, idf: Idf) -> Callable[[Source], float]:
    """The share of a question's key-term weight a paper holds, the words of a name it gives set aside."""
    own = set(terms(name))
    rest = [t for t in asked.terms if t not in own]
    total = sum(idf(t) for t in rest) or 1.0

    def held(t: str, paper: Paper) -> bool:  # "the SAE-based unlearning paper" of one writing "sparse autoencoder"
        words = vocabulary(paper)
        # "the paper showing that transformers cannot do random access" of one on their "inability" to
        unable = t in _UNABLE and any(has(w, words) for w in _UNABLE)
        return unable or has(t, words) or t in spelled_held(asked, paper)

    return lambda source: sum(idf(t) for t in rest if held(t, source.paper)) / total if rest else 0.0


def related(asked: Asked, sources: Sequence[Source], matches: Sequence[Match], top: int, idf: Idf) -> list[int]:
    """Up to two papers nearly as close to the question as the answer's paper (its follow-up, say), writing the
    question's word pairs together wherever that paper does ("second order optimizer", not "self-adaptive"), and
    as close on the rest of the question where it names that paper ("What does TransF solve that TransE
    cannot?": not a paper sharing only "problem" and "solve")."""
    least = max(0.5, matches[top].coverage - RELATED)
    paired = [(a, b) for a, b in asked.pairs if near(sources[top].paper, a, b)]
    name = terms(matches[top].name)
    share = beside_name(asked, matches[top].name, idf)
    # "How does Predictive Data Selection choose data?": the paper holds none of the rest ("choose"), which then
    # says nothing of what is related to it; as of its name alone
    only_name = bool(name) and (set(asked.terms) <= set(name) or share(sources[top]) == 0)
    floor = share(sources[top]) - RELATED if name and not only_name else 0.0

    def kin(i: int) -> bool:  # a question that is only the paper's name ("who proposed pointer networks?"): all of it,
        if not only_name:  # its words together ("predictive … data … selection" is no "Predictive Data Selection")
            return share(sources[i]) >= floor
        paper = sources[i].paper
        return holds_all(paper, name) and all(near(paper, a, b) for a, b in itertools.pairwise(name))

    close = [
        i
        for i, m in enumerate(matches)
        if i != top and m.coverage >= least and all(near(sources[i].paper, a, b) for a, b in paired) and kin(i)
    ]
    # those whose titles hold more of the question first ("BERT4Rec: Sequential Recommendation with … Transformer"
    # beside one on transformers for recommendation, before a paper holding both words only in its abstract)
    return sorted(close, key=lambda i: -titled_share(asked, sources[i].paper))[:2]


def titled_share(asked: Asked, paper: Paper) -> float:
    """The share of a question's key terms a paper's title holds."""
    title = title_vocabulary(paper)
    return sum(has(t, title) for t in asked.terms) / len(asked.terms) if asked.terms else 0.0


def described_side(
    asked: Asked, sources: Sequence[Source], matches: Sequence[Match], side: int, idf: Idf
) -> int | None:
    """The paper a comparison describes beside the one it names ("Compare WAGLE with the SAE-based unlearning
    paper"; none beside "standard dense retrievers"): of the first ten, the one holding all of the rest of the
    question, one not naming the other side first (a paper "on hard negatives" compared with SPLADE is not one
    building on SPLADE), if one does."""
    if _CLASS.search(asked.text):  # the other side is a class of papers: the named one says how it differs
        return None
    share = beside_name(asked, matches[side].name, idf)
    held = [i for i in range(min(10, len(sources))) if i != side and share(sources[i]) >= DESCRIBED]
    name = terms(matches[side].name)
    return min(held, key=lambda i: (holds_all(sources[i].paper, name), i), default=None)
