"""What an offline answer is made of: a draft with the sentences it quoted per source, each quoted sentence
cited, and the fixed sentences of a refusal and of an answer's opening."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..text import prose_terms, sentences, subject_terms, substance
from ..tidy import tidy
from ..types import Paper, Source
from .citations import inert
from .names import definitions, names_of

_CONTRIBUTION = re.compile(
    r"\b(we (propose|present|introduce|develop|build|design)|this (paper|work)|in this (paper|work))\b", re.I
)


@dataclass
class Draft:
    """A written answer before the shared citation check, with the abstract sentences it quoted per source."""

    text: str
    answerable: bool
    quotes: dict[int, list[str]] = field(default_factory=dict)

    def quote(self, n: int, sentence: str) -> str:
        """Record a sentence quoted from source `n` and return it as it is shown, cited."""
        self.quotes.setdefault(n, []).append(sentence)
        return cite(sentence, n)


def list_line(title: str, quoted: str, date: object = None, upvotes: int | None = None) -> str:
    """One paper's line of a list: its title, its date when the list is by date or its upvotes when by upvotes
    (the record's, which the claim check leaves out of the claim: `claims._DATED_LINE`), and the sentence quoted,
    already cited."""
    record = (
        f" ({date})" if date else f" ({upvotes} upvote{'s' if upvotes != 1 else ''})" if upvotes is not None else ""
    )
    return f"- {inert(title)}{record}: {quoted}"


def cite(sentence: str, n: int) -> str:
    """A quoted sentence, tidied and inert, with its citation before the final punctuation."""
    s = inert(tidy(sentence.rstrip()))
    if s and s[-1] in ".!?":
        return f"{s[:-1]} [{n}]{s[-1]}"
    return f"{s} [{n}]."


def short_name(source: Source) -> str:
    """What to call a paper in a sentence: its name if the title has one (`SPLADE v2`), else its title."""
    names = names_of(source.paper)
    return inert(names[0] if names and ":" in source.paper.title else source.paper.title)


# A gain of one named paper over another asked, where neither abstract names the other: each one's own figures
NEITHER_NAMES = "Neither abstract names the other, so neither compares them; what each reports:"
NOTHING_RETRIEVED = (
    "No paper in the corpus matches this question with its restrictions (filters, years or papers referred to)."
)


_REFUSED = "The corpus does not cover this question"  # how every refusal opens


def refusal(sources: Sequence[Source], unseen: Sequence[str] = (), apart: Sequence[str] = ()) -> str:
    """Why the corpus does not cover a question: words no paper has (`unseen`), a topic no paper holds whole
    (`apart`: what the closest paper lacks), or too little support."""
    closest = "; ".join(f"“{inert(s.paper.title)}”" for s in sources[:2])
    why = "no retrieved abstract supports an answer"
    if apart:
        lacked = " and ".join(f"“{inert(_said(w))}”" for w in apart)
        return (f"{_REFUSED}: no paper found is about all of it (the closest lacks "
                f"{lacked}). The closest papers found were {closest}, which cover only part of it.")  # fmt: skip
    if unseen:
        named = [f"“{inert(_said(w))}”" for w in unseen[:3]] + (
            [f"{len(unseen) - 3} other words"] if len(unseen) > 3 else []
        )
        why = f"no paper in it mentions {' or '.join(named)}"
    return (f"{_REFUSED}: {why}. "
            f"The closest papers found were {closest}, which address other topics.")  # fmt: skip


def _said(word: str) -> str:
    """A question's word as a refusal repeats it: a 60,000-letter "word" is shown by its start, not echoed whole."""
    return word if len(word) <= 60 else f"{word[:59]}…"


def of_those_listed(refused: str, among: int) -> str:
    """A refusal of a question asked of the papers the last answer listed ("which of these quantize?"), said of
    them: the corpus may well cover it elsewhere."""
    return refused.replace(_REFUSED, f"None of the {among} papers the last answer cited covers this", 1).replace(
        "The closest papers found were", "The closest of them were", 1
    )


def not_introduced(name: str, sources: Sequence[Source]) -> str:
    """Why a question about who made a name has no answer here: the papers that mention it did not make it."""
    word = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)
    mentioning = [s for s in sources if word.search(f"{s.paper.title} {s.paper.abstract}")][:3] or sources[:2]
    listed = "; ".join(f"“{inert(s.paper.title)}”" for s in mentioning)
    return f"No paper found in the corpus says it introduces “{inert(name)}”. Papers found that mention it: {listed}."


