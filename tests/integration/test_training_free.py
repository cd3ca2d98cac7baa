"""Papers that need no training (issue 12): asked of a list or of the papers just listed, those whose abstract says
so, quoted where it does; not those holding the words "need" and "training"."""

import pytest

from paperqa import Turn

pytestmark = pytest.mark.integration


def test_which_of_them_need_no_training_is_asked_of_what_each_says(offline):
    # "which of them need no training?" had listed Adaptive Sparse ViT, a *learnable* pruning method
    first = offline.ask("Papers on token pruning for vision transformers")
    history = [Turn("Papers on token pruning for vision transformers", first)]
    for follow in ("which of them need no training?", "which of them are training-free?"):
        answer = offline.ask(follow, history=history)
        assert not answer.answerable and "none says it needs no training" in answer.text, answer.text


def test_need_no_training_after_a_restriction_is_still_asked_of_what_each_says(offline):
    # after "which of them are from 2025?" it had been refused for the words' weak support among the two left
    asked = [
        "Which papers propose methods for unlearning in large language models?",
        "which of them use sparse autoencoders?",
        "which of them evaluate on TOFU?",
        "which of them report utility loss?",
        "which of them are from 2025?",
    ]
    history = []
    for question in asked:
        history.append(Turn(question, offline.ask(question, history=history)))
    answer = offline.ask("which of them need no training?", history=history)
    assert answer.text == "Of the 2 papers the last answer cited, none says it needs no training.", answer.text


def test_a_list_of_training_free_methods_quotes_where_each_says_so(offline):
    answer = offline.ask("Which papers prune visual tokens without any training?")
    titles = [c.title for c in answer.citations]
    assert titles == ["[CLS] Token Tells Everything Needed for Training-free Efficient MLLMs"], answer.text
    t2i = offline.ask("Which training-free methods are there for text-to-image models?")
    assert "training-free method" in t2i.text and all("Flow" in c.title for c in t2i.citations), t2i.text


def test_which_need_training_leaves_out_those_saying_they_need_none(offline):
    # "do any of them need training?" had listed the training-free [CLS] pruning paper for holding "training"
    first = offline.ask("Which papers prune visual tokens in multimodal LLMs?")
    assert any("Training-free" in c.title for c in first.citations), first.text
    answer = offline.ask("do any of them need training?", history=[Turn(first.question, first)])
    assert not any("Training-free" in c.title for c in answer.citations), answer.text
    assert "1 says it needs none" in answer.text, answer.text
