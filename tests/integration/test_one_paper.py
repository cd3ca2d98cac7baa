"""Answers drawn from one paper (issue 12): the figure asked, of the method asked."""

import pytest

from paperqa import Turn

from .answering import answered_from

pytestmark = pytest.mark.integration


def test_a_figure_of_the_background_is_not_the_named_methods(offline):
    # NeuS2's abstract opens on NeuS ("takes an extremely long time (8 hours)"), then states its own speed in words
    fast = offline.ask("How fast is NeuS2?")
    assert "8 hours" not in fast.text and "two orders of magnitude" in fast.text, fast.text
    slow = offline.ask("How long does NeuS take to train?")  # the background's method asked by its name
    assert "8 hours" in slow.text, slow.text


def test_each_figure_a_question_asks_for_is_given(offline):
    # two quantities: the training time ("under 48 hours") and the latency ("64ms per query", a unit written on)
    answer = offline.ask("How long does TAS-Balanced take to train, and what latency per query does it reach?")
    assert "48 hours" in answer.text and "64ms per query" in answer.text, answer.text


def test_a_name_inflected_in_a_title_names_its_paper(offline):
    # "GASLITEing the Retrieval" proposes "the GASLITE attack"; no abstract says "poison", but the paper is named
    answered_from(offline, "How does GASLITE poison retrieval corpora?", "GASLITEing")


def test_a_limit_asked_is_quoted_first_where_the_abstract_says_it_by_its_acronym(offline):
    # AxBench defines "sparse autoencoders (SAEs)" in a sentence with "but", and states "SAEs are not competitive"
    answer = offline.ask("What are the limitations of sparse autoencoders according to AxBench?")
    assert answer.text.split("[1]: ", 1)[1].startswith("On both evaluations, SAEs are not competitive"), answer.text


def test_what_a_paper_named_by_its_title_concludes_is_its_summing_up(offline):
    # the question's words are the title's ("the SoK on machine unlearning"): what it concludes, not its first line
    answer = offline.ask("What does the SoK on machine unlearning conclude?")
    assert answer.text.split("[1]: ", 1)[1].startswith("In summary, this work offers"), answer.text


def test_the_paper_that_introduced_a_thing_is_the_one_named_for_it(offline):
    # Starbucks and 2D Matryoshka build on it and rank higher; "Matryoshka Representation Learning" made it
    answer = offline.ask("Which paper introduced the Matryoshka idea?")
    assert answer.citations[0].title == "Matryoshka Representation Learning", answer.text
    # in the plural, or by what later papers call the thing ("embeddings"): 2D Matryoshka and Starbucks were given
    for asked in (
        "Which paper introduced Matryoshka representations?",
        "Which paper introduced Matryoshka embeddings?",
    ):
        answer = offline.ask(asked)
        assert answer.citations[0].title == "Matryoshka Representation Learning", (asked, answer.text)


def test_what_is_new_about_a_named_paper_is_what_it_brings(offline):
    answer = offline.ask("What is new about SPLADE v2?")  # quoted "Introduced recently, the SPLADE model …" first
    assert answer.text.split("[1]: ", 1)[1].startswith("In this paper, we build on SPLADE"), answer.text


def test_a_named_papers_limitation_is_its_own_not_the_one_it_overcomes(offline):
    # "a distance limit" (a setting of LM-Infinite) was quoted as its limitation; the limits before what a paper
    # does are the field's, which it sets out to overcome, and one "where vanilla models fail" is theirs
    infinite = offline.ask("What is the main limitation of LM-Infinite?")
    assert infinite.text.startswith("The abstract of “LM-Infinite: Simple") and "states no limitation of its own;" in (
        infinite.text
    ), infinite.text
    assert "LLMs often struggle" in infinite.text and "distance limit" not in infinite.text
    axbench = offline.ask("What are the downsides of AxBench?")  # "SAEs are not competitive" is the SAEs' downside
    assert "states no limitation of its own; what it does: Therefore, we introduce AxBench" in axbench.text, (
        axbench.text
    )


