"""The offline writer on questions a new user asked in the chat (issue 12), over the shipped corpus."""

import pytest

pytestmark = pytest.mark.integration


def test_a_gain_over_a_baseline_is_stated_with_its_figure(offline):
    answer = offline.ask("How does SPLADE v2 improve over SPLADE?")
    assert "9%" in answer.text and answer.citations[0].title.startswith("SPLADE v2")


def test_a_paper_lacking_the_topic_word_is_only_the_closest(offline):
    answer = offline.ask("Speedups from speculative decoding?")  # no paper on speculative decoding
    assert answer.text.startswith("No paper clearly addresses this; the closest is")


def test_a_topic_no_paper_is_on_lists_none(offline):
    answer = offline.ask("motion planning for autonomous driving")
    assert answer.text.startswith("No paper in the corpus clearly addresses this; the closest are")
    assert len(answer.citations) == 2


def test_a_which_benchmarks_question_names_them(offline):
    answer = offline.ask("Which corruption benchmarks was the robust depth estimation challenge built on?")
    assert "KITTI-C" in answer.text
