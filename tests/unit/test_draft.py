"""What an offline answer quotes as a paper's contribution."""

from paperqa.answer.draft import contribution
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
