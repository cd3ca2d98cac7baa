"""What the LLM prompt says of the question beyond the question itself: its shape, a list's order by date or by
upvotes, a field of a paper's record, a name's origin or a kind named asked (one sentence each, in that order)."""

from __future__ import annotations

from .premise import premise_of
from .question import Asked
from .shapes import Shape

# The LLM prompt's hint: each source's `about:` line is all the corpus records of a paper beyond its abstract.
RECORD_HINT = (
    "The question asks for a paper's {record}: answer from its source's `about:` line, which is all the corpus "
    "records beside the abstract (a date, an organisation or how many authors); when that line lacks it, say the "
    "corpus does not record it, and take no names or dates from an abstract."
)
CITING_HINT = (
    "The question asks which papers cite a paper: the corpus records no citations between papers, so say that "
    "first, then list the sources whose abstracts mention that paper's name, one line each with its number."
)
INTRODUCED_HINT = (
    "The question asks which paper introduced {name}: answer from a source that says it introduces it; if none "
    "does, say that no source introduces it, and which mention it."
)
BEST_HINT = (
    "The question asks which is best: the sources do not rank one another; give what each reports, with its "
    "figures, and say that they were not compared on equal terms unless a source says so."
)
NAMED_HINT = "The question asks which {kind} by name: give the names a source states; if it states none, say so."
FINDING_HINT = (
    "The question asks what a paper found: give the findings and conclusions its source states, with their "
    "numbers, citing it, rather than what the paper sets out to do."
)
WEAKNESS_HINT = (
    "The question asks for limitations: give those a source states, citing it; of a named paper, only those it "
    "states of its own method (the limits of earlier work it sets out to overcome are not its own); if none states "
    "one, say so rather than infer any."
)
HOW_HINT = "The question asks how as well: say for each paper how it does it, as its source states."
REMEDY_HINT = (
    "The question asks how a problem is countered: give what each source does against it, citing it, beside the "
    "problem as the source states it."
)
PREMISE_HINT = (
    "The question takes it that {premise}: say whether the sources state this; if none does, say so before answering."
)
SEVERAL_HINT = (
    "If the question names no one paper, give each source on its topic that names one, a line each with its number."
)
MAKES_DATA_HINT = "List only the sources that say they build a benchmark or dataset, not those evaluating on one."
CODE_HINT = "Give only the sources that say where their code is, each with that sentence; if none does, say so."
EXCLUDED_HINT = "Leave out the sources that use or are about {excluded}, and say that you did."
ORDER_HINT = "List them {order} first by their dates; those with no date last, saying they have none."
POPULAR_HINT = (
    "List them most upvoted first, by the upvotes their `about:` lines give, with each one's count; if none has "
    "upvotes, say so and call none the most upvoted."
)
SHAPE_HINTS: dict[Shape, str] = {
    "list": "The question asks which papers address a topic: list every source that is about the topic as a "
    "whole, one line each with its number, and leave out sources that only share a word with it.",
    "compare": "The question compares papers or methods: describe each from its own source, cite each, and say "
    "how they differ.",
    "improvement": "The question asks how much better something is: give the gain with its numbers and the "
    "baseline, exactly as the source states them; if no source gives a figure for it, say so first. Of several "
    "papers named, give each one's, from its own source.",
    "number": "The question asks for a number: give it exactly as the source states it, with its unit; if no "
    "source states it, say so. Of several papers named, give each one's, from its own source.",
    "summary": "The question asks for the gist of one paper: what it proposes, how, and its main result with its "
    "numbers, from that paper's source alone.",
    "fact": "Answer the question directly from the sources that state it.",
}


def hints(asked: Asked) -> str:
    """What the prompt says of the question's shape, and of what it asks beyond it."""
    hint = SHAPE_HINTS[asked.shape]
    hint += f" {ORDER_HINT.format(order=asked.order)}" if asked.order else ""
    hint += f" {POPULAR_HINT}" if asked.popular and not asked.order else ""
    if asked.record == "citing":
        hint += f" {CITING_HINT}"
    elif asked.record:
        hint += f" {RECORD_HINT.format(record=asked.record)}"
    hint += f" {INTRODUCED_HINT.format(name=asked.introduced)}" if asked.introduced else ""
    hint += f" {NAMED_HINT.format(kind=asked.named_kind)}" if asked.named_kind else ""
    hint += f" {SEVERAL_HINT}" if asked.several and not asked.one_paper else ""
    hint += f" {PREMISE_HINT.format(premise=premise)}" if (premise := premise_of(asked.text)) else ""
    hint += f" {BEST_HINT}" if asked.best else ""
    hint += f" {WEAKNESS_HINT}" if asked.weakness else ""
    hint += f" {FINDING_HINT}" if asked.finding else ""
    hint += f" {REMEDY_HINT}" if asked.remedy else ""
    hint += f" {HOW_HINT}" if asked.how else ""
    hint += f" {MAKES_DATA_HINT}" if asked.makes_data else ""
    hint += f" {CODE_HINT}" if asked.with_code else ""
    hint += f" {EXCLUDED_HINT.format(excluded=asked.excluded)}" if asked.excluded else ""
    return hint