def test_a_name_an_abstract_proposes_without_calling_it_so_names_its_paper(offline):
    # "we propose FlexPredict", "we introduce MingTok": neither title has the name, and both comparisons were
    # refused ("the closest lacks “FlexPredict”")
    for asked, sides in [
        ("Compare FlexPredict and MAE-LM", ("Predicting masked tokens", "Representation Deficiency")),
        ("How does TokenBridge compare with MingTok?", ("Bridging Continuous and Discrete", "Ming-UniVision")),
    ]:
        answer = offline.ask(asked)
        titles = [c.title for c in answer.citations]
        assert answer.answerable and all(any(t.startswith(s) for t in titles) for s in sides), (asked, answer.text)
    # a word of English in capitals ("We present PRIOR") names no paper: "prior work" is no question about it
    prior = offline.ask("What prior work on vision-language pre-training weights image-related tokens?")
    assert "No paper in the corpus is named" not in prior.text, prior.text


def test_a_name_in_capitals_spelling_a_word_names_its_paper_where_written_so(offline):
    # "we propose GENRE": "How does GENRE differ from NLSHBlock?" had said "No paper in the corpus is named GENRE"
    # and answered from NLSHBlock's paper alone
    answer = offline.ask("How does GENRE differ from NLSHBlock?")
    assert "is named" not in answer.text, answer.text
    assert {c.title for c in answer.citations} >= {
        "Autoregressive Entity Retrieval",
        "Neural Locality Sensitive Hashing for Entity Blocking",
    }, answer.text
    # ... but only as written: a music genre names no paper
    genre = offline.ask("How does music genre differ from NLSHBlock?")
    assert "Autoregressive Entity Retrieval" not in {c.title for c in genre.citations}, genre.text


def test_what_a_name_is_quotes_the_sentence_that_introduces_it(offline):
    # "What is MERU?" read "MERU" as the kind of thing asked for and quoted "Our results show that MERU learns …"
    for asked, said in [
        ("What is MERU?", "We propose MERU, a contrastive model"),
        ("What does SDIM do?", "In this paper, we propose SDIM (Sampling-based Deep Interest Modeling)"),
    ]:
        answer = offline.ask(asked)
        assert answer.text.split("[1]: ", 1)[1].startswith(said), (asked, answer.text)


def test_a_compared_name_that_papers_study_but_none_made_is_said_so(offline):
    # "Compare MERU and CLIP": "… Neurons in CLIP" goes by CLIP, so CLIP was taken for a paper's name, a paper
    # using CLIP's space stood as its side, and "No abstract names the other paper" was said of MERU's, which does
    answer = offline.ask("Compare MERU and CLIP.")
    assert answer.text.startswith("No paper in the corpus introduces “CLIP”."), answer.text
    assert "competitive with CLIP's performance" in answer.text and "No abstract names" not in answer.text
    assert [c.title for c in answer.citations] == ["Hyperbolic Image-Text Representations"], answer.text


def test_bert_compared_is_a_name_no_paper_made_not_a_survey_using_it(offline):
    # "How does ExLM compare to BERT?" had set ExLM beside "Utilizing BERT for Information Retrieval", a survey, and
    # "Compare PatentBERT and BERT" too ("BERT" had been a name too common to weigh, as "LLM" is)
    for asked, side in (("How does ExLM compare to BERT?", "ExLM"), ("Compare PatentBERT and BERT", "PatentBERT")):
        answer = offline.ask(asked)
        assert answer.text.startswith("No paper in the corpus introduces “BERT”."), answer.text
        assert [c.title.split(":")[0] for c in answer.citations] == [side], answer.text


def test_what_a_paper_of_a_versioned_name_is_is_what_it_brings(offline):
    # "What is SPLADE v2?" quoted the background "Introduced recently, the SPLADE model …": its earlier version
    answer = offline.ask("What is SPLADE v2?")
    assert answer.text.split("[1]: ", 1)[1].startswith("In this paper, we build on SPLADE"), answer.text
    assert "Introduced recently" not in answer.text


def test_a_gain_stated_as_a_ratio_in_words_answers_by_how_much(offline):
    # "at approximately half the unlearning cost" has no digit: "it outperforms approximate unlearning methods"
    # was quoted first
    answer = offline.ask("By how much does DP2Unlearning reduce unlearning cost?")
    assert "approximately half the unlearning cost [1]." in answer.text.split(". ")[0] + ".", answer.text


def test_what_a_concept_is_quotes_the_sentence_saying_it_wherever_it_is(offline):
    # "What is dense retrieval?" quoted "Current dense text retrieval models face two typical challenges"
    for asked in ("What is dense retrieval?", "How does dense retrieval work?"):
        answer = offline.ask(asked)
        quoted = answer.text.split("]: ", 1)[1]
        assert quoted.startswith("Dense retrieval represents queries and documents as"), (asked, answer.text)
        assert [c.support for c in answer.claims] == ["full"], answer.text


