"""Answers from one paper: what its record lists, its gist, the gain or figure asked for, or the fact asked."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from ..text import substance, terms
from ..types import Source
from .asked_names import COINED_NAME, defines, named_sources, sides_named
from .citations import inert
from .claims import numbers
from .draft import Draft, contribution, in_order, lead_in, own_part
from .evidence import has, has_name
from .figures import HOW_WELL_DONE, RATIO_WORD, each_figure, figure_asked, figures_in, metric_asked, spelled_count
from .holding import vocabulary
from .names import fold, names_of
from .paper_text import words_outside_examples
from .phrases import as_written
from .picking import Picker
from .pointed import against_named, against_terms, related, titled_share, unmentioned
from .question import Asked
from .record import Record, record_said
from .relevance import STRAY, UNSEEN, Idf, Match, lacking
from .roles import COMPARING
from .stated import AGAINST_OTHERS, BEATS, GAIN, RESULT, SET_AGAINST, limit_stated, states_finding
from .vectors import Vectors
from .written import capitals_unwritten

# Words saying a limit is another method's: "where vanilla models fail", "baselines lag behind"
_OTHERS = re.compile(r"\b(?:baselines?|vanilla|existing|previous|prior|other|others|traditional|conventional)\b", re.I)
_BEST = re.compile(r"\b(?:best|better|strongest|wins?|leads?)\b", re.IGNORECASE)  # what a paper found ahead
_WHAT_WINS = re.compile(r"\s*(?:what|which)\b", re.IGNORECASE)  # asks what is ahead ("does X beat Y?" asks of X)
FEW_CHUNKS = 0.6  # share of the highest IDF from which a word a named paper lacks is asked of it ("creativity")

RELATED = "Related:"  # what opens each paper an answer of one paper names after it ("Related: X [3].")


def _ahead_in(sentence: str, where: Sequence[str]) -> bool:
    """Whether a sentence says what comes out ahead (beats others, or is best) in the places asked about."""
    words = frozenset(terms(sentence))
    return bool(SET_AGAINST.search(sentence) or _BEST.search(sentence)) and all(has(t, words) for t in where)


class OnePaper:
    """Writes the answer of one paper (`top` of the sources), once `OfflineWriter` has chosen it."""

    def __init__(self, pick: Picker, idf: Idf, names_subject: Callable[[str], bool], vectors: Vectors) -> None:
        self.pick, self.idf, self.names_subject, self.vectors = pick, idf, names_subject, vectors

    def _asked_of(self, term: str) -> bool:
        """Whether a word a named paper lacks is something asked of it: a subject, or a word in few chunks
        ("How does RLHF affect creativity …?": creativity), not a verb like "affect"."""
        return self.names_subject(term) or self.idf(term) >= FEW_CHUNKS * self.idf(UNSEEN)

    @staticmethod
    def record(record: Record, sources: Sequence[Source], top: int, hedged: bool) -> Draft:
        """What the corpus lists of the paper asked about (uncited: no abstract says it), then what it does."""
        draft = Draft("", answerable=True)
        said = record_said(record, sources[top].paper)
        opening = lead_in(sources, top, hedged) if hedged else ""
        draft.text = " ".join(
            x for x in (opening, said, "What it does:", draft.quote(top + 1, contribution(sources[top]))) if x
        )
        return draft

    def summary(self, asked: Asked, sources: Sequence[Source], top: int, hedged: bool) -> Draft:
        """One paper's gist, in its own order: what it does, its result with numbers, what it says of the question."""
        draft = Draft("", answerable=True)
        source = sources[top]
        does = contribution(source)
        after = in_order(source, [does, *self.pick.cover(asked, source)])
        after = after[after.index(does) :]  # background before what the paper does is no part of its gist
        picked = [does, self.pick.result(source), *after]
        chosen = in_order(source, [s for s in dict.fromkeys(picked) if s][:3])
        draft.text = lead_in(sources, top, hedged) + " " + " ".join(draft.quote(top + 1, s) for s in chosen)
        return draft

    @staticmethod
    def definition(sources: Sequence[Source], at: int, sentence: str) -> Draft:
        """The sentence saying what a concept is ("Dense retrieval represents queries and documents as …")."""
        draft = Draft("", answerable=True)
        draft.text = f"{lead_in(sources, at, hedged=False)} {draft.quote(at + 1, sentence)}"
        return draft

    @staticmethod
    def limitation(sources: Sequence[Source], top: int) -> Draft | None:
        """What a named paper says it falls short in ("the main limitation of LM-Infinite?"): a limit among its own
        sentences; else that it states none of its own, with the limit of earlier work it sets out to overcome (the
        background's limits are not the paper's), or what it does. None when its abstract states no limit at all."""
        source = sources[top]
        stated = [s for s in substance(source.paper.abstract) if limit_stated(s)]
        if not stated:
            return None
        # Of its own sentences, one naming no other method ("where vanilla models fail", "SAEs are not competitive"
        # are limits of others)
        names = {fold(m.group(0)) for m in COINED_NAME.finditer(source.paper.title)}
        mine = own_part(source)
        own = [
            s for s in stated if s in mine and not _OTHERS.search(s)
            and all(fold(m.group(0)) in names for m in COINED_NAME.finditer(s))
        ]  # fmt: skip
        overcome = [s for s in stated if s not in mine and limit_stated(s, contrast=False)]  # not only "…, but"
        draft = Draft("", answerable=True)
        name, n = inert(source.paper.title), top + 1
        none_own = f"The abstract of “{name}” [{n}] states no limitation of its own;"
        if own:
            draft.text = f"From “{name}” [{n}]: {draft.quote(n, own[0])}"
        elif overcome:  # the limit just before what the paper does is the one it answers
            draft.text = f"{none_own} what it sets out to overcome: {draft.quote(n, overcome[-1])}"
        else:
            draft.text = f"{none_own} what it does: {draft.quote(n, contribution(source))}"
        return draft

    def numbers_of_each(self, asked: Asked, sources: Sequence[Source], sides: Sequence[int]) -> Draft:
        """ "How much faster are HyperAttention and SALE?": each named paper's figure, as asked of it alone."""
        draft = Draft("", answerable=True)
        parts = []
        for i in sides:
            words = vocabulary(sources[i].paper)  # (the other's name is no name this abstract lacks)
            own = dataclasses.replace(asked, names=frozenset(n for n in asked.names if has_name(n, words)))
            others = [n for j in sides if j != i for n in names_of(sources[j].paper)]
            one = self.numbers(own, sources, i, hedged=False, others=others)
            for n, said in one.quotes.items():
                draft.quotes.setdefault(n, []).extend(said)
            parts.append(one.text)
        draft.text = " ".join(parts)
        return draft

    def numbers(
        self, asked: Asked, sources: Sequence[Source], top: int, hedged: bool, others: Sequence[str] = ()
    ) -> Draft:
        """The sentences that state the gain or the figure asked for, with their numbers (`others`: the names of
        papers also asked of, which this abstract need not write)."""
        draft = Draft("", answerable=True)
        ranked = self.pick.ranked(asked, sources[top])
        given = numbers(asked.text)  # a figure the question states ("the 6-layer model") is not the one asked
        stated = [s for _, _, s in ranked if figures_in(s) - given and (asked.shape == "number" or GAIN.search(s))]
        gain = asked.shape != "number"  # "how much better", "is X better than Y?": a gain, not any figure
        # A figure of the background that does not name the name asked is another method's ("How fast is NeuS2?":
        # not "the training of NeuS takes … 8 hours")
        own = own_part(sources[top])
        held = {s: frozenset(terms(s)) for s in stated}  # each sentence's words, read once
        stated = [s for s in stated if s in own or all(has_name(n, held[s]) for n in asked.names)]
        if gain:  # a gain over what the question names first ("than Llama-3.2-1B"), then of what it measures
            against = against_terms(asked.text) if against_named(asked.text) else []
            # ("reduce repetitive phrases": "90% slop reduction", before "appear over 1,000x more frequently"),
            # then over something else
            named = set(terms(" ".join(names_of(sources[top].paper))))  # its own names: no measure
            measured = [t for t in asked.terms if t not in named and t not in against]
            stated.sort(key=lambda s: (not (against and all(has(t, held[s]) for t in against)),
                                       -sum(has(t, held[s]) for t in measured),
                                       not BEATS.search(s)))  # fmt: skip
        first, figureless = figure_asked(asked, stated, [s for _, _, s in ranked])
        if HOW_WELL_DONE.search(asked.text):  # "how well does it do?": what it found of itself, a figure's first
            found = [s for _, _, s in ranked if s in own and (RESULT.search(s) or states_finding(s) or BEATS.search(s))]
            first = [s for s in found if s in stated][:1] or found[:1] or first
        if figureless and metric_asked(asked.text):  # the closest: a result with its figures ("a DSC of 0.896"
            first = [s for s in stated if RESULT.search(s)][:1]  # for "what accuracy")
        if not first and not figureless:  # no digits: a ratio in words ("at approximately half the cost"), or
            # of a figure asked, a count in words ("How big is the BabyLM dataset?": "ten million words")
            first = [s for _, _, s in ranked if (RATIO_WORD.search(s) or (not gain and spelled_count(s)))
                     and (s in own or not asked.names)][:1]  # fmt: skip
        if not first and gain:  # no figure given: the sentence stating the gain in words,
            # one saying what the paper's method does before one of the background ("PEFT methods reduce memory")
            # and one stating a result ("remarkable improvements are achieved") before one aiming at it ("targets
            # on improving"), one stating it over something else ("outperforms") before "superior performance"
            said = (s for _, _, s in ranked if GAIN.search(s))
            first = sorted(said, key=lambda s: (s not in own, not RESULT.search(s), not BEATS.search(s)))[:1]
        chosen = list(dict.fromkeys([*first, *each_figure(asked, stated), *self.pick.cover(asked, sources[top])]))[:3]
        picked = [*first[:1], *in_order(sources[top], [s for s in chosen if s not in first[:1]])]  # the figure first
        # "By how much does ColBERT-XM beat mDPR?" of an abstract never naming mDPR: said first
        words = vocabulary(sources[top].paper)
        unsaid = as_written(asked.text, sorted(t for t in asked.names if not has_name(t, words)))
        # "How much better is SPLADE v2 than SPLADE on MS MARCO?" of an abstract giving its gain on TREC DL only
        paper = sources[top].paper
        capitals = capitals_unwritten(asked.text, f"{paper.title} {paper.abstract}")
        unsaid += [n for n in capitals if n not in unsaid and not any(n.casefold() in o.casefold() for o in others)]
        opening = lead_in(sources, top, hedged, figureless, unsaid=unsaid)
        draft.text = opening + " " + " ".join(draft.quote(top + 1, s) for s in picked)
        return draft

    def fact(self, asked: Asked, sources: Sequence[Source], top: int, matches: list[Match], hedged: bool) -> Draft:
        draft = Draft("", answerable=True)
        chosen = self.pick.cover(asked, sources[top])
        naming = self.pick.naming(asked, sources[top])  # the sentence naming the kind asked ("which datasets")
        if naming is None and asked.named_kind:  # "What datasets does T2Ranking provide?": "we introduce T2Ranking,
            naming = self.pick.presenting(asked, sources[top])  # a large-scale Chinese benchmark …", its own
        if naming is not None and asked.named_kind:  # "what datasets does SIU use?": "… we establish MMUBench, a new
            chosen = [naming, *(s for s in chosen if s != naming)][: max(len(chosen), 1)]  # benchmark …", first
        # "the main finding of X": what it found first; "what loss does DupMAE use?": the sentence naming one first
        answered = naming is not None and chosen[:1] == [naming]
        lead = chosen[:1] if asked.finding or asked.weakness or answered else []  # the limit asked, first too
        if not lead and matches[top].name and defines(asked.text):  # "What is SPLADE v2?": what it brings first,
            lead = [contribution(sources[top])]  # not the background's "Introduced recently, the SPLADE model …"
            own = own_part(sources[top])
            chosen = [*lead, *(s for s in chosen if s != lead[0] and s in own)][:3]
        # "compare to other … methods?", "does ERNIE-Gram beat BERT?": where it sets itself against others, first
        if not lead and matches[top].name and (AGAINST_OTHERS.search(asked.text) or BEATS.search(asked.text)):
            own = own_part(sources[top])
            against = [s for s in substance(sources[top].paper.abstract) if s in own and SET_AGAINST.search(s)]
            # (of several, the one holding most of what it asks: "on TREC-DL2019", "than InstructGPT")
            lead = sorted(against, key=lambda s: -sum(has(t, frozenset(terms(s))) for t in asked.terms))[:1]
            chosen = [*lead, *(s for s in chosen if s not in lead)][:3]
        if not lead and asked.verb in COMPARING and asked.domains and _WHAT_WINS.match(asked.text):
            # "What beats SAEs for concept detection?": where the paper says what does, for that
            lead = [s for s in substance(sources[top].paper.abstract) if _ahead_in(s, asked.domains)][:1]
            chosen = [*lead, *(s for s in chosen if s not in lead)][:3]
        if not lead and asked.named_kind and naming is None:  # "what dataset does BERT4Rec use?" of an abstract
            # naming none: the closest is where it speaks of one ("experiments on four benchmark datasets")
            lead = [s for s in substance(sources[top].paper.abstract)
                    if any(has(w, frozenset(terms(s))) for w in asked.wants_words)][:1]  # fmt: skip
            chosen = [*lead, *(s for s in chosen if s not in lead)][:3]
        body = " ".join(draft.quote(top + 1, s) for s in [*lead, *in_order(sources[top], chosen[len(lead) :])])
        # "Which datasets?" of an abstract naming none: said so, before what it says closest.
        nameless = asked.named_kind if asked.named_kind and not naming else None
        nameless = None if nameless and self.pick.names_asked(asked, sources[top]) else nameless  # "What BLEU scores"
        if asked.weakness and not self.pick.states_limits(asked, sources[top]):  # "the downsides of X"
            nameless = "limitation"
        # of several papers named, each lacks the others' names ("SPLADE" inside "SPLADE v2" names one paper)
        one_named = len(sides_named(asked.text, named_sources(matches), matches)) == 1 or (
            asked.one_paper and len(sources) == 1  # "which GPU?" of the paper just discussed
        )
        judged = asked.in_own_words()
        unsaid = unmentioned(judged, sources[top], matches[top], self._asked_of) if one_named and not nameless else []
        # "does it use gradient ascent?" of a paper naming it only among others' "(e.g., gradient ascent)": said so
        exampled = [] if unsaid or nameless or not one_named else only_exampled(judged, sources[top], self._asked_of)
        # "How do recommender systems shrink …?" of one saying "reduce": said not to say it ("beat" of one saying
        # "performs better than" is a comparison, said many ways)
        verb = asked.verb
        if (not unsaid and not nameless and not asked.one_paper and not matches[top].name and self._asked_of(verb)
                and verb not in COMPARING and verb in lacking(asked, sources[top].paper)):  # fmt: skip
            unsaid = as_written(asked.text, [verb])
        # nearly as close to the question, and on the paper's topic: named as related (not a paper on music
        # recommendation sharing "video" and "neural" with one on neural video representations)
        others = related(asked, sources, matches, top, self.idf)
        if others:  # (the abstracts embedded in one call, once any is asked: most answers relate none)
            self.vectors.prepare([sources[i].paper for i in (top, *others)])
            whole = self.vectors.whole(sources[top].paper)
            # (a title holding the whole question is on it, however its abstract's vector strays: BERT4Rec's)
            others = [
                i
                for i in others
                if float(whole @ self.vectors.whole(sources[i].paper)) >= STRAY
                or titled_share(asked, sources[i].paper) == 1.0
            ]
        extra = " ".join(f"{RELATED} {inert(sources[i].paper.title)} [{i + 1}]." for i in others)
        opening = lead_in(sources, top, hedged, nameless=nameless, unsaid=unsaid, exampled=exampled)
        draft.text = " ".join(x for x in (opening, body, extra) if x)
        return draft


def only_exampled(asked: Asked, source: Source, subject: Callable[[str], bool]) -> list[str]:
    """The subjects a question asks of a paper, as written, when the paper names every one of them only among
    examples or others' work ("(e.g., gradient ascent)"); else none."""
    words, said = vocabulary(source.paper), words_outside_examples(source.paper)
    asked_of = [t for t in asked.terms if subject(t) and t not in asked.wants and has(t, words)]
    if not asked_of or any(has(t, said) for t in asked_of):
        return []
    phrases: list[list[str]] = []  # the question's phrases whole: "gradient ascent", not "gradient" and "ascent"
    for t in asked_of:
        if phrases and (phrases[-1][-1], t) in asked.pairs:
            phrases[-1].append(t)
        else:
            phrases.append([t])
    return [" ".join(as_written(asked.text, p)) for p in phrases]
