"""A framing noun right before a question's one key word ("use task vectors") as a phrase with it, where a title
found writes the two together: a named thing, which the papers on it write so."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from ..text import STOPWORDS, frames, stem, terms
from .phrases import as_written
from .roles import plural


def framed_in_titles(question: str, key: str, titles: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The framing noun right before a question's one key word ("use task vectors"), with it as a phrase, when a
    title found writes the two together ("… using Task Vectors …"): a named thing, which the papers on it write
    so (not every paper on vectors); none otherwise."""
    written = as_written(question, [key])[0]
    before = re.search(rf"(?<![\w-])([A-Za-z]+)\s+{re.escape(written)}(?![\w-])", question)
    # (a noun qualifying another is singular: "languages multilingual" of "for many languages" is none; "LLM
    # unlearning" is unlearning, of LLMs, which frame most questions)
    if before is None or before.group(1).isupper() or not frames(noun := before.group(1).casefold()):
        return ()
    if noun in STOPWORDS or plural(noun):
        return ()
    pair = (stem(noun), key)
    return (pair,) if any(pair in itertools.pairwise(terms(title)) for title in titles) else ()
