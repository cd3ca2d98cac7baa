"""Follow-up questions: resolve `[n]`, "those" and "it" against the earlier turns of a chat; years asked for
become a date range."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from .anaphora import SINGULAR, refers_back
from .answer.each import MEASURES
from .answer.figures import counted
from .answer.question import analyse
from .answer.record import record_asked
from .complement import asks_rest, negated
from .dates import YearsAsked, years_asked
from .described import described, points_described
from .filters import Filters
from .listed_again import listed_again, shown_only
from .more_asked import more_asked
from .ordinals import ELLIPSIS, REF, other_pointed, picked_alone, pointed_at, pointer, this_written
from .read_back import OPENING, PAPERS_NAMED, WHICH_OF, Cues, narrowing, read_back
from .resolved import NOTHING_BEFORE, Resolved
from .similar_of import similar_of
from .superlative import WHICH_ONE, picked_one, superlative
from .text import subject_terms
from .turns import (
    PART,
    Turn,
    after_list,
    asked_of,
    asks_more,
    cited_numbers,
    dated_again,
    defined,
    discussed_in,
    gave_list,
    is_elliptical,
    left_out,
    of_the_paper,
    own_topic,
    restriction_of,
    restricts_only,
    several_before,
    similar_alone,
    the_other,
)
from .two_discussed import two_discussed
from .types import Paper
from .upvotes import UpvotesAsked, upvotes_asked
from .versions import version_named


def resolve(question: str, history: Sequence[Turn], filters: Filters | None = None) -> Resolved:
    """Turn a follow-up into a standalone query, and a year a question asks for into a date range (the year's
    words leave the query: no abstract needs to say "2024")."""
    filters = filters or Filters()
    if years := years_asked(question):
        question = years.rest
        filters = dataclasses.replace(filters, date_from=years.date_from, date_to=years.date_to)
    if upvotes := upvotes_asked(question):  # "papers with more than 100 upvotes": the record's count, not words
        question = upvotes.rest
        filters = dataclasses.replace(filters, min_upvotes=max(filters.min_upvotes or 0, upvotes.least))
    # "which is better?", "which one is faster?": of the papers a comparison compared, compared again
    # (the measure it is better on may be named: "which one reports the biggest gain?")
    better = (
        bool(m := _WHICH_BETTER.search(question))
        and not set(subject_terms(question[m.end() :] if m else "")) - MEASURES
    )
    if not history:
        if _points_back(question, better):
            return Resolved(question, None, NOTHING_BEFORE)
        return Resolved(question, filters if filters.active else None, dates=years, upvotes=upvotes)
    return _follow_up(question, history, filters, years, upvotes, better)


def _points_back(question: str, better: bool) -> bool:
    """Whether a conversation's first question points back at an answer there is none of."""
    # "Compare the first two", "tell me more about [2]": nothing to point back at (a longer question may quote a
    # "[12]" from a paper it pastes).
    pointing = (
        pointed_at(question, []) or other_pointed(question, None, [])
        or (REF.search(question) and len(question.split()) <= 8)
    )  # fmt: skip
    # "How is it fixed?", "which one is newer?": a pronoun and nothing else to search for ("which paper is the
    # oldest?" asks the corpus)
    alone = refers_back(question) and not subject_terms(asked_of(question))
    # "how many parameters?", "which GPU?": of no paper yet ("what did the authors of WAGLE evaluate on?" has a
    # word of its own besides the kind it wants)
    asked = analyse(question)
    wanted = asked.wants | {c[0] for c in [counted(question)] if c}
    of_none = is_elliptical(asked) and set(asked.terms) <= wanted
    more = asks_more(question)  # "show more", "what else?"
    cites = (found := record_asked(question)) is not None and found[0] == "citing" and not subject_terms(found[1])
    return bool(
        pointing or alone or of_none or better or more or cites or WHICH_ONE.search(question)
        or picked_one(question) or similar_alone(question) or asks_rest(question)
    )  # fmt: skip


