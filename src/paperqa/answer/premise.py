"""What a question takes for granted about a paper ("…, given that it trains a separate model for every size?"),
and whether the paper's abstract says anything of it: an answer that would rest on a false premise says first
that the abstract never mentions it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..text import subject_terms
from ..tidy import tidy
from ..types import Paper, Source
from .citations import inert
from .draft import own_part
from .evidence import has
from .holding import vocabulary
from .phrases import COINED, as_written, joined
from .traits import on_language_models

_AUXILIARY = r"(?:have|has|had|do|does|did|is|are|was|were)\b"
# "…, given that it trains a separate model?", "The method needed eight GPUs for days; how did the authors justify
# it?", "the model that HyperAttention pretrains from scratch". Each bounded.
_PREMISE = re.compile(
    r"\b(?:given|considering|knowing|now)\s+that\s+(?P<given>[^?;,]{8,200})"
    r"|^(?P<stated>[^;?]{15,300});\s*(?=(?:how|what|why|which|who|when|where|does|did|do|is|are|was|were|can)\b)"
    rf"|\bthat\s+(?P<relative>{COINED}\s+[a-z]+s\s+(?!{_AUXILIARY})[^?,;]{{1,80}}?)(?=\s+{_AUXILIARY}|\s*[?,;]|\s*$)",
    re.IGNORECASE,
)


# "Given that MedNeXt is a language model, …": a kind the paper is said to be, whose words are framing words.
_A_LANGUAGE_MODEL = re.compile(r"\b(?:is|are|was|were)\s+(?:an?\s+)?(?:large\s+)?(?:language\s+models?|LLMs?)\b", re.I)


def premise_of(question: str) -> str:
    """The clause of a question that asserts something of a paper rather than asking it ("" for none)."""
    m = _PREMISE.search(question)
    return next((g.strip().rstrip(".") for g in m.groups() if g), "") if m else ""


def unsaid(premise: str, paper: Paper, subject: Callable[[str], bool], name: str) -> list[str]:
    """The words of a premise that name a subject (or are too rare to tell) and that a paper's abstract never
    uses, as written: none for a premise the abstract holds, or lacks only common words of ("several")."""
    words = vocabulary(paper)
    own = set(subject_terms(name))
    missing = [t for t in dict.fromkeys(subject_terms(joined(premise))) if t not in own and not has(t, words)]
    return as_written(premise, [t for t in missing if subject(t)])


def premise_note(premise: str, title: str, missing: list[str]) -> str:
    """The sentence saying so, uncited: it is of the question, not a claim of the paper's."""
    words = " or ".join(f"“{inert(w)}”" for w in missing)
    first = premise.split(maxsplit=1)[0]  # "The method …" mid-sentence; not a name ("MedNeXt is …")
    said = premise[0].lower() + premise[1:] if first[1:].islower() else premise
    return f"The question takes it that {inert(said)}; the abstract of “{inert(title)}” never mentions {words}."


# The training a question says a named paper does ("How long does LM-Infinite fine-tune LLaMA …?"), by kind, and
# what an abstract says its method needs none of for each kind ("requiring no parameter updates", "without any
# fine-tuning", "without requiring further training", "training-free"); also what "which of them need no training?"
# reads (`training_free`). Bounded.
_NO = (
    r"(?:requir\w*\s+no|without(?:\s+requir\w*)?(?:\s+any)?|no|does\s+not\s+(?:require|need)(?:\s+any)?|free\s+of"
    r"|eliminat\w*\s+the\s+need\s+for|remov\w*\s+the\s+need\s+for)"  # "eliminating the need for … labeled data"
)
_MORE = r"(?:(?:additional|extra|further)\s+)?"
# ("trained with and without training examples": data, not a method needing no training)
_NOT_DATA = r"(?!\s+(?:data|examples?|sets?|pairs|labels|samples|instances)\b)"
_TRAINING: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (
        kind,
        re.compile(asked, re.IGNORECASE),
        re.compile(rf"\b{_NO}\s+{_MORE}(?:{needed})\b{_NOT_DATA}|\b{free}-free\b", re.I),
    )
    for kind, asked, needed, free in (
        ("fine-tuning", r"\bfine-?tun\w*|\bfinetun\w*", r"fine-?tun\w*|finetun\w*|parameter\s+updates", "tuning"),
        ("retraining", r"\bre-?train\w*", r"re-?train\w*", "retraining"),
        ("training", r"\b(?:pre-?)?train(?:s|ed|ing)?\b", r"(?:pre-?)?training|parameter\s+updates", "training"),
        # ("Why does ColBERT-XM need labeled data in every language?": "… the need for language-specific labeled data")
        ("labeled data", r"\blabell?ed\s+data\b", r"(?:[\w-]+\s+)?labell?ed\s+data", "label"),
    )
)


