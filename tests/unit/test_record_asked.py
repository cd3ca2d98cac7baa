"""Which field of a paper's record a question asks for, and what is left to name the paper."""

import pytest

from paperqa.answer.record import record_asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [("is there a link?", ("link", "?")), ("Where can I read SPLADE v2?", ("link", "SPLADE v2?")),
     ("What is the arXiv id of SPLADE v2?", ("link", "What is of SPLADE v2?")),
     ("Who wrote SPLADE?", ("authors", "SPLADE?")),
     # "who proposed it?" of late chunking repeated the sentence introducing it: its authors are asked
     ("who proposed it?", ("authors", "it?")), ("Who introduced this?", ("authors", "this?")),
     ("Who proposed BERT?", None),  # which paper introduced it (none of the corpus does)
     # a topic, or a list of papers asked for, is no link
     ("Which papers do link prediction?", None), ("Is there a link between depth and width?", None),
     ("Where can I find papers on unlearning?", None)],
)  # fmt: skip
def test_a_link_is_asked_for_as_a_field_of_the_record_not_a_topic(question, asked):
    assert record_asked(question) == asked
