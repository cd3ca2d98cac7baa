"""Questions about the assistant or the corpus itself, and thanks: answered from the catalog or in fixed words,
never searched for ("help", "How many papers are in the corpus?", "papers by Meta" when none is)."""

from __future__ import annotations

import re

from .answer.citations import inert
from .index import Overview

# A question about the assistant itself, whole ("help", "hi", "how do I use this tool?"): the corpus has papers
# that say "help" or "tool", none that answer it.
_ABOUT_ME = re.compile(
    r"\s*(?:help|hi|hello|hey|thanks|thank you|usage|what can (?:you|i) do|who are you|what are you"
    r"|what is this(?: tool| app)?|how (?:do|can|should) i (?:use|ask)(?: (?:this|you|it|paperqa|the tool|this tool))?)"
    r"(?: me)?[\s?!.]*",
    re.IGNORECASE,
)
HOW_TO_ASK = (
    "I answer questions from the paper abstracts of this corpus, citing the paper behind every claim, or say "
    "that the corpus does not cover a question. Ask, for example: “Which papers study machine unlearning?”, “How "
    "does SPLADE v2 improve over SPLADE?”, “Compare RetroMAE v2 and Revela”, “Which papers are from 2024?”. "
    "Follow-ups may say “it”, “those”, “the second one” or a source's number in brackets; years in a question "
    "and the filters narrow the papers."
)


# A question about the corpus as a whole ("How many papers are in the corpus?", "What topics does it cover?"):
# its abstracts answer none of them; the catalog's counts do.
_THE_CORPUS = r"(?:the|this|your) (?:corpus|collection|index|database|library)"
_ABOUT_CORPUS = re.compile(
    rf"\s*(?:how many (?:papers|abstracts|documents|articles)(?: are there| do you (?:have|know))?(?: (?:are )?in "
    rf"{_THE_CORPUS})?|how (?:big|large) is {_THE_CORPUS}|what(?:'s| is) in {_THE_CORPUS}"
    rf"|what(?:'s| is) {_THE_CORPUS} about"
    rf"|what (?:papers|topics|subjects|fields) (?:do you (?:have|know|cover)|(?:are )?in {_THE_CORPUS}|does "
    rf"{_THE_CORPUS} (?:have|hold|contain|cover))|(?:list|show)(?: me)? all (?:the |your )?papers"
    rf"|what does {_THE_CORPUS} (?:have|hold|contain|cover))[\s?!.]*",
    re.IGNORECASE,
)


# The organisations of the corpus as a whole ("Which organisations have the most papers?", "what companies are in the
# corpus?"): the record's, not an abstract on organising science literature.
_ABOUT_ORGS = re.compile(
    r"\s*(?:which|what)(?: are the)? (?:organi[sz]ations?|institutions?|companies|labs?|universities|affiliations)"
    r"(?: (?:are there|have|has|publish(?:ed)?|wrote|are|is|appear|do you (?:have|know))(?: the)?"
    rf"(?: most| (?:in|of) {_THE_CORPUS}| (?:papers|the most papers))*)?(?: (?:in|of) {_THE_CORPUS})?[\s?!.]*",
    re.IGNORECASE,
)


# Thanks or an acknowledgement closing an exchange ("thanks, that was helpful", "ok great"): nothing to look up.
_THANKS = re.compile(
    r"\s*(?:(?:ok(?:ay)?|great|cool|nice|perfect|awesome|got it|thanks?(?: you)?(?: (?:so|very) much)?|thx|cheers)"
    r"[\s,!.]*)+(?:(?:that|this|it)(?: was|'s| is)? (?:very |really |so )?(?:helpful|useful|great|good|perfect|clear)"
    r"[\s,!.]*)?(?:thanks?(?: you)?|thx)?[\s!.]*",
    re.IGNORECASE,
)
YOU_ARE_WELCOME = "Glad it helped. Ask about another paper or topic of the corpus whenever you like."


def how_to_ask(question: str) -> str | None:
    """What to say to a question about the assistant itself ("help"), to thanks, or to a question of no words;
    None for a question to the corpus."""
    if _THANKS.fullmatch(question):
        return YOU_ARE_WELCOME
    return HOW_TO_ASK if _ABOUT_ME.fullmatch(question) or not re.search(r"[^\W_]", question) else None


def about_corpus(question: str) -> bool:
    """Whether a question asks about the corpus as a whole (its size, what it holds), not about papers in it."""
    return bool(_ABOUT_CORPUS.fullmatch(question))


def about_orgs(question: str) -> bool:
    """Whether a question asks which organisations the corpus's papers are from, as a whole."""
    return bool(_ABOUT_ORGS.fullmatch(question))


def orgs_described(overview: Overview) -> str:
    """The organisations the corpus records, most papers first, with how many papers each."""
    if not overview.orgs:
        return f"The corpus records no organisation for any of its {overview.papers} papers."
    known = sum(n for _, n in overview.orgs)
    listed = ", ".join(f"{inert(org)} ({n})" for org, n in overview.orgs)
    return f"The corpus records an organisation for {known} of its {overview.papers} papers, most first: {listed}."


def org_missing(name: str, overview: Overview) -> str:
    """What to say of an organisation no paper is recorded as from: which organisations the corpus does record."""
    name = inert(name)
    if not overview.orgs:
        return f"The corpus records no organisation for any of its {overview.papers} papers, so none from {name}."
    known = sum(n for _, n in overview.orgs)
    return (f"The corpus has no paper recorded as from {name}: it records an organisation for {known} of its "
            f"{overview.papers} papers ({', '.join(inert(org) for org, _ in overview.orgs)}).")  # fmt: skip


def corpus_described(overview: Overview) -> str:
    """What the catalog knows of the corpus as a whole, and how to ask about what is in it."""
    dated = sum(n for _, n in overview.per_year)
    parts = [f"The corpus has {overview.papers} paper{'s' if overview.papers != 1 else ''}"]
    if dated:
        years = [y for y, _ in overview.per_year]
        busiest = max(overview.per_year, key=lambda yn: (yn[1], yn[0]))
        span = f"from {min(years)} to {max(years)}" if len(years) > 1 else f"all from {years[0]}"
        parts.append(f"{dated} of them dated, {span} (most in {busiest[0]}: {busiest[1]})")
    if overview.orgs:
        named = ", ".join(inert(org) for org, _ in overview.orgs[:5]) + (", …" if len(overview.orgs) > 5 else "")
        parts.append(f"{sum(n for _, n in overview.orgs)} with a known organisation ({named})")
    return (
        "; ".join(parts) + ". I answer from their abstracts: ask about a topic (“Which papers study machine "
        "unlearning?”), a paper or a method; “Which papers are from 2024?” lists a year's papers."
    )
