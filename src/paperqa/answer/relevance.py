"""How well papers fit a question, judged on each paper's own text: the measures the offline writer lists
papers with.

A small logistic model weighs the measures. Their weights were fitted by `eval/fit_offline.py` on the tuning
data only (the dev set and the tuning half of `eval/realistic.jsonl`), with the same functions as here; the
held-out half is only ever reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from ..text import FRAME, named_examples_removed, stem, terms
from ..types import ONE_CHUNK, Paper, Source
from .evidence import has, has_name
from .heads import headed, named_by_qualifier, named_by_rarer
from .holding import after_it, holds_compound, near, vocabulary, writes_linked, written_joined
from .makers import ize_stems, maker_stems
from .names import mentions
from .paper_text import CODES, codes_only, named_only, writes_capitalised
from .phrases import as_written, noun_kinds, writes_kinds
from .question import Asked
from .spelled import abbreviation_held, spelled_held

Idf = Callable[[str], float]

STRAY = 0.5  # cosine of abstracts under which a paper is on another topic than one it is set beside
# key words up to which a question says where its topic applies ("for diffusion models") in the corpus's words
APPLIED_WORDS = 6
RARE_NAME = 0.7  # a name's rarest word needs at least this share of the highest IDF there is (a word in no chunk)
UNSEEN = "\x00unseen"  # a term no chunk has: its IDF is the highest
NAMED_K = 60  # papers searched for a list on a kind ("in-context learning"), of which those holding it are added
RARE_WORD = 0.7  # share of the highest IDF from which a word is too rare for its residual IDF to tell
# What a kind of model is of ("text embedding models", "speech recognition models"): a paper on that kind of
# model names it anywhere, not necessarily before the kind
MODALITIES = frozenset(("text", "imag", "speech", "video", "audio"))
COMMONER = 3.5  # bits of IDF (11 times the chunks) by which a lacking subject is commoner than the rarest word held
SUBJECT = 0.35  # residual IDF (bits) from which a key term names a subject a paper must have, not a modifier


@dataclass(frozen=True)
class Match:
    """What every answer needs of one paper against one question."""

    coverage: float  # share of the key terms' IDF weight found in title and abstract (prefix matches count)
    name: str  # the longest name of the paper the question mentions, folded ("splade v2"; "" for none)

    @property
    def named(self) -> int:
        """How long that name is (0: none): a longer name is the more specific one."""
        return len(self.name)


def near_said(asked: Asked, paper: Paper, a: str, b: str) -> bool:
    """`near`, a word of a name the paper writes as the papers found abbreviate it by that abbreviation: "POS
    tagger" holds "speech" near "tagging" of "part-of-speech tagging"."""
    if not asked.abbreviated:  # (most questions: asked for every phrase of every paper found)
        return near(paper, a, b)
    held = [(parts, short) for parts, short in asked.abbreviated if abbreviation_held(asked, paper, parts)]
    return near(paper, a, b) or any(near(paper, short if a in parts else a, short if b in parts else b)
                                    for parts, short in held)  # fmt: skip


def kinds_named(asked: Asked) -> list[tuple[str, ...]]:
    """The kinds of learning, network or language model a question names ("in-context learning", "graph neural
    networks"), whose framing words the search leaves out."""
    return [parts for parts in asked.compounds if any(p in FRAME for p in parts)]


def holding_kinds(asked: Asked, sources: Sequence[Source]) -> list[Source]:
    """The sources that hold every kind the question names, written together: a search deeper than a list's finds
    more papers on "in-context learning" than its words apart do (papers on "long context" outrank them)."""
    kinds = kinds_named(asked)
    return [s for s in sources if all(holds_phrase(asked, s.paper, parts) for parts in kinds)]


