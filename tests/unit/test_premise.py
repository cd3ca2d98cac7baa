"""What a question takes for granted about a paper, and whether the paper's abstract mentions it."""

import pytest

from paperqa.answer.premise import premise_note, premise_of, premise_said, training_denied, unsaid
from paperqa.types import Paper, Source


@pytest.mark.parametrize(
    ("question", "premise"),
    [
        ("How much extra training does MRL need, given that it trains a separate model for every size?",
         "it trains a separate model for every size"),
        ("Given that TAS-Balanced trains on one GPU, how fast is it?", "TAS-Balanced trains on one GPU"),
        ("How many parameters does the model that HyperAttention pretrains from scratch have?",
         "HyperAttention pretrains from scratch"),
        ("The method needed eight V100 GPUs for days; how did the authors justify that cost?",
         "The method needed eight V100 GPUs for days"),
        ("Which papers study hashing?", ""),
        ("What is the model that BERT uses?", ""),  # nothing asserted past the verb
        ("How many parameters does the model that HyperAttention pretrains have?", ""),
    ],
)  # fmt: skip
def test_the_clause_a_question_asserts_is_its_premise(question, premise):
    assert premise_of(question) == premise


def test_a_premise_is_unsaid_when_the_abstract_lacks_a_subject_of_it():
    paper = Paper("x", "Matryoshka Representation Learning", "One model gives embeddings of many sizes at once.")
    subject = {"separ", "gpus"}.__contains__  # "every" names no subject
    assert unsaid("it trains a separate model for every size", paper, subject, "Matryoshka") == ["separate"]
    assert unsaid("it gives embeddings of many sizes", paper, subject, "Matryoshka") == []
    on_gpu = Paper("y", "TAS-Balanced", "Trainable on a single GPU in under 48 hours.")
    assert unsaid("it needed eight GPUs", on_gpu, subject, "TAS-Balanced") == []  # "GPUs" is "GPU" plural
    note = premise_note("The method needed days", "A [3] title", ["days"])
    assert (
        note
        == "The question takes it that the method needed days; the abstract of “A [⁠3] title” never mentions “days”."
    )
    named = premise_note("HyperAttention pretrains", "T", ["pretrains"])  # a name keeps its capital ("hyperAttention")
    assert named.startswith("The question takes it that HyperAttention pretrains;"), named


def test_a_paper_said_to_be_a_language_model_that_never_speaks_of_one_is_said_not_to():
    mednext = Paper("m", "Brain Tumor Segmentation with MedNeXt", "We segment tumors in MRI scans with MedNeXt.")
    question = "Given that MedNeXt is a language model, what does it generate?"
    said = premise_said(question, Source(mednext, 1.0, 1), "MedNeXt", lambda t: True)
    assert said.endswith("never mentions “language models”."), said
    llm = Paper("w", "WAGLE", "Weight attribution for unlearning in large language models.")
    assert premise_said(question.replace("MedNeXt", "WAGLE"), Source(llm, 1.0, 1), "WAGLE", lambda t: True) == ""


@pytest.mark.parametrize(
    ("question", "own", "denied"),
    [
        (
            "How long does LM-Infinite fine-tune LLaMA?",
            ["We propose it, requiring no parameter updates or learning."],
            ("fine-tuning", "requiring no parameter updates"),
        ),
        (
            "How is AttentionInfluence trained?",
            ["We propose a simple, training-free method."],
            ("training", "training-free"),
        ),
        (
            "How does X retrain the model?",
            ["It removes data without retraining from scratch."],
            ("retraining", "without retraining"),
        ),
        # Prompt tuning fine-tunes prompts "without retraining its parameters": no retraining was asked.
        ("How does EPT fine-tune the model?", ["It fine-tunes a model without retraining its parameters."], None),
        ("How is SPLADE trained?", ["We train it with sparsity regularization."], None),
        ("What does LM-Infinite propose?", ["It requires no parameter updates."], None),  # no training asked
        # what the method is compared with lacks the training, not the method
        (
            "How does B-PROP pick words for pretraining a retriever?",
            ["Our method achieves significant improvements over baselines without pre-training."],
            None,
        ),
    ],
)
def test_training_a_question_asserts_is_checked_against_what_the_paper_says_it_needs(question, own, denied):
    assert training_denied(question, own) == denied