def test_the_verb_of_how_does_a_named_paper_do_something_is_no_word_it_must_write(offline):
    # "How does Predictive Data Selection choose data?" said the abstract "does not mention “choose”"
    answer = offline.ask("How does Predictive Data Selection choose data?")
    assert answer.text.startswith("From “Predictive Data Selection"), answer.text
    # nor is a paper holding "predict", "data" and "select" apart related to it ("Differentiable Neural Input Search")
    assert "Related:" not in answer.text and len(answer.citations) == 1, answer.text
    # nor does it narrow what follows into a topic the paper is not on ("lacks “select important”")
    lexrank = offline.ask("How does LexRank select important sentences?")
    assert lexrank.text.startswith("From “LexRank"), lexrank.text
    # a word asked of it besides the verb is still said unmentioned
    negation = offline.ask("How does SPLADE handle negation?")
    assert "does not mention “negation”" in negation.text, negation.text


def test_a_related_paper_is_on_the_answer_s_topic_not_only_sharing_its_words(offline):
    # A music-recommendation paper for video shares "video", "neural" and "network" with the question; it was named
    # "Related:" beside HNeRV. A paper on neural image representations stays related.
    answer = offline.ask("Which paper represents videos with neural networks?")
    assert answer.text.startswith("From “HNeRV"), answer.text
    assert "Related: Extreme Compression of Adaptive Neural Images" in answer.text
    assert "Music Recommendation" not in answer.text


def test_a_question_that_is_a_title_s_head_names_its_paper(offline):
    # "What comes after transformers? -- A selective survey …": asked as typed, it was taken for a follow-up with
    # nothing to refer to ("transformers" read as a kind of model wanted), then answered from another paper.
    answer = offline.ask("What comes after transformers?")
    assert answer.text.startswith("From “What comes after transformers? -- A selective survey"), answer.text


def test_the_sentence_naming_the_kind_asked_is_quoted_first(offline):
    # "What datasets does SIU use?" quoted two sentences on "data" (visual data, fine-tuning data), never the one
    # establishing its benchmark, MMUBench, as it was not among the sentences holding most of the question's words
    answer = offline.ask("What datasets does Single Image Unlearning use?")
    assert "MMUBench" in answer.text.split("[1]")[1], answer.text


def test_the_sentence_naming_the_kind_beside_its_name_comes_first(offline):
    # "What dataset does PatentBERT introduce?" quoted "When applied to large datasets of over two millions patents,
    # … using CNN …" first (a name, CNN, far from "datasets"), the sentence giving "a large dataset USPTO-3M" second
    answer = offline.ask("What dataset does PatentBERT introduce?")
    first = answer.text.split("[1]")[1]
    assert "USPTO-3M" in first and "CNN" not in first, answer.text


def test_the_strengths_of_a_method_are_what_its_paper_found(offline):
    # "What are the strengths of Matryoshka Representation Learning?" was "The abstract … does not mention
    # “strengths”": the word asks for what the paper shows, as "the main finding of" does
    answer = offline.ask("What are the strengths of Matryoshka Representation Learning?")
    assert "does not mention" not in answer.text and "we show that MRL" in answer.text, answer.text
    late = offline.ask("What are the advantages of late chunking?")
    assert "superior results" in late.text.split("[1]")[1], late.text


def test_a_paper_asked_how_it_compares_to_others_answers_with_where_it_is_set_against_them(offline):
    # "How does RECE compare to other concept erasure methods?" quoted only what RECE is; its abstract's sentence
    # "Benchmarking against previous approaches, our method achieves …" answers it, first
    for question, said in (
        ("How does RECE compare to other concept erasure methods?", "Benchmarking against previous approaches"),
        ("How does GraphHash compare to other hashing methods?", "substantially outperforms diverse hashing"),
    ):
        answer = offline.ask(question)
        assert said in answer.text.split("[1]")[1], answer.text  # the first sentence quoted


