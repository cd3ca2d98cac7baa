"""What an earlier turn of a chat was (a list, one thing asked of each paper of one, a restriction alone), what a
question asks about apart from how it asks, and which of its papers a follow-up points at ("the other one", "the
attack"), as a follow-up reads it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .anaphora import refers_back
from .answer.asking import asking
from .answer.question import Asked, analyse
from .answer.record import record_asked
from .answer.shapes import SUMMARY, WHAT_ABOUT
from .dates import YearsAsked, years_asked
from .ordinals import REF, other_pointed
from .text import subject_terms, terms
from .types import Answer
from .upvotes import UpvotesAsked, upvotes_asked

# "show more", "what else?", "any others?", "more papers?" after a list: what it left out
_MORE = re.compile(
    r"^\s*(?:(?:show|give|list|tell)\s+(?:me\s+)?more|more(?:\s+(?:papers|results|please))?|what\s+else"
    r"|(?:are\s+there\s+)?any\s+(?:others?|more)|(?:are\s+there\s+)?(?:any\s+)?(?:other|more)\s+(?:papers|ones)|next)"
    r"\s*[?.!]*\s*$",
    re.I,
)
_OTHERS = re.compile(
    r"^\s*(?:what\s+else|(?:are\s+there\s+)?any\s+(?:others?|more)|(?:are\s+there\s+)?(?:any\s+)?(?:other|more)\s+(?:papers|ones))"
    r"\s*[?.!]*\s*$",
    re.I,
)  # of `_MORE`: other papers asked for, not more of one


def asks_more(question: str) -> bool:
    """Whether a follow-up asks for more ("show more", "what else?", "tell me more") and nothing else."""
    return bool(_MORE.match(question))


def asks_others(question: str) -> bool:
    """Whether asking for more asks for other papers ("what else?", "any others?"), not more of one."""
    return bool(_OTHERS.match(question))


@dataclass(frozen=True)
class Turn:
    """One exchange of a conversation."""

    question: str
    answer: Answer


def restricts_only(question: str, years: YearsAsked | None, upvotes: UpvotesAsked | None) -> str | None:
    """What a question restricts its papers by ("years", "upvotes") when it has no words of its own besides."""
    rest = upvotes.rest if upvotes else years.rest if years else None
    if rest is None or subject_terms(rest):
        return None
    return "upvotes" if upvotes else "years"


def restriction_of(question: str) -> str | None:
    """`restricts_only` of a question asked before."""
    years = years_asked(question)
    return restricts_only(question, years, upvotes_asked(years.rest if years else question))


def is_elliptical(asked: Asked) -> bool:
    """Whether a question asks for one thing of a paper it leaves unsaid: "how many parameters?", "which GPU?",
    "what dataset?", "what are the open problems?" (one word of what it wants; no name, no topic of its own)."""
    wanting = bool(asked.wants) or asked.numeric or asked.weakness
    return (
        asked.shape in ("fact", "number", "improvement")
        and wanting
        and len(asked.terms) <= 1
        and not asked.names
        and not _ACRONYM_ASKED_OF.search(asked.text)
    )


# "what datasets does UNIC use?": an acronym the question asks of names a paper, as a coined name does
_ACRONYM_ASKED_OF = re.compile(r"\b(?i:does|did|do|is|was|has|had)\s+[A-Z][A-Z0-9-]{1,15}s?\s+[a-z]")


def after_list(turn: Turn) -> bool:
    """Whether a turn asked for a list of papers (whose "authors" or "results" are no one paper's), or asked one
    thing of each paper of one ("what datasets?" after a list, answered by several papers)."""
    asked = analyse(turn.question)
    # "what datasets?", "how many bits?" of a list, "which are from 2025?": asked of several papers (one of which
    # may be all that answers), not of one paper ("tell me more about the second one" is of one)
    of_list = asked.shape == "list" or is_elliptical(asked) or restriction_of(turn.question)
    # "Which labs work on mixture of experts?": the papers on it, with their organisations (one named paper's
    # organisation cites that paper alone)
    of_topic = asked.record == "organisation" and len(set(cited_numbers(turn))) > 1
    return (bool(of_list) and len({s.paper.id for s in turn.answer.sources}) > 1) or of_topic


def gave_list(turn: Turn) -> bool:
    """Whether a turn gave a list of papers itself ("which papers …?", "which are from 2025?"), not one thing asked
    of each paper of a list before it ("how many bits?")."""
    return after_list(turn) and not is_elliptical(analyse(turn.question))


def cited_numbers(turn: Turn) -> list[int]:
    """The source numbers an answer cited, in the order it first cited them."""
    return list(dict.fromkeys(c.n for c in turn.answer.citations))


def several_before(history: Sequence[Turn], last: Turn) -> Turn:
    """`last`, or when it cited one paper at most, the last turn citing more than one (the list or comparison a
    follow-up asks of after one paper's answer: "which is the newest?", "sort them by date"), if any."""
    if len(cited_numbers(last)) > 1:
        return last
    return next((t for t in reversed(history) if len(cited_numbers(t)) > 1), last)


def compared(turn: Turn) -> bool:
    """Whether a turn compared papers ("Compare SPLADE and SPLADE v2"), citing more than one."""
    return analyse(turn.question).shape == "compare" and len(set(cited_numbers(turn))) > 1


def more_said(turn: Turn) -> str:
    """What "show more" is told of the last list: that it left papers out, or that it gave the papers it found."""
    count = len(set(cited_numbers(turn)))
    found = re.match(r"The corpus has ((?:at least )?(\d+))", turn.answer.text)  # the list's head: how many found
    if found and int(found.group(2)) > count:
        total = found.group(1) if found.group(1).startswith("at least") else f"the {found.group(1)}"
        return (f"The last list showed {count} of {total} papers found; ask a narrower question (a "
                "subtopic, a year, “with code”) to see others.")  # fmt: skip
    gave = "the one paper" if count == 1 else f"the {count} papers"
    return f"The last list gave {gave} found on that; ask about another topic, or about one of them."


# "how effective is the attack?", "against which retrievers?": a thing of the paper just discussed, pointed at
_DEFINITE = re.compile(r"\b(?:the|which|what)\s+([a-z][\w-]*)", re.IGNORECASE)


def of_the_paper(question: str, last: Turn) -> bool:
    """Whether a follow-up after one paper's answer asks of a thing that paper holds ("how effective is the
    attack?" after GASLITE's), by "the", "which" or "what" and a noun, with no word the paper lacks."""
    cited = {c.n for c in last.answer.citations}
    if len(cited) != 1 or not (nouns := [m.group(1) for m in _DEFINITE.finditer(question)]):
        return False
    paper = last.answer.sources[next(iter(cited)) - 1].paper
    words = set(terms(f"{paper.title} {paper.abstract}"))
    own = subject_terms(question)
    return bool(own) and all(t in words for t in own) and any(t in own for n in nouns for t in terms(n))


def the_other(question: str, history: Sequence[Turn], last: Turn) -> tuple[tuple[str, str | None], Turn] | None:
    """A follow-up pointing at "the other one" as citations of the list or comparison before (and that turn):
    the paper just discussed is the one the last answer cited alone, the other the rest of that list."""
    shown = several_before(history, last)
    current = discussed_in(shown, last) if shown is not last else None
    found = other_pointed(question, current, [n for n in cited_numbers(shown) if n != current])
    return (found, shown) if found else None


def discussed_in(shown: Turn, last: Turn) -> int | None:
    """The number in an earlier list (`shown`) of the paper the last answer cited alone, if it is there."""
    discussed = [c.paper_id for c in last.answer.citations]
    if len(set(discussed)) != 1:
        return None
    return next((n for n in cited_numbers(shown) if shown.answer.sources[n - 1].paper.id == discussed[0]), None)


_SIMILAR = re.compile(
    r"\b(?:similar|related|alike)\b|\blike\s+(?:(?:it|this|that)\b(?:\s+one\b)?|\[\d+\])"
    r"|\bwho\s+else\s+(?:works?|worked|is\s+working)\s+on\s+(?:this|that|it)\b"  # "who else works on this?"
    # "what other papers address the same problem?", "others on the same topic"
    r"|\b(?:(?:address|tackl|solv|stud|handl)\w*\s+|(?:work|look|deal)\w*\s+(?:on|at|with)\s+|on\s+)?"
    r"(?:the\s+)?same\s+(?:problem|topic|task|question|issue|subject|area)s?\b",
    re.IGNORECASE,
)
_ELSE = re.compile(r"\b(?:else|other|others)\b", re.IGNORECASE)


def similar_alone(question: str) -> bool:
    """Whether a question asks for papers similar to one it does not name ("similar papers?", "like [3]?")."""
    return bool(_SIMILAR.search(question)) and not subject_terms(
        REF.sub(" ", _SIMILAR.sub(" ", _ELSE.sub(" ", question)))
    )


def left_out(question: str, last: Turn) -> str | None:
    """A follow-up only leaving things out of the list just given ("exclude surveys", "drop the ones that use
    BERT"), as the list's narrowing asks it ("Which of them, excluding surveys?"); None for any other question."""
    asked = analyse(question)
    return (
        f"Which of them, excluding {asked.excluded}?"
        if asked.excluded and not asked.terms and after_list(last)
        else None
    )


# "Who are the authors?", "What are the results?" after one paper's answer: a part of the paper just discussed,
# when the question has no subject of its own.
PART = re.compile(
    r"\bthe\s+(?:main\s+|key\s+)?(?:authors?|datasets?|benchmarks?|results?|findings?|conclusions?|contributions?|"
    r"limitations?|experiments?|evaluation|code|abstract|title|date|"
    r"task|method|model|approach|idea|problem|goal|architecture|system|gist|takeaways?|summary)\b",  # "the task?"
    re.I,
)


def names_any(question: str) -> bool:
    """Whether a question names something of its own beside a part of a paper ("what is the gist?" names none)."""
    return bool(subject_terms(PART.sub(" ", asked_of(question))))


def asked_of(question: str) -> str:
    """What a question asked about, without how it asked (its record, finding or limits words): a follow-up read
    with it does not ask those again ("what datasets does it use?" after "who are the authors?")."""
    # ("Which papers have more than 2 upvotes?", "papers from 2024": their restriction is no word to search for)
    question = upvoted.rest if (upvoted := upvotes_asked(question)) else question
    question = dated.rest if (dated := years_asked(question)) else question
    record = record_asked(question)
    rest = asking(record[1] if record else question).rest
    # a list asked by how it is ordered ("What's new in retrieval?"): still a list of papers, without its order
    listed = analyse(question).shape == "list" and analyse(rest).shape != "list"
    return f"papers on {rest}" if listed else rest


def defined(turn: Turn) -> str | None:
    """What a turn asked to be defined or described ("what is retrieval-augmented generation?"), as written, unless
    it is the name of the paper that answered ("What is SPLADE v2?"): a list asked of "it" next is of that ("which
    papers improve it?"), not of the one paper that answered."""
    found = _DEFINED.match(turn.question)
    if not found or not subject_terms(found.group(1)):
        return None
    named = any(c.title.casefold().startswith(found.group(1).casefold()) for c in turn.answer.citations[:1])
    return None if named else found.group(1)


_DEFINED = re.compile(
    r"^\s*(?:what\s+(?:is|are)|what['’]s|tell\s+me\s+about|explain|describe)\s+(?:an?\s+|the\s+)?"
    r"([^?]{1,120}?)\s*\??\s*$",
    re.IGNORECASE,
)
_ABOUT = re.compile(r"\s*(?:and\s+)?(?:what|how)\s+about\b", re.I)  # "what about hashing?": a topic alone
# "what about hashing?", "and what about hashing?" (not "what about for dense retrieval?": of the topic before)
_ABOUT_TOPIC = re.compile(
    WHAT_ABOUT.pattern + r"(?!(?:for|in|on|with|to|from|of|its?|their|them|the\s+(?:first|second|third|last|other))\b)",
    re.I,
)


def own_topic(question: str, answered: bool = True, after: str = "") -> bool:
    """Whether a follow-up naming a topic of its own ("what about RNA?") is asked alone: after a refusal (not
    `answered`: the topic the corpus lacks is no part of it), after a question that was a topic alone (`after`,
    "what about unlearning?": "what about hashing?" names what it named), or after a list, whose topic it replaces
    ("Which papers study LLM unlearning?", "what about hashing?"; not "what about for dense retrieval?")."""
    if not subject_terms(asked_of(question)) or refers_back(question):
        return False
    instead = bool(_ABOUT_TOPIC.match(question)) and analyse(after).shape == "list" if after else False
    return not answered or instead or bool(after and _ABOUT.match(asking(after).rest))


_GIST = re.compile(
    r"\b(?:the|its|a)\s+(?:main\s+|key\s+|core\s+|central\s+)?(?:idea|gist|point|takeaways?|summary)\b", re.I
)


def gist_asked(question: str, title: str) -> str | None:
    """ "What is the main idea?", "summarize it in one sentence" of the paper just discussed, asked of it by its
    `title` (its words, not the question's, are what it is on); None for another question."""
    if _GIST.search(question) and not subject_terms(_GIST.sub(" ", question)):
        return f"{_GIST.sub(' ', question).rstrip(' ?')} the main idea of “{title}”?"
    if SUMMARY.search(question) and not subject_terms(asked_of(SUMMARY.sub(" ", question))):
        return f"Summarize “{title}”"
    return None


def dated_again(question: str, years: YearsAsked | None, history: Sequence[Turn]) -> str | None:
    """Another year for the last list, itself asked of a year ("and last year?" after "What's new in retrieval this
    year?"): that list's question without its year, to search the corpus with the new one (its papers are all of
    the other year); None otherwise."""
    if years is None or restricts_only(question, years, None) != "years":
        return None
    # (the last list naming a topic: "what about 2024?" after "and last year?" is still of "retrieval")
    topical = [t for t in history if gave_list(t) and subject_terms(asked_of(t.question))]
    before = years_asked(topical[-1].question) if topical else None
    return before.rest if before else None


def history_text(history: Sequence[Turn], turns: int = 3) -> str:
    """The last turns as plain text for an LLM prompt."""
    return "\n".join(f"User: {t.question}\nAssistant: {t.answer.text}" for t in history[-turns:])
