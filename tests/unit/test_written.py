"""How a question writes its words: names in capitals a text never writes."""

from paperqa.answer.written import capitals_unwritten


def test_a_name_in_capitals_is_unwritten_unless_the_text_writes_or_spells_it_out():
    text = "Text-to-Image diffusion models, evaluated on MSMARCO and the BEIR benchmark with LLMs."
    assert capitals_unwritten("How fast on MS MARCO, BEIR and TREC DL with T2I models?", text) == ["TREC DL"]
    assert capitals_unwritten("Do LLM rerankers work?", "Large language models rerank.") == []  # spelled out
    assert capitals_unwritten("WHAT IS ON TREC DL?", "nothing") == []  # a question all in capitals says nothing