def test_what_beats_a_thing_somewhere_is_answered_where_the_paper_says_what_does_there(offline):
    # "What beats sparse autoencoders for concept detection?" quoted AxBench's list of techniques; its "For concept
    # detection, representation-based methods such as difference-in-means, perform the best" answers it
    answer = offline.ask("What beats sparse autoencoders for concept detection?")
    assert "For concept detection, representation-based methods" in answer.text.split("[1]")[1], answer.text
    # ("Does PRP beat InstructGPT on TREC-DL2019?" asks of PRP: its sentence on that benchmark, as before)
    prp = offline.ask("Does PRP beat InstructGPT on TREC-DL2019?")
    assert "On TREC-DL2019, PRP" in prp.text.split("[1]")[1], prp.text


def test_a_coined_name_names_its_paper_in_a_corpus_of_a_few_papers(tmp_path):
    # In four papers no word is rare by the share of the highest IDF a name needs in a large corpus; a name only
    # one chunk holds still names its paper ("Who wrote ZetaNet?" had become a list on "ZetaNet").
    from tests.integration.indexing import papers_assistant

    rows = [
        ("z", "Fast brain imaging", "We propose ZetaNet for magnetic resonance imaging of brains."),
        ("m", "Merging models", "We present QuillMerge, a technique for merging language models."),
        ("t", "Translation in context", "We study in-context learning for machine translation."),
        ("c", "Code search embeddings", "We build sentence embeddings and evaluate them on code search."),
    ]
    assistant = papers_assistant(tmp_path / "home", rows)
    for name, title in (("ZetaNet", "Fast brain imaging"), ("QuillMerge", "Merging models")):
        answer = assistant.ask(f"Who wrote {name}?")
        assert f"does not record who wrote “{title}”" in answer.text, answer.text
        assert [c.title for c in answer.citations] == [title]
    assistant.close()


def test_a_phrase_a_named_paper_has_no_word_of_is_refused_naming_it(offline):
    # named by its title; transfer to "weather forecasting" is nowhere in it (nor in the corpus: "forecasting")
    answer = offline.ask("How well do sparse ImageNet models transfer to weather forecasting?")
    assert not answer.answerable and "(the closest lacks “weather forecasting”)" in answer.text, answer.text
    assert "“How Well Do Sparse Imagenet Models Transfer?”" in answer.text


def test_a_kind_of_learning_a_named_paper_never_mentions_is_said_whole(offline):
    # "for reinforcement learning": "reinforcement" names no subject by its spread, but the kind of learning does;
    # the corpus does not say ADAHESSIAN is used there
    answer = offline.ask("How does ADAHESSIAN work for reinforcement learning?")
    assert not answer.answerable and "(the closest lacks “reinforcement learning”)" in answer.text, answer.text
    assert "“ADAHESSIAN" in answer.text
    # a domain is said with the word after it
    hyper = offline.ask("How does HyperAttention perform on image generation?")
    assert not hyper.answerable and "(the closest lacks “image generation”)" in hyper.text, hyper.text


def test_a_title_name_narrowed_by_a_subject_before_it_is_a_topic_not_that_paper(offline):
    # "Representation Learning: A Review …" is named by "representation learning"; "patent representation
    # learning" is PaECTER's topic, which the review never mentions
    answer = offline.ask("What makes patent representation learning different?")
    assert answer.citations[0].title.startswith("PaECTER"), answer.text
    # a name written whole is still that paper's, whatever comes before it
    compared = offline.ask("Compare Matryoshka Representation Learning and 2D Matryoshka Sentence Embeddings.")
    assert compared.text.startswith("Matryoshka Representation Learning [")


def test_a_refusal_for_what_a_named_paper_never_mentions_names_that_paper_first(offline):
    # ConceptGraphs (3D scenes) ranks above HNeRV for "3D point clouds"; the paper asked of is the closest
    answer = offline.ask("How does HNeRV represent 3D point clouds?")
    assert not answer.answerable, answer.text
    assert answer.text.split("The closest papers found were ")[1].startswith("“HNeRV"), answer.text


def test_a_coined_name_qualifying_a_noun_is_held_by_the_paper_holding_both(offline):
    # "the BabyLM team": CLIMB writes "the BabyLM Challenge" and "our team's contribution", never the two together
    answered_from(offline, "What did the BabyLM team find about curriculum learning with a tiny training set?", "CLIMB")


def test_a_yes_or_no_questions_verb_weighs_nothing_beside_what_it_is_about(offline):
    # "change" had made a probing paper holding it outweigh the one on architectures and scaling
    answer = offline.ask("Does architecture change how models scale?")
    assert answer.citations[0].title.startswith("Scaling Laws vs Model Architectures"), answer.text