def lacking(asked: Asked, paper: Paper) -> list[str]:
    """The key terms a paper lacks in any form (one of the question's alternatives held holds them all), or has
    only inside a name the question does not give ("genomics" of "TREC Genomics", "text" of "text-to-image")."""
    lower_only = {t for t in asked.acronyms if not writes_capitalised(paper, t)}  # "CLIP" of "video clips"
    words = vocabulary(paper)
    # ("fine-tune" of a paper writing "finetuning": each part held)
    also = spelled_held(asked, paper) | {t for parts in asked.compounds if written_joined(parts, words) for t in parts}
    held = _held(asked, words, lower_only, also)
    if only := named_only(paper):
        held -= {t for t, name in only.items() if name.casefold() not in asked.text.casefold()}
    if _CODE in held and not CODES.search(asked.text) and codes_only(paper):  # "retrieval for code": no hash codes
        held.discard(_CODE)
    # a linked name's words held only apart are not it ("text" and "video" of "text-to-video" in a paper on music for
    # videos described in text)
    held -= linked_apart(asked, paper)
    return [t for t in asked.terms if t not in held]


def linked_apart(asked: Asked, paper: Paper) -> set[str]:
    """The words of the question's linked names ("text-to-video") a paper holds only apart, not as that name."""
    return {
        p
        for parts in asked.linked
        if not (writes_linked(paper, asked.text, parts) or abbreviation_held(asked, paper, parts))
        for p in parts
    }


_CODE = stem("code")


def phrases_lacked(asked: Asked, paper: Paper, subject: Callable[[str], bool]) -> list[tuple[str, str]]:
    """The question's phrases of two subjects a paper has neither word of ("differential privacy used in dense
    retrieval" of a privacy paper: `dense retrieval`)."""
    words = vocabulary(paper)
    return [(a, b) for a, b in asked.pairs if subject(a) and subject(b) and not has(a, words) and not has(b, words)]


_MODELS = frozenset(terms("large language model models llm llms lm lms"))  # what "the model or X" may name
_MODEL_WORDS = _MODELS - {"larg"}  # the words of them a paper on models writes ("large" alone says nothing)


def _held(asked: Asked, words: frozenset[str], unheld: Collection[str] = (), also: Collection[str] = ()) -> set[str]:
    """The key terms a vocabulary holds in some form, but those `unheld`, and those held `also` (otherwise
    written); holding one of the question's alternatives ("passages or documents") holds them all."""
    held = {t for t in asked.terms if t not in unheld and holds(asked, t, words)} | set(also)
    # a side naming models only, words that frame most questions and are no key term, is held where written ("the
    # feedback of the language model or reader": a paper on LLMs' feedback need not say "reader"); not a framing
    # verb ("find, link or resolve mentions": "find" is in most abstracts)
    naming = {t for group in asked.either for side in group if side <= _MODELS for t in side if t not in asked.terms}
    # ("LLMs" is "the language model"; looked up only of a question offering such a side)
    framing = naming if naming and any(has(t, words) for t in _MODEL_WORDS) else set()
    for alternatives in asked.either:
        if any(side <= held | framing for side in alternatives):
            held |= frozenset().union(*alternatives)
    return held


def holds(asked: Asked, term: str, words: frozenset[str]) -> bool:
    """Whether a vocabulary holds a key term: a coined name as a whole word ("TransF" is no "transformer"); a
    speed asked for ("faster") in what papers write of one ("accelerates training", "fast sampling")."""
    if term in SPEED:
        return any(has(t, words) for t in _SPEED_SAID)
    return has_name(term, words) if term in asked.names else has(term, words)


# "make diffusion models faster to train": a paper "accelerating convergence" or writing "fast sampling" does (not
# every "efficient" one: "parameter-efficient fine-tuning" is no speed)
SPEED = frozenset(stem(w) for w in ("faster", "quicker"))
_SPEED_SAID = frozenset(stem(w) for w in ("fast", "faster", "speed", "speedup", "accelerate", "quick"))


