"""Follow-up questions resolved against the conversation, offline."""

import pytest

from paperqa import Turn

pytestmark = pytest.mark.integration
FIRST = "Which papers work on mixture-of-experts models?"


def test_those_from_a_year_narrows_to_earlier_citations(offline):
    first = offline.ask(FIRST)
    follow = offline.ask("and which of those are from 2024?", history=[Turn(FIRST, first)])
    earlier = {c.paper_id for c in first.citations}
    assert follow.sources and {s.paper.id for s in follow.sources} <= earlier
    assert all(s.paper.date and s.paper.date.year == 2024 for s in follow.sources)


def test_tell_me_more_about_n_answers_from_that_paper(offline):
    first = offline.ask(FIRST)
    follow = offline.ask("tell me more about [2]", history=[Turn(FIRST, first)])
    assert [s.paper.id for s in follow.sources] == [first.sources[1].paper.id]
    assert follow.answerable and follow.citations[0].paper_id == first.sources[1].paper.id


def test_first_question_is_unchanged_by_empty_history(offline):
    assert offline.ask(FIRST, history=()).text == offline.ask(FIRST).text
