"""A list of the papers on a topic: which retrieved papers belong (membership, then what the topic asks of each),
each quoted where it is on it; the closest papers, said to be, when none does; a refusal when what the list asks
is said of none."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from ..text import code_sentence, terms
from ..types import Source
from .applied import written_elsewhere
from .code import CODE_UNSAID
from .draft import Draft, list_line, refusal
from .evidence import has
from .holding import vocabulary
from .listing import TOPIC_WORDS, by_votes, closest, list_head, list_topic, quoted_line
from .membership import MEMBER_WEIGHTS, by_kin, fit, logistic, member_rows
from .modality import unseen_modality, writing_of_it
from .names import title_said
from .one_paper import OnePaper
from .phrases import as_written, kinds_written
from .picking import Picker
from .pointed import named_by_none, parts_apart, things_lacked
from .qualifiers import alternatives_lacked, head_lacked, modifier_lacked
from .question import Asked, analyse, names_llms
from .relevance import SPEED, Idf, Match, holding_kinds, lacking, match, on_topic
from .subjects import SHORT, Subjects
from .training_free import asks_training_free, asks_training_needed, saying_so
from .traits import on_language_models
from .vectors import Vectors


class Lister:
    """Writes the list a question asks for, once `OfflineWriter` has found it answerable."""

    def __init__(self, idf: Idf, pick: Picker, subjects: Subjects, vectors: Vectors, one: OnePaper) -> None:
        self.idf, self.pick, self.subjects, self.vectors, self.one = idf, pick, subjects, vectors, one

    def write(self, asked: Asked, vector: np.ndarray, sources: Sequence[Source], matches: list[Match]) -> Draft:
        """The list (or the closest papers, or a refusal), each paper cited by its rank among `sources`."""
        if (topic := list_topic(asked)) is not asked:  # "papers that build …": what any paper may do, aside
            asked, matches = topic, [match(topic, s.paper, self.idf) for s in sources]
        self.vectors.prepare([s.paper for s in sources])  # every sentence of them embedded in one call
        fits = [fit(asked, s.paper, self.idf, vector, self.vectors, m) for s, m in zip(sources, matches, strict=True)]
        probabilities = [logistic(MEMBER_WEIGHTS, row) for row in member_rows(fits)]
        # "which of them use LLMs?": every paper listed was on the list (not judged again); what it asks decides
        papers = [s.paper for s in sources]
        chosen = list(range(len(sources))) if asked.among else by_kin(probabilities, papers, self.vectors)
        draft = Draft("", answerable=True)
        # ("which of them are from 2024?": each admitted is listed; "which of them are training-free?": each saying
        # so, below, whatever words it says it in)
        if not (asked.among and (not asked.of_them or asks_training_free(asked.of_them))):
            chosen = self.subjects.on_it(asked, sources, chosen, short=len(asked.terms) <= SHORT)
            # "how video models recall facts": the papers on video, not those on facts in language models
            chosen = [chosen[i] for i in writing_of_it(asked, [sources[i].paper for i in chosen])]
            # "make diffusion models faster": a speed is what is asked of them, which a paper on them need not give
            speedless = [i for i in chosen if not SPEED & set(asked.terms) - set(lacking(asked, sources[i].paper))]
            if speedless and len(speedless) < len(chosen):
                chosen = [i for i in chosen if i not in speedless]
        own = analyse(asked.of_them) if asked.among else None
        # "which of them need no training?": those saying so (not those holding the words "need" and "training")
        free = {}
        if asks_training_free(asked.of_them if asked.among else asked.text):
            free = {i: said for i in chosen if (said := saying_so(sources[i]))}  # quoted where it says so
            chosen, own = [i for i in chosen if i in free], None
            if asked.among and not chosen:
                return Draft(
                    f"Of the {asked.among} papers the last answer cited, none says it needs no training.",
                    answerable=False,
                )
        # ("which of them use LLMs?": its only word frames, and is asked as on language models, below)
        if own and own.terms and not all(names_llms(t) for t in own.terms):  # "which of them use gradient ascent?":
            # of the papers listed, those holding what it asks (not the list's topic and "gradient": WAGLE's
            # "gradient difference")
            chosen = [i for i in chosen if on_topic(own, sources[i].paper, self.subjects.names, self.idf)]
        if own and own.llm:  # "which of these use LLMs?" ("LLM" frames most questions: no term)
            chosen = [i for i in chosen if on_language_models(sources[i].paper)]
        if asks_training_needed(asked.of_them if asked.among else asked.text):  # "do any of them need training?":
            needless = [i for i in chosen if saying_so(sources[i])]  # not one saying it needs none
            chosen = [i for i in chosen if i not in needless]
            if asked.among and not chosen and needless:
                return Draft(
                    f"Of the {asked.among} papers the last answer cited, none clearly needs training; "
                    f"{len(needless)} {'says it needs' if len(needless) == 1 else 'say they need'} none.",
                    answerable=False,
                )
        # "papers on hashing with code available": each says where, and is quoted there
        code = (
            {i: said for i in chosen if (said := code_sentence(sources[i].paper.abstract))} if asked.with_code else {}
        )
        if asked.with_code and chosen and not code:  # "is there code?" of a list none of whose papers says where
            return Draft(CODE_UNSAID, answerable=False)
        if asked.with_code:
            chosen = [i for i in chosen if i in code]
        # The sentence naming the kind asked ("which datasets"), worked out once: it decides and it is quoted.
        naming = {i: self.pick.naming(asked, sources[i]) for i in chosen} if asked.wants else {}
        # "the open problems in X": the papers on X stating one, each quoted where it does (worked out once)
        limits = {}
        if asked.weakness:
            limits = {i: found[0] for i in chosen if (found := self.pick.topic_limits(asked, sources[i]))}
            chosen = [i for i in chosen if i in limits]
        if asked.several:  # "what datasets are used for X?": the papers on X that name one, or make their own
            naming = {i: naming[i] or self.pick.presenting(asked, sources[i]) for i in chosen}
            chosen = [i for i in chosen if naming[i]]
        if asked.excluded and names_llms(asked.excluded):  # "unlearning papers not about LLMs": none on them
            chosen = [i for i in chosen if not on_language_models(sources[i].paper)]
        elif asked.excluded:  # "retrieval papers that do not use BERT": none that mentions it
            left_out = terms(asked.excluded)
            chosen = [i for i in chosen if not any(has(t, vocabulary(sources[i].paper)) for t in left_out)]
        if not chosen and (kinds := kinds_written(asked.text)) and not holding_kinds(asked, sources):
            # "sign language": no paper found writes it (60 searched), though some say "significant" and "language"
            return Draft(refusal(sources, apart=kinds), answerable=False)
        lack_said = self.subjects.lack_said(asked)
        if not chosen:
            return self._closest(asked, sources, probabilities, lack_said)
        # (of the papers a list cited, "which of them are from 2024?", or of the one it cited: each was on the list
        # already, none is judged again as a whole list)
        if not asked.among and not asked.one_paper and (refused := self._refused(asked, sources, chosen)):
            return refused
        if asked.shown:  # "tell me about the first two": each as the list showed it, in its order (their titles')
            chosen.sort(key=lambda i: asked.text.find(sources[i].paper.title))
        elif asked.explain and len(chosen) == 1 and not asked.order:  # "Explain late chunking": that paper's gist
            return self.one.summary(asked, sources, chosen[0], hedged=False)
        # "Tell me about Matryoshka Representation Learning": the paper its title names, not a list on its words
        titled = [i for i in chosen if title_said(asked.text, sources[i].paper)] if asked.explain else []
        titled = [] if asked.shown else titled
        if titled and not asked.order:
            return self.one.summary(asked, sources, titled[0], hedged=False)
        head, chosen = list_head(asked, sources, chosen, lack_said, rarest=self.subjects.rarest(asked.terms) or "")
        lines = [head + ":"]
        for i in chosen:
            quoted = (  # (where a paper says it needs no training, when asked, before a kind it names)
                free.get(i)
                or naming.get(i)
                or limits.get(i)
                or code.get(i)
                or quoted_line(asked, sources[i], self.pick)
            )
            paper = sources[i].paper  # what the list is ordered by: dates, or upvotes
            votes = (paper.upvotes or 0) if asked.ordering == "most upvoted" and by_votes(sources, chosen) else None
            lines.append(list_line(paper.title, draft.quote(i + 1, quoted), paper.date if asked.order else None, votes))
        draft.text = "\n".join(lines)
        return draft

    def _refused(self, asked: Asked, sources: Sequence[Source], chosen: list[int]) -> Draft | None:
        """The refusal of a list whose papers, taken together, are not on its topic: a name none gives, a modality
        none writes of, where it applies written by none, its parts held apart; None when they are on it."""
        if len(asked.terms) <= TOPIC_WORDS and (unnamed := named_by_none(asked, [sources[i] for i in chosen])):
            # "papers that use RLHF for recommender systems": recommender papers, none naming RLHF, are no list
            return Draft(refusal([sources[i] for i in chosen], apart=unnamed), answerable=False)
        if unseen := unseen_modality(asked, [sources[i].paper for i in chosen]):
            # "which papers detoxify image generators?": language-model papers, none writing of images, are no list
            return Draft(refusal(sources, apart=as_written(asked.text, unseen)), answerable=False)
        if unapplied := self.subjects.unapplied(asked, [sources[i] for i in chosen]):
            # "… sparse retrievers for e-commerce search": where it is asked to apply, no paper listed mentions
            return Draft(refusal(sources, apart=unapplied), answerable=False)
        if apart := written_elsewhere(asked, sources, chosen, self.idf):  # "feature attribution for recommenders"
            return Draft(refusal(sources, apart=apart), answerable=False)
        if unwritten := self.subjects.name_unwritten(asked, sources, whole=False):  # "… for time series forecasting"
            return Draft(refusal(sources, apart=unwritten), answerable=False)
        if phrase := self.subjects.unwritten_phrase(asked, sources, chosen):  # "Speedups from speculative decoding?"
            return Draft(refusal(sources, apart=phrase), answerable=False)
        if apart := parts_apart(asked, [sources[i] for i in chosen], self.subjects.names):  # "prune visual tokens to
            # speed up robot manipulation policies": pruning papers and a robot paper, none on both
            return Draft(refusal(sources, apart=as_written(asked.text, apart)), answerable=False)
        listed = [sources[i] for i in chosen]
        if apart := (
            alternatives_lacked(asked, listed, self.subjects.names)
            or modifier_lacked(asked, listed, self.subjects.names)
            or head_lacked(asked, listed, self.idf)  # "differential privacy for recommenders": "differentiable"
        ):
            return Draft(refusal(sources, apart=apart), answerable=False)
        lacked = things_lacked(asked, [sources[i] for i in chosen])
        if len(lacked) >= 2 and any(self.subjects.names(t) for t in lacked):
            # "a Thai retrieval system" of a Thai language model: every paper listed lacks two things the topic
            # names (one a subject), so none is on it
            return Draft(refusal(sources, apart=as_written(asked.text, lacked)), answerable=False)
        return None

    def _closest(
        self, asked: Asked, sources: Sequence[Source], probabilities: list[float], lack_said: Callable[[str], bool]
    ) -> Draft:
        """The two papers closest to a list none belongs to, said to be; refused when neither mentions where the
        topic is asked to apply."""
        # The closest: of those holding as many of its words, those on LLMs first when it asks about them
        # ("generate code with LLMs": not a hashing paper's "hash codes"; "detect irony with LLMs": the irony paper)
        first = sorted(range(len(sources)), key=lambda i: -probabilities[i])
        # a paper on it as a whole, though too unlike the rest to be listed (concept erasure, of unlearning in
        # diffusion models), before those on part of it
        whole = [i for i in first[:10] if not lacking(asked, sources[i].paper)]
        on = set(self.subjects.on_it(asked, sources, whole, short=len(asked.terms) <= SHORT))
        first.sort(key=lambda i: i not in on)
        if asked.llm:
            first.sort(key=lambda i: (len(lacking(asked, sources[i].paper)), not on_language_models(sources[i].paper)))
        if framing := self.subjects.framing(asked):  # "model merging": those writing it first
            first.sort(key=lambda i: not self.subjects.writes(sources[i], framing))
        if unseen := unseen_modality(asked, [sources[i].paper for i in first[:2]]):  # "vision-language models
            # recall facts": the closest, on language models, write nothing of what is seen
            return Draft(refusal(sources, apart=as_written(asked.text, unseen)), answerable=False)
        if unapplied := self.subjects.unapplied(asked, [sources[i] for i in first[:2]]):
            return Draft(refusal(sources, apart=unapplied), answerable=False)  # "… matryoshka … to speech"
        if unwritten := self.subjects.name_unwritten(asked, sources):  # "time series": no paper writes it
            return Draft(refusal(sources, apart=unwritten), answerable=False)
        if unsaid := modifier_lacked(asked, [sources[i] for i in first[:2]], self.subjects.names):
            return Draft(refusal(sources, apart=unsaid), answerable=False)
        if unsaid := head_lacked(asked, [sources[i] for i in first[:2]], self.idf):
            return Draft(refusal(sources, apart=unsaid), answerable=False)
        return closest(asked, sources, first[:2], self.pick, lack_said)
