"""A question's word the corpus spells the other way (British or American) is read as the corpus spells it."""

from paperqa.spelling import respelled, spellings
from paperqa.text import stem

CORPUS = {stem(w) for w in ("neighboring", "summarization", "optimize", "analyze", "colour", "behaviour", "the")}


def known(term: str) -> bool:
    return term in CORPUS


def test_words_the_corpus_spells_otherwise_are_respelled_keeping_their_case():
    text = "Summarisation of neighbouring documents: optimise and analyse the color of its behavior."
    assert respelled(text, known) == (
        "Summarization of neighboring documents: optimize and analyze the colour of its behaviour."
    )


def test_a_word_the_corpus_has_or_no_spelling_of_it_has_stays():
    assert respelled("neighboring journal errors", known) == "neighboring journal errors"


def test_most_words_have_no_other_spelling():
    assert spellings("retrieval") == [] and spellings("summarisation") == ["summarization"]
