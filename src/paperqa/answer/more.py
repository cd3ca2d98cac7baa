"""More of one paper ("tell me more" after an answer from it): the sentences of its abstract not yet quoted."""

from __future__ import annotations

from ..text import substance
from ..types import Answer, Paper, Source
from .citations import clean, inert
from .claims import check
from .draft import Draft
from .stream import AnswerStream, said, word_pieces

MORE_SHOWN = 3  # sentences a "tell me more" adds


def more_answer(question: str, paper: Paper, shown: str) -> AnswerStream:
    """The next sentences of `paper`'s abstract (in order) that the text already `shown` does not quote."""
    source = Source(paper, 0.0, 1)
    rest = [s for s in substance(paper.abstract) if s.rstrip(".") not in shown][:MORE_SHOWN]
    name = inert(paper.title)
    if not rest:
        return said(question, f"The answers so far quoted all that the abstract of “{name}” says.", answerable=True)
    draft = Draft("", answerable=True)
    text = f"More from “{name}” [1]: " + " ".join(draft.quote(1, s) for s in rest)
    checked = check(clean(text, 1), [source], draft.quotes)
    answer = Answer(question=question, text=checked.text, citations=checked.citations, sources=(source,),
                    answerable=True, backend="offline", claims=checked.claims)  # fmt: skip
    return AnswerStream(word_pieces(checked.text), lambda: answer)
