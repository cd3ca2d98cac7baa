"""The problem a paper sets out to solve ("What problem does GigaTok solve?"): the sentence of its background,
just before what it does, that states a gap, a failure or a cost; not its own answer ("To address this, …")."""

from __future__ import annotations

import re

from ..text import stem, substance
from ..types import Source
from .draft import own_part

# What a question asking for the problem names it
PROBLEM_ASKED = frozenset(stem(w) for w in ("problem", "challenge", "issue", "gap", "limitation", "bottleneck"))
# Words with which a background sentence states one ("it often degrades downstream generation quality -- a
# challenge not adequately addressed"; "LLMs often struggle to …")
_STATED = re.compile(
    r"\b(?:however|but|while|although|challeng\w*|struggl\w*|fail\w*|limit\w*|suffer\w*|costly|expensive|difficult"
    r"|lack\w*|poor\w*|degrad\w*|problem\w*|issue\w*|bottleneck\w*|unclear|remains?|hinder\w*|prone|enormous"
    r"|prohibitiv\w*|inefficien\w*)\b",
    re.IGNORECASE,
)


def problem_stated(source: Source) -> str | None:
    """The last sentence before what the paper does that states a problem, or None (an abstract opening with what
    it does, or a background stating none)."""
    sentences = substance(source.paper.abstract)
    own = own_part(source)
    background = sentences[: len(sentences) - len(own)] if own and sentences[-len(own) :] == own else []
    return next((s for s in reversed(background) if _STATED.search(s) and not _DOING.match(s)), None)


# A sentence saying what the paper does, though before its contribution ("To more efficiently leverage …, we
# investigate the factors contributing to this problem"): no statement of the problem
_DOING = re.compile(r"\s*(?:To\s|In\s+this\s+(?:paper|work)|We\s|Our\s|Here\b)")
