"""Which abstract sentences an offline answer quotes: by the question's key terms (IDF-weighted), the figures or
gains asked for, and the names a "which datasets" question wants."""

from __future__ import annotations

import re
from collections.abc import Callable, Set

from ..text import stem, substance, terms
from ..types import Source
from .claims import numbers
from .draft import contribution, own_part, sentence_terms
from .evidence import key_terms
from .names import names_of
from .problem import PROBLEM_ASKED, problem_stated
from .question import Asked
from .roles import COMPARING
from .stated import COMPARED_SAID, GAIN, NUMBER, SOLVES, limit_stated, states_finding

# A name or figure an answer gives: two capitals (`ILSVRC`, `DINOv2`) or letters and digits (`KITTI-C`, `T5`).
_NAME = r"(?:[A-Za-z]*[A-Z][a-z]*[A-Z0-9]|[A-Za-z]+[0-9]|[0-9]+[A-Za-z])[\w-]*"  # a name of a thing ("MS-COCO")
SPECIFIC = re.compile(rf"\b{_NAME}")


# Three names or more listed after "on", "across" or "including": data sets, as papers list what they test on
_NAMES_LISTED = re.compile(rf"\b(?:on|across|including)\s+(?:the\s+)?{_NAME}(?:,\s+{_NAME}){{1,8}},?\s+and\s+{_NAME}")


def _of_kind(kind: Set[str], item: tuple[int, str, Set[str]]) -> bool:
    """Whether a sentence writes the kind asked, or, for baselines, says what the paper beats ("we outperform BM25
    by 44%": its baselines, never called so)."""
    return bool(kind & item[2]) or (_BASELINE in kind and bool(COMPARED_SAID.search(item[1])))


_BASELINE = stem("baseline")
_DATA_KIN = frozenset(stem(w) for w in ("benchmark", "dataset", "corpus", "corpora", "testbed", "collection"))

# Kind words too common to say a name follows ("training data", "downstream tasks").
_LOOSE_KIN = frozenset(stem(w) for w in ("data", "task"))


