"""A question's acronyms and hyphenated names as the papers found spell or abbreviate them: "SAE" held by a paper
writing "sparse autoencoder", "part-of-speech" by one writing "POS"."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..text import stem, terms
from ..types import Paper, Source
from .evidence import has
from .holding import holds_compound, vocabulary
from .names import definitions
from .paper_text import writes_capitalised
from .question import Asked


def spelled_held(asked: Asked, paper: Paper) -> set[str]:
    """The question's acronyms a paper holds as the papers found spell them ("SAE": "sparse autoencoder"), and
    the words of its hyphenated names a paper holds as they abbreviate them ("part-of-speech": "POS")."""
    if not asked.spelled and not asked.abbreviated:  # (most questions)
        return set()
    spelled = {t for t, parts in asked.spelled if holds_compound(paper, parts)}
    return spelled | {t for parts, _ in asked.abbreviated if abbreviation_held(asked, paper, parts) for t in parts}


def abbreviation_held(asked: Asked, paper: Paper, parts: Sequence[str]) -> bool:
    """Whether a paper writes, in capitals, an abbreviation the papers found give the question's name `parts`."""
    words = vocabulary(paper)
    return any(p == tuple(parts) and has(a, words) and writes_capitalised(paper, a) for p, a in asked.abbreviated)


def spelled_out(asked: Asked, sources: Sequence[Source]) -> Asked:
    """A question whose acronyms ("the SAE-based unlearning paper") are also held as the papers found spell them
    ("sparse autoencoders (SAEs)"): a paper writing only "sparse autoencoder" is on SAEs. And one whose hyphenated
    names a paper found abbreviates ("part-of-speech (POS)"): a paper writing only "POS" holds them."""
    found: dict[str, tuple[str, ...]] = {}
    short: dict[tuple[str, ...], str] = {}
    for source in sources if asked.acronyms or asked.compounds else ():
        for definition, acronym in definitions(source.paper.abstract):
            term = stem(acronym.casefold())
            singular = stem(acronym[:-1].casefold()) if acronym.endswith("s") else term
            parts = tuple(terms(definition))
            if len(parts) < 2:
                continue
            if (held := term if term in asked.acronyms else singular) in asked.acronyms and held not in found:
                found[held] = parts
            if parts in asked.compounds and parts not in short:
                short[parts] = singular
    asked = dataclasses.replace(asked, spelled=tuple(found.items())) if found else asked
    return dataclasses.replace(asked, abbreviated=tuple(short.items())) if short else asked
