"""Follow-ups read with the question before: a phrase of the same head put in place of the earlier one."""

import pytest

from paperqa.read_back import swapped_in


@pytest.mark.parametrize(
    ("follow_up", "earlier", "read"),
    [
        ("what about language models?", "Which papers study how video models recall facts?",
         "Which papers study how language models recall facts?"),
        ("and how about short documents?", "How does SPLADE handle long documents?",
         "How does SPLADE handle short documents?"),  # one word for one: not "handle long"
        ("what about text retrieval?", "Which papers use hashing for image retrieval?",
         "Which papers use hashing for text retrieval?"),
    ],
)  # fmt: skip
def test_a_phrase_of_the_same_head_takes_the_place_of_the_earlier_one(follow_up, earlier, read):
    assert swapped_in(follow_up, earlier) == read


@pytest.mark.parametrize(
    ("follow_up", "earlier"),
    [
        ("what about hashing?", "Which papers study LLM unlearning?"),  # one word: a topic of its own
        ("what about speech models?", "Which papers study LLM unlearning?"),  # no "models" before
        ("how does it work?", "Which papers use hashing for image retrieval?"),
    ],
)
def test_no_phrase_of_that_head_leaves_the_follow_up_as_it_was_read(follow_up, earlier):
    assert swapped_in(follow_up, earlier) is None
