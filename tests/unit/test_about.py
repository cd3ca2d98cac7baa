"""What the corpus is about, read from its titles without a model."""

from paperqa.about import about_corpus, how_to_ask, title_phrases


def test_the_phrases_most_titles_write_are_counted_once_per_title_most_first():
    titles = [
        "Dense Retrievers for Dense Retrievers",  # counted once for this title
        "Efficient Dense Retrievers via Distillation",
        "Towards Better Dense Retriever Training",  # the same phrase in the singular
        "In-Context Learning of Hashing",
        "Unified In-Context Learning",
        "What In-Context Learning Learns",
        "Language Models are Few-Shot Learners",
        "Large Language Models Can Rank",
        "Masked Language Models",
    ]
    # "towards", "efficient", "unified" say how, and "language" is most titles' "language models": none is a topic;
    # a phrase in fewer than three titles says little of the corpus
    assert title_phrases(titles) == [("dense retrievers", 3), ("in-context learning", 3)]
    assert title_phrases(titles, limit=1) == [("dense retrievers", 3)]


def test_what_a_newcomer_asks_of_the_tool_or_the_corpus_is_no_search():
    # "What can I ask?" had been answered from a paper about a "dog" neuron; "what topics are in here?" had been told
    # there was no earlier answer; "tell me something interesting from the corpus" refused for lacking "something"
    for question in ("What can I ask?", "What questions can I ask you?", "what should I ask?"):
        assert how_to_ask(question), question
    for question in ("what topics are in here?", "Tell me something interesting from the corpus"):
        assert about_corpus(question), question
    assert not about_corpus("Which papers are in here about hashing?")  # a topic of its own
