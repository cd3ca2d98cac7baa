"""A question's word the corpus spells the other way (British or American) is read as the corpus spells it."""

from paperqa.spelling import respelled, spellings, typos_fixed
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


def test_a_slip_in_a_longer_word_is_read_as_the_one_corpus_word_it_misses_and_said():
    words = {stem(w): 2.0 for w in ("machine", "retrieval", "hallucination", "sparse", "space", "ensure", "the")}

    def idf(term: str) -> float:
        return words.get(term, 9.0)

    text, slips = typos_fixed("Machien retreival of halucination", idf, 9.0)
    assert text == "Machine retrieval of hallucination"
    assert slips == [("Machien", "machine"), ("retreival", "retrieval"), ("halucination", "hallucination")]
    # An English word the corpus lacks is no slip ("unsure" is one token, though "ensure" is a slip away); two
    # fixes ("sparse", "space") are one too many; a short word may be a name ("GRPO").
    assert typos_fixed("unsure sparce GRPO", idf, 9.0) == ("unsure sparce GRPO", [])
