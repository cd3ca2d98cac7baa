"""A figure asked of each of several papers: a count after a list ("how many parameters?"), or the papers reporting
a measure asked to be ranked ("which paper reports the largest speedup?"), each quoted where it states it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..text import stem, substance
from ..types import Source
from .citations import inert
from .draft import Draft, list_line
from .figures import counted, figure_of, figures_in

# What a paper reports as a figure ("the largest speedup", "the best accuracy"), not a topic ("data selection")
MEASURES = frozenset(
    stem(w)
    for w in "speedup speedups accuracy compression reduction gain gains improvement throughput latency memory score "
    "precision recall f1 bleu rouge perplexity ndcg mrr saving savings acceleration".split()
)
UNRANKED = "the abstracts do not rank them against each other; each line gives what its paper reports"


def each_counted(question: str, among: int, sources: Sequence[Source]) -> Draft | None:
    """Of the papers a list gave (`sources`, `among` of them), those stating the figure the question counts;
    None when it counts nothing."""
    word = counted(question)
    if word is None:
        return None
    stem, written = word
    cited = f"Of the {among} paper{'s' if among != 1 else ''} the last answer cited"
    found = _stating(stem, sources)
    if not found:
        return Draft(f"{cited}, none states how many {written}.", answerable=False)
    verb = "states" if len(found) == 1 else "state"
    return _listed(f"{cited}, {len(found)} {verb} how many {written}:", found)


# A model's name with figures in it ("LLaMA-2-7B", "GPT-3", "T5-11B")
_NAMED = re.compile(r"\b[A-Za-z][\w.]*(?:-[\w.]+)+")


def each_figure(among: int, sources: Sequence[Source], figures: Callable[[int], Draft]) -> Draft:
    """Of the papers a list gave ("how much do they save?" after it), each one's first sentence stating the figure
    asked (`figures`: one paper's answer, by its index), or that it states none."""
    draft = Draft("", answerable=True)
    lines, none = [], []
    for i in range(min(among, len(sources))):
        # (a figure of a result, not of a name: "LLaMA-2-7B" states nothing a pruned model kept)
        said = next((q for q in figures(i).quotes.get(i + 1, []) if figures_in(_NAMED.sub(" ", q))), "")
        if said:
            lines.append(list_line(sources[i].paper.title, draft.quote(i + 1, said)))
        else:
            none.append(f"“{inert(sources[i].paper.title)}”")
    cited = f"Of the {among} paper{'s' if among != 1 else ''} the last answer cited"
    if not lines:
        return Draft(f"{cited}, none states a figure for this.", answerable=False)
    unsaid = f"\nNo figure for this in {', '.join(none)}." if none else ""
    draft.text = f"{cited}, {len(lines)} state{'s' if len(lines) == 1 else ''} one:\n" + "\n".join(lines) + unsaid
    return draft


def each_reporting(measure: str, written: str, sources: Sequence[Source]) -> Draft | None:
    """The papers stating a figure of the measure a ranking question asks for ("the largest speedup"), none
    ranked above the others; None when no paper searched states one."""
    found = _stating(measure, sources)
    if not found:
        return None
    papers = f"{len(found)} paper{'s' if len(found) != 1 else ''}"
    their = "their" if len(found) != 1 else "its"
    return _listed(f"The corpus has {papers} stating {their} {written} ({UNRANKED}):", found)


def _stating(stem: str, sources: Sequence[Source]) -> list[tuple[int, Source, str]]:
    """The sources (numbered from 1) with a sentence stating a figure beside the word, and that sentence."""
    return [(n, s, said) for n, s in enumerate(sources, 1) if (said := figure_of(stem, substance(s.paper.abstract)))]


def _listed(head: str, found: Sequence[tuple[int, Source, str]]) -> Draft:
    draft = Draft("", answerable=True)
    lines = [head] + [list_line(s.paper.title, draft.quote(n, said)) for n, s, said in found]
    draft.text = "\n".join(lines)
    return draft
