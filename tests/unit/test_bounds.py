"""A figure asked above or below a bound: read from the question, passed by a figure near what it measures."""

from paperqa.answer.bounds import bound_asked, each_within, within
from paperqa.types import Paper, Source


def source(abstract: str, title: str = "T") -> Source:
    return Source(Paper(id=title, title=title, abstract=abstract), 1.0, 1)


def test_a_bound_is_read_with_its_scale_unit_and_what_it_measures():
    speed = bound_asked("Which papers report more than a 10x speedup?")
    assert speed and speed.above and speed.value == 10 and speed.unit == "x" and speed.written == "speedup"
    size = bound_asked("Which papers use fewer than 1 billion parameters?")
    assert size and not size.above and size.value == 1e9 and size.scaled and size.said == "fewer than 1 billion"
    assert bound_asked("Which papers cite more than one survey?") is None  # a number word: no figure asked
    assert bound_asked("Which papers study hashing?") is None


def test_a_figure_passes_only_near_what_it_measures_and_in_its_unit():
    speed = bound_asked("Which papers report more than 10x speedup?")
    assert within(source("It offers a speedup in training time between 3x and 15x."), speed)
    assert not within(source("It offers a 5-fold speedup. It uses 20 layers."), speed)  # 20 is no ratio
    size = bound_asked("Which models have more than 7B parameters?")
    # "73B tokens" is four words from "7B-parameter": a count is said right before its noun
    assert not within(source("We mix 73B tokens to pretrain a 7B-parameter dense model."), size)
    assert within(source("In our 7B-13B total parameter experiments the model matches."), size)
    small = bound_asked("Which papers use fewer than 1 billion parameters?")
    assert not within(source("On WikiText-103 it halves the parameters."), small)  # no scale: no count of them
    assert bound_asked("Which papers reach at least 5x speedup?") and within(
        source("It reaches a 5x speedup."), bound_asked("Which papers reach at least 5x speedup?")
    )


def test_none_passing_says_so_and_how_many_state_a_figure():
    speed = bound_asked("Which papers report more than 100x speedup?")
    draft = each_within(speed, [source("A 9.4x speedup over baselines.", "A"), source("No figure here.", "B")])
    assert not draft.answerable and draft.text == (
        "No paper found reports more than 100x speedup (1 found states a figure of it that does not)."
    )
    found = each_within(speed, [source("Up to a 221.3x speedup of retrieval.", "A")])
    assert found.answerable and found.text.startswith("1 paper found reports more than 100x speedup:\n- A: ")
