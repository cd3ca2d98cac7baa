"""A question's word the corpus spells the other way (British or American) is read as the corpus spells it."""

from paperqa.index.vocab import Vocab
from paperqa.spelling import respelled, spellings, typos_fixed, versions_read
from paperqa.text import stem

CORPUS = {stem(w) for w in ("neighboring", "summarization", "optimize", "analyze", "colour", "behaviour", "the")}
CHUNKS = {stem("modeling"): 2.0, stem("modelling"): 2.2, stem("labour"): 4.0, stem("labor"): 1.0}


def idf(term: str) -> float:
    return CHUNKS.get(term, 2.0 if term in CORPUS else 9.0)


def test_words_the_corpus_spells_otherwise_are_respelled_keeping_their_case():
    text = "Summarisation of neighbouring documents: optimise and analyse the color of its behavior."
    assert respelled(text, idf, 9.0) == (
        "Summarization of neighboring documents: optimize and analyze the colour of its behaviour."
    )


def test_a_word_the_corpus_has_or_no_spelling_of_it_has_stays():
    assert respelled("neighboring journal errors", idf, 9.0) == "neighboring journal errors"


def test_a_spelling_the_corpus_uses_far_less_is_read_as_its_commoner_one():
    assert respelled("Labour and modelling", idf, 9.0) == "Labor and modelling"  # not a near tie


def test_a_noun_the_corpus_writes_only_as_its_adjective_is_read_so():
    # "the isotropy of embeddings" was refused: the corpus says "not isotropic", which the stemmer keeps apart
    words = {stem("isotropic"): 6.0, stem("entropy"): 5.0}
    assert respelled("isotropy, entropic gravity", lambda t: words.get(t, 9.0), 9.0) == (
        "isotropic, entropy gravity"  # (a word the corpus has in no form stays)
    )


def test_most_words_have_no_other_spelling():
    assert spellings("retrieval") == [] and spellings("summarisation") == ["summarization"]


def test_a_slip_in_a_longer_word_is_read_as_the_one_corpus_word_it_misses_and_said():
    words = {stem(w): 2.0 for w in ("machine", "retrieval", "hallucination", "sparse", "space", "ensure", "the")}

    def holding(terms):
        return {t for t in terms if t in words}

    text, slips = typos_fixed("Machien retreival of halucination", holding)
    assert text == "Machine retrieval of hallucination"
    assert slips == [("Machien", "machine"), ("retreival", "retrieval"), ("halucination", "hallucination")]
    # An English word the corpus lacks is no slip ("unsure" is one token, though "ensure" is a slip away); two
    # fixes ("sparse", "space") are one too many; a short word may be a name ("GRPO").
    assert typos_fixed("unsure sparce GRPO", holding) == ("unsure sparce GRPO", [])
    # a name's letters before its version are no word ("Machinev2" was read "machine2", said as no paper's name);
    # a slip inside a hyphenated word still is one
    assert typos_fixed("Machinev2 or retreival-augmented", holding)[0] == "Machinev2 or retrieval-augmented"
    # A slip typed again is read the same each time (its case kept) and said once (it was worked out, and said, for
    # each: a question of one such word 40,000 times took 12 s)
    assert typos_fixed("retreival Retreival retreival", holding) == (
        "retrieval Retrieval retrieval",
        [("retreival", "retrieval")],
    )


def test_a_name_the_corpus_has_only_in_versions_is_read_as_its_most_common_version_and_said():
    counts = {"yolov8": 3, "yolov8n": 1, "yolo5x": 1, "llama": 9, "llama2": 2, "bertscore": 4}
    vocab = Vocab.of({term: i for i, term in enumerate(counts)})

    def idf(term: str) -> float:
        return 10.0 - counts.get(term, 0)

    text, read = versions_read("Does YOLO beat Llama, BERT or llama2?", idf, 10.0, lambda p: vocab.starting(p, 64))
    assert text == "Does YOLOv8 beat Llama, BERT or llama2?"  # "Llama" is known; "bertscore" is no BERT version
    assert read == [("YOLO", "YOLOv8")]
    assert vocab.starting("yolo", 1) == ["yolo5x"] and vocab.starting("zz", 64) == []


def test_an_acronym_the_corpus_writes_only_in_the_other_number_is_read_in_that_one():
    known = {"mllms": 2.0, "gnn": 2.0, "v100": 2.0}

    def idf(term: str) -> float:
        return known.get(term, 9.0)

    # the stemmer keeps an acronym's "s", so "MLLM" matched no chunk of a corpus writing "MLLMs"
    assert respelled("token pruning for MLLM and GNNs", idf, 9.0) == "token pruning for MLLMs and GNN"
    assert respelled("eight V100 GPUs on XYZ", idf, 9.0) == "eight V100 GPUs on XYZ"  # a model's name, or unknown


def test_an_everyday_word_is_read_as_the_word_papers_use_where_they_use_it_more():
    words = {stem("images"): 2.0, stem("pictures"): 5.5, stem("legal"): 4.7, stem("lawyers"): 7.1}
    assert respelled("Generating Pictures for lawyers", lambda t: words.get(t, 9.0), 9.0) == (
        "Generating Images for legal"
    )
    assert respelled("pictures", lambda t: 5.0, 9.0) == "pictures"  # no clearly commoner word: kept


def test_languages_in_everyday_words_are_read_as_multilingual_where_the_corpus_writes_it():
    def multilingual(term: str) -> float:
        return 2.0 if term == stem("multilingual") else idf(term)

    # "in other languages" had left only "retriever" to search for: FREESON answered
    assert respelled("make my retriever work in other languages", multilingual, 9.0) == (
        "make my retriever work multilingual"
    )
    assert respelled("search across languages", multilingual, 9.0) == "search multilingual"
    assert respelled("How many languages does it cover?", multilingual, 9.0) == "How many languages does it cover?"
    assert respelled("work in other languages", idf, 9.0) == "work in other languages"  # the corpus lacks it
