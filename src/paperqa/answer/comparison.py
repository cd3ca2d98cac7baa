"""A comparison of named papers or methods: each side from its own paper, what it is and what it reports, first
where it names another side ("we build on SPLADE … more than 9% gains"), and whether any abstract does."""

from __future__ import annotations

from collections.abc import Sequence

from ..text import substance
from ..types import Source
from .asked_names import any_of
from .citations import inert
from .draft import Draft, contribution, short_name
from .figures import BY_SPEED, speed_stated
from .names import coined_said
from .picking import Picker
from .question import Asked
from .relevance import name_floor

MAX_COMPARED = 12  # "how do they differ?" after a list: every side named, as many as a list shows
BRIEF_FROM = 5  # sides from which each is said by what it does alone (seven papers' figures are no comparison)


def compared(
    asked: Asked, sources: Sequence[Source], sides: Sequence[int], pick: Picker, absent: Sequence[str] = ()
) -> Draft:
    """Each side from its own paper: what it is, and what it reports (against a side no paper is named, `absent`,
    where it says so: "compared to ... FlashAttention"); from `BRIEF_FROM` sides, what each does, a line each."""
    draft = Draft("", answerable=True)
    # a side the question calls by a name only its abstract gives ("LOOK"): so called, and quoted where it is given
    rare = name_floor(pick.idf)
    coined = {i: coined_said(asked.text, sources[i].paper, pick.idf, rare) for i in sides}
    names = {i: f"{coined[i]} ({short_name(sources[i])})" if coined[i] else short_name(sources[i]) for i in sides}
    brief = len(sides) >= BRIEF_FROM
    parts: list[str] = []
    named_other = False
    kind = asked.named_kind  # "what datasets do they use?" of two papers: where each names one, or that it names none
    nameless: list[str] = []
    by_speed = bool(BY_SPEED.search(asked.text))
    slow: list[str] = []  # sides stating no speed, when asked which is fastest
    for i in sides:
        against = any_of([*absent, *(names[j] for j in sides if j != i)])
        named_other |= bool(against and against.search(sources[i].paper.abstract))
        reported = None if brief else pick.best(asked, sources[i], numeric=True, saying=against)
        does = next((s for s in substance(sources[i].paper.abstract) if coined[i] in s), None) if coined[i] else None
        # (where it compares itself with another side, that; else its speed in its own words)
        if by_speed and not (reported and against and against.search(reported)):
            reported = speed_stated(substance(sources[i].paper.abstract))
            slow += [] if reported else [f"{names[i]} [{i + 1}]"]
        picked = [s for s in (does or contribution(sources[i]), reported) if s]
        picked = [reported] if by_speed and brief and reported else picked
        if kind and (naming := pick.naming(asked, sources[i])):
            picked = [naming]
        elif kind:
            nameless.append(f"“{inert(sources[i].paper.title)}” [{i + 1}]")
        said = " ".join(draft.quote(i + 1, s) for s in dict.fromkeys(picked))
        parts.append(f"{names[i]} [{i + 1}]: {said}")
    before = []
    if asked.dates_compared:  # "which came first?": the record's dates, uncited (no abstract states them)
        dated = [f"{names[i]} {d.isoformat()}" for i in sides if (d := sources[i].paper.date)]
        undated = [names[i] for i in sides if not sources[i].paper.date]
        if dated:
            before.append(f"The corpus dates {'; '.join(dated)}.")
        if undated:  # "which is newer, SPLADE or SPLADE v2?" of two undated papers: said, not "dates X no date"
            before.append(f"The corpus has no date for {' or '.join(undated)}.")
    other = "papers" if len(sides) > 2 else "paper"
    after = [] if named_other or absent or kind else [f"No abstract names the other {other}."]  # each alone
    if by_speed:  # which is fastest: what each states, and which state no speed
        before += ["The abstracts do not rank them by speed; what each states:"] if brief else []
        after = [f"No speed is stated in {', '.join(slow)}."] if slow and len(slow) < len(sides) else after
        after = ["None of their abstracts states a speed."] if len(slow) == len(sides) else after
    if nameless:  # said first, not left to the quotes (what each does, in its place)
        before.append(f"The abstract of {' and of '.join(nameless)} names no {kind}.")
    if brief:  # one line each, as a list is
        head = [] if by_speed else [f"What each of the {len(sides)} does:"]
        draft.text = "\n".join([*before, *head, *(f"- {p}" for p in parts), *after])
    else:
        draft.text = " ".join([*before, *parts, *after])
    return draft
