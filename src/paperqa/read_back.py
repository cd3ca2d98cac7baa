"""A follow-up with no subject of its own ("which GPU?", "how does it work?", "which of them use LLMs?"), read with
the question before that named one, and asked of the paper just discussed or of the papers just listed."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .anaphora import NARROW, SINGULAR
from .answer.figures import BY_SPEED
from .answer.question import analyse
from .filters import Filters
from .ordinals import pointer
from .text import PAPERS, stem, subject_terms
from .turns import (
    PART,
    Turn,
    after_list,
    asked_of,
    compared,
    gist_asked,
    is_elliptical,
    names_any,
    own_topic,
    restriction_of,
    several_before,
)

OPENING = r"^\s*(?:and\s+|so\s+)?"  # how a follow-up may open ("and which is better?", "so how many?")
PAPERS_NAMED = re.compile(rf"\b{PAPERS}\b", re.I)  # "which papers are from 2023?" names papers afresh
WHICH_OF = re.compile(OPENING + r"which\s+(?:are|is|was|were|use|uses|used|do|does|did|have|has)\b", re.I)
_HOW_MUCH = re.compile(r"^\s*how\s+much\s+[\w-]+(?=\s*\??\s*$)", re.I)  # "how much faster?": a gain, no subject


@dataclass(frozen=True)
class Cues:
    """What a follow-up's own words say it is asked of (each read once by `resolve`)."""

    elliptical: bool = False  # "how many parameters?": a kind wanted, no subject
    code_only: bool = False  # "is there code?"
    bare: bool = False  # "which are from 2023?": a restriction of the list, no words of its own
    better: bool = False  # "which is better?"
    ordering: bool = False  # "oldest first" after a list
    of_list: bool = False  # "which use BERT?" after a list
    of_it: bool = False  # "how effective is the attack?": of the paper just discussed
    own_record: bool = False  # "is there a link?": a field of that paper's record

    @property
    def narrow(self) -> bool:
        """Whether the follow-up asks of the papers just listed, whatever its words."""
        return self.bare or self.better or self.ordering or self.of_list


def narrowing(question: str) -> bool:
    """Whether a question narrows the list before it ("which of them use LLMs?", "which are for images?")."""
    return bool(NARROW.search(question) or WHICH_OF.match(question))


