"""What a "which/what X" clause asks for: a kind of thing answered by a name ("which datasets": `BEIR`), a
quantity ("what speedup"), or one of two things the question gives ("which is better, A or B?")."""

from __future__ import annotations

import re

from ..text import PAPERS, stem, terms
from .roles import PREPOSITIONS

# Comparatives of two papers' dates ("which came first, X or Y?"): a comparison that gives each side's date.
DATED_COMPARATIVE = r"newer|older|earlier|later|more recent|(?:came|come|was|were) (?:out )?first"
# "Which is better, SPLADE v2 or Mistral-SPLADE?" compares too: a "which" weighing two things joined by "or".
WHICH_OF = (r"\bwhich\b[^?]{0,60}?\b(better|worse|faster|slower|stronger|weaker|more|less|fewer|smaller|"
            r"larger|bigger|cheaper|higher|lower|longer|shorter|simpler|" + DATED_COMPARATIVE + r")\b"
            r"[^?]{0,120}?\bor\b")  # fmt: skip  # bounded: "which smaller " x 30,000 took minutes
# "Which optimizer is better, ADAHESSIAN or Adam?": the question gives the things of the kind it names.
_WHICH_OF_TWO = re.compile(WHICH_OF, re.IGNORECASE)
QUANTITY = re.compile(
    r"\b(how (long|much|many|large|small|fast|well|big|often)|by how|what( [\w@.-]+){0,4} "
    r"(percentage|fraction|share|proportion|accuracy|speed-?ups?|size|precision|score|latency|fid|gain|improvement|"
    r"reduction|rate|compression|length|error|time|cost|r@\d+|results?|performance|numbers|figures)"
    r"|how [^?]{0,80}? (reach|achieve|report))\b",  # bounded: "how " x 100,000 took minutes
    re.IGNORECASE,
)
_AUXILIARY = r"(?:was|were|is|are|did|does|do|has|have|had|can|could|would|will)"
# (not "what is MERU?", "what does SDIM do?": a name asked about, no kind of thing wanted; nor "what comes after
# transformers?": a phrase after a preposition is no kind asked, though "what kind of model" is one)
_AFTER_PREPOSITION = (PREPOSITIONS - {"of"}) | {"after", "before", "to", "than", "without"}  # "of": "kind of model"
_PREPOSITION = rf"(?:{'|'.join(sorted(_AFTER_PREPOSITION))})\b"
_ASKED_FOR = re.compile(
    rf"\b(?:which|what)\s+(?!(?:{_AUXILIARY}|'s|(?:do|does|did|are|is)n'?t)\b)((?:(?!{_PREPOSITION})[\w-]+\s+){{0,4}}?[\w-]+)"
    rf"\s*(?:\b{_AUXILIARY}\b|\?\s*$)",
    re.IGNORECASE,
)
_ASKS_PAPER = re.compile(rf"{PAPERS}\b", re.IGNORECASE)
# Words an answer may use for the kind asked: "which benchmarks" is answered by "on the CUB and ILSVRC datasets",
# "which datasets" by "on collections … (such as TREC Robust04 and GOV2)" (retrieval's test collections).
_KIN = [
    frozenset(
        stem(w) for w in ("benchmark", "dataset", "data", "corpus", "corpora", "testbed", "suite", "task", "collection")
    ),
    frozenset(stem(w) for w in ("model", "transformer", "network", "architecture", "backbone", "llm", "encoder")),
    frozenset(stem(w) for w in ("metric", "measure", "accuracy", "score", "ndcg", "mrr", "bleu", "rouge", "f1")),
]
_KIN_SAID = ("dataset or benchmark", "model", "metric")
# Kinds an abstract answers by describing one, rarely by its kind's word ("What problem does GraphHash solve?").
DESCRIBED_KINDS = frozenset(
    stem(w)
    for w in (
        "problem",
        "idea",
        "approach",
        "method",
        "technique",
        "goal",
        "aim",
        "motivation",
        "challenge",
        "issue",
        "insight",
        "intuition",
        "strategy",
    )
)
# "What does SPLADE v2 evaluate on?", "what was it tested on?": asks for the data sets, as "which benchmarks" does.
_EVALUATED_ON = re.compile(r"\b(?:evaluat\w*|test(?:ed|s)?|benchmark(?:ed|s)?|experiment\w*)\s+on\s*(?:\?|$)",
                           re.IGNORECASE)  # fmt: skip


def wanted(question: str) -> tuple[frozenset[str], frozenset[str]]:
    """The kind of thing "which/what X" clauses ask for (`benchmarks`, `accelerator`) with its kin, and all
    their words; none for a quantity (`what speedup`), which the numeric shapes answer."""
    kinds: set[str] = set()
    words: set[str] = set()
    for m in _ASKED_FOR.finditer(question):
        # "what speedup" is a quantity; "which paper first proposed pointer networks" asks for a paper, not a model.
        if QUANTITY.search(f"what {m.group(1)}") or _ASKS_PAPER.match(m.group(1)):
            continue
        if _WHICH_OF_TWO.match(question, m.start()):  # its candidates are given: no name of the kind is wanted
            continue
        head = stem(m.group(1).split()[-1].casefold())
        kinds |= next((kin for kin in _KIN if head in kin), {head})
        words |= set(terms(m.group(1)))
    if _EVALUATED_ON.search(question):
        kinds |= _KIN[0]
    return frozenset(kinds), frozenset(words)


def named_kind(wants: frozenset[str]) -> str | None:
    """The kind asked for when a name answers it ("which datasets", "what model"), as a reader calls it; None for
    a kind a description answers ("what problem")."""
    return next((said for kin, said in zip(_KIN, _KIN_SAID, strict=True) if wants and wants <= kin), None)


def in_plural(question: str) -> bool:
    """Whether a "which/what X" clause asks for X in the plural ("what datasets are used for X?")."""
    heads = (m.group(1).split()[-1].casefold() for m in _ASKED_FOR.finditer(question))
    return any(h == "corpora" or (h.endswith("s") and not h.endswith("ss")) for h in heads)