def test_a_gain_over_a_named_baseline_stated_in_words_is_quoted_first(offline):
    # no figure: "greater flexibility and efficiency than MRL", not the background's "(Kusupati et al., 2022)"
    answer = offline.ask("How much more efficient is 2D Matryoshka than MRL?")
    first = answer.text.split(": ", 1)[1].split(" [1]")[0]
    assert first.endswith("greater flexibility and efficiency than MRL"), answer.text


def test_a_gain_is_quoted_where_it_is_of_what_the_question_measures(offline):
    # "reduce repetitive phrases": FTPO's "90% slop reduction", before "patterns appear over 1,000x more frequently"
    answer = offline.ask("How much does the Antislop sampler reduce repetitive phrases?")
    assert "90% slop reduction" in answer.text.split(" [1]")[1], answer.text  # the first sentence quoted


def test_what_a_question_says_a_paper_does_not_use_is_no_word_it_must_hold(offline):
    # "does not use transformers" had been read as "transformers", which BriLLM lacks: refused
    answered_from(offline, "What is a brain-inspired language model that does not use transformers?", "BriLLM")


def test_what_one_does_weighs_nothing_in_whether_the_papers_found_cover_a_question(offline):
    # "pick" (in a few chunks) had outweighed "diverse", "important" and "pretraining": refused
    answered_from(offline, "How do you pick diverse and important data for pretraining?", "Harnessing Diversity")


def test_what_is_done_to_the_things_asked_about_is_no_loss_where_no_paper_says_it(offline):
    # "can both be cut": Starbucks truncates layers and dimensions; "cut" (in few chunks) had outweighed the rest
    answered_from(offline, "How do you train embeddings whose layers and dimensions can both be cut?", "Starbucks")
    # (it still counts where papers say it, and where it is what is asked: off-corpus questions stay refused)
    assert not offline.ask("How do you train speech models whose layers can be pruned?").answerable
    assert not offline.ask("How can mixture-of-experts models be pruned?").answerable


def test_when_a_question_asks_it_is_no_word_a_paper_must_hold(offline):
    # "still" (in few chunks) had outweighed the rest: a membership-inference paper was the closest
    answered_from(offline, "Do representations trained on one distribution still work when the task shifts?",
                  "Learning useful representations for shifting")  # fmt: skip


def test_a_linked_name_is_held_whole_or_not_at_all(offline):
    # "data-to-text": a benchmark paper holding "text" (of text retrieval) and "end-to-end" had been the answer
    answered_from(offline, "Is it better to build data-to-text systems as a pipeline or end to end?",
                  "Neural data-to-text generation")  # fmt: skip


def test_a_word_of_extent_is_not_the_rarest_word_a_paper_must_hold(offline):
    # "whole" (rare in abstracts) had been the word ERNIE-Gram lacked: "No paper clearly addresses this"
    answer = answered_from(offline, "Which model masks whole n-grams when pretraining?", "ERNIE-Gram")
    assert answer.text.startswith("From “ERNIE-Gram"), answer.text


def test_a_theory_is_held_by_a_theoretical_analysis(offline):
    # the paper titled "… A Theoretical Analysis" had lacked "theory": a zero-shot generalization theory answered
    answered_from(offline, "Does downstream data help self-supervised pretraining in theory?", "Can Pretext-Based")


def test_a_figure_of_another_measure_is_said_to_be_no_figure_of_the_one_asked(offline):
    # LSH-MoE's abstract never names memory: its "1.28x - 2.2x of speedup" had been quoted as the answer
    answer = offline.ask("How much memory does LSH-MoE save in training?")
    assert answer.text.startswith("The abstract of “LSH-MoE") and "gives no figure for this" in answer.text
    # (a speed-up asked of it is its figure)
    assert "gives no figure" not in offline.ask("How much faster is training with LSH-MoE?").text


def test_how_much_something_speeds_up_asks_for_the_speed_up(offline):
    # "speed up" (two words) had not read as a speed asked: a "4-bit" sentence was quoted, not "3.36x speedups"
    answer = answered_from(offline, "How much does SALE speed up prefilling?", "SALE")
    assert "3.36x speedups" in answer.text.split(" [1]")[1], answer.text  # the first sentence quoted