def on_topic(asked: Asked, paper: Paper, names: Callable[[str], bool] = lambda t: True, idf: Idf | None = None) -> bool:
    """Whether a paper holds a topic's name: all its key words but one, all of a name of one or two words
    (compounds joined on both sides: `pre-train` is `pretrain` in the question as in the paper), each
    hyphenated name's words together, what it is applied to ("synthetic data for retrieval"), and each -ize word
    of the question in a word of that making."""
    # one of the question's alternatives held holds them all; a word naming no subject (`names`) may be missing
    # when a paper has the rest ("machine" of "machine unlearning", of a paper on unlearning in LLMs)
    lacked = lacking(asked, paper)
    # ... and a common head that a far rarer word before it names ("legal text" of a paper on legal language),
    # unless it names what is done ("music generation" of a paper on music understanding)
    named = [t for t in lacked if idf and named_by_rarer(asked, t, lacked, idf, names)]
    missing = len([t for t in lacked if names(t) and t not in named]) if len(lacked) < len(asked.terms) else len(lacked)
    together = all(holds_phrase(asked, paper, parts) for parts in asked.compounds)
    # a kind of model named by two nouns, said together ("state space models": not "latent space" and "state-of-")
    # (of a modality: "text embedding models" of a paper on embedding models of abstracts, writing "text" elsewhere)
    # (its kind's head held: "text embedding models" of a paper on text models without embeddings is on no kind)
    together = together and all(near_said(asked, paper, a, b) or (a in MODALITIES and has(a, vocabulary(paper))
                                                                  and has(b, vocabulary(paper)))
                                for a, b in asked.model_kinds)  # fmt: skip
    applied = not any(t in lacked for t in asked.domains)  # "for retrieval": not preference data
    # "applied to text generation": not a paper on image generation, writing "text" only of its prompts
    applied = applied and not any(
        a in asked.domains and a in MODALITIES and not near_said(asked, paper, a, b)
        and any(near(paper, m, b) for m in MODALITIES - {a})
        for a, b in asked.pairs
    )  # fmt: skip
    # "lifelong or continual hashing": a subject each alternative qualifies ("decode or sample text": no subject)
    qualified = not any(names(t) for t in alternatives_head(asked) & set(lacked))
    made = all(t in ize_stems(paper) for t in asked.derived)  # "tokenization": not a paper saying "tokens" only
    made = made and all(t in maker_stems(paper) for t in asked.makers)  # "optimizers": not "Preference Optimization"
    # the one word it lacks far rarer than each it holds is what the topic is ("detoxify image generators": not a
    # paper on image generation)
    held = [idf(t) for t in asked.terms if t not in lacked] if idf and len(lacked) == 1 else []
    rarest_lacked = bool(held) and idf is not None and names(lacked[0]) and idf(lacked[0]) > max(held) + COMMONER
    # "embeddings of knowledge graphs": a paper on graphs of users and items holds the head, not the kind named
    kind = not any(a in lacked and b not in lacked and names(a) and a not in named for a, b in asked.qualified)
    return (missing <= (len(asked.terms) - 1) // 2 and together and applied and qualified and made and kind
            and not rarest_lacked)  # fmt: skip


def alternatives_head(asked: Asked) -> set[str]:
    """The key word right after a question's alternatives, which each of them qualifies ("hashing" of "lifelong or
    continual hashing"): a paper holding one alternative but not it is on another thing (continual pretraining)."""
    text = asked.text.casefold()
    # ("ways to decode or sample text": what is done to a thing, not kinds of it); the words after a "to" found
    # once, each alternative's pattern run only where one opens so (a question repeated to 100k characters)
    after_to = set(re.findall(r"\bto\s+([\w-]+)", text))
    kinds = [g for g in asked.either if not any((w.casefold().split() or [""])[0] in after_to
                                               and re.search(rf"\bto\s+{re.escape(w.casefold())}\b", text)
                                               for w in as_written(asked.text, sorted(g[0])))]  # fmt: skip
    ends = {t for g in kinds for alternative in g[-1:] for t in alternative}
    inside = {t for g in asked.either for alternative in g for t in alternative}
    return {b for a, b in asked.pairs if a in ends and b not in inside}


