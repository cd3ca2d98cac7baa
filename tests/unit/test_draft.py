"""What an offline answer quotes as a paper's contribution."""

from paperqa.answer.draft import contribution, refusal
from paperqa.answer.stated import limit_stated
from paperqa.types import Paper, Source


def _source(abstract: str) -> Source:
    return Source(Paper(id="p", title="T", abstract=abstract), 1.0, 1)


def test_a_contribution_that_only_points_back_is_passed_over():
    said = contribution(_source("Heads retrieve facts. This paper aims to address this question. We propose X-Heads, "
                                "a probe of retrieval heads."))  # fmt: skip
    assert said == "We propose X-Heads, a probe of retrieval heads."
    only = contribution(_source("Heads retrieve facts. This paper aims to address this question."))
    assert only == "Heads retrieve facts."  # its first sentence, as when none says what it does
    assert contribution(_source("Old. We propose SPLADE.")) == "We propose SPLADE."


def test_a_limit_as_a_setting_is_no_limitation():
    assert not limit_stated("It involves only a Lambda-shaped attention mask and a distance limit.")
    assert limit_stated("The memory cost limits their use on long inputs.") and limit_stated("Models fail on X.")
    assert limit_stated("It works, but slowly.") and not limit_stated("It works, but slowly.", contrast=False)


def test_a_refusal_shows_a_huge_word_of_the_question_by_its_start():
    # "no paper in it mentions “ABAB…”" had echoed a 60,000-letter word whole
    text = refusal([], unseen=["AB" * 30_000])
    assert "“" + "AB" * 29 + "A…”" in text and len(text) < 400, text[:200]