TRAINING_KINDS = ("fine-tuning", "retraining", "training")  # the kinds of training (not the data it needs)


def training_denied(question: str, own: Sequence[str]) -> tuple[str, str] | None:
    """The training a question says a named paper does and the words in which the paper's own sentences (`own`,
    not the field's background) say it needs none ("requiring no parameter updates"), or None."""
    return none_needed(own, [kind for kind, asked, _ in _TRAINING if asked.search(question)])


def none_needed(own: Sequence[str], kinds: Sequence[str]) -> tuple[str, str] | None:
    """The first of these kinds (`_TRAINING`'s) that a paper's own sentences say its method needs none of, and the
    words saying so, or None."""
    text = " ".join(own)
    for kind, _, needed in _TRAINING:
        if kind not in kinds:
            continue
        # ("improvements over baselines without pre-training": what the others lack, not the method)
        said = (m for m in needed.finditer(text) if not _OTHERS.search(text, max(0, m.start() - 40), m.start()))
        if found := next(said, None):
            return kind, found.group(0)
    return None


# Words after which "without training" is said of what a method is compared with
_OTHERS = re.compile(r"\b(?:baselines?|than|over|compared|versus|vs)\b[^.;]*\Z", re.IGNORECASE)


def premise_said(question: str, source: Source, name: str, subject: Callable[[str], bool]) -> str:
    """What to say first of a premise of a question about a named paper (`name`, as the question wrote it) that
    its abstract does not bear out: a clause it never mentions, training it says it needs none of, or a word its
    own sentence negates; or ""."""
    if premise := premise_of(question):  # "given that it trains a model per size": does it?
        missing = unsaid(premise, source.paper, subject, name)
        if not missing and _A_LANGUAGE_MODEL.search(premise) and not on_language_models(source.paper):
            missing = ["language models"]  # words that frame most questions, so `unsaid` skips them
        return premise_note(premise, source.paper.title, missing) if missing else ""
    if denied := training_denied(question, own_part(source)):  # "How long does LM-Infinite fine-tune …?"
        return training_note(source.paper.title, *denied)
    if free := free_of(question, source.paper.title, own_part(source)):  # "Does FREESON need a separate retriever?"
        needed, where, said = free
        title = inert(source.paper.title)
        return f"The question takes it that “{title}” needs {inert(needed)}; its {where} says “{said}”."
    if negated := opposite_said(question, own_part(source), name):  # "the most efficient size" of "… inefficient"
        word, clause = negated
        return f"The abstract of “{inert(source.paper.title)}” says the opposite of “{inert(word)}”: “{inert(clause)}”."
    if kept := dropped_kept(question, own_part(source)):  # "Why does ASFT drop the KL term?": "… with KL …"
        term, clause = kept
        written = re.search(re.escape(name), question, re.IGNORECASE)  # (`name` may come folded: "asft")
        said = inert(written[0] if written else name)
        return f"The question takes it that {said} drops {inert(term)}; its abstract says “{inert(tidy(clause))}”."
    if sizes := sizes_unsaid(question, source.paper):  # "Why does PreSelect need a 7B model?"
        said = " or ".join(f"“{inert(size)}”" for size in sizes)
        return f"The abstract of “{inert(source.paper.title)}” never mentions a {said} model."
    return ""


# A model size ("7B", "410M", "1.3B"): a question giving one a paper never writes takes it for a fact of the paper.
_SIZE = re.compile(r"(?<![\w.-])(\d{1,4}(?:\.\d{1,2})?)\s?([BM])(?![\w-])")


