"""Text rules: sentences that say where a paper's code is carry none of its subject; contractions are no terms."""

import random
import re

from paperqa.markup import markup_removed
from paperqa.text import (
    examples_removed,
    frames,
    multilingual_said,
    named_examples_removed,
    prose_terms,
    sentence_pieces,
    substance,
    terms,
)
from paperqa.tidy import tidy

ABSTRACT = (
    "We propose a sparse retriever for source code search. It halves latency. "
    "Our code is publicly available at https://github.com/x/y. We release the code and models. "
    "Weights: see www.example.org for details. Binary codes are learned end to end."
)


def test_sentences_saying_where_code_is_or_giving_an_address_are_left_out():
    assert substance(ABSTRACT) == [
        "We propose a sparse retriever for source code search.",
        "It halves latency.",
        "Binary codes are learned end to end.",
    ]


def test_an_abstract_without_such_sentences_is_kept_whole():
    text = "We release a benchmark of 5k questions. Code generation improves by 3 points."
    assert substance(text) == ["We release a benchmark of 5k questions.", "Code generation improves by 3 points."]


def test_what_an_apostrophe_leaves_of_a_contraction_is_not_a_term():
    """ "don't" splits into "don" and "t": "don" must not become a key word a paper has to hold."""
    assert terms("Do language models know what they don't know? We've seen they'll abstain") == [
        "languag", "model", "know", "know", "seen", "abstain"
    ]  # fmt: skip


def test_relations_and_font_switches_of_tex_read_as_a_reader_reads_them():
    shown = tidy(r"outperformed baselines by geq140% success; {\it normal neural} networks; for x \geq 3 and \times 2")
    assert shown == "outperformed baselines by ≥140% success; normal neural networks; for x ≥ 3 and × 2"
    assert tidy("suggests a geqo-like name") == "suggests a geqo-like name"  # only the bare word is a relation
    assert tidy("a 40times acceleration; 5.7% rightarrow 25.4%") == "a 40× acceleration; 5.7% → 25.4%"
    assert tidy("sometimes, three times, multitimes") == "sometimes, three times, multitimes"  # no figure glued
    # GigaTok's "3 space billion parameters": TeX's spacing between a figure and its word
    assert tidy("By scaling to 3 space billion parameters") == "By scaling to 3 billion parameters"
    assert tidy("a latent space of 3 spaces; 3 space") == "a latent space of 3 spaces; 3 space"
    assert tidy("(typically x!in!{4,8}) than; wow! in time") == "(typically x ∈ 4,8) than; wow! in time"  # ARC-Encoder


def test_a_dash_s_code_glued_between_words_reads_as_the_dash():
    # GASLITE's abstract, as quoted in the chat: "text retrievalx2013retrieval of relevant passages"
    glued = "Dense text retrievalx2013retrieval of passages via encodingsx2013has emerged; a x2013 b"
    assert tidy(glued) == "Dense text retrieval–retrieval of passages via encodings–has emerged; a – b"
    assert tidy("Linux2020 and index2019 stay; Fox2013 too") == "Linux2020 and index2019 stay; Fox2013 too"


def test_an_abstracts_linking_phrases_name_no_subject():
    assert prose_terms("In contrast, for instance, in order to rank") == ["rank"]
    assert prose_terms("contrastive learning of instance order") == terms("contrastive learning of instance order")


def test_what_a_thing_is_responsible_for_is_what_it_does():
    # "what attention heads are responsible for" had wanted "responsible" of every paper on attention heads
    assert prose_terms("what attention heads are responsible for") == terms("attention heads")
    assert "respons" in prose_terms("responsible text-to-image generation")  # a subject of its own


def test_each_linking_phrase_opens_with_a_letter_the_pattern_looks_for():
    # the pattern tries its phrases only where a word opens with one of their first letters (`_CONNECTIVE`)
    for phrase in (
        "in contrast",
        "by contrast",
        "for example",
        "followed by",
        "recent advances in",
        "the field of",
        "what is known about",
        "point me to",
        "how do people",
        "could cite",
        "see to understand",
        "were responsible for",
        "on the other hand",
        "which contrasts with",
        "developments in",
    ):
        assert prose_terms(f"hashing {phrase} hashing") == ["hash", "hash"], phrase