def test_whether_a_named_paper_beats_another_is_answered_where_it_sets_itself_against_others(offline):
    # "Does ERNIE-Gram beat BERT …?" had opened with the background sentence naming BERT's masked LM objective
    answer = answered_from(offline, "Does ERNIE-Gram beat BERT on GLUE?", "ERNIE-Gram")
    assert "outperforms previous pre-training models" in answer.text.split(" [1]")[1], answer.text


def test_a_kind_of_learning_a_named_paper_never_mentions_is_said_so(offline):
    # PEGASUS never mentions reinforcement learning: its summarization sentence had answered which RL algorithm
    answer = offline.ask("Which reinforcement learning algorithm does PEGASUS use for summarization?")
    assert answer.text.startswith("The abstract of “PEGASUS") and "does not mention “reinforcement learning”" in (
        answer.text
    ), answer.text


def test_a_phrase_said_the_other_way_round_with_a_preposition_is_held(offline):
    # "lattice decoding" of "Massive-scale Decoding for Text Generation using Lattices" had been refused
    answered_from(offline, "How do you generate many diverse outputs with lattice decoding?", "Massive-scale Decoding")
    # ("transformer depth" and "estimators" said apart are still no depth estimation)
    assert not offline.ask("Can in-context learning be used for depth estimation?").answerable


def test_a_common_head_a_far_rarer_subject_names_is_held_by_a_paper_on_the_subject(offline):
    # LexGPT, "specialized for the legal domain", never writes "text": it had been refused for lacking it
    answered_from(offline, "Is there a GPT model trained just on legal text?", "LexGPT")


def test_what_the_asker_does_to_the_things_asked_about_is_the_topic(offline):
    # "prune" is what "you" do to MLP layers: the paper that prunes them answers, not one on ViTs' MLP layers that
    # never prunes (its verb had weighed nothing, as "handle" in "how do transformers handle …" does)
    answer = answered_from(offline, "How do you prune the MLP layers of big vision transformers?", "Adaptive MLP")
    assert "does not mention" not in answer.text, answer.text


def test_a_kind_of_learning_its_paper_writes_with_the_modifiers_reordered_is_answered(offline):
    answered_from(offline, "Can downstream data help self-supervised pretext learning, in theory?", "Can Pretext-Based")


def test_how_many_things_a_question_asks_of_is_no_word_its_paper_must_hold(offline):
    # "several" says how many tokens, as "many" does: Future Lens holds it but not "semantic"; FTP the reverse
    answered_from(offline, "Can a language model predict several future tokens at once with a semantic state vector?",
                  "Future Token Prediction")  # fmt: skip


def test_a_figure_asked_of_two_named_papers_is_each_ones(offline):
    # "How much faster are HyperAttention and SALE?" had given HyperAttention's figure alone
    answer = offline.ask("How much faster are HyperAttention and SALE?")
    titles = {c.title.split(":")[0].strip() for c in answer.citations}
    assert titles == {"HyperAttention", "SALE"} and "50% faster" in answer.text and "3.36x" in answer.text, answer.text
    assert "does not mention" not in answer.text, answer.text  # each abstract need not name the other paper
    # one's gain over the other, of an abstract naming the other, is its own ("we build on SPLADE")
    v2 = offline.ask("Is SPLADE v2 better than SPLADE?")
    assert not v2.text.startswith("Neither abstract"), v2.text
    # one's gain over the other is that one's figure
    over = offline.ask("How much does SPLADE v2 improve over SPLADE on TREC DL 2019?")
    assert [c.title.split(":")[0] for c in over.citations] == ["SPLADE v2"] and "9%" in over.text, over.text


def test_what_a_named_paper_improves_is_what_it_brings_not_its_background(offline):
    # "Introduced recently, the SPLADE model provides …" (the background) had been the answer
    answer = answered_from(offline, "What does SPLADE v2 improve?", "SPLADE v2")
    assert "significant improvements" in answer.text and "Introduced recently" not in answer.text, answer.text


def test_the_closest_to_a_kind_an_abstract_never_names_is_where_it_speaks_of_one(offline):
    # BERT4Rec names no dataset; "experiments on four benchmark datasets" is the closest (its opening sentence had
    # been quoted)
    answer = answered_from(offline, "What dataset does BERT4Rec use?", "BERT4Rec")
    assert "closest: Extensive experiments on four benchmark datasets" in answer.text, answer.text