def subject(term: str, topical: Idf) -> bool:
    """Whether a key term names a subject a paper must have (residual IDF of at least `SUBJECT`), not a modifier."""
    return topical(term) >= SUBJECT


def rare(term: str, idf: Idf) -> bool:
    """Whether a key term is in so few chunks (`RARE_WORD` of the highest IDF) that its residual IDF tells nothing."""
    return idf(term) >= RARE_WORD * idf(UNSEEN)


def covers(asked: Asked, paper: Paper, topical: Idf, idf: Idf) -> bool:
    """Whether a paper holds a topic as a whole: it lacks no key term that names a subject (`topical`: residual
    IDF of at least `SUBJECT`), and few rare ones (a word in few chunks, `motion`, says little by its residual
    IDF) or that qualifies a noun the paper holds ("code" of "for code search"); a common modifier (`cheaper`,
    `several`) may be missing, and so may one subject far commoner than a word the paper holds ("pretrains" beside
    "Irish": gaBERT is a language model for Irish, not said to be pretrained), or the one subject a far rarer word
    before it names ("MLP layers")."""
    missing = lacking(asked, paper)
    named = [parts for parts in asked.compounds if all(p in asked.terms for p in parts)]  # not "music-related"
    named += [parts for _, parts in noun_kinds(asked.text)]  # "in-context learning": no "extended-context" model
    if not all(holds_phrase(asked, paper, parts) for parts in named) or not writes_kinds(asked.text, paper):
        return False  # a hyphenated name is one thing ("low-resource"), not modifiers ("low dimensional")
    if not headed(asked, missing):
        return False  # "for music generation" of a paper on music understanding
    # what the things asked about do ("shrink", "extract") may be said otherwise, by a paper holding two other words
    verbs = (*asked.clause_verbs, asked.verb) if len(asked.terms) - len(missing) >= 2 else ()
    # a coined name ("LoRA") is what it names, however evenly the corpus spreads it
    subjects = [t for t in missing if (subject(t, topical) or t in asked.names) and t not in verbs]
    words = vocabulary(paper)  # "for code search" of a paper on scientific search: "code" names what it is about
    subjects += [a for a, b in asked.qualified if a in missing and a not in subjects and has(b, words)]
    # ... or lacks a thing named by two words, both ("the KV cache" of quantization papers: neither word names a
    # subject alone, "KV" being rare and "cache" spread out, but the thing is what is asked about)
    subjects += [a for a, b in asked.qualified if a in missing and b in missing and a not in subjects]
    # ... or holds both words only apart ("depth" of transformers, "estimators": no "depth estimation")
    # (not a coined name's: "the BabyLM team" of a paper on the BabyLM Challenge by "our team"; nor a phrase of an
    # alternative the paper does not write, held by holding the other: "speculative decoding or faster inference")
    apart = [(a, b) for a, b in asked.qualified if a not in asked.names and has(a, words) and has(b, words)
             and not (a in MODALITIES and (a, b) in asked.model_kinds)]  # fmt: skip
    subjects += [a for a, b in apart if not near_said(asked, paper, a, b) and not after_it(paper, b, a)]
    if len(subjects) == 1 and (
        named_by_qualifier(asked, subjects[0], missing, idf)
        or named_by_rarer(asked, subjects[0], missing, idf, lambda t: subject(t, topical))
    ):
        subjects = []  # "MLP layers" of a paper on MLP pruning that never says "layers"; "legal text"
    rarest_held = max((idf(t) for t in asked.terms if t not in missing), default=0.0)
    if len(subjects) > 1 or (subjects and idf(subjects[0]) + COMMONER > rarest_held):
        return False
    if subjects and subjects[0] == asked.doer:  # "how do multilingual retrievers handle Irish?": not gaBERT
        return False
    return sum(1 for t in missing if rare(t, idf)) <= (len(asked.terms) - 1) // 2


