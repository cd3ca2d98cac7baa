"""A list of papers: the words of its topic, how it opens (how many the corpus has, in what order, how many are
shown, and which of the topic's words none of them mentions), and what it quotes of each paper."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from ..dates import date_key
from ..text import substance, terms
from ..types import Source
from .asking import Order
from .citations import inert
from .draft import Draft, contribution, list_line, says_what_it_does
from .each import UNRANKED
from .evidence import has, key_terms
from .figures import BY_SPEED, speed_stated
from .phrases import as_written, kind_said
from .picking import Picker
from .pointed import lacked_by_all
from .question import Asked, names_llms
from .roles import plural
from .traits import MAKES_DATA

MAX_LISTED = 12
TOPIC_WORDS = 5  # key words up to which a question names a topic, which one paper must hold as a whole


# What researchers do to any subject ("papers that build …", "which examples matter most"): no word a paper on the
# topic must hold (`OfflineWriter` still weighs them before, in deciding whether to refuse).
DOING = frozenset(
    terms("build design develop create investigate tackle handle run produce employ leverage utilize matter rethink "
          "revisit write explore examine hold cope")
)  # fmt: skip


def list_topic(asked: Asked) -> Asked:
    """The question as a list's membership reads it: without the words of doing, unless they are all it has."""
    doing = {t for t in asked.terms if t in DOING}
    if not doing or len(doing) == len(asked.terms):
        return asked
    pairs = tuple(pair for pair in asked.pairs if not set(pair) & doing)
    return dataclasses.replace(asked, terms=tuple(t for t in asked.terms if t not in doing), pairs=pairs)


# A lower-case adjective naming a field or a kind ("medical", "legal", "clinical", "musical"), not a name
_FIELD = re.compile(r"[a-z]+(?:ical|al|ic)")
_QUANTITY = frozenset(("number", "amount"))  # stems of "the number of", "the amount of"


def list_head(
    asked: Asked,
    sources: Sequence[Source],
    chosen: list[int],
    subject: Callable[[str], bool] = lambda t: False,
    rarest: str = "",
) -> tuple[str, list[int]]:
    """The sentence a list opens with (no colon), and the papers listed under it, in their order; when none of
    them has a word of a short topic that names a subject (`subject`: "emotion" of "emotion recognition"), or its
    `rarest` word written as a plural noun ("agents to use calculators"), they are the closest papers, not papers
    on it."""
    chosen = list(chosen)
    # More than are shown: how many were found among those retrieved, of which the corpus may hold more.
    many = f"at least {len(chosen)}" if len(chosen) > MAX_LISTED else str(len(chosen))
    papers = f"paper{'s' if len(chosen) != 1 else ''}"
    head = f"The corpus has {many} {papers} on this"
    if asked.shown:  # "tell me about the first two": those pointed at, each as the list showed it
        head = f"The {len(chosen)} papers asked about"
    elif asked.among:  # "which of them …": of the papers the last answer cited, not of the corpus
        verb = "is" if len(chosen) == 1 else "are"
        head = f"Of the {asked.among} papers the last answer cited, {many} {verb} on this"
    short = len(asked.terms) <= TOPIC_WORDS
    # (of the papers the last answer cited, each was on its topic already: what "which of them …" asks, they hold)
    none_has = set() if asked.among else lacked_by_all(asked, [sources[i] for i in chosen])
    if not short:  # of a longer question, a field it qualifies its topic with ("for medical question answering")
        none_has = {t for t in none_has if subject(t) and any(_FIELD.fullmatch(w) for w in as_written(asked.text, [t]))}
    # "reduce the number of visual tokens" is reducing visual tokens: no word of it the papers lack
    none_has = {t for t in none_has if t not in _QUANTITY or not re.search(rf"\b{t}\w*\s+of\b", asked.text, re.I)}
    things = rarest in none_has and short and plural(as_written(asked.text, [rarest])[0])
    if things or any(subject(t) for t in none_has):  # which word none of them has is said below
        head = (
            f"No paper found is on all of this; the {many} closest {papers}"
            if len(chosen) > 1
            else ("No paper found is on all of this; the closest paper")
        )
    if order := asked.order:  # "the latest papers on X": by date, those with no date last
        chosen.sort(key=lambda i: (sources[i].paper.date is None, _by_date(sources[i], order)))
        head += f", {order} first"
    elif asked.popular and not by_votes(sources, chosen):  # no paper to call the most upvoted: as found
        head += f" ({'none of them has' if len(chosen) > 1 else 'it has no'} upvotes recorded)"
    elif asked.popular:  # "the most upvoted papers on X": by the record's upvotes, most first (ties as found)
        chosen.sort(key=lambda i: -(sources[i].paper.upvotes or 0))
        head += ", most upvoted first"
    ordered = asked.ordering if asked.order or by_votes(sources, chosen) else None
    shown = min(asked.count or MAX_LISTED, MAX_LISTED) if ordered or not asked.popular else MAX_LISTED
    dated = sum(1 for i in chosen if sources[i].paper.date)
    if asked.order and 0 < dated < shown < len(chosen):
        shown = dated  # "the 2 newest" of one dated paper: that one; an undated paper is no newest
    if asked.order and (undated := len(chosen) - dated):  # last, or not shown at all when the dated fill the list
        head += f" ({undated} with no date, {'not shown' if dated > 0 and shown <= dated else 'last'})"
    if len(chosen) > shown:  # "3 papers on hashing": the first three of them (at most MAX_LISTED)
        if ordered:  # "the newest paper on X": one
            head += f"; the {ordered}" if shown == 1 else f"; the {shown} {ordered}"
        else:
            head += f"; {shown} of them"
        chosen = chosen[:shown]
    if none_has:  # a topic's name: say which of its words none of them has
        words = " or ".join(f"“{inert(w)}”" for w in as_written(asked.text, [t for t in asked.terms if t in none_has]))
        head += f" (none of them mentions {words})" if len(chosen) > 1 else f" (it does not mention {words})"
    if asked.with_code:  # "papers on hashing with code available"
        head += " that say where their code is" if len(chosen) > 1 else " that says where its code is"
    if asked.excluded:
        how = "are about" if names_llms(asked.excluded) else "mention"  # a trait for LLMs, else the word
        head += f" (leaving out those that {how} “{inert(asked.excluded)}”)"
    if asked.weakness:  # "the open problems in X": each line is a limit its paper states
        head += " (each line gives a limit or open problem its paper states)"
    if asked.best:  # "the best method for X": no abstract ranks the others; each says what it reports
        head += f" ({UNRANKED})"
    return head, chosen


