"""British and American spellings (`summarisation`/`summarization`, `behaviour`/`behavior`): a question's word
the corpus never uses is read in the spelling the corpus does use, before retrieval and writing; so is an everyday
word in the word papers use (`pictures`/`images`). A longer word
one typing slip away from a common word of the corpus (`machien`) is read as that word, and said so."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache

from .text import FRAME, STOPWORDS, VERSION, count_tokens, stem

# One way round and the other: `-our`/`-or`, `-ise`/`-ize` (and `-isation`, `-ising`), `-yse`/`-yze`.
_VARIANTS = [
    (re.compile(a), b)
    for a, b in (("our", "or"), ("(?<=[^aeou])or(?!e)", "our"), ("is(?=e|ing|ation)", "iz"),
                 ("iz(?=e|ing|ation)", "is"), ("yse", "yze"), ("yze", "yse"))
]  # fmt: skip
# IDF by which another spelling must be commoner to be read instead: twice as many chunks, not a near tie.
SPELLING_MARGIN = 0.7
_WORD = re.compile(r"[A-Za-z]{4,}")  # shorter words have no other spelling worth a lookup


# A noun and its adjective the stemmer keeps apart ("isotropy"/"isotropic", "topology"/"topological"): a word no
# chunk has is read in the form the corpus writes.
_FORMS = [(re.compile(a), b) for a, b in (("y$", "ic"), ("ic$", "y"), ("ical$", "ic"), ("ic$", "ical"), ("y$", "ical"))]


# A verb and its noun the stemmer keeps apart, as Latin makes them: "repeat"/"repetition", "describe"/
# "description", "decide"/"decision", "solve"/"solution", "receive"/"reception", "assume"/"assumption".
# (And a noun and its adjective the stemmer keeps apart the same way: "theory"/"theoretical".)
_NOUNS = (
    ("eat", "etit"),
    ("ib", "ipt"),
    ("id", "is"),
    ("olv", "olut"),
    ("eiv", "ept"),
    ("um", "umpt"),
    ("eori", "eoret"),
    ("at", "aci"),  # "private"/"privacy", "literate"/"literacy": an adjective and its noun
)
_MAKING = [(re.compile(f"{verb}$"), noun, re.compile(f"{noun}$"), verb) for verb, noun in _NOUNS]


@lru_cache(maxsize=16384)  # asked of every key term a paper lacks, of every paper found
def derivations(term: str, nouns_only: bool = False) -> tuple[str, ...]:
    """A stem's other stem of that making, if it has one (stems of 4 letters or more: "solv"): a verb's noun,
    and unless `nouns_only` a noun's verb."""
    if len(term) < 4:
        return ()
    found = [v for verb, noun, _, _ in _MAKING if (v := verb.sub(noun, term)) != term]
    if not nouns_only:
        found += [v for _, _, noun, verb in _MAKING if (v := noun.sub(verb, term)) != term]
    return tuple(found)


def forms(word: str) -> list[str]:
    """The other forms of a lower-case word's stem (none for most words)."""
    return list(dict.fromkeys(v for pattern, other in _FORMS if (v := pattern.sub(other, word)) != word))


# Everyday words for what papers name otherwise: "pictures" are the corpus's "images", "movies" its "videos", a
# "lawyer" its "legal" text, a "doctor" its "medical" data. A word is read so only where the corpus writes the other
# clearly more (`SPELLING_MARGIN`, as a spelling).
_PLAIN = {
    **dict.fromkeys(("picture", "photo", "photograph"), "image"),
    **dict.fromkeys(("pictures", "photos", "photographs"), "images"),
    **dict.fromkeys(("movie", "film"), "video"),
    **dict.fromkeys(("movies", "films"), "videos"),
    **dict.fromkeys(("lawyer", "lawyers", "attorney", "attorneys"), "legal"),
    **dict.fromkeys(("doctor", "doctors", "physician", "physicians"), "medical"),
    # what a method is, in everyday words: a "cheap" one is the papers' "efficient" one
    "cheap": "efficient",
    "cheaply": "efficiently",
    "diff": "difference",  # "whats the diff between dense and sparse retrieval"
    "diffs": "differences",
    "tiny": "small",  # "overfitting an LLM on a tiny dataset": the papers' "very small datasets"
    "sarcasm": "irony",  # what the shared tasks name it
    "sarcastic": "irony",
}


def plain_words(word: str) -> list[str]:
    """The word papers use for an everyday lower-case word ("pictures": "images"), if it has one."""
    return [_PLAIN[word]] if word in _PLAIN else []


def spellings(word: str) -> list[str]:
    """The other spellings of a lower-case word (none for most words)."""
    return list(dict.fromkeys(v for pattern, other in _VARIANTS if (v := pattern.sub(other, word)) != word))