def _follow_up(
    question: str,
    history: Sequence[Turn],
    filters: Filters,
    years: YearsAsked | None,
    upvotes: UpvotesAsked | None,
    better: bool,
) -> Resolved:
    """A question asked after others: what it points back at, and what it is asked of."""
    # The answer pointed back at is the last that cited papers: a reply citing none ("The last answer has no second
    # paper") has nothing for "it" or "the first one" to mean.
    last = next((t for t in reversed(history) if t.answer.citations), history[-1])
    # "how many are there?", "just the titles" (after one paper of a list, of the list)
    if (said := listed_again(question, last, history[-1], several_before(history, last))) is not None:
        return Resolved(question, None, said)
    question = version_named(question, last)  # "how much better is v2?" after SPLADE and SPLADE v2
    # "and which don't?" after "which of these use LLMs?": the list before it, narrowed the other way
    if (other := negated(question, last.question)) and (at := [i for i, t in enumerate(history) if t is last]):
        return resolve(other, history[: at[0]], filters)
    # "which are from 2023?", "any with more than 2 upvotes?": no words but the restriction's, so of the list just
    # given ("which papers are from 2023?" asks the corpus); "which of them are from 2019?" after "which of them are
    # from 2024?" asks of the list both restrict, not of its 2024 papers
    question = left_out(question, last) or question  # "exclude surveys": of the list, those not mentioning them
    if (again := dated_again(question, years, history)) is not None:  # "and last year?" after "… this year?"
        return Resolved(again, filters if filters.active else None, dates=years)
    restricting = restricts_only(question, years, upvotes)
    if restricting:
        lists = [t for t in history if gave_list(t) and restriction_of(t.question) != restricting]
        last = lists[-1] if lists else last
    bare = bool(restricting) and not PAPERS_NAMED.search(question) and after_list(last)
    pointed = _pointed(question, history, last)
    if isinstance(pointed, Resolved):
        return pointed
    question, last = pointed
    if similar_alone(question):
        return similar_of(question, last, filters, years, upvotes)
    note: str | None = None
    # "which one is newer?", "which is the most upvoted?" ask of the last answer's papers ("Which is newer, SPLADE
    # or SPLADE v2?" names its own)
    if (most := superlative(question, history, last)) is not None:
        if most.problem:
            return Resolved(question, None, most.problem)
        question, note, last = most.question, most.note, most.of or last
    if asks_more(question):  # "tell me more", "show more", "what else?"
        return more_asked(question, history, last, filters if filters.active else None, years)
    # "sort them by date", "oldest first" after a list: the same papers, by date (after one paper's answer, those of
    # the list before it)
    if ((o := analyse(question)).order is not None or o.popular) and not o.terms:
        last = several_before(history, last)
    ordering = (o.order is not None or o.popular) and not o.terms and after_list(last)
    if better:  # after one paper's answer, of the comparison before it
        last = several_before(history, last)
    # "is there code?", "any code?": of the paper just discussed, or of each paper of a list ("which of them …")
    code_only = (code := analyse(question)).with_code and not code.terms
    if code_only and after_list(last):
        question = "Which of them have code available?"
    refs = [int(n) for n in REF.findall(question)]
    into = refs and REF.search(last.question) and not all(1 <= n <= len(last.answer.sources) for n in refs)
    if into:  # "what about [9]?" after "tell me more about [3]": numbered as in the list that one pointed into
        last = next((t for t in reversed(history) if len(t.answer.sources) > 1), last)
    papers = [last.answer.sources[n - 1].paper for n in refs if 1 <= n <= len(last.answer.sources)]
    if refs and not papers:
        have = len(last.answer.sources)
        listed = f"[1] to [{have}]" if have > 1 else "[1]" if have else "no sources"
        missing = ", ".join(f"[{n}]" for n in refs)
        which = "The answer those numbers point into" if into and len(last.answer.sources) > 1 else "The last answer"
        return Resolved(question, None, f"{which} has no source {missing}: it had {listed}.")
    cues = Cues(
        elliptical=is_elliptical(code),  # "how many parameters?": of the paper just discussed, or of those listed
        code_only=code_only,
        bare=bare,
        better=better,
        ordering=ordering,
        # "which are for images?", "which use BERT?" after a list: of its papers ("which papers …" asks the corpus)
        of_list=bool(WHICH_OF.match(question)) and not PAPERS_NAMED.search(question) and after_list(last),
        of_it=not papers and of_the_paper(question, last),  # "how effective is the attack?"
        # "is there a link?", "how many upvotes?": a field of the record of the paper just discussed
        own_record=(rec := record_asked(question)) is not None and rec[0] != "citing" and not subject_terms(rec[1]),
    )
    asked = _asked(question, history, last, filters, cues, papers)
    if isinstance(asked, Resolved):
        return asked
    query, filters = asked
    one = filters.paper_ids is not None and len(filters.paper_ids) == 1
    shown = len(papers) > 1 and shown_only(question)  # "tell me about the first two": each of them
    return Resolved(
        query, filters if filters.active else None, one_paper=one, dates=years, upvotes=upvotes, note=note, shown=shown
    )


def _pointed(question: str, history: Sequence[Turn], last: Turn) -> tuple[str, Turn] | Resolved:
    """The question with what it points at ("the other one", "the second one", "the first two") written as "[n]"
    references, and the answer they number; a reply when it points at what is not there."""
    if both := two_discussed(question, history):  # "compare the two" after SENet's answer, then RegNet's
        asked, ids = both
        return Resolved(asked, Filters(paper_ids=ids))
    if other := the_other(question, history, last):  # "how does it compare to the other one?": of the list before
        (question, problem), last = other
        if problem:
            return Resolved(question, None, problem)
    if not last.answer.citations and not last.answer.answerable and points_described(question):
        return Resolved(question, None, _NONE_CITED)  # "and the one about LLMs?" after a refusal: of none
    # "and the one about sparse autoencoders?": the paper of the list (after one of its papers, the list before)
    if (listed := several_before(history, last)) and (found := described(question, listed)):
        if found[1]:  # several of them are about it
            return Resolved(question, None, found[1])
        return found[0], listed
    if picked := pointed_at(question, cited_numbers(last)):  # "the second one", "the first two": as "[n]" references
        # Of the last answer; when that was one paper's ("the first two" after "who wrote the second one?"), of
        # the list before it ("and the first?" after "what dataset does the second one use?"). A list lacking a
        # ninth paper is said to lack it.
        shown = next((t for t in reversed(history) if len(cited_numbers(t)) > 1), None)
        if len(cited_numbers(last)) <= 1 and shown is not None:
            before = pointed_at(question, cited_numbers(shown))
            if before and not before[1]:
                # "compare it with the first one": "it" before the pointer is the paper just discussed, numbered as
                # in that list ("how does the first one do it?": not "it" after)
                current, text = discussed_in(shown, last), before[0]
                at = text.find("[")
                last, picked = shown, ((this_written(text[:at], current) + text[at:]) if current else text, None)
        question, problem = picked
        if problem:
            return Resolved(question, None, problem)
        if ellipsis := ELLIPSIS.match(question):  # of the last question that asked something itself
            earlier = next((t.question for t in reversed(history) if not picked_alone(t.question)), "")
            question = _asked_again(earlier, ellipsis.group(1)) or question
    return question, last


