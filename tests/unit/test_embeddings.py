"""The offline embedding: our pooling gives WordLlama's own vectors, only faster."""

from pathlib import Path

import numpy as np
import wordllama
from wordllama import WordLlama

from paperqa.embeddings import WordLlamaEmbedding, embed_query, embed_texts


def test_wordllama_vectors_match_the_library():
    texts = [
        "title: Unlearning\n\nWe make LLMs forget a target entity.",
        "a",
        "",
        "Retrieval-augmented generation (RAG) over 1,000 abstracts; émigré tokens; " * 20,
    ]
    reference = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, dim=256, disable_download=True)
    expected = np.asarray(reference.embed([texts[0], texts[1], texts[3]], norm=True, batch_size=2), dtype=np.float32)
    got = WordLlamaEmbedding().embed_batch(texts)
    assert got.shape == (4, 256)
    assert np.allclose(got[[0, 1, 3]], expected, atol=1e-5)
    assert np.allclose(np.linalg.norm(got[[0, 1, 3]], axis=1), 1.0, atol=1e-5)
    assert not got[2].any()  # an empty text has no tokens: a zero vector, never NaN


def test_the_direct_path_gives_what_llama_index_gives():
    model = WordLlamaEmbedding()
    texts = ["Which papers make LLMs forget a target entity?", "sparse retrieval", ""]
    via_llama_index = np.asarray(model.get_text_embedding_batch(texts), dtype=np.float32)
    assert np.array_equal(embed_texts(model, texts), via_llama_index)
    assert embed_query(model, texts[0]) == list(model.get_query_embedding(texts[0]))


def test_word_pieces_give_the_tokenizers_own_ids():
    from paperqa.corpus import read_corpus, shipped_corpus
    from paperqa.embeddings import WordPieces, _wordllama
    from paperqa.text import sentences

    tokenizer, _ = _wordllama(256)
    papers = read_corpus(shipped_corpus()).papers
    texts = [p.title for p in papers] + [s for p in papers for s in sentences(p.abstract)]
    odd = ["a  b", " lead", "trail ", "", " ", "x<s>y z", "</s>", "naïve café 😁 ∑ x2013 5\\% {br}",
           "tab\there\nnew line", "\u00a0nbsp word", "▁already ▁marked", "<unk> and <s>",
           "a " + "QUJD" * 40 + " blob"]  # fmt: skip
    pieces = WordPieces(tokenizer)
    pieces._LIMIT = 500  # the memory starts over many times on the way: answers must not change
    for batch in (texts[:1], texts[1:700], odd, texts[700:], odd, texts):
        expected = [e.ids for e in tokenizer.encode_batch(batch, add_special_tokens=False)]
        assert pieces.ids(batch) == expected
    assert max(map(len, pieces._words)) <= WordPieces._LONGEST