def is_size(term: str) -> bool:
    """Whether a question's term is a model size ("13b"): a detail of a paper, no subject of its own."""
    return _SIZE_TERM.fullmatch(term) is not None


_SIZE_TERM = re.compile(r"\d{1,4}(?:\.\d{1,2})?[bm]")


def sizes_unsaid(question: str, paper: Paper) -> list[str]:
    """The model sizes a question gives that a paper's title and abstract never write (as "7B", "7 B" or "7
    billion"), at most three."""
    text = f"{paper.title} {paper.abstract}"
    unsaid = []
    for m in _SIZE.finditer(question):
        number, unit = re.escape(m[1]), "billion" if m[2] == "B" else "million"
        if not re.search(rf"(?<![\w.]){number}\s?(?:{m[2]}|{unit})(?![\w-])", text, re.IGNORECASE):
            unsaid.append(m[0])
    return list(dict.fromkeys(unsaid))[:3]


# What a question says a paper drops ("Why does ASFT drop the KL regularization that DFT uses?"), and the words in
# which the paper's own sentences say it adds or keeps it ("augments DFT's reweighting with lightweight KL
# regularization"). Bounded.
_DROPS = re.compile(
    r"\b(?:drop(?:s|ped|ping)?|remov(?:es?|ed|ing)|omit(?:s|ted|ting)?|discard(?:s|ed|ing)?|abandon(?:s|ed|ing)?"
    r"|avoid(?:s|ed|ing)?"
    r"|eliminat(?:es?|ed|ing)|forgo(?:es|ing)?|do(?:es)?\s+away\s+with|get(?:s)?\s+rid\s+of)\s+"
    r"(?:the\s+|its\s+|their\s+|an?\s+|any\s+)?(?P<term>[\w-]{2,30}(?:\s+[\w-]{2,30}){0,2}?)"
    r"(?=\s+(?:that|which|used|of|from|in|term|loss|step)\b|\s*[?,.;]|\s*$)",
    re.IGNORECASE,
)
_ADDING = r"\b(?:add\w*|augment\w*|introduc\w*|incorporat\w*|includ\w*|with|using|uses?|employ\w*|keep\w*|retain\w*)\b"


def dropped_kept(question: str, own: Sequence[str]) -> tuple[str, str] | None:
    """What a question says a named paper drops, where its own sentences (`own`) say it adds or keeps it, and the
    clause saying so; None when the question says no such thing or the paper does not say that."""
    if not (asked := _DROPS.search(question)):
        return None
    words = asked["term"].split()
    term = r"\s+(?:[\w-]+\s+){0,2}?".join(re.escape(w) for w in words)
    kept = re.compile(rf"{_ADDING}[^.;:]{{0,60}}?(?<!\w){term}(?![\w-])", re.IGNORECASE)  # ("ε-differential")
    for sentence in own:
        for clause in _CLAUSE.findall(sentence):
            if kept.search(clause) and not _DROPS.search(clause):
                return asked["term"], clause.strip().rstrip(".")
    return None


# What a question says a paper needs ("Does FREESON need a separate retriever?"), and the words in which a paper says
# it works without it ("Retriever-Free", "without a separate retriever", "no need for a retriever"). Bounded.
_EXTRA = r"(?:an?\s+|any\s+|the\s+)?(?:separate\s+|extra\s+|additional\s+|external\s+|dedicated\s+)?"
_NEEDS = re.compile(
    # ("Which embedding model does ZIP-FIT use?": "Embedding-Free")
    # (not of others: "over reasoning models that use a separate retriever")
    rf"(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s)"
    rf"\b(?:needs?|requires?|rel(?:y|ies)\s+on|depends?\s+on|uses?)\s+(?P<what>{_EXTRA}(?P<thing>[a-z][\w-]{{2,40}}))\b"
    r"|\b(?:which|what)\s+(?P<what2>(?:[\w-]+\s+){0,2}?(?P<thing2>[a-z][\w-]{2,40})(?:\s+[\w-]+)?)\s+(?:does|do|did)\s+"
    r"[\w-]+(?:\s+[\w-]+)?\s+use\b",
    re.IGNORECASE,
)


