"""The model-free answer writer: cited sentences quoted from the retrieved abstracts, composed for the
question's shape (a list of papers, a comparison, an improvement with its numbers, a number, a fact). It decides
whether to refuse and which shape to write; the answers drawn from one paper are `one_paper`'s.

Every quoted sentence is shown tidied (`tidy`) and inert (its own bracketed numbers never become citations);
the sentences quoted from each source are kept, so its card can highlight exactly them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

import numpy as np

from ..text import examples_removed, stem, terms
from ..types import Source
from .asked_names import defined_unnamed, named_sources
from .bounds import bound_asked, each_within
from .citations import inert
from .citing import CITING_UNRECORDED, mentioning
from .code import code_listed, code_of
from .defining import concept_held, defining
from .draft import (
    NOTHING_RETRIEVED,
    Draft,
    none_named,
    not_introduced,
    of_those_listed,
    own_part,
    refusal,
)
from .each import MEASURES, each_counted, each_figure, each_reporting
from .evidence import key_terms, never_seen, support
from .lead import unnamed_lead
from .lister import Lister
from .listing import TOPIC_WORDS, list_topic
from .made_data import data_listed
from .makers import ize_stems
from .named_topic import in_passing, qualified_name
from .names import introduces
from .one_paper import OnePaper
from .phrases import as_written, noun_kinds
from .picking import Picker
from .pointed import (
    against_named,
    apart_from,
    applied_elsewhere,
    elsewhere,
)
from .premise import is_size, premise_said, said_unmentioned, training_denied
from .question import Asked, analyse, names_llms
from .record import AUTHORS_UNNAMED, AUTHORS_UNRANKED, NO_CITATIONS, orgs_said
from .relevance import UNSEEN, Idf, Match, lacking, match
from .spelled import spelled_out
from .stated import GAIN
from .subjects import SHORT, Subjects
from .topics import side_papers, topic_sides
from .training_free import asks_training_free
from .traits import data_only
from .two_sides import two_sided
from .vectors import Vectors

_PICKS = re.compile(r"\s*which\b", re.IGNORECASE)  # a follow-up picking some of a list's papers ("which of them …")
# What the records count, not an abstract ("papers with more than 2 authors", "more than 100 upvotes")
_RECORDED = frozenset(stem(w) for w in ("author", "authors", "upvote", "upvotes", "citation", "citations", "year"))
CLEARLY_COVERED = 0.5  # below this support an answer says it is from the closest paper, not "the" paper
_MOST_CITED = re.compile(r"\bmost[\s-]+cited\b|\bmost\s+citations\b", re.IGNORECASE)
NEVER_SEEN = 0.35  # share of a question's key-term weight in words no chunk has, from which it is refused


class OfflineWriter:
    """Composes a short cited answer from the retrieved papers, or refuses when they do not cover the question."""

    def __init__(
        self, idf: Idf, topical: Idf, vectors: Vectors, threshold: float = 0.33, list_threshold: float = 0.45
    ) -> None:
        self.idf, self.vectors = idf, vectors
        self.pick, self.subjects = Picker(idf), Subjects(idf, topical)
        self.one = OnePaper(self.pick, idf, self.subjects.names, vectors)
        self.lister = Lister(idf, self.pick, self.subjects, vectors, self.one)
        self.threshold, self.list_threshold = threshold, list_threshold

    def write(self, asked: Asked, vector: np.ndarray, sources: Sequence[Source]) -> Draft:
        """The answer text with `[n]` citations numbered by source rank; of the one paper a conversation points
        at, a refusal says that its abstract does not say (not that it is about other topics)."""
        if asked.record == "citations" and _MOST_CITED.search(asked.of_them):  # "which is most cited?" of one paper
            return Draft(NO_CITATIONS, answerable=False)  # pointed at, or of a list: no count to give of any
        draft = self._write(asked, vector, sources)
        if asked.one_paper and len(sources) == 1 and not draft.answerable and not asked.with_code:
            return Draft(f"The abstract of “{inert(sources[0].paper.title)}” does not say this.", answerable=False)
        if asked.among and not draft.answerable:  # "which of these quantize?": of the papers listed, not the corpus
            return Draft(of_those_listed(draft.text, asked.among), answerable=False)
        return draft

    def _write(self, asked: Asked, vector: np.ndarray, sources: Sequence[Source]) -> Draft:
        if not sources:
            return Draft(NOTHING_RETRIEVED, answerable=False)
        asked = spelled_out(asked, sources)  # "SAE" held by a paper writing "sparse autoencoder"
        unheard: list[str] = []  # "Which papers stop …", a verb no paper writes: what they do, said otherwise
        if not asked.verb and asked.acting and self.idf(asked.acting) >= self.idf(UNSEEN):
            asked, unheard = dataclasses.replace(asked, verb=asked.acting), as_written(asked.text, [asked.acting])
        matches = [match(asked, s.paper, self.idf) for s in sources]
        # "What makes patent representation learning different?": a topic, not the paper named "Representation
        # Learning", while another paper holds it whole
        narrowed = {i for i, m in enumerate(matches) if m.name and qualified_name(asked, sources, matches, i,
                                                                                    self.subjects.names)}  # fmt: skip
        matches = [dataclasses.replace(m, name="") if i in narrowed else m for i, m in enumerate(matches)]
        named = named_sources(matches)
        # "How is RLHF applied to text-to-image generation?": RLHF as a topic, which no paper on the rest holds
        if named and all(in_passing(asked, sources, matches, i, self.subjects.names) for i in named):
            apart = as_written(asked.text, [t for t in asked.terms if t in terms(matches[named[0]].name)])
            return Draft(refusal(sources, apart=apart), answerable=False)
        gain_of_it = asked.shape == "improvement" and not against_named(asked.text)  # "than its predecessor"
        if asked.one_paper and len(sources) == 1:
            # "what datasets?" of it: their kin may answer; "what does it evaluate on?": it lacks no subject word
            only_wanted = set(asked.terms) <= asked.wants
            # (what it asks in its own words: "which of them use LLMs?" of the one paper a list cited is not asked
            # of that list's topic again)
            own = asked.in_own_words()  # ("LLMs" frames: whether it is on them is said below)
            subjectless = not any(self.subjects.names(t) and not names_llms(t) for t in lacking(own, sources[0].paper))
            # "does it need fine-tuning?" of a paper saying it needs none: said so (`premise_said`)
            untrained = training_denied(asked.text, own_part(sources[0])) is not None
            if not asked.terms or gain_of_it or only_wanted or subjectless or untrained:
                named = [0]  # "What are the main findings?" of it; "how much better is it than its predecessor?"
        if (answered := self._of_records(asked, vector, sources, named, matches)) is not None:
            return answered
        if asked.shape == "fact" and asked.weakness and not (named or asked.one_paper):
            # "the open problems in X": each paper on X with the limit it states (no kind named: "problems")
            asked = dataclasses.replace(asked, shape="list", wants=frozenset(), wants_words=frozenset())
        elif (
            asked.shape == "fact"
            and asked.several
            and not (named or asked.one_paper)
            and len(asked.terms) <= TOPIC_WORDS
        ):
            asked = asked.listed_by_kind()  # "what datasets are used for X?": each paper on X that names one
        if asked.with_code and not asked.terms and not named:  # "Which papers have code available?": no topic
            return code_listed(sources)
        if asked.makes_data and data_only(asked.terms) and not named and not asked.among:  # "release a dataset?"
            return data_listed(sources)
        if asked.with_code and not named:  # "Which paper on unlearning releases code?": those on it that do
            asked = dataclasses.replace(asked, shape="list")
        # "which of them need no training?": what each says; "which of them are from 2024?" (a restriction alone, no
        # words of its own): those admitted, whatever the words of the answer before (the papers similar to one)
        if asked.among and (asks_training_free(asked.of_them) or not asked.of_them):
            return self.lister.write(dataclasses.replace(asked, shape="list"), vector, sources, matches)
        # Refuse when the top papers together lack the question's rare words, or, for a list, when no single
        # paper holds about half of them, a list of alternatives weighing as one thing (`match`; the two rules
        # and thresholds tuned on the dev set; see README).
        wanted = key_terms(examples_removed(asked.text))  # "(e.g. …)": examples, no words a paper must hold
        # what the things asked about do, or what one does ("how do you pick …"), may be said otherwise
        weighed = [t for t in wanted if t != asked.verb] if len(wanted) > 2 else wanted
        together = support(weighed, sources, self.idf, asked.either)
        # what is done to them ("whose layers can both be cut") counts where a paper says it, and is no loss where
        # none does, beside three other words ("how can mixture-of-experts models be pruned?": pruning is the topic)
        if len(rest := [t for t in weighed if t not in asked.done_to]) >= 3 and rest != weighed:
            together = max(together, support(rest, sources, self.idf, asked.either))
        alone = max(m.coverage for m in matches[:10])
        # A question whose words the corpus never uses (`GRPO`, `protein`) is refused whatever was retrieved
        # (no answerable question of the dev or realistic set reaches NEVER_SEEN; README, Quality).
        unseen, share = never_seen(asked.text, self.idf, self.idf(UNSEEN), asked.either, asked.verb)
        if not named and share >= NEVER_SEEN:
            return Draft(refusal(sources, unseen), answerable=False)
        if not named and (together < self.threshold or (asked.shape == "list" and alone < self.list_threshold)):
            return Draft(refusal(sources, unheard), answerable=False)  # (its verb named, if no paper writes it)
        # two approaches compared ("the trade-offs between pruning and quantization"), each side's paper, once
        two = topic_sides(asked.text) if asked.shape == "compare" else None
        two_papers = side_papers(two, sources) if two and not named else None
        # (of a list, without what researchers do to any subject: "papers that build embeddings for code search")
        topic = list_topic(asked) if asked.shape == "list" else asked
        if (
            not named
            # ("how do they detect membership?" of a list's papers: each was on its topic already; not "which of
            # them are about sparse retrieval?", which picks those on it)
            and not (asked.among and asked.of_them and not _PICKS.match(asked.of_them))
            and len(topic.terms) <= TOPIC_WORDS
            and not two_papers  # no paper need hold both sides
            and not any(self.subjects.held(topic, s) for s in sources[:10])
        ):
            # A topic's name (a few key words) that no retrieved paper holds as a whole: each has part of it
            # (`speech models` / `emotion recognition`, `unlearning` / `graph neural networks`), none is on it.
            return Draft(refusal(sources, apart=self.subjects.apart(topic, sources[:10])), answerable=False)
        if asked.introduced and not any(introduces(s.paper, asked.introduced) for s in sources[:10]):
            return Draft(not_introduced(asked.introduced, sources[:10]), answerable=False)  # gaBERT did not make BERT
        if asked.shape == "list":
            return self.lister.write(asked, vector, sources, matches)
        if (sided := two_sided(asked, sources, matches, named, two, two_papers, self.one)) is not None:
            return sided
        return self._of_lead(asked, sources, matches, named, wanted, together)

    def _of_lead(
        self,
        asked: Asked,
        sources: Sequence[Source],
        matches: list[Match],
        named: Sequence[int],
        wanted: Sequence[str],
        together: float,
    ) -> Draft:
        """The answer from one paper: the one the question names, else the one leading on its topic (the closest,
        said to be, when support is middling); a refusal when that paper is on another subject."""
        lead = named[0] if named else unnamed_lead(asked, sources, matches, self.subjects, self.idf)
        if lead is None:  # "reinforcement learning … database indexes": no paper on RL holds the topic
            return Draft(refusal(sources, apart=[written for written, _ in noun_kinds(asked.text)]), answerable=False)
        top = lead
        if named and asked.shape != "compare":
            # "How does ADAHESSIAN work for reinforcement learning?", "How does Seismic handle image retrieval?":
            # the corpus does not say it is used there
            names = self.subjects.names
            judged = asked.in_own_words()
            unsaid = applied_elsewhere(judged, sources[top].paper, names) or elsewhere(
                judged, sources, top, names, matches[top].name
            )
            # a figure it reports none of is no other subject ("the F1 score of ERNIE-Gram": said unmentioned)
            # nor a model size ("Does PreSelect need a 13B model?": `premise_said` says it never mentions one)
            if unsaid := [w for w in unsaid if not set(terms(w)) <= MEASURES and not all(map(is_size, terms(w)))]:
                named_first = [sources[top], *(s for i, s in enumerate(sources) if i != top)]  # the paper asked of
                return Draft(refusal(named_first, apart=unsaid), answerable=False)
        short_topic = len(asked.terms) <= TOPIC_WORDS or self.subjects.count(asked) <= TOPIC_WORDS
        if not named and (off_topic := apart_from(asked, sources[top].paper, self.subjects.names, short_topic)):
            # The paper is on another subject than one the question names: the corpus does not cover it.
            return Draft(refusal(sources, apart=off_topic), answerable=False)
        # Middling support, or the paper lacks the question's rarest word ("speculative" decoding): the closest.
        short = len(wanted) <= SHORT
        nouns = [t for t in wanted if t != asked.verb] or wanted  # "how do transformers handle …": not "handle"
        rarest_lacked = short and not self.subjects.has_rarest(nouns, sources[top])
        # "the best tokenizer for code" of a paper weighting "tokens": it lacks the -ize word's making
        unmade = any(t not in ize_stems(sources[top].paper) for t in asked.derived)
        if not named and rarest_lacked and (phrase := self.subjects.phrase_nowhere(asked, nouns, sources[:10])):
            # "How is speculative decoding made faster?": no paper writes "speculative decoding" (one says "we
            # speculate"): no closest paper to point to
            return Draft(refusal(sources, apart=phrase), answerable=False)
        phrased = False
        if not named and self.subjects.framing(asked):  # "a paper on model merging"
            top, phrased = self.subjects.framed_top(asked, sources, top)
        # a topic's name the paper does not hold as a whole ("how does Stable Diffusion XL improve image quality?"
        # of a paper on copyright naming it): the closest, said to be
        partial = short_topic and len(asked.terms) <= TOPIC_WORDS and not self.subjects.held(asked, sources[top])
        hedged = not named and (together < CLEARLY_COVERED or rarest_lacked or unmade or phrased or partial)
        if not named:  # "What is multi-vector retrieval?": of a paper holding it; "the meaning of life": of none
            top, unheld = concept_held(asked.text, asked.terms, sources, top)
            if unheld:
                return Draft(refusal(sources, apart=as_written(asked.text, unheld)), answerable=False)
        if not named and asked.shape == "fact" and (defined := defining(asked.text, sources[:10])):
            return self.one.definition(sources, *defined)  # "What is dense retrieval?", wherever it is said
        if asked.with_code and named:  # "Does SPLADE release its code?": where its abstract says it is, if it does
            return code_of(sources, top)
        if asked.record:
            return self.one.record(asked.record, sources, top, hedged)
        # "the limits of LM-Infinite" (its own; not "of sparse autoencoders according to AxBench", another's)
        # (a follow-up names it by its whole title: "the main weakness of the second" is of “Arctic-Embed 2.0: …”)
        title = sources[top].paper.title
        name = analyse(title).terms if title.casefold() in asked.text.casefold() else terms(matches[top].name)
        of_it = asked.weakness and named and not set(asked.terms) - set(name)
        if of_it and (limited := self.one.limitation(sources, top)):
            return limited
        if asked.shape == "summary" or (asked.shape == "fact" and asked.explain and named):  # "key idea of Starbucks"
            return self.one.summary(asked, sources, top, hedged)
        if asked.shape in ("improvement", "number") or (asked.shape == "compare" and GAIN.search(asked.text)):
            # "Is RetroMAE v2 better than RetroMAE?" of one paper: its gain, as "how much better" is answered
            draft = self.one.numbers(asked, sources, top, hedged)
        else:
            draft = self.one.fact(asked, sources, top, matches, hedged)
        if not named and (absent := defined_unnamed(asked.text, sources[:10])):  # "What is ColBERT?"
            draft.text = f"{none_named(absent)} {draft.text}"
        note = premise_said(asked.text, sources[top], matches[top].name, self.subjects.names) if named else ""
        if note and not said_unmentioned(note, draft.text):
            draft.text = f"{note} {draft.text}"  # "given that it trains a model per size", "does X fine-tune …?"
        return draft

    def _of_records(
        self, asked: Asked, vector: np.ndarray, sources: Sequence[Source], named: Sequence[int], matches: list[Match]
    ) -> Draft | None:
        """An answer from papers' records, or one figure of each paper listed, when that is what is asked; else
        None."""
        if asked.among and (each := each_counted(asked.text, asked.among, sources)):  # "how many parameters?"
            return each  # of each paper the last answer listed, not a list on "parameters"
        if asked.among and asked.shape in ("improvement", "number") and not named:  # "how much do they save?"
            return each_figure(asked.among, sources, lambda i: self.one.numbers(asked, sources, i, hedged=False))
        # "Which paper reports the largest speedup?": those reporting one, unranked (a measure, not a topic)
        if asked.best and len(asked.terms) == 1 and asked.terms[0] in MEASURES and not named:
            written = as_written(asked.text, list(asked.terms))[0]
            if reporting := each_reporting(asked.terms[0], written, sources):
                return reporting
        if asked.record == "citing":  # "which papers cite SPLADE?": none recorded; those mentioning it instead
            if not (named or asked.one_paper):  # "which papers cite YOLO?": no paper of that name; those on it
                draft = self._write(dataclasses.replace(asked, record=None), vector, sources)
                draft.text = f"{CITING_UNRECORDED} {draft.text}"
                return draft
            return mentioning(asked.text, sources, named[0] if named else 0, matches)
        if asked.record == "organisation" and not (named or asked.one_paper):  # "which labs work on MoE?": the list,
            draft = self._write(dataclasses.replace(asked, record=None, shape="list"), vector, sources)  # its orgs
            if draft.answerable and draft.quotes:
                draft.text = f"{orgs_said([sources[n - 1].paper for n in sorted(draft.quotes)])}\n{draft.text}"
            return draft
        if asked.record and (named or asked.one_paper):  # "who wrote SPLADE?", "when was it published?"
            return self.one.record(asked.record, sources, named[0] if named else 0, hedged=False)
        if asked.record == "citations":  # "which paper is the most cited?"
            return Draft(NO_CITATIONS, answerable=False)
        if asked.record == "author count":  # "which paper has the most authors?": no one paper to give it of
            return Draft(AUTHORS_UNRANKED, answerable=False)
        if asked.record == "authors" and not asked.terms:  # "Who are the authors?" of no paper (after a list)
            return Draft(AUTHORS_UNNAMED, answerable=False)
        # "Which papers report more than a 10x speedup?": those stating one that passes it (a figure, not a topic)
        # (asked for a list: a bound describing one paper, "a compact (under 1B parameters) model", is no filter)
        listed = (asked.shape == "list" or asked.several) and not (named or asked.one_paper)  # ("which models …")
        if listed and (bound := bound_asked(asked.text)) and bound.measured not in _RECORDED:
            return each_within(bound, sources)
        return None
