"""Words a question uses that the corpus never does, weighed by IDF."""

from paperqa.answer.evidence import never_seen
from paperqa.text import stem

CEILING = 7.0  # the IDF of a term no chunk has
CORPUS = {stem(w): 2.0 for w in ("dense", "retrievers", "embed", "documents")}


def idf(term: str) -> float:
    return CORPUS.get(term, CEILING)


def test_words_no_chunk_has_are_named_as_written_with_their_share():
    words, share = never_seen("Which dense retrievers embed GRPO documents?", idf, CEILING)
    assert words == ["GRPO"]
    assert share == CEILING / (CEILING + 4 * 2.0)


def test_a_question_the_corpus_covers_word_for_word_has_none():
    assert never_seen("dense retrievers", idf, CEILING) == ([], 0.0)


def test_a_longer_form_of_a_word_the_corpus_has_is_not_unseen():
    words, _ = never_seen("Which dense retrievers are speedier?", lambda t: 2.0 if t == "speed" else idf(t), CEILING)
    assert words == []