def read_back(question: str, history: Sequence[Turn], last: Turn, filters: Filters, cues: Cues) -> tuple[str, Filters]:
    """The query to search for and the papers to search among: the follow-up read with the question that named
    what was asked about ("What is SPLADE v2?"), not with one that only asked a part of it ("which GPU?": "what
    dataset does it use?" is not asked of a GPU)."""
    # "compare them" after one paper's answer (not a list of one): the papers of the list or comparison before
    one_listed = analyse(last.question).shape == "list" or restriction_of(last.question)  # ("from 2024")
    if NARROW.search(question) and not SINGULAR.search(question) and not one_listed:
        last = several_before(history, last)
    upto = history[: history.index(last) + 1]
    said = (  # (not "tell me about the second one": its words point, they name nothing)
        t for t in reversed(upto)
        if not is_elliptical(analyse(t.question)) and names_any(t.question) and pointer(t.question) is None
        and not _code_only(t.question)  # ("is the code available?" asked a part: "what dataset …?" is not of code)
    )  # fmt: skip
    turn = next(said, None)
    subject = turn.question if turn else last.answer.question
    if turn and turn.answer.citations and SINGULAR.search(subject):
        # "how many parameters does it save?", then "what about GPT-3?": "it" is the paper that answered
        subject = SINGULAR.sub(lambda _: f"“{turn.answer.citations[0].title}”", subject, count=1)
    # ("what datasets does it use?" after "Tell me about MRL": of MRL, not a request for its gist again)
    query = question if own_topic(question, after=subject) else f"{_TELL_ME.sub('', asked_of(subject))} {question}"
    query = swapped_in(question, subject) or query  # "what about language models?" after "… video models …"
    cited = [c.paper_id for c in last.answer.citations] or [s.paper.id for s in last.answer.sources]
    # "which GPU?" after "how many bits?" of a list: of that list, not of the one paper stating it (but after a
    # narrowing, "which of them use LLMs?", the papers it cited are the list asked of)
    if is_elliptical(analyse(last.question)) and after_list(last) and not narrowing(last.question):
        cited = [s.paper.id for s in last.answer.sources]
    of_several = after_list(last) or compared(last)  # "how many parameters?" after a list or a comparison
    if NARROW.search(question) or cues.narrow or (cues.elliptical and of_several and not SINGULAR.search(question)):
        filters = dataclasses.replace(filters, paper_ids=frozenset(cited))
        titles = list(dict.fromkeys(c.title for c in last.answer.citations))
        if len(titles) >= 2 and (cues.better or analyse(question).shape == "compare"):  # "how do they differ?"
            query = "Compare " + " and ".join(f"“{t}”" for t in titles)
            query += ": which is fastest?" if BY_SPEED.search(question) else ""  # (by what each states)
        elif len(titles) >= 2 and cues.elliptical and (gain := _HOW_MUCH.match(question)):  # "how much faster?"
            query = f"{gain[0]} are {' and '.join(f'“{t}”' for t in titles)}?"  # each one's, as asked of both
    elif (
        SINGULAR.search(question) or PART.search(question) or cues.elliptical or cues.code_only or cues.of_it
        or cues.own_record
    ) and cited:  # fmt: skip
        # "what dataset does it introduce?": the paper just discussed, the last answer's first citation. A
        # question with words of its own is asked alone ("does it use an inverted index?" after "does it use
        # BERT?" is not asked of BERT); "what does it evaluate on?" is read with the last question.
        filters = dataclasses.replace(filters, paper_ids=frozenset(cited[:1]))
        # "Who are the authors?", "what are the main findings?" ask a part of that paper: the question alone,
        # asked of it as named.
        # A list's topic is no words of one of its papers ("what does it propose?" of the first quoted the
        # sentence on retrieval-augmented generation, not what it proposes)
        # "tell me more about [2]" names that paper by pointing: no words of it to ask with either
        pointing = pointer(last.question) is not None
        # (how the answer should read is no word of its own: "summarize it in one sentence")
        own = bool(subject_terms(asked_of(question)))
        alone = own or not SINGULAR.search(question) or after_list(last) or pointing
        query = question if alone else query
        title = next((c.title for c in last.answer.citations if c.paper_id == cited[0]), "")
        query = (title and gist_asked(question, title)) or query  # "what is the main idea?", "summarize it …"
    return query, filters


def _code_only(question: str) -> bool:
    """Whether a question asks only whether code is released ("is the code available?")."""
    asked = analyse(question)
    return asked.with_code and not asked.terms


# What asks for a paper's gist, opening the question a follow-up is read with
_TELL_ME = re.compile(
    r"^\s*(?:(?:can|could)\s+you\s+|please\s+)?(?:tell\s+me\s+(?:more\s+)?about|summari[sz]e|explain"
    r"|describe)\s+",
    re.IGNORECASE,
)
_INSTEAD = re.compile(OPENING + r"(?:what|how)\s+about\s+((?:[\w-]+\s+){1,3}[\w-]+)\s*\??\s*$", re.I)
_WORD = re.compile(r"[\w-]+")


def swapped_in(question: str, earlier: str) -> str | None:
    """The earlier question with the follow-up's phrase in place of the one of the same head ("what about language
    models?" after "how video models recall facts": "how language models recall facts"); None when the follow-up
    is no such phrase or the earlier question has no phrase of that head."""
    if not (m := _INSTEAD.match(question)):
        return None
    phrase = m.group(1).split()
    head = stem(phrase[-1].casefold())
    words = list(_WORD.finditer(earlier))
    at = next((i for i, w in enumerate(words) if i and stem(w.group(0).casefold()) == head), None)
    if at is None:
        return None
    # the words naming the earlier one's kind, just before its head ("video" of "video models"), as many as the
    # follow-up gives its own ("short documents" for "long documents", not "handle long documents")
    start = at
    while start > 0 and at - start < len(phrase) - 1 and subject_terms(words[start - 1].group(0)):
        start -= 1
    if start == at:
        return None
    return f"{earlier[: words[start].start()]}{' '.join(phrase)}{earlier[words[at].end() :]}"
