"""The names a question may call a paper by: the title's own name, its coined words, the acronyms its abstract
defines for it; and which of them a question mentions."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..text import count_tokens, terms
from ..types import Paper
from .phrases import joined

# (a capital or digit after the first letter, looked for ahead, then the word whole without backtracking: a
# 40,000-letter word in an abstract had taken seconds to be found no name)
_NAME = r"([A-Z](?=[A-Za-z0-9-]*?[A-Z0-9])[A-Za-z0-9-]*+)"
_PAREN_NAME = re.compile(rf"\({_NAME}\)")  # "(PRP)" ...
_PAREN_WORD = re.compile(r"\(([A-Z][a-z]{3,19})\)")  # "(Preselect)"
_WORDS_BEFORE = re.compile(r"(?<![\w-])((?:[\w-]+\s+){1,6})$")  # ... and the words it abbreviates, just before it
# "FiGRet (Fine-grained Guidance for Retrievers)": the name first, the words it abbreviates after it
_NAME_FIRST = re.compile(rf"(?<![\w-]){_NAME}\s+\(([A-Za-z][\w-]*+(?:\s++[\w-]++){{1,6}})\)")
_ARTICLES = frozenset({"the", "a", "an"})
_JOINING = frozenset({"the", "a", "an", "and", "of", "for", "with", "to", "in", "on", "by"})  # in no acronym
# "a model called MVP", 'a technique dubbed "uniCOIL"' (a coined name may start in lower case); "namely BERT and
# ConvKNRM" names others, not what the paper made
_CALLED_NAME = r"\s+[\"“']?([A-Za-z](?=[A-Za-z0-9-]*?[A-Z0-9])[A-Za-z0-9-]*+)"
_MADE_CALLED = re.compile(rf"\b(?:called|named|dubbed|termed){_CALLED_NAME}")
_CALLED = re.compile(rf"\b(?:called|named|dubbed|namely|termed){_CALLED_NAME}")
# "a method based on Leave-One-Out K-Nearest-Neighbor, or LOOK for short", "(LOOK for short)", "abbreviated as LOOK"
_SHORT_NAME = re.compile(rf"(?:\bor|\(|\babbreviated as)\s+{_NAME}\s+for\s+short\b|\babbreviated\s+as\s+{_NAME}")
# "We propose FlexPredict, …", "we introduce MingTok": the name of what the paper made, said without "called"
_PROPOSING = r"\b(?i:we|this (?:paper|work))\s+(?i:introduce|propose|present|develop)s?"
# ... "introduces a generic framework W2PGNN": after the kind of thing it is
_KIND_BEFORE = (
    r"(?:\s+(?:a|an|the)(?:\s+[a-z-]+){0,3}?\s+(?:framework|method|model|approach|system|algorithm|technique"
    r"|pipeline|architecture|benchmark|dataset|metric))?"
)
_PROPOSED = re.compile(rf"{_PROPOSING}{_KIND_BEFORE}{_CALLED_NAME}(?![\w-])")
_PROPOSING_VERBS = ("introduce", "propose", "present", "develop")  # a plain search before `_PROPOSING`'s
_CALLING = ("called", "named", "dubbed", "namely", "termed")  # ... and `_CALLED`'s

# "using our method, Seismic, …", "Our new method, HELM, …": a name given what the paper made, an English word or
# not; "we propose Binary Paragraph Vector: …", "we introduce Low-rank Knowledge Unlearning (LoKU)": a name of
# capitalised words
_OUR_NAMED = re.compile(
    r"\b[Oo]ur\s+(?:[a-z-]+\s+)?(?:method|approach|model|framework|system|algorithm|technique|index),\s+([A-Z][\w-]{2,})(?=[\s,.])"
)
# "This paper introduces RiskData, a dataset …, and RiskEmbed, a finetuned embedding model": a second name made,
# given in the same sentence as the first
_AND_NAMED = re.compile(rf"\band{_CALLED_NAME},\s+(?:a|an)\s")


_SENTENCE = 400  # characters after a name introduced that the sentence introducing it is read to


def _also_proposed(text: str) -> list[str]:
    """The names an abstract says it introduces, with those joined to one in its sentence ("X, a …, and Y, a …")."""
    found = []
    for m in _PROPOSED.finditer(text):
        end = text.find(". ", m.end(), m.end() + _SENTENCE)  # (a bounded window: an abstract may be hostile)
        found += [m.group(1), *_AND_NAMED.findall(text, m.end(), end if end >= 0 else m.end() + _SENTENCE)]
    return found


_PROPOSED_WORDS = re.compile(rf"{_PROPOSING}\s+((?:[A-Z][\w-]*\s+){{1,3}}[A-Z][\w-]*)(?=\s*[:,(])")


@lru_cache(maxsize=8192)
def names_of(paper: Paper) -> tuple[str, ...]:
    """Every name a question may call a paper by (its own names first, then its coined words and acronyms)."""
    own, coined, _ = _names(paper)
    return own + coined


def written_names(paper: Paper) -> tuple[str, ...]:
    """The names a paper gives what it made in capitals that spell a word of English ("we propose GENRE", "We
    present PRIOR"): its names only where a question writes them so (a music genre is no GENRE)."""
    return _names(paper)[2]


def own_names(paper: Paper) -> tuple[str, ...]:
    """The names a paper goes by as a whole (its title's name before a colon, a short title, the whole title)."""
    return _names(paper)[0]


_TITLE_HEAD = re.compile(r":|\s--\s")
_INFLECTED = re.compile(r"([A-Z][A-Z0-9-]{2,})[a-z]{1,4}")


@lru_cache(maxsize=8192)
def _names(paper: Paper) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A paper's own names (the title's name before a colon, a short title, the whole title), the words that
    may name it: coined words of its title (`HyperAttention`, `ZIP-FIT`), acronyms its abstract defines with the title's
    words (`Data Selection with Importance Resampling (DSIR)`) or says its method is called (acronyms it
    defines for other things, datasets or baselines, are not among them), and its `written_names`."""
    title = paper.title.strip()
    # the name before a colon or a double dash ("What comes after transformers? -- A selective survey …")
    parts = _TITLE_HEAD.split(title, maxsplit=1)
    head = parts[0].strip()
    own = [head] if len(parts) > 1 and len(head) <= 40 else []
    if len(parts) == 1 and len(title.split()) <= 4:
        own.append(title)
    own.append(title)  # the whole title names it too ("compare the last two": their titles, quoted)
    coined = [w for w in re.findall(r"\b[\w-]+\b", head) if is_coined(w)]
    # a name inflected in the title ("GASLITEing the Retrieval") is the name its abstract writes ("GASLITE attack")
    coined += [m[1] for w in coined if (m := _INFLECTED.fullmatch(w)) and re.search(rf"\b{m[1]}\b", paper.abstract)]
    title_words = set(terms(title))
    for definition, acronym in definitions(paper.abstract):
        if (
            acronym in title
            or len(set(terms(definition)) & title_words) >= 2
            or _own(paper.abstract, definition, acronym)
        ):
            coined.append(acronym)
    # "data selection based on data's Predictive strength (Preselect)": a name in parentheses with only its first
    # letter a capital, no word of English, after words of the title (a question may write it "PreSelect")
    coined += [
        m[1]
        for m in _PAREN_WORD.finditer(paper.abstract)
        if count_tokens(f" {m[1].casefold()}") > 1
        and len(set(terms(paper.abstract[max(0, m.start() - 80) : m.start()])) & title_words) >= 2
    ]
    # (each pattern run only over an abstract with its one plain word: most have none of them)
    text, lower = paper.abstract, paper.abstract.casefold()
    coined += _CALLED.findall(text) if any(w in text for w in _CALLING) else []
    # an English word in capitals ("We present PRIOR", "we propose GENRE") would name the paper in any question
    # using the word ("prior work", "music genre"): a proposed name counts when it is no single word of English
    proposing = any(w in lower for w in _PROPOSING_VERBS)
    short = _SHORT_NAME.findall(text) if "short" in text or "abbreviated" in text else []
    given = (_also_proposed(text) if proposing else []) + [a or b for a, b in short]
    proposed = [(n, count_tokens(f" {n.casefold()}") == 1) for n in given]
    coined += [n for n, english in proposed if not english]
    written = tuple(n for n, english in proposed if english and n.isupper())
    coined += _OUR_NAMED.findall(text) + (_PROPOSED_WORDS.findall(text) if proposing else [])
    coined += _initialled(head, text)
    mine = _distinct(own)
    return mine, tuple(n for n in _distinct(coined) if n not in mine), written


_CONNECTIVES = frozenset({"the", "a", "an", "and", "of", "for", "with", "to", "in", "on"})


def _initialled(head: str, text: str) -> list[str]:
    """The coined words of an abstract spelling its title's initials and then a start of its last word: "SENet" of
    "Squeeze-and-Excitation Networks" (its "SENet architectures")."""
    words = [w for w in re.findall(r"[A-Za-z]+", head) if w.casefold() not in _CONNECTIVES]
    if len(words) < 2:
        return []
    initials, last = "".join(w[0] for w in words[:-1]).upper(), words[-1].casefold()
    if initials not in text:  # (most abstracts: no pattern compiled for each paper's title)
        return []
    spelled = re.compile(rf"\b{initials}([A-Z][a-z]{{2,}})\b")
    return [m.group(0) for m in spelled.finditer(text) if last.startswith(m.group(1).casefold())]


# "our Retrieval-Enhanced Transformer (RETRO)", "a novel Final Token Preference Optimization (FTPO)", "(FTPO), a
# novel fine-tuning method": an acronym the paper gives what it made, whatever its title says
_OWN_BEFORE = re.compile(r"\b(?:our|novel|new|proposed)\s+$", re.IGNORECASE)
_OWN_AFTER = re.compile(r"^\s*,\s*(?:a|an)\s+(?:novel|new)\b", re.IGNORECASE)


def _own(text: str, definition: str, acronym: str) -> bool:
    """Whether an abstract says the thing it defines an acronym for is its own ("our X (ACR)", "(ACR), a novel")."""
    at = text.find(f"{definition}({acronym})")
    if at < 0:
        return False
    after = text[at + len(definition) + len(acronym) + 2 :]
    return bool(_OWN_BEFORE.search(text[max(0, at - 20) : at]) or _OWN_AFTER.match(after))


@lru_cache(maxsize=8192)  # each question reads the definitions of every paper it found
def definitions(text: str) -> tuple[tuple[str, str], ...]:
    """("Pairwise Ranking Prompting ", "PRP") for each "Pairwise Ranking Prompting (PRP)" of a text. Found
    from the parenthesis backwards: one regex scanning for the words first backtracks at every word."""
    out = []
    for m in _PAREN_NAME.finditer(text):
        before = _WORDS_BEFORE.search(text[max(0, m.start() - 200) : m.start()])
        if before:
            out.append((_abbreviated(before.group(1), m.group(1)), m.group(1)))
    for m in _NAME_FIRST.finditer(text):  # (the words must spell it: "BERT (Devlin et al.)" defines nothing)
        letters, words = m.group(1).casefold(), m.group(2).casefold()
        if words.startswith(letters[0]) and _in_order(letters.replace("-", ""), words):
            out.append((m.group(2) + " ", m.group(1)))
    return tuple(out)


def _abbreviated(words: str, acronym: str) -> str:
    """The last words an acronym abbreviates ("magnetic resonance imaging " of "non-brain signal from magnetic
    resonance imaging (MRI)"): the fewest whose initials spell it ("Data Selection with Importance Resampling"),
    else the fewest holding its letters in order from the first word's start ("Sparse Lexical and Expansion"),
    else all of them."""
    letters = "".join(c for c in acronym.casefold() if c.isalnum())
    letters = letters[:-1] if acronym.endswith("s") and len(letters) > 2 else letters  # "LMs": "language models"
    split = words.split()
    tails = [split[start:] for start in range(len(split) - 1, -1, -1)]
    for tail in tails:
        initials = "".join(w[0] for w in re.split(r"[\s-]+", " ".join(tail).casefold()) if w and w not in _JOINING)
        if initials == letters:
            return " ".join(tail) + " "
    for tail in tails:
        text = " ".join(tail).casefold()
        if letters and text.startswith(letters[0]) and _in_order(letters, text):
            return " ".join(tail) + " "
    return words


def _in_order(letters: str, text: str) -> bool:
    """Whether the letters occur in this order in a text (not necessarily side by side)."""
    rest = iter(text)
    return all(c in rest for c in letters)


def _distinct(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in names if len(n) >= 3))


def is_coined(word: str) -> bool:
    """A made-up name rather than a word: capitals inside a part (`HyperAttention`, `LM-Infinite`), or all
    capitals (`WAGLE`); a hyphenated compound of ordinary words (`Multi-View`, `Long-Context`) is not one."""
    if len(word) < 3:
        return False
    parts = word.split("-")
    return any(sum(c.isupper() for c in part[1:]) >= 1 or (part.isupper() and len(part) >= 2) for part in parts)


def mentions(question: str, paper: Paper, idf: Callable[[str], float], rare: float) -> str:
    """The longest name of the paper the question mentions, folded ("" for none), matched as whole words. A
    coined word or acronym only counts if it names few papers: its rarest word must have an IDF of at least
    `rare` (`LLM` or `T2I` in a title names no paper in particular); a title's own name always counts."""
    best = ""
    text = f" {fold(question)} "
    own, coined, written = _names(paper)
    head = title_head(paper)  # (a plain search first: most questions hold no title's head)
    if head and head in question and re.search(rf"(?<![\w-]){re.escape(head)}(?![\w-])", question):
        best = fold(head)  # "Differentiable Neural Input Search", written as its title writes it
    for name in own + coined:
        folded = fold(name)
        if not folded or f" {folded} " not in text:
            continue
        if name in coined and max((idf(t) for t in terms(name)), default=0.0) < rare:
            continue  # a word many papers use (`LLM`, `T2I`) names none of them
        best = max(best, folded, key=len)
    for name in written:  # as written: "GENRE", not "genre"
        if name in question and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", question):
            best = max(best, fold(name), key=len)
    return best


def coined_said(question: str, paper: Paper, idf: Callable[[str], float], rare: float) -> str:
    """The name a question calls a paper by (`mentions`: one naming few papers) that its abstract gives and its
    title lacks ("LOOK" of "Compare ViM with LOOK"), as the abstract writes it; else ""."""
    said = mentions(question, paper, idf, rare)
    _, coined, written = _names(paper)
    return next((n for n in (*coined, *written) if said and fold(n) == said and n not in paper.title), "")


# The words a title's head ends before ("Differentiable Neural Input Search for Recommender Systems")
_TITLE_TAIL = re.compile(r"\s+(?:for|via|with|in|on|from|through|using|by)\s+")


@lru_cache(maxsize=8192)
def title_said(question: str, paper: Paper) -> bool:
    """Whether a question says a paper's title whole, or its part before a colon or a double dash, of two words or
    more ("Tell me about Matryoshka Representation Learning", "What does GraphHash: Graph Clustering … propose?")."""
    heads = [paper.title, _TITLE_HEAD.split(paper.title, maxsplit=1)[0]]
    return any(
        len(head.split()) >= 2 and re.search(rf"(?<![\w-]){re.escape(head.strip())}(?![\w-])", question, re.IGNORECASE)
        for head in heads
    )


def title_head(paper: Paper) -> str:
    """A title without a colon, up to its first preposition, when that is two or more capitalised words
    ("Differentiable Neural Input Search"): a name a question written in the title's capitals calls it by."""
    title = paper.title.strip()
    if _TITLE_HEAD.search(title) or not (found := _TITLE_TAIL.search(title)):
        return ""
    head = title[: found.start()]
    words = head.split()
    return head if len(words) >= 2 and all(w[:1].isupper() for w in words) else ""


def fold(text: str) -> str:
    """Text as names are matched: lower case, compounds joined, words of letters and digits only."""
    return " ".join(re.findall(r"[0-9a-z]+", joined(text).casefold()))


def as_named(text: str, name: str) -> str | None:
    """A folded name ("colbert xm") as the text writes it ("ColBERT-XM"), or None where it does not."""
    words = name.split()
    if not words:
        return None
    pattern = r"(?<![0-9A-Za-z])" + r"[^0-9A-Za-z]{0,3}".join(map(re.escape, words)) + r"(?![0-9A-Za-z])"
    found = re.search(pattern, text, re.IGNORECASE)
    return found.group(0) if found else None


def _title_heads(title: str) -> list[str]:
    """A title, and its part before a colon or dash, without an opening article: what a paper is named in plain
    words ("Pointer Networks", "The Hyperfitting Phenomenon: …")."""
    heads = [title] + [title.split(separator, 1)[0] for separator in (":", " -- ") if separator in title]
    return [re.sub(r"^(?i:the|a|an)\s+", "", head.strip()) for head in heads]


def _named_for(head: str, name: str) -> bool:
    """Whether a title's head is named for a (folded) thing: it, or it and at most two words more ("Matryoshka
    Representation Learning" of "Matryoshka"; not "Transformer as Linear Expansion of Learngene", nor "ColBERT-XM"
    of "ColBERT")."""
    words = head.split()
    return fold(head) == name or (
        fold(" ".join(words[: len(name.split())])) == name and len(words) <= len(name.split()) + 2
    )


def introduces(paper: Paper, name: str) -> bool:
    """Whether a paper may be the one that made a name: one of its own names, the coined word opening its title's
    name ("The RoboDepth Challenge: …", "gaBERT -- …"), or what its abstract says it introduces ("we introduce
    LATTICE", "we present … Resampling (DSIR)", "a model called MVP"). gaBERT did not make "BERT"; neither did
    "BERT Rediscovers the Classical NLP Pipeline" nor "Utilizing BERT for …", which use it."""
    folded = fold(name)
    own, _, _ = _names(paper)
    made = list(own) + _MADE_CALLED.findall(paper.abstract)
    for separator in (":", " -- "):
        if separator in paper.title:
            head = [
                w for w in re.findall(r"[\w-]+", paper.title.split(separator, 1)[0]) if w.casefold() not in _ARTICLES
            ]
            made += head[:1] if head and is_coined(head[0]) else []
    if any(fold(n) == folded for n in made) or any(_named_for(h, folded) for h in _title_heads(paper.title)):
        return True
    said = re.compile(
        rf"\b(?i:we|this (?:paper|work))\s+(?:introduce|propose|present|develop)s?\s+(?:the\s+|an?\s+)?"
        rf"(?:[^.()]{{0,100}}\(\s*)?"
        rf"{re.escape(name)}(?![\w-])"
    )
    return bool(said.search(paper.abstract))