def respelled(text: str, idf: Callable[[str], float], ceiling: float) -> str:
    """`text` with each word no chunk has (its IDF is the `ceiling`) written in a spelling the corpus uses, and each
    word it has in a spelling it uses clearly more (an IDF lower by `SPELLING_MARGIN`), unless the word frames the
    question ("propose or analyse X"): "behaviour" is searched as the "behavior" of 30 papers, not 4."""

    def one(found: re.Match[str]) -> str:
        word = found.group(0)
        lower = word.casefold()
        own = idf(stem(lower))
        if lower in STOPWORDS or (stem(lower) in FRAME and own < ceiling):
            return word
        other = next(
            (v for v in [*spellings(lower), *plain_words(lower)] if idf(stem(v)) + SPELLING_MARGIN <= own), None
        )
        if other is None and own >= ceiling:  # "isotropy" of a corpus writing "isotropic"
            other = next((v for v in forms(lower) if idf(stem(v)) < ceiling), None)
        if other is None:
            return word
        return other.capitalize() if word[0].isupper() else other

    def number(found: re.Match[str]) -> str:  # "MLLM" of a corpus writing only "MLLMs": the stemmer keeps the "s"
        word, plural = found.group(1), found.group(2)
        if idf(stem(found.group(0).casefold())) < ceiling:
            return found.group(0)
        other = word if plural else f"{word}s"
        return other if idf(stem(other.casefold())) < ceiling else found.group(0)

    if idf(_MULTILINGUAL) < ceiling:
        text = _LANGUAGES.sub("multilingual", text)
    return _ACRONYM.sub(number, _WORD.sub(one, text))


# Languages in everyday words: "work in other languages", "search across languages", "for many languages" are the
# papers' "multilingual" ("language" alone frames most questions: it names no subject). Bounded.
_LANGUAGES = re.compile(
    r"\b(?<!how\s)(?:(?:in|into|to|for|across|between)\s+)?(?:other|many|several|multiple|different|various)\s+languages\b"
    r"|\b(?:across|between)\s+languages\b",
    re.IGNORECASE,
)
_MULTILINGUAL = stem("multilingual")


# An acronym, singular or plural ("MLLM", "GNNs"), whole
_ACRONYM = re.compile(r"(?<![\w-])([A-Z]{2,10})(s?)(?![\w-])")

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# A shorter word is as likely a name the corpus lacks ("GRPO") as a slip; a longer one (a 100k-letter "word") is
# no word to fix, and its slips alone would be millions of strings.
# (a name's letters before its version, "ColBERTv" of "ColBERTv2", are no word to fix either)
_TYPO_WORD = re.compile(r"(?<!\w)[A-Za-z]{6,30}(?!\w)")


def _slips(word: str) -> set[str]:
    """Every word one slip away: a letter dropped, doubled in place of another, swapped with the next, or added."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
            | {a + c + b for a, b in splits for c in _LETTERS})  # fmt: skip


def _has(lower: str, idf: Callable[[str], float], ceiling: float) -> bool:
    """Whether a lower-case word needs no other reading: a stop word, or one some chunk has (its IDF is below the
    `ceiling`, that of a word no chunk has)."""
    return lower in STOPWORDS or idf(stem(lower)) < ceiling


def typos_fixed(text: str, holding: Callable[[Sequence[str]], Collection[str]]) -> tuple[str, list[tuple[str, str]]]:
    """`text` with each longer word no chunk has (`holding`: the stemmed terms some chunk has, of many) read as the
    one word of the corpus a slip away from it, and the (typed, read as) pairs. A word the cl100k tokenizer holds
    whole ("charges", "unsure") is English the corpus lacks, not a slip; a fix must be more of a word than the slip
    (fewer tokens: `retreival` 3, `retrieval` 1). A word with no such fix, or two, is kept."""
    fixed: list[tuple[str, str]] = []
    read: dict[str, str | None] = {}  # each distinct word worked out once (a word typed 40,000 times took 12 s)

    def fix_of(lower: str) -> str | None:
        if lower in STOPWORDS or (pieces := count_tokens(f" {lower}")) < 2 or holding([stem(lower)]):
            return None  # the corpus has it, or it is one token of the tokenizer: a word of English, not a slip
        slips = {w: stem(w) for w in _slips(lower)}
        held = holding(list(set(slips.values())))  # the ~600 readings looked up at once, not one by one
        fixes = {w for w, s in slips.items() if s in held and count_tokens(f" {w}") < pieces}
        return min(fixes, key=len) if len({stem(w) for w in fixes}) == 1 else None

    def one(found: re.Match[str]) -> str:
        word = found.group(0)
        lower = word.casefold()
        if lower not in read:
            read[lower] = found_fix = fix_of(lower)
            if found_fix is not None:
                fixed.append((word, found_fix))
        if (fix := read[lower]) is None:
            return word
        return fix.capitalize() if word[0].isupper() else fix

    return _TYPO_WORD.sub(one, text), fixed


_NAME = re.compile(r"(?<![\w.+-])[A-Za-z]{3,30}(?![\w+-])")  # a bare name: no version after it already


def versions_read(
    text: str, idf: Callable[[str], float], ceiling: float, starting: Callable[[str], list[str]]
) -> tuple[str, list[tuple[str, str]]]:
    """`text` with each name no chunk has, but the corpus has in a version (`YOLO`: `YOLOv8`), read as its most
    common version, and the (typed, read as) pairs: the corpus names a model by its version."""
    read: list[tuple[str, str]] = []

    def one(found: re.Match[str]) -> str:
        word = found.group(0)
        lower = word.casefold()
        if _has(lower, idf, ceiling):
            return word
        versions = [t for t in starting(lower) if VERSION.fullmatch(t[len(lower) :])]
        if not versions:
            return word
        version = word + min(versions, key=lambda t: (idf(t), t))[len(lower) :]
        read.append((word, version))
        return version

    return _NAME.sub(one, text), read