def free_of(question: str, title: str, own: Sequence[str]) -> tuple[str, str, str] | None:
    """What a question says a paper needs, where the paper says it works without it (its title or its own
    sentences, not said of the baselines: `_OTHERS`) and those words; None when it says no such thing."""
    if not (asked := _NEEDS.search(question)):
        return None
    what = asked["what"] or re.sub(r"^(?!(?:an?|the|any)\s)", "a ", asked["what2"])  # "a neural embedding model"
    # ("which neural embedding model does it use?": any word of what it is said to use)
    things = [asked["thing"]] if asked["thing"] else re.findall(r"[a-z][\w-]{2,40}", what)
    for thing in things:
        root = re.escape((subject_terms(thing) or [thing.casefold()])[0])
        free = re.compile(
            rf"\b{root}\w*-free\b|\bwithout\s+{_EXTRA}{root}\w*|\bno\s+need\s+for\s+{_EXTRA}{root}\w*", re.I
        )
        for where, text in (("title", title), ("abstract", " ".join(own))):
            found = next(
                (m for m in free.finditer(text) if not _OTHERS.search(text, max(0, m.start() - 40), m.start())), None
            )
            if found:
                return what, where, inert(found.group(0))
    return None


# An adjective of a question ("efficient", "linear", "supervised") and a paper's word negating it ("Pareto-
# inefficient", "non-linear", "unsupervised"): a prefix of negation before the adjective's stem. Bounded.
_ADJECTIVE = re.compile(r"[a-z]{3,20}(?:ent|ant|ive|able|ible|ic|ous|ful|ary|ear|ised|ized|ed)")
_CLAUSE = re.compile(r"[^,;:()]+")
_NEGATION = r"(?:in|un|non-?|im|ir|il|dis)"
_MOST_ADJECTIVES = 12


def opposite_said(question: str, own: Sequence[str], name: str) -> tuple[str, str] | None:
    """A question's adjective that the paper's own sentences (`own`) negate, beside another of the question's key
    words (what it is said of: "T5-base … sizes are Pareto-inefficient" for "the most efficient model size"), and
    the clause saying so; None when there is none, or when the question negates it too ("non-native speakers") or the
    clause also writes it plain ("outperforming unsupervised baselines and 89% of a supervised model")."""
    wanted = set(subject_terms(joined(question))) - set(subject_terms(name))
    adjectives = dict.fromkeys(w for w in re.findall(r"[a-z]+", question.casefold()) if _ADJECTIVE.fullmatch(w))
    for word in list(adjectives)[:_MOST_ADJECTIVES]:  # (a hostile question's thousands: a pattern each)
        root = re.escape((subject_terms(word) or [word])[0])
        negating = re.compile(rf"(?<![\w])(?:[a-z]+-)?{_NEGATION}{root}", re.IGNORECASE)
        plain = re.compile(rf"(?<![\w-]){root}", re.IGNORECASE)
        if negating.search(question):
            continue
        for sentence in own:
            for clause in _CLAUSE.findall(sentence):
                found = negating.search(clause) and not plain.search(clause)
                if found and (wanted - set(subject_terms(word))) & set(subject_terms(clause)):
                    return word, clause.strip().rstrip(".")
    return None


def training_note(title: str, kind: str, said: str) -> str:
    """The sentence saying so, uncited (of the question): the quote is the abstract's words."""
    works = "" if said.split(maxsplit=1)[0].casefold().startswith(("eliminat", "remov")) else "it works "
    return f"The question takes it that “{inert(title)}” needs {kind}; its abstract says {works}“{inert(said)}”."


def said_unmentioned(note: str, text: str) -> bool:
    """Whether an answer already says its paper does not mention what a premise's note says it never mentions
    ("does not mention “13B”"): the note would say it twice."""
    if "never mentions" not in note:
        return False
    quoted = re.findall(r"“([^”]+)”", note.split("never mentions", 1)[1])
    return bool(quoted) and all(f"does not mention “{q}”" in text for q in quoted)