def none_named(names: Sequence[str]) -> str:
    """That no paper goes by these names ("ColBERT"), said before an answer from the papers that mention them."""
    return f"No paper in the corpus is named {' or '.join(f'“{inert(n)}”' for n in names)}."


def none_made(names: Sequence[str]) -> str:
    """That no paper introduces these names, though one is named for studying it ("… Neurons in CLIP")."""
    return f"No paper in the corpus introduces {' or '.join(f'“{inert(n)}”' for n in names)}."


def lead_in(
    sources: Sequence[Source],
    top: int,
    hedged: bool,
    figureless: bool = False,
    nameless: str | None = None,
    unsaid: Sequence[str] = (),
    exampled: Sequence[str] = (),
) -> str:
    """How an answer from one paper opens: from it, from the closest (`hedged`), or from one whose abstract gives
    no figure (`figureless`), names no such thing (`nameless`: the kind, "dataset or benchmark") as was asked,
    never mentions what was asked of it (`unsaid`: the question's words) or mentions it only among examples
    (`exampled`)."""
    name = inert(sources[top].paper.title)
    if unsaid and not hedged:
        words = " or ".join(f"“{inert(w)}”" for w in unsaid)
        return f"The abstract of “{name}” [{top + 1}] does not mention {words}; what it says closest:"
    if exampled and not hedged:
        words = " and ".join(f"“{inert(w)}”" for w in exampled)
        return f"The abstract of “{name}” [{top + 1}] mentions {words} only as an example; what it says closest:"
    if hedged:
        return f"No paper clearly addresses this; the closest is “{name}” [{top + 1}]."
    if figureless:
        return f"The abstract of “{name}” [{top + 1}] gives no figure for this; what it says closest:"
    if nameless:
        return f"The abstract of “{name}” [{top + 1}] names no {nameless} for this; what it says closest:"
    return f"From “{name}” [{top + 1}]:"


@lru_cache(maxsize=8192)
def sentence_terms(paper: Paper) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each abstract sentence with its stemmed terms (every question re-reads the sentences of its sources); a
    sentence writing an acronym the abstract defines holds the defining words too ("SAEs are not competitive"
    is about sparse autoencoders)."""
    defined = [
        (re.compile(rf"(?<![\w-]){re.escape(a)}(?![\w-])"), prose_terms(d)) for d, a in definitions(paper.abstract)
    ]
    out: list[tuple[str, frozenset[str]]] = []
    for s in substance(paper.abstract):
        words = set(prose_terms(s))
        for acronym, meaning in defined:
            if acronym.search(s):
                words.update(meaning)
        if out and _THIS_DOES.match(s):  # "This achieves gains of +5.4 …": what the sentence before did
            words.update(out[-1][1])
        out.append((s, frozenset(words)))
    return tuple(out)


# A sentence whose subject is what the sentence before said was done ("We leverage MAG to … This achieves …")
_THIS_DOES = re.compile(
    r"(?:This|These|Doing\s+so|It)\s+(?:achieves?|achieved|yields?|yielded|leads?|led|results?|resulted|gives?|gave"
    r"|brings?|brought|improves?|improved|outperforms?|outperformed|reduces?|reduced)\b"
)


def in_order(source: Source, picked: Sequence[str]) -> list[str]:
    order = {s: i for i, s in enumerate(sentences(source.paper.abstract))}
    return sorted(dict.fromkeys(picked), key=lambda s: order.get(s, 0))


# What a sentence points back at rather than says ("to address this question", "aims to", "To address these
# challenges, we propose …"): no content of its own, nor a limit it states itself.
POINTING_BACK = re.compile(
    r"\b(?:this|these|those|that|such)\s+(?:questions?|problems?|gaps?|issues?|challenges?|limitations?|goals?|ends?"
    r"|drawbacks?|shortcomings?)\b|\baims?\b",
    re.IGNORECASE,
)


def contribution(source: Source) -> str:
    """The sentence that says what a paper does ("we propose …") and what ("This paper aims to address this
    question" says nothing), else its first sentence."""
    parts = substance(source.paper.abstract)
    saying = (s for s in parts if _CONTRIBUTION.search(s) and subject_terms(POINTING_BACK.sub(" ", s)))
    return next(saying, parts[0] if parts else "")


def says_what_it_does(sentence: str) -> bool:
    """Whether a sentence says what its paper does ("we propose …", "this paper …")."""
    return bool(_CONTRIBUTION.search(sentence))


def own_part(source: Source) -> list[str]:
    """A paper's sentences from the one saying what it does on (those before are the field's background)."""
    parts = substance(source.paper.abstract)
    does = contribution(source)
    return parts[parts.index(does) :] if does in parts else parts
