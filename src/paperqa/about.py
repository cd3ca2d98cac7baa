"""Questions about the assistant or the corpus itself, and thanks: answered from the catalog or in fixed words,
never searched for ("help", "How many papers are in the corpus?", "papers by Meta" when none is)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable

from .answer.citations import inert
from .index import Overview
from .text import STOPWORDS, stem

# A question about the assistant itself, whole ("help", "hi", "how do I use this tool?"): the corpus has papers
# that say "help" or "tool", none that answer it.
_ABOUT_ME = re.compile(
    r"\s*(?:help|hi|hello|hey|thanks|thank you|usage|what can (?:you|i) do|who are you|what are you"
    r"|what (?:(?:kind of |sort of )?questions )?(?:can|should|could) i ask(?: you)?"  # "What can I ask?"
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
    rf"|what(?:'s| is) {_THE_CORPUS} about|summari[sz]e {_THE_CORPUS}|(?:give me )?an overview of {_THE_CORPUS}"
    rf"|what(?:'s| is| topics are| papers are) in (?:here|there)"  # "what topics are in here?"
    rf"|tell me (?:something|anything)(?: (?:interesting|cool|fun|new))? (?:from|about|in) {_THE_CORPUS}"
    rf"|(?:what|which) (?:papers|topics|subjects|fields|areas) (?:do you (?:have|know|cover)|(?:are )?in "
    rf"{_THE_CORPUS}|does {_THE_CORPUS} (?:have|hold|contain|cover)|(?:are|is) covered)"
    rf"|(?:list|show)(?: me)? all (?:the |your )?papers"
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
# A goodbye ("bye", "that's all for now"): nothing to look up either
_BYE = re.compile(
    r"\s*(?:(?:ok(?:ay)?|thanks?|thx)[\s,!.]*)?(?:(?:good)?bye|bye[\s-]?bye|see (?:you|ya)(?: later)?|cya|later"
    r"|that'?s (?:all|it)(?: for (?:now|today))?|i'?m done|done for (?:now|today))"
    r"[\s,!.]*(?:thanks?(?: you)?|thx)?[\s!.]*",
    re.IGNORECASE,
)
GOODBYE = "Goodbye. The conversation stays here until you start a new chat."


def how_to_ask(question: str) -> str | None:
    """What to say to a question about the assistant itself ("help"), to thanks, to a goodbye, or to a question of
    no words; None for a question to the corpus."""
    if _THANKS.fullmatch(question):
        return YOU_ARE_WELCOME
    if _BYE.fullmatch(question):
        return GOODBYE
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


def title_phrases(titles: Iterable[str], limit: int = 12) -> list[tuple[str, int]]:
    """The two-word phrases most papers' titles write ("in-context learning", "dense retriever"), with how many,
    most first (at least three): what the corpus is about, read without a model. Words saying how a paper does
    something ("towards", "efficient", "unified") and "language" (most titles' "language models") are left out."""
    counts: Counter[tuple[str, str]] = Counter()
    written: dict[tuple[str, str], str] = {}
    for title in titles:
        words = _TITLE_WORD.findall(title.casefold())
        pairs = {(stem(a), stem(b)): f"{a} {b}" for a, b in itertools.pairwise(words) if _topical(a) and _topical(b)}
        counts.update(pairs.keys())
        for pair, said in pairs.items():
            written.setdefault(pair, said)
    return [(written[pair], n) for pair, n in counts.most_common(limit) if n >= _PHRASE_PAPERS]


_TITLE_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_PHRASE_PAPERS = 3  # titles a phrase is in, from which it says what the corpus is about
_TITLE_FILLER = frozenset(
    "towards toward via using based new novel improving improved improve efficient effective simple better beyond "
    "need all study analysis approach approaches framework frameworks method methods large deep understanding "
    "unified adaptive exploring evaluating optimizing rethinking revisiting comprehensive robust fast scalable "
    "general universal downstream strong language natural".split()
)


def _topical(word: str) -> bool:
    return len(word) > 2 and word not in STOPWORDS and word not in _TITLE_FILLER


def corpus_described(overview: Overview, titles: Iterable[str] = ()) -> str:
    """What the catalog knows of the corpus as a whole (with the phrases its `titles` write most), and how to ask
    about what is in it."""
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
    phrases = title_phrases(titles)
    named = ", ".join(f"{inert(said)} ({n})" for said, n in phrases)
    topics = f" The phrases its titles write most (papers): {named}." if phrases else ""
    return (
        "; ".join(parts) + f".{topics} I answer from their abstracts: ask about a topic (“Which papers study machine "
        "unlearning?”), a paper or a method; “Which papers are from 2024?” lists a year's papers."
    )
