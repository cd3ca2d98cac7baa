"""False premises whose words the named paper's abstract holds, and comparisons with a side described or two
approaches offered as alternatives, over the shipped corpus (issue 12; the forty-fifth session's tuning data)."""

import pytest

pytestmark = pytest.mark.integration

PRESELECT = "Predictive Data Selection"


def test_a_name_its_abstract_gives_in_another_case_names_the_paper(offline):
    # the abstract writes "(Preselect)": the answer had opened "No paper in the corpus is named “PreSelect”"
    answer = offline.ask("What does PreSelect do?")
    assert "named “PreSelect”" not in answer.text and answer.citations[0].title.startswith(PRESELECT), answer.text


def test_a_model_size_the_named_paper_never_writes_is_said_unmentioned(offline):
    # it was refused (another paper trains "7B-13B" models), or answered without a word on the size
    answer = offline.ask("Does PreSelect rely on a 13B model as its scorer?")
    assert answer.answerable and answer.citations[0].title.startswith(PRESELECT), answer.text
    assert answer.text.startswith(f"The abstract of “{PRESELECT}") and "never mentions a “13B” model" in answer.text
    said_once = offline.ask("Does PreSelect need a 13B model?")  # the lead says it: not twice
    assert said_once.text.count("13B") == 1 and "does not mention “13B”" in said_once.text, said_once.text
    written = offline.ask("Does PreSelect train 3B parameter models?")  # the abstract writes "1B and 3B"
    assert "3B”" not in written.text, written.text


def test_what_a_question_says_a_paper_drops_where_it_adds_it_is_said_first(offline):
    answer = offline.ask("Why does ASFT remove the KL regularization?")
    assert answer.text.startswith("The question takes it that ASFT drops KL regularization; its abstract says"), (
        answer.text
    )
    assert "augments DFT's reweighting with lightweight KL regularization" in answer.text.split(".")[0]


def test_a_side_described_by_what_its_paper_cannot_do_is_found(offline):
    # "cannot" of a paper on transformers' "inability" to access memory at random: one side only had been answered
    answer = offline.ask("Compare CoPE and the work showing that transformers cannot access their context at random.")
    titles = [c.title for c in answer.citations]
    assert any(t.startswith("Contextual Position Encoding") for t in titles), answer.text
    assert any(t.startswith("Your Context Is Not an Array") for t in titles), answer.text


def test_a_described_side_asked_first_is_answered_first(offline):
    answer = offline.ask("How does the paper that reweights pretraining samples by loss differ from PreSelect?")
    assert answer.text.startswith("Dynamic Loss-Based Sample Reweighting"), answer.text
    assert {c.title.split(":")[0] for c in answer.citations} >= {PRESELECT}


def test_which_is_better_of_two_approaches_offered_answers_both(offline):
    answer = offline.ask(
        "Which works better for ranking passages, full ranking with long-context LLMs or pairwise ranking prompting?"
    )
    titles = [c.title for c in answer.citations]
    assert any(t.startswith("Sliding Windows Are Not the End") for t in titles), answer.text
    assert any("Pairwise Ranking Prompting" in t for t in titles), answer.text


def test_what_is_a_concept_no_paper_holds_whole_is_refused(offline):
    # "the meaning of life" was answered from LinEAS (models "in daily life"); "the capital of France" from a paper
    # quoting it as an example prompt
    for question in ("What is the meaning of life?", "What is the capital of France?"):
        answer = offline.ask(question)
        assert not answer.answerable and "closest lacks" in answer.text, answer.text
    # a paper holding the concept further down is answered from instead of the first found
    vectors = offline.ask("What is multi-vector retrieval?")
    assert vectors.answerable and vectors.citations[0].title.startswith("ColBERT-XM"), vectors.text
    defined = offline.ask("What is surface form competition?")  # quoted where the abstract defines it: held
    assert defined.answerable and defined.citations[0].title.startswith("Attentiveness to Answer Choices")