def by_votes(sources: Sequence[Source], chosen: Sequence[int]) -> bool:
    """Whether upvotes rank these papers: any has one (most have none in the record)."""
    return any(sources[i].paper.upvotes for i in chosen)


def _by_date(source: Source, order: Order) -> int:
    """A sort key putting the newest (or the oldest) paper first."""
    key = date_key(source.paper.date)
    return -key if order == "newest" else key


def quoted_line(asked: Asked, source: Source, pick: Picker) -> str:
    """What a list quotes of one paper: what it does, when that says the topic's words (a background sentence
    holds them as well: "Machine unlearning has been proposed to address this challenge"), else the sentence
    holding most of them."""
    does = contribution(source)
    if asked.how and says_what_it_does(does):  # "…, and how?": each paper's way, whatever words it uses
        return does
    wanted = set(key_terms(asked.text))
    words = frozenset(terms(does))
    kind = kind_said(asked.text)  # "in-context learning": a sentence saying it, not one on "longer contexts"
    held = bool(wanted) and all(has(t, words) for t in wanted)
    if not (asked.best or asked.makes_data) and held and (kind is None or kind.search(does)):
        return does
    if asked.best and BY_SPEED.search(asked.text) and (speed := speed_stated(substance(source.paper.abstract))):
        return speed  # "which report the biggest speedup?": its speed-up, not another figure
    saying = MAKES_DATA if asked.makes_data else kind
    return pick.best(asked, source, numeric=asked.best, saying=saying)


def closest(
    asked: Asked, sources: Sequence[Source], order: Sequence[int], pick: Picker, subject: Callable[[str], bool]
) -> Draft:
    """Middling confidence: say so, and point to the closest papers (in this order), each quoted where it is, and
    the question's subjects (`subject`) none of them has."""
    draft = Draft("", answerable=True)
    parts = [f"“{inert(sources[i].paper.title)}” [{i + 1}]" for i in order]
    # which subjects of the question none of them has ("apply SPLADE to code search": "code")
    none_has = {t for t in lacked_by_all(asked, [sources[i] for i in order]) if subject(t)}
    words = " or ".join(f"“{inert(w)}”" for w in as_written(asked.text, [t for t in asked.terms if t in none_has]))
    neither = "neither mentions" if len(order) > 1 else "it does not mention"
    lacked = f" ({neither} {words})" if words else ""
    # (of a list's papers, "how do they detect membership?": of them, not of the corpus)
    of = f"Of the {asked.among} papers the last answer cited, none" if asked.among else "No paper in the corpus"
    draft.text = (f"{of} clearly addresses this; the closest are {' and '.join(parts)}{lacked}. "
                  + " ".join(draft.quote(i + 1, pick.best(asked, sources[i])) for i in order))  # fmt: skip
    return draft


def quoted_list(sources: Sequence[Source], found: Sequence[tuple[int, str]], one: str, many: str) -> Draft:
    """The papers found that say a thing, each quoted where it says it (`found`: index and sentence), under "At least
    N {many}" ("papers of the corpus make a dataset or benchmark"; `one` for a single paper)."""
    draft = Draft("", answerable=True)
    shown = f"; {MAX_LISTED} of them:" if len(found) > MAX_LISTED else ":"
    lines = [f"At least {len(found)} {many if len(found) > 1 else one}{shown}"]
    lines += [list_line(sources[i].paper.title, draft.quote(i + 1, said)) for i, said in found[:MAX_LISTED]]
    draft.text = "\n".join(lines)
    return draft
