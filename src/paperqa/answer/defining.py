""" "What is X?" / "How does X work?" of a concept: the first sentence of a source whose subject is X."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text import substance
from ..types import Source
from .evidence import has
from .paper_text import words_outside_quotes

# "What is dense retrieval?", "What are hard negatives?", "How does knowledge distillation work?": a concept.
_CONCEPT_ASKED = re.compile(
    r"^\s*(?:what(?:\s+is|\s+are|'s)\s+(?:an?\s+|the\s+)?(?P<what>[\w-]+(?:\s+[\w-]+){0,3})|"
    r"how\s+(?:does|do)\s+(?P<how>[\w-]+(?:\s+[\w-]+){0,3})\s+work)\s*\??\s*$",
    re.IGNORECASE,
)
# A sentence saying what the concept is: it opens with it, then a verb of being or doing ("Dense retrieval
# represents queries and documents as …").
_DEFINING_VERB = (
    r"(?:is|are|refers?\s+to|represents?|encodes?|maps?|uses?|aims?|seeks?|enables?|allows?|involves?|consists?|"
    r"denotes?|describes?|means?|learns?|trains?|relies|rely|has\s+(?:become|emerged)|have\s+(?:become|emerged))"
)


def defining(question: str, sources: Sequence[Source]) -> tuple[int, str] | None:
    """Of "What is X?" / "How does X work?" of a concept no paper is named for, the first source (in rank order)
    with a sentence whose subject is X ("Dense retrieval represents queries and documents as …"), and it."""
    if not (m := _CONCEPT_ASKED.match(question)):
        return None
    concept = (m.group("what") or m.group("how")).strip()
    said = re.compile(rf"(?:the\s+|an?\s+)?{re.escape(concept)}s?\s+{_DEFINING_VERB}\b", re.IGNORECASE)
    for i, source in enumerate(sources):
        for sentence in substance(source.paper.abstract):
            if said.match(sentence):
                return i, sentence
    return None


def concept_held(
    question: str, asked_terms: Sequence[str], sources: Sequence[Source], top: int
) -> tuple[int, list[str]]:
    """Of "What is X?" of a concept of several key words, the paper to answer from: `top` if it holds them all
    outside its quoted examples, else the first of the top ten that does; with none, `top` and the words it lacks
    ("What is the meaning of life?" of a paper on models "in daily life"; "the capital of France" of one quoting it
    as a prompt): the corpus has no paper on that concept. Other questions: `top`, lacking nothing."""
    if len(asked_terms) < 2 or not _CONCEPT_ASKED.match(question):
        return top, []

    def unheld(source: Source) -> list[str]:
        words = words_outside_quotes(source.paper)
        return [t for t in asked_terms if not has(t, words)]

    if not (lacked := unheld(sources[top])):
        return top, []
    holder = next((i for i, s in enumerate(sources[:10]) if not unheld(s)), None)
    return (top, lacked) if holder is None else (holder, [])