def test_html_tags_are_taken_out_of_a_question_and_nothing_else():
    assert markup_removed("<img src=x onerror=alert(1)> which papers <b>study</b> hashing?") == (
        "which papers study hashing?"
    )
    assert markup_removed("models with <1B parameters, a < b") == "models with <1B parameters, a < b"
    # a Markdown link's text is read, its target is not ("javascript", "alert" were key words no paper has)
    assert markup_removed("papers on [hashing](javascript:alert(2)) see [3] and") == "papers on hashing see [3] and"


def test_a_pasted_script_is_no_part_of_the_question():
    assert markup_removed("<script>alert(1)</script> splade vs colbert") == "splade vs colbert"
    assert markup_removed("<STYLE type=x>b{color:red}</style >hashing?") == "hashing?"
    assert markup_removed("a <script> alone stays a tag") == "a alone stays a tag"


def test_markdown_marks_are_taken_out_of_a_question():
    assert markup_removed("**What** are the `latest` papers?") == "What are the latest papers?"
    assert markup_removed("papers on snake_case names") == "papers on snake_case names"


def test_examples_given_in_parentheses_are_taken_out_of_what_a_paper_must_hold():
    question = "Which pre-training tasks (e.g. predicting a sentence's surrounding passage) help retrievers?"
    assert examples_removed(question) == "Which pre-training tasks help retrievers?"
    kept = "Which papers probe encoders (POS, syntax) for linguistic information?"  # no "e.g.": the topic's own
    assert examples_removed(kept) == kept
    assert examples_removed("(e.g. " * 20_000) == "(e.g. " * 19_999 + "(e.g."  # unclosed: left as it is


def test_names_given_as_examples_are_no_paper_asked_about():
    asked = "Which adversarial attacks target learned sparse retrieval like SPLADE?"
    assert named_examples_removed(asked) == "Which adversarial attacks target learned sparse retrieval ?"
    listed = "How do methods such as ROME and MEMIT compare, e.g. T5 or GPT-2?"
    assert named_examples_removed(listed) == "How do methods compare, ?"
    for compared in ("Is SPLADE like ColBERT?", "How is SPLADE like ColBERT?", "a corpus like the Pile"):
        assert named_examples_removed(compared) == compared  # a comparison, or no name
    assert named_examples_removed("papers like AbC, " * 20_000).startswith("papers ,")  # linear, bounded names


def test_the_noun_of_a_task_does_not_frame_a_question_as_its_verb_does():
    assert frames("summarize") and frames("evaluate") and not frames("summarization") and not frames("hashing")


def test_several_languages_are_said_to_be_multilingual():
    assert multilingual_said("Datasets in 300+ Languages") == "Datasets in 300+ Languages multilingual"
    assert multilingual_said("models for many languages?") == "models for many languages multilingual?"
    # a count asked, or one language, is not several
    assert multilingual_said("How many languages does it cover?") == "How many languages does it cover?"
    assert multilingual_said("an Irish language model") == "an Irish language model"


def test_sentence_cuts_are_those_of_the_plain_patterns():
    # the cuts and the abbreviation guard are found with patterns that try few places; these plain ones tried
    # every letter and give the same sentences
    abbrev = re.compile(r"\b(e\.g|i\.e|a\.k\.a|et al|vs|cf|Fig|Eq|approx|resp|incl)\.\s", re.IGNORECASE)
    cut = re.compile(r"(?<=[.!?])[ \t\r\n]+(?=[A-Z0-9(\[\"'“])")
    pieces = ["e.g. ", "I.E. ", "et al. ", "vs. ", "Fig. ", "incl. ", ". ", "? ", "! ", ".. ", ".\n", "A", "b", " ",
              "(", "“", "x.", "3", "Eg. ", "\u00a0", "-e.g. ", "_vs. "]  # fmt: skip
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        guarded = abbrev.sub(lambda m: m.group(0).replace(". ", ".\u00a0"), text)
        cuts = [m.end() for m in cut.finditer(guarded)]
        expected = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=False) if a < b]
        assert sentence_pieces(text) == expected, repr(text)
