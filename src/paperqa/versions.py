"""A version named alone in a follow-up ("how much better is v2?"): the cited paper of that version, by name."""

from __future__ import annotations

import re

from .turns import Turn

_VERSION = re.compile(r"(?<![\w.-])v\d+(?:\.\d+)?(?![\w.-])", re.IGNORECASE)


def version_named(question: str, last: Turn) -> str:
    """The question with a version written alone ("is v2") as the name of the one paper the last answer cited that
    has it ("is SPLADE v2"); as it is when none or several do, or a name stands before it ("splade v2")."""
    found = _VERSION.search(question)
    if found is None:
        return question
    heads = {c.title.split(":", 1)[0].strip() for c in last.answer.citations}
    named = [h for h in heads if re.search(rf"[\s-]{re.escape(found.group(0))}$", h, re.IGNORECASE)]
    if len(named) != 1:
        return question
    before = question[: found.start()].split()
    if before and before[-1].casefold().strip("-") in named[0].casefold().split():  # "splade v2": named already
        return question
    return f"{question[: found.start()]}{named[0]}{question[found.end() :]}"
