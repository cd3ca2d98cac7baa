"""Whether the name a question gives a paper is a topic it asks about rather than that paper: a word of its title
used as a subject ("How is RLHF applied to text-to-image generation?"), or a name narrowed by the subject written
before it ("patent representation learning")."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..text import stem, terms
from ..types import Source
from .evidence import has
from .holding import holds_all, vocabulary
from .names import fold, own_names
from .premise import is_size, premise_of
from .question import Asked
from .relevance import Match


def in_passing(
    asked: Asked, sources: Sequence[Source], matches: Sequence[Match], at: int, subject: Callable[[str], bool]
) -> bool:
    """Whether the name a question gives a paper is a word of its title the question uses as a topic ("How is RLHF
    applied to text-to-image generation?" of "… with Constrained RLHF"): the paper holds none of the question's
    other subjects, which another paper found holds all of, and none of those holds the name too."""
    paper, name = sources[at].paper, matches[at].name
    # (a comparison's sides and a premise's paper are named as such: "uniCOIL", "Given that MedNeXt is …")
    if asked.shape not in ("fact", "list") or premise_of(asked.text) or not name:
        return False
    if name in {fold(n) for n in own_names(paper)}:
        return False
    # (a model size is no topic: "Does PreSelect need a 13B model?" asks of PreSelect, whose abstract lacks it)
    subjects = [t for t in asked.terms if t not in terms(name) and subject(t) and not is_size(t)]
    if not subjects or any(has(t, vocabulary(paper)) for t in subjects):
        return False
    others = [s.paper for i, s in enumerate(sources[:10]) if i != at]
    named = [t for t in asked.terms if t in terms(name)]
    return any(holds_all(p, subjects) for p in others) and not any(holds_all(p, subjects + named) for p in others)


def qualified_name(
    asked: Asked, sources: Sequence[Source], matches: Sequence[Match], at: int, subject: Callable[[str], bool]
) -> bool:
    """Whether the name a question gives a paper is a topic it narrows by the subject written just before it
    ("patent representation learning" of "Representation Learning: A Review …"): the paper lacks that subject,
    which another paper found holds with the rest of the question and the name."""
    paper, name = sources[at].paper, matches[at].name
    text = f" {fold(asked.text)} "
    for m in matches:  # (not inside another paper's longer name: "SPLADE" of "Compare SPLADE and Mistral-SPLADE")
        if len(m.name) > len(name) and f" {name} " in f" {m.name} ":
            text = text.replace(f" {m.name} ", " ")
    words, said = text.split(), fold(name).split()
    before = {stem(words[i - 1]) for i in range(1, len(words)) if said and words[i : i + len(said)] == said}
    narrowing = [t for t in before if t in asked.terms and t not in terms(name) and subject(t)]
    if not narrowing or any(has(t, vocabulary(paper)) for t in narrowing):
        return False
    return any(holds_all(s.paper, asked.terms) for i, s in enumerate(sources[:10]) if i != at)
