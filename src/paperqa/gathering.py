"""The papers a question is answered from: one search, deeper for a list on a kind of learning or of papers with
code, each side apart for a comparison of two approaches, a name no paper found goes by alone; or, for a question
that only restricts ("papers from 2023", "the most upvoted"), those the restriction admits, in its order."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .answer.asked_names import defines, unnamed
from .answer.asking import Ordering
from .answer.question import Asked
from .answer.relevance import NAMED_K, holding_kinds, kinds_named
from .answer.restricted import SHOWN
from .answer.topics import SIDE_K, topic_sides
from .answer.traits import data_only, makes_data
from .filters import Filters, org_asked, org_unknown
from .index import View
from .resolved import Resolved
from .retrieval import Retriever, with_more
from .text import code_sentence
from .types import Source

Embed = Callable[[str], list[float]]

NAME_DEPTH = 10  # the papers found whose names a question's names are looked for among (as the writer looks)
NAMES_SEARCHED = 2  # names searched for alone, at most (a pasted list of names is not searched name by name)


def searched(
    retriever: Retriever, view: View, embed: Embed, asked: Asked, k: int, filters: Filters | None, deeper: bool
) -> tuple[list[float], list[Source]]:
    """The question's vector and the papers found for it (`deeper`: no number of papers was given, so a list on
    a kind of learning or of papers with code may look further)."""
    vector = embed(asked.text)
    sources = retriever.retrieve(view, vector, asked.text, k, filters)
    # A list on a kind of learning ("in-context learning") or of papers with code: those holding it are searched
    # for further down (few papers have either), in one deeper search
    # (as are papers making data, asked with no topic: "Which papers release a dataset?")
    data = asked.makes_data and data_only(asked.terms)
    if asked.shape == "list" and deeper and (kinds_named(asked) or asked.with_code or data):
        further = retriever.retrieve(view, vector, asked.text, NAMED_K, filters)
        if kinds_named(asked):
            sources = with_more(sources, holding_kinds(asked, further))
        if asked.with_code:
            sources = with_more(sources, [s for s in further if code_sentence(s.paper.abstract)])
        if data:
            sources = with_more(sources, [s for s in further if makes_data(s.paper)])
    if asked.shape == "compare" and (sides := topic_sides(asked.text)):
        for side in sides:  # "dense and sparse retrieval": the papers on either, not only on both
            sources = with_more(sources, retriever.retrieve(view, embed(side), side, SIDE_K, filters))
    # Of a comparison or a "What is X?", a name no paper found goes by ("BERT4Rec" beside a long title) is searched
    # for alone: the answer says when no paper of the corpus is named so, which the papers found for the whole
    # question cannot tell. (Only there, and of names written as names: it had cost 6 ms a question at 10k papers.)
    asks_name = asked.shape == "compare" or defines(asked.text)
    names = unnamed(asked.text, sources[:NAME_DEPTH], [], typed=False) if asks_name else []
    for name in names[:NAMES_SEARCHED]:
        sources = with_more(sources, retriever.retrieve(view, embed(name), name, SIDE_K, filters))
    return vector, sources


@dataclass(frozen=True)
class Admitted:
    """The papers a restriction admits, in the order asked, and what the answer says of them."""

    sources: list[Source]
    admitted: int  # how many papers the restriction admits in all
    by: Ordering  # the order: "newest", "oldest" or "most upvoted"
    among: int | None  # how many papers the last answer listed, when it is asked of those


def admitted(view: View, asked: Asked, resolved: Resolved) -> Admitted:
    """The papers a question that only restricts admits ("Which papers are from 2023?", "the most upvoted")."""
    order = asked.order or "newest"
    shown = min(asked.count or SHOWN, SHOWN)
    by_votes = asked.popular or bool(resolved.upvotes)  # "the most upvoted", "with over 100 upvotes"
    filters = resolved.filters
    ids = view.by_upvotes(shown, filters) if by_votes else view.by_date(order == "newest", shown, filters)
    found = view.papers_of(ids)
    sources = [Source(found[i], 0.0, n) for n, i in enumerate((i for i in ids if i in found), start=1)]
    ids_of = filters.paper_ids if filters else None  # "which are from 2023?" of a list
    among = len(ids_of) if ids_of is not None else None
    return Admitted(sources, view.admitted(filters), "most upvoted" if by_votes else order, among)


def notes_of(
    resolved: Resolved,
    slips: Sequence[tuple[str, str]],
    undated: int,
    unknown_categories: Sequence[str],
    known: Sequence[str],
) -> tuple[str, ...]:
    """What an answer says about how its question was read: spellings, restrictions, what a filter left out."""
    notes = [f"Read “{typed}” as “{meant}”." for typed, meant in slips]
    notes += [f"Read as papers {resolved.restriction}."] if resolved.restriction else []
    notes += [resolved.note] if resolved.note else []
    if resolved.unknown_org:
        notes.append(f"No paper is recorded as from {resolved.unknown_org}; answered from all of them.")
    if undated:
        notes.append(f"The date range left out {undated} paper{'s' if undated != 1 else ''} with no known date.")
    if unknown_categories:  # "--category cs.XX": no paper has it, said by name
        listed = ", ".join(known[:8]) + (", …" if len(known) > 8 else "") if known else "none"
        notes.append(
            f"No paper has the category {' or '.join(unknown_categories)} (categories in the corpus: {listed})."
        )
    return tuple(notes)


def with_org(resolved: Resolved, view: View) -> Resolved:
    """A question's own organisation ("papers from Amazon") as the organisation filter, if the index knows it
    and no organisation was chosen already; one it does not know is kept to be said so."""
    given = resolved.filters
    if given is not None and given.org:
        return resolved
    found = org_asked(resolved.query, view.knows_org)
    if found is None:
        unknown = org_unknown(resolved.query, view.knows_org)
        return resolved if unknown is None else dataclasses.replace(resolved, query=unknown[1], unknown_org=unknown[0])
    name, rest = found
    filters = dataclasses.replace(given or Filters(), org=name)
    return dataclasses.replace(resolved, query=rest, filters=filters, org=name)
