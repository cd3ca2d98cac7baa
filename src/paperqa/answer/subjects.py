"""What a question's words name, judged against the corpus: subjects (residual IDF), which a paper holds as a
whole, which it lacks. The offline writer's refusals ask these."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..text import terms
from ..types import Source
from .evidence import has
from .holding import near, vocabulary
from .incidental import acts_on_other, made_from, only_as_machine, only_as_participle
from .paper_text import words_outside_examples, words_outside_lists
from .phrases import as_written, noun_kinds, phrase_nouns, writes_kinds
from .pointed import own_terms
from .question import Asked
from .relevance import (
    APPLIED_WORDS,
    MODALITIES,
    Idf,
    covers,
    holds_phrase,
    kinds_named,
    lacking,
    on_topic,
    rare,
    subject,
)
from .roles import EXTENT, comparative
from .roles import modifier as modifier_shaped  # (`Subjects.one_phrase` has a local `modifier`)
from .titled import framed_in_titles
from .traits import makes_data, on_language_models

# What a question does to a phrase it asks about ("work on code generation", "do query expansion", "study word
# vectors"): a noun phrase, not its verb and object ("represent videos", "rank documents") or "few labeled examples"
_OBJECT_OF = (
    r"\b(?:on|about|of|in|for|do|does|study|studies|use|uses|using|propose|proposes|improve|improves)\s+"
    r"(?:the\s+|an?\s+)?"
)

SHORT = 4  # key words of a question that names a topic rather than describing a paper
FRAMED_TOPIC = 2  # key words up to which a framing noun beside one is part of the topic's name ("model merging")


def _nouns(asked: Asked, *stems: str) -> bool:
    """Whether the question writes each of these key words as a noun ("time series"; not "legal", "sparse")."""
    return not any(modifier_shaped(w.casefold()) for w in as_written(asked.text, list(stems)))


def written_by_none(pairs: Sequence[tuple[str, str]], sources: Sequence[Source]) -> list[tuple[str, str]]:
    """The word pairs no paper of `sources` writes together (`near`), in their order."""
    return [(a, b) for a, b in pairs if not any(near(s.paper, a, b) for s in sources)]


# "both understands and generates", "both in … and in …": the two things a question asks of each paper together
_BOTH = re.compile(r"\bboth\s+([\w-]+)\s+and\s+([\w-]+)", re.IGNORECASE)


def both_named(asked: Asked) -> set[str]:
    """The key terms a question joins with "both … and …", each of which a paper on it holds."""
    joined = {t for m in _BOTH.finditer(asked.text) for t in terms(f"{m.group(1)} {m.group(2)}")}
    return joined & set(asked.terms)


class Subjects:
    """A question's subjects against the corpus's two IDF tables (all words; residual, of topical words)."""

    def __init__(self, idf: Idf, topical: Idf) -> None:
        self.idf, self.topical = idf, topical

    def names(self, term: str) -> bool:
        """Whether a key term names a subject (residual IDF) or is too rare for that to tell (`covers`' test)."""
        return subject(term, self.topical) or rare(term, self.idf)

    @staticmethod
    def all_common(asked: Asked) -> bool:
        """Whether a question writes each of its key words in lower case, as a common word, not a name ("Llama")."""
        return not asked.names and all(w.islower() for w in as_written(asked.text, list(asked.terms)))

    def lack_said(self, asked: Asked) -> Callable[[str], bool]:
        """The words whose lack a list or its closest papers say: a subject, or a noun of the question's phrases
        ("interaction" of "late interaction", of a paper on late chunking; "code" of "code search")."""
        nouns = phrase_nouns(asked.text, asked.pairs)
        return lambda t: self.names(t) or t in nouns

    def count(self, asked: Asked) -> int:
        """How many of a question's key words name subjects: "built" and "scans" do not make "knowledge graphs built
        from brain MRI scans" a description of one paper rather than a topic's name."""
        return sum(1 for t in asked.terms if self.names(t))

    def on_kind(self, asked: Asked, sources: Sequence[Source], top: int) -> int | None:
        """The paper to answer a topic naming kinds of learning or language from (`noun_kinds`): `top` if it
        writes them, else the first of the top ten that does and holds the topic ("How is reinforcement learning
        used to tune database indexes?": not a vector-search paper never saying it), else None."""
        kinds = [parts for _, parts in noun_kinds(asked.text)]
        holding = [i for i in range(min(10, len(sources)))
                   if all(holds_phrase(asked, sources[i].paper, k) for k in kinds)
                   and writes_kinds(asked.text, sources[i].paper)]  # fmt: skip
        if top in holding:
            return top
        return next((i for i in holding if self.held(asked, sources[i])), None)

    def framed_top(self, asked: Asked, sources: Sequence[Source], top: int) -> tuple[int, bool]:
        """Of a topic a framing noun names ("model merging"), the paper to answer from (`top` if it writes the
        phrase, else the first of the top ten that does), and whether none does (the closest, said to be)."""
        writing = [i for i in range(min(10, len(sources))) if self.writes(sources[i], self.framing(asked))]
        return (top if top in writing or not writing else writing[0]), not writing

    def held(self, asked: Asked, source: Source) -> bool:
        """Whether a paper holds a topic's name as a whole (`covers`)."""
        return covers(asked, source.paper, self.topical, self.idf)

    def apart(self, asked: Asked, sources: Sequence[Source]) -> list[str]:
        """The subjects (else the words) of the question that the paper lacking the fewest of them lacks, as the
        question writes them."""
        closest = min(sources, key=lambda s: len(lacking(asked, s.paper)))
        fewest = lacking(asked, closest.paper)
        if not fewest:  # every word, but a kind's apart: "in-context learning" of an "extended-context" paper
            kinds = [
                written for written, parts in noun_kinds(asked.text) if not holds_phrase(asked, closest.paper, parts)
            ]
            # ... or a phrase's that none of them writes: "code search" (input search, hash codes)
            unwritten = written_by_none(asked.pairs, sources)
            return kinds or [" ".join(as_written(asked.text, list(pair))) for pair in unwritten[:1]]
        lacked = [t for t in fewest if subject(t, self.topical)] or fewest
        named = noun_kinds(asked.text)  # a word of a kind said as the kind ("sign" of "sign language")
        said: list[str] = []
        for t in lacked:
            kind = next((written for written, parts in named if t in parts), None)
            said += [kind] if kind else as_written(asked.text, [t])
        return list(dict.fromkeys(said))

    def rarest(self, wanted: Sequence[str]) -> str | None:
        """The question's rarest key word (by IDF); of words as rare, the one naming a subject most ("minority",
        not "hurt", of "Does contrastive learning hurt minority groups?"); not a word of extent ("masks whole
        n-grams": "whole" is how much, what is masked is "n-grams")."""
        named = [t for t in wanted if t not in EXTENT] or wanted
        return max(named, key=lambda t: (round(self.idf(t), 1), self.topical(t)), default=None)

    def has_rarest(self, wanted: Sequence[str], source: Source) -> bool:
        """Whether a paper holds the question's rarest key word, in any form."""
        rarest = self.rarest(wanted)
        return rarest is None or has(rarest, vocabulary(source.paper))

    def phrase_nowhere(self, asked: Asked, wanted: Sequence[str], sources: Sequence[Source]) -> list[str]:
        """The question's phrase of two subjects holding its rarest word ("speculative decoding", not "several
        countries"), as written, when no paper writes its two words together."""
        rarest = self.rarest(wanted)
        pairs = [pair for pair in asked.pairs if rarest in pair and all(map(self.names, pair))]
        if not pairs or any(near(s.paper, a, b) for s in sources for a, b in pairs):
            return []
        return [" ".join(as_written(asked.text, list(pairs[0])))]

    def unwritten_phrase(self, asked: Asked, sources: Sequence[Source], chosen: Sequence[int]) -> list[str]:
        """Of a short topic none of the chosen papers holds the rarest word of (what the things do aside, and a
        comparative, "safer", which papers say otherwise), its phrase of that word no paper writes (`phrase_nowhere`):
        "Speedups from speculative decoding?" lists no paper on decoding that never says "speculative"."""
        nouns = [
            t
            for t in asked.terms
            if t != asked.verb
            and t not in asked.clause_verbs  # "documents fetched at question time": what is done to them
            and not any(t in side for sides in asked.either for side in sides)  # one of alternatives: the other
            and not comparative(as_written(asked.text, [t])[0].casefold())
        ]
        if not 0 < len(nouns) <= SHORT or any(self.has_rarest(nouns, sources[i]) for i in chosen):
            return []
        return self.phrase_nowhere(asked, nouns, sources[:10])

    @staticmethod
    def name_unwritten(asked: Asked, sources: Sequence[Source], whole: bool = True) -> list[str]:
        """A list's topic named by one phrase of two words ("time series"), or where it applies named by two nouns
        ("for time series forecasting"), that no paper found writes together, as written: the papers holding its
        words apart are on other things ("copying", "a series of"); `whole`: the topic's phrase asked of too (of
        the closest papers: listed ones hold the topic otherwise written, "detect hallucinations")."""
        phrases = []
        if whole and len(asked.terms) == 2 and asked.pairs == (tuple(asked.terms),) and not asked.either:
            phrases.append(asked.pairs[0])
        if len(asked.terms) <= APPLIED_WORDS:  # (a longer description may say it otherwise: "for picture search")
            phrases += [(a, b) for a, b in asked.pairs if a in asked.domains and _nouns(asked, a, b)]
        for a, b in written_by_none([p for p in phrases if asked.verb not in p], sources):
            return [" ".join(as_written(asked.text, [a, b]))]  # ("how LLMs store facts": what they do)
        return []

    def only_as_examples(self, asked: Asked, source: Source) -> list[str]:
        """The question's words a paper names only among examples it gives ("(e.g., language, vision, robotics)")
        or in its outlook ("future research on … compressing the KV cache"), which it is not on; not a name
        ("evaluated on … (such as TREC Genomics)"), and any common word ("cache") as much as a subject; the
        question's rarest word, a subject, named only in a list of examples in prose too ("domains, including …,
        text summarization and …"). One of its alternatives said otherwise is enough ("represent or classify
        patents")."""
        words, said = vocabulary(source.paper), words_outside_examples(source.paper)
        common = [t for t in asked.terms if as_written(asked.text, [t])[0].islower()]
        rarest = self.rarest(asked.terms)

        def listed_only(t: str) -> bool:  # ("bit precisions" among RSQ's settings: a few bits is not its topic)
            return t == rarest and self.names(t) and self.listed_only(t, source)

        only = [t for t in common if has(t, words) and (not has(t, said) or listed_only(t))]
        return [t for t in only if not any(t in side for sides in asked.either for side in sides)]

    @staticmethod
    def listed_only(term: str, source: Source) -> bool:
        """Whether a paper writes a word only among examples, in its outlook or in a list of examples in prose."""
        return has(term, vocabulary(source.paper)) and not has(term, words_outside_lists(source.paper))

    @staticmethod
    def framing(asked: Asked) -> tuple[tuple[str, str], ...]:
        """Of a topic of one or two key words, a framing noun qualifying one, as a phrase a paper on it writes:
        "model merging" ("merging" alone is HICL's "merging context"), "model editing" (not "code edits")."""
        return asked.framed if len(asked.terms) <= FRAMED_TOPIC else ()

    def one_phrase(self, asked: Asked) -> tuple[tuple[str, str], ...]:
        """A list's topic that is one phrase of two words whose head says less than the word before it ("work on
        code generation", "study word vectors"), which each paper on it writes as one (not "the prototype code.
        Furthermore, the generator …"); "machine unlearning" is unlearning, said with "machine" or not; an
        adjective says what kind, held apart as well ("multilingual … text embedding models")."""
        if len(asked.terms) == 2 and len(asked.pairs) == 1 and set(asked.pairs[0]) == set(asked.terms):
            modifier, head = asked.pairs[0]
            words = as_written(asked.text, [modifier, head])
            # one hyphenated word ("long-context") writes the phrase as one already
            written = len(words) == 1 or re.search(
                rf"{_OBJECT_OF}{re.escape(words[0])}\s+{re.escape(words[1])}\b", asked.text, re.IGNORECASE
            )
            if (
                written
                and self.idf(head) <= self.idf(modifier)
                and not (len(words) > 1 and modifier_shaped(words[0].casefold()))
            ):
                return asked.pairs
        # a topic of three words written as one phrase ("the linear representation hypothesis"): a paper on it
        # writes two of them together (not "linear models" and "the hypothesis that …" apart; "multilingual
        # retrieval" of "multilingual dense retrieval" is)
        if len(asked.terms) == 3 and len(asked.pairs) == 2 and asked.pairs[0][1] == asked.pairs[1][0]:
            words = as_written(asked.text, [*asked.pairs[0], asked.pairs[1][1]])
            phrase = r"\s+".join(map(re.escape, words))
            if len(words) == 3 and re.search(rf"{_OBJECT_OF}{phrase}\b", asked.text, re.IGNORECASE):
                return (*asked.pairs, (asked.pairs[0][0], asked.pairs[1][1]))
        return ()

    def on_it(self, asked: Asked, sources: Sequence[Source], chosen: list[int], short: bool) -> list[int]:
        """Of the papers chosen for a list (indices of `sources`), those on its topic as a whole; `short`: the
        question names a topic (a paper lacking more of its words is not on it) rather than describing papers."""
        if short:
            chosen = [i for i in chosen if on_topic(asked, sources[i].paper, self.names, self.idf)]
            # "find problems in benchmarks": words said of many papers name no topic (a name, "MS MARCO", does, as
            # does a kind of learning, "reinforcement learning", mentioned in passing by many): the closest instead
            if not self.count(asked) and self.all_common(asked) and not noun_kinds(asked.text) and not asked.makes_data:
                chosen = []
            chosen = [i for i in chosen if not self.only_as_examples(asked, sources[i])]  # "(e.g., robotics)"
            chosen = [i for i in chosen if not made_from(asked, sources[i])]  # text of "text-to-image"
            chosen = [i for i in chosen if not only_as_participle(asked, sources[i])]  # "judged by"
            chosen = [i for i in chosen if not only_as_machine(asked, sources[i])]  # "decoder-only"
            # "model merging": not HICL's "merging context"; "code generation": not "code … the generator"
            titles = [s.paper.title for s in sources[:10]]
            titled = framed_in_titles(asked.text, asked.terms[0], titles) if len(asked.terms) == 1 else ()
            if framing := self.framing(asked) or self.one_phrase(asked) or titled:  # "task vectors", too
                chosen = [i for i in chosen if self.writes(sources[i], framing)]
            # "active learning": not a paper on activations ("activ" is the stem of both)
            chosen = [i for i in chosen if writes_kinds(asked.text, sources[i].paper)]
            if asked.proper:  # "Chinese sentence embeddings": a paper never saying "Chinese" is on another topic
                chosen = [i for i in chosen if not asked.proper & set(lacking(asked, sources[i].paper))]
        else:  # "the hard negatives used to train retrievers": not a paper naming them only among examples
            own = own_terms(asked)  # (not a word of its examples or alternatives: "mine, generate or filter")
            if (rarest := self.rarest([t for t in asked.terms if t in own])) and self.names(rarest):
                chosen = [i for i in chosen if not self.listed_only(rarest, sources[i])]
        # "pruning visual tokens": a paper pruning, with neither word of what is pruned, prunes something else
        chosen = [i for i in chosen if not acts_on_other(asked, sources[i], self.names)]
        if both := both_named(asked):  # "a single model that both understands and generates images": not a
            # tokenizer for generating them alone, however close to those that do both
            chosen = [i for i in chosen if not both & set(lacking(asked, sources[i].paper))]
        # "images and text": of a longer question too, a modality named only among examples ("objects (texts,
        # images, speech, etc.)") is not the paper's
        chosen = [i for i in chosen if not MODALITIES & set(self.only_as_examples(asked, sources[i]))]
        # "diffusion language models that …", "graph neural networks that …": of a longer question too, the kind
        chosen = [
            i for i in chosen if all(holds_phrase(asked, sources[i].paper, parts) for parts in kinds_named(asked))
        ]
        if asked.llm:  # "LLM" frames most questions here, so it weighs nothing; a list about LLMs still needs it
            chosen = [i for i in chosen if on_language_models(sources[i].paper)]
        if asked.makes_data:  # "papers that propose new benchmarks for RAG": each names the benchmark it makes
            chosen = [i for i in chosen if makes_data(sources[i].paper)]
        return chosen

    def unapplied(self, asked: Asked, listed: Sequence[Source]) -> list[str]:
        """Where a short question asks its topic to apply ("… for e-commerce search"), a subject no listed paper
        mentions, as written; none for a longer description, which may say it otherwise ("for picture search"), nor
        for one of several joined ("for legal and regulatory texts")."""
        if not listed or len(asked.terms) > APPLIED_WORDS or not asked.domains:
            return []
        lacked = [set(lacking(asked, s.paper)) for s in listed]
        return [
            w
            for t in asked.domains
            if (w := as_written(asked.text, [t])[0])
            and self.names(t)
            and all(t in lack for lack in lacked)
            and not re.search(rf"\b{re.escape(w)}\s+(?:and|or)\b", asked.text, re.IGNORECASE)
        ]

    @staticmethod
    def writes(source: Source, phrases: Sequence[tuple[str, str]]) -> bool:
        """Whether a paper writes one of these phrases, its words at most one word apart."""
        return any(near(source.paper, a, b) for a, b in phrases)