def test_an_adjective_the_paper_s_own_clause_negates_is_said_to_be_the_opposite():
    from paperqa.answer.premise import opposite_said

    own = ["We find that (3) widely adopted T5-base and T5-large sizes are Pareto-inefficient."]
    question = "Why does the paper recommend T5-base as the most efficient model size?"
    assert opposite_said(question, own, "") == ("efficient", "widely adopted T5-base and T5-large sizes are "
                                                "Pareto-inefficient")  # fmt: skip
    # the question negates it too; the clause writes it plain as well; nothing else of the question beside it
    assert opposite_said("Why are T5-base sizes inefficient?", own, "") is None
    mixed = ["It outperforms unsupervised baselines and reaches 89% of a supervised model."]
    assert opposite_said("What share of a supervised model does it reach?", mixed, "") is None
    assert opposite_said("Why is the optimizer efficient?", own, "") is None


def test_what_a_question_says_a_paper_needs_is_found_where_the_paper_works_without_it():
    from paperqa.answer.premise import free_of

    title = "FREESON: Retriever-Free Retrieval-Augmented Reasoning"
    assert free_of("Does FREESON need a separate retriever?", title, []) == ("a separate retriever", "title",
                                                                            "Retriever-Free")  # fmt: skip
    own = ["It works without any external retriever."]
    assert free_of("Does it rely on an external retriever?", "X", own) == ("an external retriever", "abstract",
                                                                          "without any external retriever")  # fmt: skip
    # said of the baselines it beats, not of itself
    assert free_of("Does it need a retriever?", "X", ["It beats baselines without a retriever."]) is None
    assert free_of("Does it need a GPU?", title, own) is None


def test_a_model_size_the_abstract_never_writes_is_unsaid():
    from paperqa.answer.premise import sizes_unsaid

    paper = Paper("x", "Predictive Data Selection", "Experiments with 1B and 3B parameter models on 30B tokens.")
    assert sizes_unsaid("Why does it need a large 7B model to score data?", paper) == ["7B"]
    assert sizes_unsaid("How does the 3B model do?", paper) == []  # written
    billions = Paper("y", "T", "We pretrain a 1.3 billion parameter model and a 350M one.")
    assert sizes_unsaid("Why a 1.3B model and a 350M one?", billions) == []  # "1.3 billion"
    assert sizes_unsaid("How does it compare on MS MARCO in 2024?", paper) == []  # no size


def test_what_a_question_says_a_paper_drops_is_found_where_it_adds_it():
    from paperqa.answer.premise import dropped_kept

    own = ["We propose ASFT, which augments DFT's reweighting with lightweight KL regularization to ensure stability."]
    clause = "which augments DFT's reweighting with lightweight KL regularization to ensure stability"
    assert dropped_kept("Why does ASFT drop the KL regularization that DFT uses?", own) == ("KL regularization", clause)
    assert dropped_kept("Why does ASFT remove the reweighting?", own) == ("reweighting", clause)  # it augments it
    # not said at all; the paper drops it too
    assert dropped_kept("Why does ASFT remove the dropout?", own) is None
    assert (
        dropped_kept("Why does it drop KL regularization?", ["It removes KL regularization, using a new loss."]) is None
    )


def test_what_a_question_says_a_paper_uses_or_avoids_is_checked_against_its_words():
    from paperqa.answer.premise import dropped_kept, free_of

    title = "ZIP-FIT: Embedding-Free Data Selection via Compression-Based Alignment"
    asked = "Which neural embedding model does ZIP-FIT use to measure alignment?"
    assert free_of(asked, title, []) == ("a neural embedding model", "title", "Embedding-Free")
    # said of the models it is compared with, not of itself
    assert (
        free_of("How much better is it than models that use a separate retriever?", "FREESON: Retriever-Free", [])
        is None
    )
    own = ["DP2Unlearning involves training LLMs on data protected using ε-differential privacy (DP)."]
    assert dropped_kept("Why does DP2Unlearning avoid differential privacy?", own) == (
        "differential privacy",
        "DP2Unlearning involves training LLMs on data protected using ε-differential privacy",
    )
