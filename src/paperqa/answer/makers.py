"""An -izer word a question asks about ("optimizers", "tokenizers"): the tool, held only by a paper writing one,
not by one on the making ("Preference Optimization" is no optimizer)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..types import Paper
from .phrases import derived

# "optimizer", "tokenizers", "regulariser": the doer of an -ize verb
_MAKER = re.compile(r"\b[a-z]{3,}i[sz]ers?\b")


def makers(words: Sequence[str]) -> frozenset[str]:
    """The stems of a question's -izer words whose base is a word of its own (`derived`: "optimizers": "optim")."""
    return frozenset(t for w in words if _MAKER.fullmatch(w) and (t := derived(w)))


@lru_cache(maxsize=8192)
def maker_stems(paper: Paper) -> frozenset[str]:
    """The stems of a paper's -izer words ("tokenizer": "token"). Worked out only for a question with one."""
    found = (derived(m.group(0)) for m in _MAKER.finditer(f"{paper.title} {paper.abstract}".casefold()))
    return frozenset(t for t in found if t)
