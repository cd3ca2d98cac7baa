"""What the corpus is about, read from its titles without a model."""

from paperqa.about import title_phrases


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