def test_test_collections_named_are_the_datasets_a_paper_evaluates_on(offline):
    # PARADE names "collections … (such as TREC Robust04 and GOV2)": it had been said to name no dataset, and
    # "We call this new approach PARADE" quoted
    answer = answered_from(offline, "Which dataset does PARADE evaluate on?", "PARADE")
    assert "names no" not in answer.text and "TREC Robust04 and GOV2" in answer.text, answer.text


def test_a_kind_the_question_names_itself_is_not_said_to_be_unnamed(offline):
    # "What BLEU scores …?" asks for the scores: the abstract gives them, and had been said to name no metric
    answer = offline.ask(
        "What BLEU scores did structure-aware self-attention over indirectly connected concepts achieve for "
        "AMR-to-text generation on LDC2015E86 and LDC2017T10?"
    )
    assert "names no" not in answer.text and "29.66 and 31.82 BLEU" in answer.text, answer.text


def test_what_the_things_a_clause_names_do_is_no_word_a_paper_must_hold_as_its_authors_doing(offline):
    # "shows that language models think in English": what the models do; the irony-detection paper's "we think the
    # usage of …" (its authors' doing) had made it the answer
    answered_from(offline, "Which paper shows that language models think in English?", "Do Llamas Work in English")


def test_llms_asked_of_a_named_paper_on_none_are_said_unmentioned(offline):
    # "Does SPLADE use LLMs?" had quoted SPLADE as if it did: "LLMs" frames questions and was no word asked of it
    answer = offline.ask("Does SPLADE use LLMs?")
    assert "does not mention “LLMs”" in answer.text, answer.text
    assert "does not mention" not in offline.ask("Does Mistral-SPLADE use LLMs?").text


def test_numbers_or_figures_asked_of_a_paper_are_its_figures(offline):
    # "What figures does SPLADE v2 report?" had quoted its background ("Introduced recently, the SPLADE model …"),
    # and "what are its numbers?" after its answer a sentence without one
    figures = offline.ask("What figures does SPLADE v2 report?")
    assert figures.text.split("]: ", 1)[1].startswith("Overall, SPLADE is considerably improved"), figures.text
    history = [Turn("Tell me about SPLADE v2", offline.ask("Tell me about SPLADE v2"))]
    numbers = offline.ask("what are its numbers?", history=history)
    assert "9% gains on NDCG@10" in numbers.text, numbers.text


def test_the_results_of_a_paper_lead_with_a_gain_and_its_figures(offline):
    # "What are the results of LM-Infinite?" had quoted "We find it applicable to a variety of LLMs" first: a
    # finding, not a result; its abstract measures "2.72x decoding speedup"
    answer = offline.ask("What are the results of LM-Infinite?")
    assert "2.72x" in answer.text.split(" [1]")[1], answer.text  # the first sentence quoted
    found = offline.ask("What is the main finding of AxBench?")  # a finding asked: what it found, first
    assert "we find that prompting outperforms" in found.text.split(" [1]")[1], found.text


def test_an_adverb_makes_no_phrase_a_paper_must_write(offline):
    # "Which paper finds that dropping layers of BERT barely hurts it?" had been refused: "the closest lacks
    # “barely hurts”", an adverb and a verb of effect read as a phrase of two subjects
    answer = offline.ask("Which paper finds that dropping layers of BERT barely hurts it?")
    assert answer.answerable, answer.text
    assert answer.citations[0].title.startswith("On the Effect of Dropping Layers"), answer.text


@pytest.mark.parametrize(
    "asked",
    [
        "What's the gist of Late Chunking?",
        "Give me the TL;DR of Late Chunking.",
        "Which paper should I read to understand Late Chunking?",
    ],
)
def test_a_gist_asked_in_a_reader_s_words_is_the_paper_s_gist(offline, asked):
    # "does not mention “gist”", two papers listed for a TL;DR, "does not mention “understand”" had been the answers
    answer = offline.ask(asked)
    assert answer.answerable and answer.text.startswith("From “Late Chunking"), answer.text


def test_a_finding_is_stated_not_asked(offline):
    # "It is therefore natural to ask: … how do we find them?" had been quoted as the paper's main finding ("we find")
    answer = offline.ask("What is the main finding of Deep Learning on a Data Diet?")
    assert answer.answerable and "natural to ask" not in answer.text, answer.text
    assert "striking observation" in answer.text, answer.text