def holds_phrase(asked: Asked, paper: Paper, parts: Sequence[str]) -> bool:
    """Whether a paper holds one of the question's hyphenated names, together or as the papers found abbreviate
    it ("part-of-speech" of a paper writing only "POS tagging"), or, of a kind of learning, with a modifier of its
    own between ("few-shot class-incremental learning")."""
    if holds_compound(paper, parts) or abbreviation_held(asked, paper, parts):
        return True
    return any(stems == tuple(parts) for _, stems in noun_kinds(asked.text)) and writes_kinds(asked.text, paper)


def name_floor(idf: Idf) -> float:
    """The least IDF a coined name's rarest word needs to name a paper: `RARE_NAME` of the highest there is, or a
    word in one chunk's if lower (in a corpus of a few papers no word reaches the share: "Who wrote ZetaNet?")."""
    return min(RARE_NAME * idf(UNSEEN), idf(ONE_CHUNK))


def names_another(papers: Sequence[Paper], idf: Idf) -> bool:
    """Whether one paper's abstract names another of them (SPLADE v2's "we build on SPLADE"): a gain of one over
    the other may be stated."""
    rare = name_floor(idf)
    return any(mentions(a.abstract, b, idf, rare) for a in papers for b in papers if a is not b)


def match(asked: Asked, paper: Paper, idf: Idf) -> Match:
    """The coverage of one paper for one question, and how long a name of it the question gives."""
    name = mentions(named_examples_removed(asked.text), paper, idf, rare=name_floor(idf))  # not "like SPLADE"
    # a linked name's words held only apart are not it ("text" of "data-to-text" in a benchmark's text retrieval)
    return Match(share(asked, idf, vocabulary(paper), spelled_held(asked, paper), linked_apart(asked, paper)), name)


def _fraction(side: frozenset[str], held: Collection[str], weights: dict[str, float]) -> float:
    """The share of one alternative's weight held."""
    whole = sum(weights.get(t, 0.0) for t in side)
    return sum(weights.get(t, 0.0) for t in side if t in held) / whole if whole else 0.0


def share(
    asked: Asked, idf: Idf, words: frozenset[str], also: Collection[str] = (), unheld: Collection[str] = ()
) -> float:
    """The share of the question's key-term IDF weight that a vocabulary holds (prefix matches count). A list of
    three or more alternatives weighs as its heaviest one: holding "neurons" of "weights, neurons, attention
    heads or whole layers" is holding one thing the question asks for, not seven of its words. Of two, the one
    held most counts, by how much of it is held ("adversarial inputs or poisoned data": "adversarial" is half of
    the first, not two words of four missing). Those `also` are held otherwise written (`spelled_held`)."""
    # what the things asked about do ("how do transformers handle …") weighs nothing beside what they are; what
    # the asker does to them ("how do you prune …") is the topic
    weights = {t: idf(t) for t in asked.terms if t != asked.verb or asked.by_asker or len(asked.terms) == 1}
    held = _held(asked, words, unheld, also)
    total = got = 0.0
    listed: set[str] = set()
    for alternatives in asked.either:
        words_of = frozenset().union(*alternatives) & weights.keys()
        if not words_of or words_of & listed:
            continue
        listed |= words_of
        unit = max(sum(weights.get(t, 0.0) for t in side) for side in alternatives)
        total += unit
        if len(alternatives) >= 3:
            got += unit if any(side <= held for side in alternatives) else 0.0
        else:
            got += unit * max(_fraction(side, held, weights) for side in alternatives)
    for t, w in weights.items():
        if t not in listed:
            total, got = total + w, got + (w if t in held else 0.0)
    return got / (total or 1.0)
