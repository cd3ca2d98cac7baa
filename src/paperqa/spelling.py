"""British and American spellings (`summarisation`/`summarization`, `behaviour`/`behavior`): a question's word
the corpus never uses is read in the spelling the corpus does use, before retrieval and writing."""

from __future__ import annotations

import re
from collections.abc import Callable

from .text import STOPWORDS, stem

# One way round and the other: `-our`/`-or`, `-ise`/`-ize` (and `-isation`, `-ising`), `-yse`/`-yze`.
_VARIANTS = [
    (re.compile(a), b)
    for a, b in (("our", "or"), ("(?<=[^aeou])or(?!e)", "our"), ("is(?=e|ing|ation)", "iz"),
                 ("iz(?=e|ing|ation)", "is"), ("yse", "yze"), ("yze", "yse"))
]  # fmt: skip
_WORD = re.compile(r"[A-Za-z]{4,}")  # shorter words have no other spelling worth a lookup


def spellings(word: str) -> list[str]:
    """The other spellings of a lower-case word (none for most words)."""
    return list(dict.fromkeys(v for pattern, other in _VARIANTS if (v := pattern.sub(other, word)) != word))


def respelled(text: str, known: Callable[[str], bool]) -> str:
    """`text` with each word whose stem is not `known` (in no chunk) written in another spelling whose stem is."""

    def one(found: re.Match[str]) -> str:
        word = found.group(0)
        lower = word.casefold()
        if lower in STOPWORDS or known(stem(lower)):
            return word
        other = next((v for v in spellings(lower) if known(stem(v))), None)
        if other is None:
            return word
        return other.capitalize() if word[0].isupper() else other

    return _WORD.sub(one, text)