def test_a_paper_presenting_its_own_benchmark_names_the_dataset_asked(offline):
    # "we introduce T2Ranking, a large-scale Chinese benchmark": the name stands three words from its kind, so the
    # answer had opened "names no dataset or benchmark for this" while quoting that very sentence
    answer = offline.ask("What datasets does T2Ranking provide?")
    assert answer.text.startswith("From “T2Ranking"), answer.text
    assert "we introduce T2Ranking, a large-scale Chinese benchmark" in answer.text.split("[1]")[1], answer.text
    # an abstract that names none still says so
    assert "names no dataset" in offline.ask("What dataset does BERT4Rec use?").text


def test_data_sets_listed_by_name_without_the_word_answer_which_datasets(offline):
    # PLD lists "across CIFAR-100, ImageNet-1K, and MS-COCO" and never writes "dataset": it had named none
    answer = offline.ask("What datasets does PLD use?")
    assert "names no dataset" not in answer.text and "CIFAR-100" in answer.text, answer.text


def test_a_figure_a_named_paper_reports_none_of_is_said_so_not_refused(offline):
    # "F1 score" had been read as another subject the paper is not on: the whole question refused
    answer = offline.ask("What is the F1 score of ERNIE-Gram?")
    assert answer.answerable and answer.text.startswith("The abstract of “ERNIE-Gram"), answer.text


def test_whether_a_named_paper_is_competitive_with_others_quotes_where_it_sets_itself_against_them(offline):
    # Revela's introduction had been quoted, not its "surpasses larger supervised models … and matches them"
    answer = offline.ask("Is Revela competitive with supervised models?")
    first = answer.text.split("]: ", 1)[1].split(" [1]")[0]  # the first sentence quoted
    assert "surpasses larger supervised models" in first, answer.text


def test_a_related_paper_whose_title_holds_the_question_is_named_first(offline):
    # BERT4Rec ("Sequential Recommendation with … Transformer") had been left out, its abstract's vector far from
    # M2TRec's, while a paper on scientific documents holding both words was named
    answer = offline.ask("Is there a paper on recommendation with transformers?")
    assert answer.citations[0].title.startswith("M2TRec"), answer.text
    assert "Related: BERT4Rec" in answer.text, answer.text


def test_how_long_to_train_is_answered_in_hours_before_a_latency(offline):
    # the answer had quoted "low-latency (64ms per query)" before "trainable … in under 48 hours"
    answer = offline.ask("How long does TAS-Balanced take to train?")
    assert "in under 48 hours" in answer.text.split("[1]")[1], answer.text  # the first sentence quoted


def test_the_highest_upvotes_asks_by_the_record(offline):
    answer = offline.ask("Which paper has the highest upvotes?")  # had been refused: "no paper mentions upvotes"
    assert answer.answerable and "most upvoted" in answer.text and "upvotes)" in answer.text, answer.text


def test_does_one_beat_another_quotes_where_the_paper_says_which_wins(offline):
    # the answer had quoted the background sentence listing SAEs among techniques, not the finding
    answer = offline.ask("Do sparse autoencoders beat prompting for steering?")
    first = answer.text.split("[1]")[1]
    assert "prompting outperforms all existing methods" in first, answer.text


@pytest.mark.parametrize(
    ("question", "problem"),
    [
        ("What problem does GigaTok solve?", "it often degrades downstream generation quality"),
        ("What problem does Late Chunking address?", "can lose contextual information from surrounding chunks"),
        ("What challenge does TAS-Balanced address?", "training approaches require enormous compute power"),
    ],
)
def test_what_problem_a_paper_solves_is_the_problem_its_background_states(offline, question, problem):
    # the answer had quoted "To address this, we introduce GigaTok …", its answer to a problem it never gave
    answer = offline.ask(question)
    assert problem in answer.text.split("[1]")[1], answer.text


def test_the_baselines_a_paper_compares_against_are_what_it_says_it_outperforms(offline):
    # "What baselines does X compare against?" had been read as a comparison (with an unrelated paper), then as
    # "does not mention baselines"; the abstract names them as what it outperforms
    answer = offline.ask("What baselines does TAS-Balanced compare against?")
    assert answer.text.startswith("From “Efficiently Teaching"), answer.text
    assert "we outperform BM25 by 44%" in answer.text.split("[1]")[1], answer.text
