"""A follow-up pointing at one of the papers just cited by what it is about ("and the one about sparse
autoencoders?", "what does the paper on hashing use?"): the one paper of them whose title and abstract hold it."""

from __future__ import annotations

import re

from .answer.evidence import has
from .answer.holding import vocabulary
from .safe_text import inert
from .text import subject_terms, terms
from .turns import Turn

# "the one about X", "the paper on X", "the one that uses X", "the one with X" (to the end of its clause)
_DESCRIBED = re.compile(
    r"\bthe\s+(?:one|paper|work|study)\s+(?:(?:that|which)\s+(?:is\s+about|uses|studies|proposes)|about|on|with|using)"
    r"\s+(?P<what>[^?.!,;]+?)\s*(?=$|[?.!,;])",
    re.IGNORECASE,
)


def points_described(question: str) -> bool:
    """Whether a question points at a paper by what it is about ("the one about sparse autoencoders")."""
    return _DESCRIBED.search(question) is not None


def described(question: str, last: Turn) -> tuple[str, str | None] | None:
    """The question with its pointer by description written as the "[n]" of the one paper the last answer cited
    that holds every key word of the description, or what to say when several do (which one is not said); None
    when it has no such pointer, or none of them holds it."""
    found = _DESCRIBED.search(question)
    # (its words, those that frame most questions too: "the one about LLMs")
    if found is None or not (wanted := subject_terms(found.group("what")) or terms(found.group("what"))):
        return None
    sources = last.answer.sources
    papers = {c.n: sources[c.n - 1].paper for c in last.answer.citations if 1 <= c.n <= len(sources)}
    holding = [n for n, paper in papers.items() if all(has(t, vocabulary(paper)) for t in wanted)]
    if not holding:
        return None
    if len(holding) > 1:  # "the one about LLMs" of a list of LLM papers: say which are, not answer of one
        titles = "; ".join(f"“{inert(papers[n].title)}”" for n in holding)
        what = inert(found.group("what").strip())
        # (no "[n]" in the reply: the chat would show it as a citation)
        return question, (
            f"{len(holding)} of the papers the last answer cited are about “{what}”: {titles}. "
            "Say which (“the second one”, or its title)."
        )
    return f"{question[: found.start()]}[{holding[0]}]{question[found.end() :]}", None