class Picker:
    """Chooses sentences of one paper's abstract for a question, weighing its words by `idf`."""

    def __init__(self, idf: Callable[[str], float]) -> None:
        self.idf = idf

    def ranked(self, asked: Asked, source: Source) -> list[tuple[float, int, str]]:
        """Abstract sentences by the IDF weight of the question's key terms they hold, numbers favoured when
        a number is asked for."""
        wanted = set(key_terms(asked.text))
        out = []
        for i, (sent, words) in enumerate(sentence_terms(source.paper)):
            score = sum(self.idf(t) for t in wanted & words)
            if asked.numeric and NUMBER.search(sent):
                score *= 1.5
            out.append((score, i, sent))
        return sorted(out, key=lambda x: (-x[0], x[1]))

    def best(self, asked: Asked, source: Source, numeric: bool = False, saying: re.Pattern[str] | None = None) -> str:
        """The sentence holding most of the question's weight (`numeric`: first one stating a gain in figures;
        `saying`: first one matching it, "we build two new benchmarks", one stating a gain, in figures if it can,
        if `numeric`)."""
        ranked = self.ranked(asked, source)
        if saying and (said := [s for _, _, s in ranked if saying.search(s)]):
            if not numeric:
                return said[0]
            figures = (s for s in said if NUMBER.search(s) and GAIN.search(s))  # "more than 9% gains", first
            return next(figures, None) or next((s for s in said if GAIN.search(s)), said[0])
        if numeric:
            with_numbers = [s for _, _, s in ranked if NUMBER.search(s) and GAIN.search(s)]
            if with_numbers:
                return with_numbers[0]
        return ranked[0][2] if ranked else source.paper.abstract

    def cover(self, asked: Asked, source: Source, limit: int = 3) -> list[str]:
        """Greedy cover: each next sentence must add question terms the earlier ones lack."""
        wanted = set(key_terms(asked.text))  # the terms sentence choice was tuned with on the dev set
        boost = 1.5 if asked.numeric else 1.0
        pool = pool_of(source)
        # "do SAEs beat prompting?": a sentence saying one outperforms holds "beat", and goes first
        comparing = asked.verb in COMPARING
        if comparing:
            pool = [(i, s, t | {asked.verb}) if COMPARED_SAID.search(s) else (i, s, t) for i, s, t in pool]
        covered: set[str] = set()
        picked: list[tuple[int, str]] = []
        first = self.answering(asked, pool)[:2]  # what a "which benchmarks" asks for goes in first
        if asked.weakness:  # "the downsides of X": the sentence stating a limit, of those on the question's words
            first = self.limits(asked, pool)[:1]
        if asked.finding:  # "the main finding of X": what the paper says it found, else its first gain
            first = self.findings(asked, source, pool)
        if asked.remedy:  # "… and how is it fixed?": what the paper does against the problem, and the problem
            first = self.remedies(source, pool)[:1]
        if asked.wants & PROBLEM_ASKED and (problem := problem_stated(source)):  # "what problem does X solve?"
            first = [item for item in pool if item[1] == problem][:1]
        for answering in first:
            picked.append((answering[0], answering[1]))
            covered |= wanted & answering[2]
            pool.remove(answering)

        def gain(item: tuple[int, str, set[str]]) -> float:
            fresh = sum(self.idf(t) for t in (wanted & item[2]) - covered)
            said = comparing and COMPARED_SAID.search(item[1])
            return fresh * (boost if NUMBER.search(item[1]) else 1.0) * (1.5 if said else 1.0)

        def key(item: tuple[int, str, set[str]]) -> tuple[float, bool]:
            # Of sentences adding as much, one stating a gain answers "how much faster than X" (not X named).
            return gain(item), asked.shape == "improvement" and bool(GAIN.search(item[1]))

        while pool and len(picked) < limit:
            best = max(pool, key=key)
            if gain(best) <= 0:
                if not picked:  # no sentence has a word of the question ("What is SPLADE?"): what the paper does
                    picked.append((-1, contribution(source)))
                break
            picked.append((best[0], best[1]))
            covered |= wanted & best[2]
            pool.remove(best)
        return [s for _, s in picked]  # most wanted first: a caller that shortens the list keeps those

    def answering(self, asked: Asked, pool: list[tuple[int, str, set[str]]]) -> list[tuple[int, str, set[str]]]:
        """Sentences that name the kind of thing asked for with a name the question does not give, best first."""
        if not asked.wants:
            return []
        question = asked.text.casefold()
        fits = [item for item in pool if _of_kind(asked.wants, item)
                and any(m.group(0).casefold() not in question for m in SPECIFIC.finditer(item[1]))]  # fmt: skip
        wanted = set(key_terms(asked.text))

        def weight(words: Set[str]) -> float:
            return sum(self.idf(t) for t in words)

        # Most of the clause's own words first ("experimental Intel accelerator"), then of the whole question.
        # (of baselines, the sentence naming most of them: "we outperform BM25 by 44%, …, docT5query by 11%")
        baselines = _BASELINE in asked.wants

        def named(item: tuple[int, str, set[str]]) -> int:
            return len(SPECIFIC.findall(item[1])) if baselines else 0

        return sorted(
            fits, key=lambda item: (-weight(asked.wants_words & item[2]), -named(item), -weight(wanted & item[2]))
        )

    @staticmethod
    def remedies(source: Source, pool: list[tuple[int, str, set[str]]]) -> list[tuple[int, str, set[str]]]:
        """Sentences of the paper's own part (from what it does on) saying how it counters a problem, else the one
        saying what it does."""
        own = own_part(source)
        solving = [item for item in pool if item[1] in own and SOLVES.search(item[1])]
        return solving or [item for item in pool if item[1] == (own[0] if own else "")]

    def limits(self, asked: Asked, pool: list[tuple[int, str, set[str]]]) -> list[tuple[int, str, set[str]]]:
        """Sentences stating a limit that hold some of the question's words, most of its weight first."""
        wanted = set(key_terms(asked.text))
        found = [item for item in pool if limit_stated(item[1]) and wanted & item[2]]

        def contrast_only(sentence: str) -> bool:
            return not limit_stated(sentence, contrast=False)

        return sorted(found, key=lambda item: (-sum(self.idf(t) for t in wanted & item[2]), contrast_only(item[1])))

    def findings(
        self, asked: Asked, source: Source, pool: list[tuple[int, str, set[str]]]
    ) -> list[tuple[int, str, set[str]]]:
        """What a question about a paper's findings quotes first: of a finding about something ("what did X find
        about upper layers?"), the sentence most about it, one stating a finding first among equals; else up to
        two sentences stating what the paper found, else its first gain."""
        own = set().union(*(terms(n) for n in names_of(source.paper) if n != source.paper.title))
        about = set(key_terms(asked.text)) - own  # what the findings are asked about, the paper's own name aside
        if about <= set(terms(source.paper.title)):  # words only naming it ("the SoK on machine unlearning")
            about = set()

        def weight(item: tuple[int, str, set[str]]) -> float:
            return sum(self.idf(t) for t in about & item[2])

        if about and (on_it := [item for item in pool if about & item[2]]):

            def rank(item: tuple[int, str, set[str]]) -> tuple[float, bool, bool, int]:
                # Of sentences as much about it: one stating a finding, then a gain, then the later (results
                # come after what a paper sets out to do).
                return -weight(item), not states_finding(item[1]), not GAIN.search(item[1]), -item[0]

            return sorted(on_it, key=rank)[:1]
        found = [item for item in pool if states_finding(item[1])][:2]
        if asked.finding == "results":  # "the results of LM-Infinite": a gain with its figures first ("2.72x")
            figured = [item for item in pool if numbers(item[1]) and GAIN.search(item[1])][:1]
            found = (figured + [item for item in found if item not in figured])[:2]
        result = self.result(source)
        return found or [item for item in pool if item[1] == result][:1]

    def topic_limits(self, asked: Asked, source: Source) -> list[str]:
        """The limits a paper states of the topic asked ("the open problems in X"): sentences stating a limit that
        hold the topic's key terms, of three or more all but a third (not a limit of another approach the paper
        sets itself against: "dense retrieval … faces challenges" is no downside of sparse retrieval)."""
        wanted = set(key_terms(asked.text))
        spare = (len(wanted) - 1) // 2
        return [item[1] for item in self.limits(asked, pool_of(source)) if len(wanted - item[2]) <= spare]

    def states_limits(self, asked: Asked, source: Source) -> bool:
        """Whether an abstract states a limit of what the question asks about ("the downsides of X")."""
        return bool(self.limits(asked, pool_of(source)))

    def naming(self, asked: Asked, source: Source) -> str | None:
        """The sentence where a paper names a thing of the kind asked ("which datasets") by a name of its own
        kind word's sentence, neither the paper's own names nor the question's nor "LLM": "(BEIR) benchmarks",
        not "We evaluate AR2 on three benchmarks" nor "training data"."""
        kind = asked.wants - _LOOSE_KIN
        own = {n.casefold() for n in names_of(source.paper)} | {asked.text.casefold()}
        naming = []
        for _, sentence, words in self.answering(asked, pool_of(source)):
            found = [m for m in SPECIFIC.finditer(sentence) if not m.group(0).casefold().startswith("llm")]
            found = [m for m in found if not any(m.group(0).casefold() in o for o in own)]
            if _of_kind(kind, (0, sentence, words)) and found:
                naming.append((sentence, found))
        # the sentence naming it beside its kind word first ("a large dataset USPTO-3M", not "large datasets of
        # over two millions patents, … using CNN")
        beside = (s for s, found in naming if any(_beside_kind(s, m, kind) for m in found))
        if (chosen := next(beside, naming[0][0] if naming else None)) is not None or not kind & _DATA_KIN:
            return chosen
        # data sets listed by name without the word ("across CIFAR-100, ImageNet-1K, and MS-COCO, PLD achieves …")
        return next((s for s in substance(source.paper.abstract) if _NAMES_LISTED.search(s)), None)

    @staticmethod
    def names_asked(asked: Asked, source: Source) -> bool:
        """Whether the question itself names one of the kind it asks of, which the abstract writes too ("What BLEU
        scores did X achieve?": it asks for the scores, not which metric), not the paper's own names."""
        own = {n.casefold() for n in names_of(source.paper)}
        text = f"{source.paper.title} {source.paper.abstract}".casefold()
        named = (m.group(0).casefold() for m in SPECIFIC.finditer(asked.text))
        return any(n in text and not any(n in o for o in own) for n in named)

    @staticmethod
    def presenting(asked: Asked, source: Source) -> str | None:
        """The sentence where a paper presents one of its own of the kind asked, by name ("Arctic-Embed 2.0, a set
        of open-source text embedding models", for "which multilingual embedding models …?"); None if it makes none.
        The kind's own word must be there when the question names one (PLD's "worth scores" are no metric)."""
        does = contribution(source)
        words = frozenset(terms(does))
        named = SPECIFIC.search(does) or any(n in does for n in names_of(source.paper))
        kind = frozenset(terms(asked.named_kind or ""))
        return does if asked.wants - _LOOSE_KIN & words and named and (not kind or kind & words) else None

    @staticmethod
    def result(source: Source) -> str:
        """What a paper found: after what it does, the first gain stated in figures, else the last gain, else its
        last sentence."""
        does = contribution(source)
        parts = substance(source.paper.abstract)
        after = parts[parts.index(does) + 1 :] if does in parts else parts
        return next((s for s in after if NUMBER.search(s) and GAIN.search(s)), None) or next(
            (s for s in reversed(after) if GAIN.search(s)), after[-1] if after else ""
        )


def _beside_kind(sentence: str, name: re.Match[str], kind: frozenset[str]) -> bool:
    """Whether a name found in a sentence stands beside one of the kind words asked, or one word away."""
    before = re.findall(r"[\w-]+", sentence[: name.start()])[-2:]
    after = re.findall(r"[\w-]+", sentence[name.end() :])[:2]
    return any(stem(w.casefold()) in kind for w in (*before, *after))


def pool_of(source: Source) -> list[tuple[int, str, set[str]]]:
    """An abstract's sentences with their place and stemmed words, for choosing among them."""
    return [(i, s, set(words)) for i, (s, words) in enumerate(sentence_terms(source.paper))]