def _asked(
    question: str, history: Sequence[Turn], last: Turn, filters: Filters, cues: Cues, papers: Sequence[Paper]
) -> tuple[str, Filters] | Resolved:
    """The query to search for and the papers to search among (the last answer's, when it points back)."""
    if papers:
        # "tell me more about [2]": answer from that paper alone, named by its title.
        query = REF.sub(lambda m: _title(m, last), question)
        return query, dataclasses.replace(filters, paper_ids=frozenset(p.id for p in papers))
    if (
        (citing := record_asked(question))
        and citing[0] == "citing"
        and not subject_terms(citing[1])
        and last.answer.citations
    ):  # "is there follow-up work?", "papers that build on this?": of the paper just discussed (its first cited)
        if after_list(last):
            return Resolved(question, None, _CITING_WHICH)
        return f"Which papers cite “{last.answer.citations[0].title}”?", filters
    if (
        SINGULAR.search(question)
        and (cited := [c.paper_id for c in last.answer.citations])
        and ((asked := analyse(question)).shape == "compare" or asked.record == "citing")
    ):  # "Compare it with Arctic-Embed 2.0", "which papers cite it?": the paper just discussed, by its title
        title = next(c.title for c in last.answer.citations if c.paper_id == cited[0])
        return SINGULAR.sub(lambda _: f"“{title}”", question, count=1), filters
    if SINGULAR.search(question) and analyse(question).shape == "list" and (it := defined(last)):
        return SINGULAR.sub(lambda _: it, question, count=1), filters  # "what is RAG?", "which papers improve it?"
    # "what about RNA?" after a refusal: a topic of its own, not read with the one the corpus lacks
    if own_topic(question, history[-1].answer.answerable):
        return question, filters
    # "which of them are from 2024?" after a refusal: it cited none (the papers it weighed are no list to narrow)
    if not last.answer.citations and not last.answer.answerable and (narrowing(question) or cues.narrow):
        return Resolved(question, None, _NONE_CITED)
    if (
        refers_back(question)
        or cues.of_it
        or question.strip().lower().startswith(("and ", "what about", "how about"))
        or (PART.search(question) and not subject_terms(PART.sub(" ", question)) and not after_list(last))
        or cues.elliptical
        or cues.code_only
        or cues.narrow
        # "what works better then?" after one paper's answer: nothing of its own to search the corpus for
        or (not subject_terms(asked_of(question)) and not after_list(last))
    ):
        return read_back(question, history, last, filters, cues)
    return question, filters


_NONE_CITED = (
    "The last answer cited no papers to choose among. Ask about a paper by its title (the closest ones it named, "
    "say), or ask a new question."
)
# (no "[n]" in the reply: the chat would show it as a citation)
_CITING_WHICH = "Follow-up work on which paper? Ask of one (“papers that build on the first one”)."
_WHICH_BETTER = re.compile(
    OPENING + r"which(?:\s+one|\s+of\s+(?:them|these|those|the\s+two))?\s+"
    r"(?:(?:is|was|performs?|works?|does|did|scores?|reports?|gives?|shows?|achieves?|gets?|has)\s+)?(?:the\s+)?"
    # (any superlative, "the simplest?", but those of dates, which `superlative` reads)
    # ("most cited": the record's, which the corpus does not hold)
    r"(?:better|best|faster|stronger|more\s+[a-z]+|most\s+(?!cited\b)[a-z]+|(?!(?:old|new|lat|earli)est)[a-z]{3,}est)\b",
    re.I,
)


def _asked_again(question: str, ref: str) -> str | None:
    """An earlier question asked of another paper (`ref`, "[1]"): its own pointer ("the second one", "[2]", "it")
    replaced; None when it has none."""
    if m := pointer(question) or SINGULAR.search(question):
        return f"{question[: m.start()]}{ref}{question[m.end() :]}"
    return None


def _title(m: re.Match[str], last: Turn) -> str:
    n = int(m.group(1))
    return f"“{last.answer.sources[n - 1].paper.title}”" if 1 <= n <= len(last.answer.sources) else ""
