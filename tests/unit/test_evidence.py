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


def test_a_coined_name_is_held_as_a_whole_word_a_version_or_a_plural_only():
    from paperqa.answer.evidence import has, has_name

    words = frozenset({"transform", "translat", "colbertv2", "splade++", "lora"})
    assert has("transf", words) and not has_name("transf", words)  # "TransF" is no "transformer"
    assert not has_name("tran", words)
    assert has_name("colbert", words) and has_name("splade", words) and has_name("lora", words)
    assert has_name("lora", frozenset({"loras"})) and not has_name("lora", frozenset({"loraprun"}))


def test_a_longer_word_that_is_another_word_does_not_hold_the_shorter():
    from paperqa.answer.evidence import has

    # "sign language models" had found "sign" in every abstract saying "significant"
    assert not has(stem("sign"), frozenset({stem("significantly"), stem("signal"), stem("signature")}))
    assert has(stem("sign"), frozenset({stem("significantly"), stem("signs")}))
    assert has(stem("unlearn"), frozenset({stem("unlearning")}))


def test_a_doer_is_held_by_what_it_does_a_comparative_is_not():
    from paperqa.answer.evidence import has

    words = frozenset({stem("ranking"), stem("learning"), stem("long")})
    assert has(stem("rankers"), words) and has(stem("learner"), words)  # the stemmer keeps their "-er"
    assert not has(stem("longer"), words)  # "inputs longer than …" is no paper on "long" documents


def test_a_question_s_words_with_a_capital_inside_are_coined_names():
    from paperqa.answer.question import analyse

    assert analyse("What problem does TransF solve that TransE cannot?").names == {"transf", "trans"}
    assert analyse("Which papers study transformers for LLMs?").names == frozenset()


def test_a_verb_holds_its_latin_noun_and_the_noun_its_verb():
    from paperqa.answer.evidence import has

    said = frozenset(stem(w) for w in "repetitive phraseology description solutions decide".split())
    for word in ("repeating", "describes", "solve", "decision"):
        assert has(stem(word), said), word
    assert not has(stem("reception"), said)  # no "receive" written


def test_an_adjective_in_ate_holds_its_noun_in_acy_and_the_noun_its_adjective():
    from paperqa.answer.evidence import has

    # "remove private data" of an abstract on "privacy": the closest had been said to lack "private"
    assert has(stem("private"), frozenset([stem("privacy")]))
    assert has(stem("literacy"), frozenset([stem("literate")]))
    assert not has(stem("private"), frozenset([stem("privileged")]))


def test_a_linked_name_is_written_with_its_linking_word_not_its_words_near_each_other():
    from paperqa.answer.holding import writes_linked
    from paperqa.types import Paper

    question, parts = "Which papers compare text-to-video models?", ("text", "video")
    # a music recommender that "fuses text and video" had listed as a text-to-video paper
    assert not writes_linked(Paper("a", "Music for videos", "We fuse text and video inputs."), question, parts)
    assert writes_linked(Paper("b", "T2V", "Text-to-video generation models."), question, parts)
    assert writes_linked(Paper("c", "T2V", "We map texts to videos."), question, parts)
