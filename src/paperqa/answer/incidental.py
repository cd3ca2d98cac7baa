"""Words a paper holds in another role than the question's: only as participles ("judged by"), only as the name of
a network part ("decoder-only"), only as what an X-to-Y task starts from (the text of "text-to-image"), or the
question's verb done to something else ("pruning" MLP layers, not "visual tokens")."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..text import stem
from ..types import Source
from .evidence import has
from .holding import vocabulary
from .paper_text import to_tasks, word_forms
from .phrases import as_written
from .question import Asked
from .relevance import phrases_lacked

_GENERATE = stem("generate")  # "generate text", "text generation" (`roles._MAKING` holds more verbs)

# Network parts named like what they do, which papers write of other things: a transform, domain adaptation,
# routing a request, mixing data, decoding text ("retrievers" and "retrieval", "encoders" and "encoding" are one
# topic). A question asking for the part needs it written ("transformers"), one asking what is done needs that
# ("decode text", not "decoder-only LLMs"). By stem: the word each is named from.
_PARTS = {stem(w): w for w in ("transformer", "adapter", "router", "mixer", "decoder")}


def _writes(forms: dict[str, frozenset[str]], word: str) -> bool:
    """Whether a paper writes a word in some form ("transformer", "transformers", "transformer-based")."""
    return any(x.startswith(word) for said in forms.values() for x in said)


# "emergent", "recurrent", "dependent"; not a noun in "-ment" ("assessment" is what "assessing" does)
_ADJECTIVE_ENT = re.compile(r"(?<!m)ent\Z")


def _forms_of(forms: dict[str, frozenset[str]], term: str) -> set[str]:
    """A paper's forms of a key term, by stem or by a shorter stem it starts with ("emerg" of "emergent")."""
    return {x for t, said in forms.items() if term.startswith(t) and len(t) >= 4 for x in said}


def only_as_participle(asked: Asked, source: Source) -> list[str]:
    """The question's plural nouns ("LLMs as judges", "transformers") a paper writes only as participles ("as
    judged by", "transformed"), or, of a network part named like what it does (`_PARTS`), only as the
    verb's other forms ("a fixed transform", "domain adaptation"): it is not about them; and its adjectives in
    "-ent" ("emergent abilities") a paper writes only as present participles ("Emerging Corpora")."""
    forms = word_forms(source.paper)
    written = [(t, w) for t in asked.terms for w in as_written(asked.text, [t])[:1] if w.islower()]
    plural = [(t, w) for t, w in written if w.endswith("s") and not w.endswith("ss")]
    adjectives = [t for t, w in written if _ADJECTIVE_ENT.search(w) and (found := _forms_of(forms, t))
                  and all(x.endswith("ing") for x in found)]  # fmt: skip
    return [
        t
        for t, w in plural
        if (said := forms.get(t))
        and (all(x.endswith("ed") for x in said) or (w[:-1] in _PARTS.values() and not _writes(forms, w[:-1])))
    ] + adjectives


def only_as_machine(asked: Asked, source: Source) -> bool:
    """Whether a paper writes what the question asks done ("decode or sample text") only as the network part
    named like it ("decoder-only LLMs"), holding none of the question's alternatives otherwise."""
    forms = word_forms(source.paper)
    done = [t for t in asked.terms for w in as_written(asked.text, [t])[:1]
            if (part := _PARTS.get(t)) and not w.casefold().startswith(part)]  # fmt: skip
    lacked = {t for t in done if not any(x.startswith(t) and not x.startswith(_PARTS[t]) for x in forms.get(t, ()))}
    words = vocabulary(source.paper)  # "… or sample": a paper sampling holds what is asked
    held_otherwise = any(side and not side & lacked and all(has(t, words) for t in side)
                         for sides in asked.either for side in sides)  # fmt: skip
    return bool(lacked) and not held_otherwise


def made_from(asked: Asked, source: Source) -> list[str]:
    """What a question asks to be generated that a paper's "X-to-Y" task starts from ("generate text" of a paper
    on text-to-image generation), when the question names neither that task nor what it makes: the paper
    makes images, not text."""
    if _GENERATE not in asked.terms:
        return []
    text = asked.text.casefold()
    return [
        made
        for made, task in to_tasks(source.paper)
        if made in asked.terms and task not in text and task.split("-to-", 1)[1] not in text
    ]


_MOST_PHRASES = 12


def acts_on_other(asked: Asked, source: Source, subject: Callable[[str], bool]) -> bool:
    """Whether a paper holds a gerund of the question ("pruning") but neither word of the phrase right after it
    ("visual tokens"), so does it to something else (MLP layers); not of an alternative ("weights, neurons or …")."""
    listed = {t for sides in asked.either for side in sides for t in side}
    words = vocabulary(source.paper)
    for pair in phrases_lacked(asked, source.paper, subject)[:_MOST_PHRASES]:  # (a pattern each: bounded)
        written = as_written(asked.text, list(pair))
        if set(pair) & listed or len(written) != 2:
            continue
        before = re.search(rf"\b(\w+ing)\s+{re.escape(written[0])}\s+{re.escape(written[1])}\b", asked.text, re.I)
        if before and (verb := stem(before.group(1).casefold())) in asked.terms and has(verb, words):
            return True
    return False
