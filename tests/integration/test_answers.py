"""The offline writer on questions a new user asked in the chat (issue 12), over the shipped corpus."""

import re

import pytest

from paperqa.answer.citing import CITING_UNRECORDED
from paperqa.answer.code import code_listed
from paperqa.answer.holding import vocabulary
from paperqa.answer.names import names_of
from paperqa.answer.question import analyse
from paperqa.answer.record import AUTHORS_UNRANKED
from paperqa.answer.relevance import UNSEEN, lacking
from paperqa.turns import Turn
from paperqa.types import Paper

from .answering import answered_from

pytestmark = pytest.mark.integration


def test_a_gain_over_a_baseline_is_stated_with_its_figure(offline):
    answer = offline.ask("How does SPLADE v2 improve over SPLADE?")
    assert "9%" in answer.text and answer.citations[0].title.startswith("SPLADE v2")


def test_the_figure_asked_is_quoted_first(offline):
    answer = offline.ask("What is the speedup of SALE over full attention?")  # the abstract's last sentence
    assert "3.36x speedups" in answer.text.split("[1]")[1], answer.text


def test_how_many_of_two_words_counts_the_second(offline):
    # "how many slop patterns": patterns are counted ("8,000+ patterns"), not any sentence saying "slop" ("slop
    # patterns appear over 1,000x more frequently")
    answer = offline.ask("How many slop patterns can the Antislop Sampler suppress?")
    assert "8,000+ patterns" in answer.text.split("[1]")[1], answer.text


def test_a_gain_over_the_named_baseline_is_quoted_first(offline):
    # "than Llama-3.2-1B": the 5% gain over random sampling came first (both state a gain over something); the
    # question's baseline was cut at its version's dot ("Llama-3")
    answer = offline.ask("How much better is the CLIMB 1B model than Llama-3.2-1B?")
    assert "Llama-3.2-1B by 2.0%" in answer.text.split("[1]")[1], answer.text


def test_a_paper_lacking_the_topic_word_is_only_the_closest(offline):
    answer = offline.ask("Speedups from parallel decoding?")  # no paper on parallel decoding
    # (it was "the closest is LM-Infinite" until a paper on parallel training stopped counting as one on the task
    # of "from parallel decoding": now refused, the closest papers named)
    assert answer.text.startswith("The corpus does not cover this question"), answer.text
    assert "(the closest lacks “parallel”)" in answer.text and "The closest papers found were" in answer.text


def test_a_phrase_of_the_rarest_word_no_paper_writes_is_no_closest_but_a_refusal(offline):
    # "the closest is HNeRV" (video decoding) was quoted; the only "speculative" in the corpus is "we speculate"
    answer = offline.ask("Speedups from speculative decoding?")
    assert not answer.answerable and "(the closest lacks “speculative decoding”)" in answer.text, answer.text


def test_a_paper_lacking_a_whole_phrase_of_the_question_is_no_answer(offline):
    # A DP paper, none on retrieval: it was "the closest" and quoted, as if it answered part of the question.
    answer = offline.ask("How is differential privacy used in dense retrieval?")
    assert not answer.answerable and "(the closest lacks “dense retrieval”)" in answer.text, answer.text
    assert "“Large Language Models Can Be Strong Differentially Private Learners”" in answer.text
    # Six key words, of which "protect" and "privacy" name no subject: still a topic's name, and DP2Unlearning
    # (privacy for LLMs) has no word of "dense retrievers"; "built" and "scans" are as little a description.
    longer = offline.ask("How do dense retrievers protect user privacy with differential privacy?")
    assert not longer.answerable and "(the closest lacks “dense retrievers”)" in longer.text, longer.text
    graphs = offline.ask("Are there knowledge graphs built from brain MRI scans?")  # a brain-tumour paper
    assert not graphs.answerable and "“knowledge graphs”" in graphs.text, graphs.text
    # "like SPLADE" gives an example of the retrieval asked about: SPLADE's paper (no attack) is no answer
    example = offline.ask("Which adversarial attacks target learned sparse retrieval like SPLADE?")
    assert not example.answerable and "(the closest lacks “sparse”)" in example.text, example.text
    held = offline.ask("How is differential privacy used to train large language models?")
    assert held.text.startswith("From “Large Language Models Can Be Strong Differentially Private"), held.text


def test_the_downsides_of_a_method_are_asked_of_papers_on_it_and_quoted_where_stated(offline):
    answer = offline.ask("What are the downsides of learned sparse retrieval?")  # "downside" is no topic word
    # no paper named: the paper on it stating a downside of it (LexLIP's "dense retrieval … faces challenges" is not)
    assert [c.title[:26] for c in answer.citations] == ["Efficient Inverted Indexes"], answer.text
    assert "retrieval over sparse embeddings remains challenging" in answer.text
    stated = offline.ask("What are the weaknesses of LLM unlearning methods?")
    assert "lacks forgetting guarantees" in stated.text.splitlines()[1], stated.text  # the limit, quoted first
    challenges = offline.ask("What are the challenges of LLM unlearning?")  # "challenges" asks for limits too
    assert "lacks forgetting guarantees" in challenges.text.splitlines()[1], challenges.text


def test_a_topic_no_retrieved_paper_holds_is_refused_naming_the_closest(offline):
    answer = offline.ask("motion planning for autonomous driving")  # papers on planning, none on driving
    assert not answer.answerable and not answer.citations
    assert "The closest papers found were “" in answer.text


def test_a_topic_joining_subjects_the_corpus_has_apart_is_refused_naming_what_is_missing(offline):
    answer = offline.ask("Which papers quantize speech models?")  # quantization papers, speech papers, none both
    assert not answer.answerable and not answer.citations
    assert "(the closest lacks “speech”)" in answer.text, answer.text
    held = offline.ask("Which paper quantizes vision transformers?")  # the same form, and one paper holds it
    assert held.answerable and held.citations[0].title.startswith("Oscillation-free Quantization")


def test_a_subject_held_only_as_the_start_of_another_word_is_missing(offline):
    # the probing papers write "significant", never "sign": the closest was answered as lacking only "knowledge"
    answer = offline.ask("Which papers probe sign language models for linguistic knowledge?")
    assert not answer.answerable and "lacks “sign”" in answer.text, answer.text


def test_a_linked_name_whose_words_a_paper_writes_only_apart_is_not_its_subject(offline):
    # a music recommender fusing "text and video" inputs and a multimodal embedder were listed as on text-to-video
    answer = offline.ask("Which papers study text-to-video models?")
    assert not answer.answerable and not answer.citations, answer.text


def test_a_kind_of_model_a_paper_writes_only_apart_is_not_its_subject(offline):
    # "state space models" of speech: the Gaussian-attention paper writes "state-of-the-art" and "feature space" and
    # was the answer ("From … [1]"); no paper on state space models speaks of speech
    answer = offline.ask("How do state space models handle speech recognition?")
    assert not answer.answerable, answer.text


def test_a_modifier_before_a_lacking_subject_does_not_name_it(offline):
    # "cross-modal video retrieval": the lifelong cross-modal hashing paper was the answer ("From … [1]"), "video"
    # taken as named by the rarer word before it, as "MLP" names "MLP layers"; an adjective names no thing
    answer = offline.ask("How are hash codes learned for cross-modal video retrieval?")
    assert not answer.answerable and "lacks “video”" in answer.text, answer.text


def test_a_kind_of_learning_asked_is_answered_from_a_paper_on_it_or_refused(offline):
    # "reinforcement learning … database indexes": a vector-search paper never saying "reinforcement" was the
    # answer ("From … [1]"), as it holds "database"; the paper on RL and tuning lacks the databases
    answer = offline.ask("How is reinforcement learning used to tune database indexes?")
    assert not answer.answerable, answer.text
    # a verb after a pronoun is no kind of learning: the learning-to-rank paper still answers
    rank = offline.ask("How do you combine learning to rank with dense retrieval?")
    assert rank.text.startswith("From “Blending Learning to Rank"), rank.text


def test_a_coined_name_a_paper_lacks_is_a_subject_it_lacks(offline):
    # "LoRA" is spread evenly over the papers that write it (residual IDF 0): a speech paper never saying it and a
    # LoRA paper never saying "speech" were "The corpus has 2 papers on this"
    answer = offline.ask("Which papers use LoRA to fine-tune speech models?")
    assert not answer.answerable and "“LoRA”" in answer.text, answer.text


def test_a_name_in_capitals_is_not_the_word_its_letters_spell(offline):
    # "CLIP" was held by a music-recommendation paper's "video clips": "The corpus has 2 papers on this"
    answer = offline.ask("Which papers use CLIP for video retrieval?")
    assert not any("Music Recommendation" in c.title for c in answer.citations), answer.text
    asked = analyse("Which papers use CLIP for video retrieval?")
    clips = Paper("a", "Music for video", "We match short video clips to songs for retrieval.")
    named = Paper("b", "Video retrieval with CLIP", "We adapt CLIP to video retrieval.")
    assert lacking(asked, clips) == ["clip"] and lacking(asked, named) == []
    # a question typed all in capitals names nothing by its capitals
    assert lacking(analyse("WHICH PAPERS USE CLIP FOR VIDEO RETRIEVAL?"), clips) == []


def test_the_things_whose_doing_is_asked_are_held_by_the_answer(offline):
    # "how do multilingual retrievers handle Irish?" was answered from gaBERT, an Irish language model no retriever:
    # "retrievers" far commoner than "Irish" was let go, as "pretrained" is of gaBERT below; not what is asked about
    answer = offline.ask("How do multilingual retrievers handle Irish?")
    assert not answer.answerable and "lacks “retrievers”" in answer.text, answer.text
    assert analyse("How do recommender systems shrink their embedding tables?").doer == "system"
    # of a longer question too: SynthStrip, on no transformer, was the answer ("From … [1]")
    longer = offline.ask("How do vision transformers handle medical image segmentation with few labels?")
    assert not longer.answerable and "lacks “transformers”" in longer.text, longer.text


def test_what_things_do_when_it_is_the_rarest_word_picks_the_paper_saying_it(offline):
    # "detoxify" weighs nothing as the verb: the fine-tuning paper LIFT (ranked first, "without fine-tuning") was
    # the answer, saying it does not mention "detoxify"; the self-detoxifying paper ranked second
    answer = offline.ask("How do language models detoxify themselves without fine-tuning?")
    assert answer.text.startswith("From “Self-Detoxifying Language Models"), answer.text
    # a paper writing the verb but not the kind asked is not preferred ("vision systems … token count")
    count = offline.ask("How do vision-language models count objects?")
    assert not count.text.startswith("From “Adaptive Length Image Tokenization"), count.text


def test_a_paper_not_holding_a_short_topic_as_a_whole_is_only_the_closest(offline):
    # "Stable Diffusion XL … image quality": a copyright paper naming SDXL in passing was "From … [1]", though it
    # never speaks of image quality; it is the closest, said to be
    answer = offline.ask("How does Stable Diffusion XL improve image quality?")
    assert answer.text.startswith("No paper clearly addresses this; the closest is"), answer.text


def test_a_paper_lacking_only_a_far_commoner_subject_still_answers(offline):
    answer = offline.ask("Which paper pretrains a language model for Irish?")  # gaBERT never says "pretrain"
    assert answer.answerable and answer.citations[0].title.startswith("gaBERT")
    rarer = offline.ask("Which papers pretrain models for Irish speech?")  # no paper on Irish speech
    assert not rarer.answerable and "(the closest lacks “" in rarer.text, rarer.text


def test_a_topic_whose_head_papers_hold_of_another_kind_is_refused(offline):
    answer = offline.ask("Which papers use sparse representations for code search?")  # sparse search of text only
    assert not answer.answerable and "(the closest lacks “code”)" in answer.text, answer.text
    held = offline.ask("Which papers use sparse representations for scientific search?")
    assert held.answerable and held.citations[0].title.startswith("CASPER"), held.text


def test_a_paper_naming_a_phrase_by_its_rarer_first_word_answers(offline):
    answer = offline.ask("Which paper prunes MLP layers in vision transformers?")  # the paper never says "layers"
    assert answer.answerable and answer.citations[0].title.startswith("Adaptive MLP Pruning"), answer.text


def test_datasets_asked_of_a_topic_are_those_each_paper_on_it_names(offline):
    answer = offline.ask("What datasets are used for evaluating dense retrievers?")  # was one paper's
    assert answer.text.startswith("The corpus has") and len(answer.citations) >= 3, answer.text
    assert "(BEIR) benchmarks" in answer.text  # Revela's line: where it names what it evaluates on
    assert not any(c.title.startswith("Augmented Embeddings") for c in answer.citations)  # "LLMs ... tasks"
    unlearning = offline.ask("Which benchmarks are used to evaluate LLM unlearning?")
    titles = [c.title for c in unlearning.citations]
    assert "TOFU" in unlearning.text and len(titles) >= 2, unlearning.text
    assert not any(t.startswith(("DP2Unlearning", "WAGLE")) for t in titles)  # name none but their own
    one = offline.ask("Which datasets does SPLADE v2 evaluate on?")  # of one paper named: that paper's
    assert one.text.startswith("From “SPLADE v2") and "BEIR" in one.text, one.text


def test_a_list_keeps_papers_naming_what_the_topic_is_applied_to(offline):
    answer = offline.ask("Which papers use LLMs to generate synthetic training data for retrieval?")
    titles = [c.title for c in answer.citations]
    assert any(t.startswith("Don't Retrieve, Generate") for t in titles), answer.text
    assert not any(t.startswith("FSPO") for t in titles)  # synthetic preference data, no retrieval


def test_two_things_weighed_are_a_comparison_of_papers_on_each(offline):
    # read as the limits of one topic, "the trade-offs between pruning and quantization for LLMs" was refused ("lacks
    # “pruning”": no paper is on both); each side is answered from a paper on it, on LLMs as the side says
    answer = offline.ask("What are the trade-offs between pruning and quantization for LLMs?")
    assert answer.text.startswith("Pruning for LLMs, from "), answer.text
    assert "Quantization for LLMs, from “RSQ" in answer.text, answer.text
    # "the pros and cons of pruning and quantization" was refused the same way: one phrase reads them all
    pros = offline.ask("What are the pros and cons of pruning and quantization?")
    assert pros.answerable and pros.text.startswith("Pruning, from "), pros.text
    assert "Quantization, from " in pros.text, pros.text
    assert analyse("What are the strengths and weaknesses of SPLADE and ColBERT?").shape == "compare"
    # of one thing, they are its limits still
    one = analyse("What are the pros and cons of late chunking?")
    assert one.weakness and one.shape != "compare"


def test_is_one_better_than_the_other_gives_both_sides_and_whether_either_names_the_other(offline):
    answer = offline.ask("Is Mistral-SPLADE better than SPLADE v2?")  # was Mistral-SPLADE's opening alone
    titles = {c.title.split(":")[0] for c in answer.citations}
    assert titles == {"Mistral-SPLADE", "SPLADE v2"} and answer.text.endswith("No abstract names the other paper.")
    named = offline.ask("Compare SPLADE and SPLADE v2")  # SPLADE v2 builds on SPLADE: where it says how much
    assert "more than 9% gains" in named.text and "No abstract names" not in named.text, named.text


def test_a_premise_the_named_paper_s_abstract_contradicts_is_said_first(offline):
    # the paper finds T5-base and T5-large Pareto-inefficient: the answer had quoted that without a word on it
    answer = offline.ask("Why is T5-large an efficient size according to the Scale Efficiently paper?")
    assert answer.text.startswith("The abstract of “Scale Efficiently") and "opposite of “efficient”" in answer.text
    assert "Pareto-inefficient" in answer.text and answer.citations[0].title.startswith("Scale Efficiently")


def test_a_premise_the_named_papers_abstract_never_mentions_is_said_first(offline):
    answer = offline.ask(
        "How much extra compute does Matryoshka Representation Learning need, given that it trains a separate model "
        "for every embedding size?"
    )  # it trains one model for all sizes
    assert answer.text.startswith(
        "The question takes it that it trains a separate model for every embedding size; the abstract of "
        "“Matryoshka Representation Learning” never mentions “separate”."
    ), answer.text
    held = offline.ask("Given that TAS-Balanced trains on a single consumer-grade GPU, how fast is it at query time?")
    assert held.text.startswith("From “Efficiently Teaching"), held.text  # its abstract says so


def test_training_the_named_paper_says_it_needs_none_of_is_said_first(offline):
    # The premise is the question's main verb: LM-Infinite "requires no parameter updates"; it was answered as is.
    answer = offline.ask("How long does LM-Infinite fine-tune LLaMA on longer corpora to generalise to long inputs?")
    assert answer.text.startswith("The question takes it that “LM-Infinite: Simple On-the-Fly Length"), answer.text
    assert "needs fine-tuning; its abstract says it works “requiring no parameter updates”." in answer.text
    plain = offline.ask("How is SPLADE trained?")
    assert "The question takes it" not in plain.text, plain.text


def test_labeled_data_the_named_paper_says_it_needs_none_of_is_said_first(offline):
    # "Why does ColBERT-XM need labeled data in every language?" had been refused ("the closest lacks “every
    # language”": "every" was read as a subject); ColBERT-XM works "eliminating the need for … labeled data"
    for question in ("Why does ColBERT-XM need labeled data in every language?",
                     "Does ColBERT-XM need training data in every language?"):  # fmt: skip
        answer = offline.ask(question)
        assert answer.answerable and answer.citations[0].title.startswith("ColBERT-XM"), answer.text
    corrected = offline.ask("Why does ColBERT-XM need labeled data in every language?")
    assert "needs labeled data; its abstract says “eliminating the need for language-specific labeled data”" in (
        corrected.text
    )


def test_which_of_two_a_paper_beats_quotes_where_it_compares_them(offline):
    answer = offline.ask("Which optimizer is better, ADAHESSIAN or Adam?")  # Adam has no paper; ADAHESSIAN beats it
    assert "variants of Adam" in answer.text, answer.text  # not its opening, which names neither


def test_a_related_paper_writes_the_question_s_phrases_together_as_the_answer_s_paper_does(offline):
    answer = offline.ask("Which paper introduces an adaptive second order optimizer?")
    titles = [c.title for c in answer.citations]
    assert titles[0].startswith("ADAHESSIAN") and not any(t.startswith("SAES-SVD") for t in titles), titles


def test_a_speed_up_written_with_a_lost_times_sign_answers_how_much_faster(offline):
    answer = offline.ask("How much faster is the embedded representation warmup?")  # abstract: "40times"
    assert "40× acceleration in training speed" in answer.text, answer.text


def test_what_a_paper_evaluates_on_is_answered_with_the_data_sets_it_names(offline):
    answer = offline.ask("What does SPLADE v2 evaluate on?")
    assert "BEIR" in answer.text and "TREC DL 2019" in answer.text, answer.text
    authors = offline.ask("What did the authors of WAGLE evaluate on?")  # "authors" frames; WAGLE never says it
    assert "does not mention" not in authors.text and len(authors.citations) == 1, authors.text


def test_what_a_name_no_paper_goes_by_is_says_so_before_where_it_is_mentioned(offline):
    answer = offline.ask("What is ColBERT?")  # ColBERT-XM is not ColBERT
    assert answer.text.startswith("No paper in the corpus is named “ColBERT”. From “ColBERT-XM"), answer.text
    assert {c.support for c in answer.claims} == {"full"}
    assert not offline.ask("What is SPLADE?").text.startswith("No paper")  # SPLADE's own paper answers
    figure = offline.ask("How much does LoRA reduce trainable parameters?")  # papers only mention LoRA
    assert figure.text.startswith("No paper in the corpus is named “LoRA”."), figure.text
    how = offline.ask("How does ColBERT rank passages?")
    assert how.text.startswith("No paper in the corpus is named “ColBERT”."), how.text
    assert not offline.ask("How much faster is HyperAttention?").text.startswith("No paper")


def test_a_side_no_paper_is_named_is_answered_where_the_other_paper_compares_itself_to_it(offline):
    answer = offline.ask("Which is faster, HyperAttention or FlashAttention?")
    assert answer.text.startswith("No paper in the corpus is named “FlashAttention”."), answer.text
    assert "speed improvements compared to state-of-the-art solutions like FlashAttention" in answer.text


def test_a_list_says_which_word_of_its_topic_none_of_its_papers_has(offline):
    answer = offline.ask("Which papers make attention cheaper for long contexts?")
    assert answer.answerable and answer.text.startswith("The corpus has ")
    assert answer.text.splitlines()[0].endswith(" on this (none of them mentions “cheaper”):"), answer.text
    assert "(none of them" not in offline.ask("Which papers study LLM unlearning?").text
    # "reduce the number of visual tokens" is reducing them: "number" is no word of the topic the papers lack
    tokens = offline.ask("Which papers reduce the number of visual tokens in multimodal LLMs?")
    assert tokens.citations and "(none of them" not in tokens.text, tokens.text


def test_a_list_whose_papers_all_lack_a_subject_of_the_topic_says_they_are_only_the_closest(offline):
    # "The corpus has 3 papers on this (none of them mentions “emotion”)": on this, though none was
    # (what "apply … to" names is now where the topic applies: none listed, the two closest named as such; and
    # as neither of them mentions where it is asked to apply, refused)
    answer = offline.ask("Which papers apply self-supervised learning to emotion recognition?")
    assert not answer.answerable and "(the closest lacks “emotion”)" in answer.text, answer.text
    one = offline.ask("Which papers study image quality assessment?").text.splitlines()[0]
    assert one.endswith("closest paper (it does not mention “image”):"), one


def test_a_two_word_topic_lists_only_papers_holding_both_words(offline):
    answer = offline.ask("Which papers compress speech models?")  # compression papers and speech papers, no both
    assert not answer.answerable
    listed = offline.ask("Which papers study LLM unlearning?")
    assert listed.answerable and len(listed.citations) >= 5


def test_a_word_no_paper_uses_is_named_in_the_refusal(offline):
    answer = offline.ask("How is GRPO used to train LLMs on math reasoning?")  # every other word is in the corpus
    assert not answer.answerable and not answer.citations
    assert "no paper in it mentions “GRPO”" in answer.text


def test_british_spellings_find_what_american_ones_do(offline):
    for british, american in (
        ("Which papers do abstractive summarisation?", "Which papers do abstractive summarization?"),
        ("Which dense retrievers embed a document with its neighbouring documents?",
         "Which dense retrievers embed a document with its neighboring documents?"),
        # four papers write "behaviour", thirty "behavior": the British word is searched as the commoner one
        ("Which papers model user behaviour for recommendation?",
         "Which papers model user behavior for recommendation?"),
    ):  # fmt: skip
        asked, expected = offline.ask(british), offline.ask(american)
        assert asked.answerable and asked.question == british
        assert [c.paper_id for c in asked.citations] == [c.paper_id for c in expected.citations]


def test_a_which_benchmarks_question_names_them(offline):
    answer = offline.ask("Which corruption benchmarks was the robust depth estimation challenge built on?")
    assert "KITTI-C" in answer.text


def test_where_a_papers_code_is_neither_quoted_nor_counts_as_its_subject(offline):
    answer = offline.ask("Which papers train sparse retrieval models for code search?")
    assert "http" not in answer.text and "code is publicly available" not in answer.text, answer.text
    title = "A Unified Framework for Learned Sparse Retrieval"
    framework = next(s.paper for s in answer.sources if s.paper.title == title)
    assert "Our code is publicly available at https://" in framework.abstract
    assert not {"github", "https", "thongnt99"} & vocabulary(framework)  # the address's pieces are no words of it


def test_a_paper_asked_about_by_a_name_its_abstract_never_uses_is_described_by_what_it_does(offline):
    answer = offline.ask("What is SPLADE?")  # the SPLADE paper says "SPLADE" only in its title
    assert answer.citations[0].title.startswith("SPLADE: Sparse Lexical"), answer.text
    assert "we present a new first-stage ranker" in answer.text and "ongoing research" not in answer.text


def test_a_hyphenated_topic_lists_papers_that_write_its_words_together(offline):
    answer = offline.ask("locality-sensitive hashing")
    titles = [c.title for c in answer.citations]
    assert "Neural Locality Sensitive Hashing for Entity Blocking" in titles, answer.text
    # "local" and "context-sensitive" apart, in a paper on image hashing: not on the topic
    assert not any(t.startswith("Cross-Scale Context Extracted Hashing") for t in titles), answer.text


def test_a_list_about_llms_leaves_out_papers_that_never_speak_of_language_models(offline):
    answer = offline.ask("Which papers use LLMs to rerank passages?")  # issue 12: listed BERT and T5 rerankers
    titles = [c.title for c in answer.citations]
    assert titles and titles[0].startswith("Multi-view-guided Passage Reranking with Large Language Models")
    assert not any(t.startswith(("PARADE", "T2Ranking")) for t in titles), answer.text


def test_a_figure_the_abstract_never_gives_is_said_to_be_missing(offline):
    # gaBERT's abstract gives no size of its training corpus: the answer says so before quoting it.
    answer = offline.ask("How big is the training corpus of gaBERT?")
    assert answer.text.startswith("The abstract of “gaBERT -- an Irish Language Model” [1] gives no figure for this")
    given = offline.ask("How many parameters does GigaTok scale its visual tokenizer to?")
    assert given.text.startswith("From “GigaTok") and "billion parameters" in given.text
    # Its abstract has figures (7B-13B, 32%), none of them a count of experts.
    other = offline.ask("How many experts does Expert Upcycling use?")
    assert other.text.startswith("The abstract of “Expert Upcycling") and "32%" not in other.text
    # A measure asked for ("what accuracy") that the abstract never states beside a figure (81 patients are none).
    measure = offline.ask("What accuracy does the YOLOv8 brain tumor detection study reach?")
    assert measure.text.startswith("The abstract of “Realism in Action")
    # ... of an abstract reporting the result as another measure: that result, figures and all, is the closest
    dice = offline.ask("What accuracy does MedNeXt reach?")  # its methodology sentence was quoted instead
    assert "gives no figure for this; what it says closest: Our approach demonstrated strong performance" in dice.text
    # Two figures asked, one given (48 hours): no "no figure" opening.
    two = offline.ask("How long does it take to train the 6-layer dense retriever that uses topic-clustered query "
                      "batches on a single consumer GPU, and what per-query latency does it reach?")  # fmt: skip
    assert "48 hours" in two.text and "gives no figure" not in two.text
    # "how many" inside a clause of a yes/no question asks for no figure.
    clause = offline.ask("Is there a zero-shot NAS method that uses how many principal components are needed?")
    assert "gives no figure" not in clause.text
    # A gain asked of an abstract counting only its method's parts in words ("two decoding tasks"): no figure
    gain = offline.ask("By how much does RetroMAE v2 improve over RetroMAE?")
    assert gain.text.startswith("The abstract of “RetroMAE v2") and "gives no figure for this" in gain.text, gain.text


def test_what_things_do_said_in_other_words_answers_saying_the_verb_is_not_the_paper_s(offline):
    # GraphHash "reduce[s] embedding table sizes" of recommender systems: no refusal for lacking "shrink", but the
    # answer says the abstract does not use the word.
    answer = offline.ask("How do recommender systems shrink their embedding tables?")
    assert answer.answerable and answer.text.startswith("The abstract of “GraphHash"), answer.text
    assert "does not mention “shrink”" in answer.text
    # a verb the paper holds is no part of the opening; a subject the paper lacks still refuses
    said = offline.ask("How do recommender systems reduce their embedding tables?")
    assert said.text.startswith("From “GraphHash"), said.text
    assert not offline.ask("How do recommender systems shrink their speech tables?").answerable


def test_what_things_do_weighs_nothing_beside_what_they_are(offline):
    # "How do transformers handle directed graphs?" was answered from a paper on text-attributed graphs whose
    # "handled" outweighed "directed"; the paper on transformers for directed graphs answers, unhedged.
    answer = offline.ask("How do transformers handle directed graphs?")
    assert answer.text.startswith("From “Transformers Meet Directed Graphs” [1]:"), answer.text
    # "think" of a paper on whether multilingual Llamas work in English: said unmentioned, not a hedge
    llamas = offline.ask("Do multilingual Llama models think in English?")
    assert llamas.text.startswith("The abstract of “Do Llamas Work in English?"), llamas.text
    assert "does not mention “think”" in llamas.text


def test_beating_another_method_is_asked_in_any_words(offline):
    # "beat" was a rare word no paper writes next to "retrievers": the question was refused ("lacks “retrievers
    # beat”"); and of a named paper it was "does not mention “beat”", as if "outperforms" did not say it
    answer = offline.ask("Does multi-task retrieval beat task-specific retrievers?")
    assert answer.answerable, answer.text
    named = offline.ask("Does SPLADE v2 beat BM25?")
    assert "does not mention “BM25”;" in named.text and "“beat”" not in named.text, named.text


def test_how_long_is_answered_by_a_duration_first(offline):
    # the "6-layer DR model" sentence came first; the abstract's "in under 48 hours" answers "how long"
    answer = offline.ask("How long does training take for the topic-aware sampling dense retriever?")
    assert answer.text.split("]: ", 1)[1].startswith(
        "Our method is trainable on a single consumer-grade GPU in under"
    ), answer.text


def test_a_size_the_abstract_writes_in_words_is_the_figure_given(offline):
    # CLIMB's abstract gives the BabyLM dataset as "ten million words", in words: that is the figure, quoted first.
    for question in ("How many words is the BabyLM training set?", "How big is the BabyLM strict-small dataset?"):
        answer = offline.ask(question)
        assert answer.text.startswith("From “CLIMB") and "gives no figure" not in answer.text, answer.text
        assert answer.text.split("]: ", 1)[1].startswith("The challenge requires"), answer.text


def test_the_latest_papers_on_a_topic_come_newest_first_with_the_undated_last(offline):
    answer = offline.ask("What are the latest papers on machine unlearning?")
    assert answer.text.startswith("The corpus has") and "newest first" in answer.text.split("\n")[0]
    dates = [c.date for c in answer.citations]
    known = [d for d in dates if d is not None]
    assert known and known == sorted(known, reverse=True) and dates[: len(known)] == known


def test_the_newest_paper_on_a_topic_is_one_paper_with_its_date(offline):
    answer = offline.ask("What is the newest paper about unlearning?")  # one asked: one given
    lines = answer.text.splitlines()
    assert lines[0].endswith("; the newest:") and len(lines) == 2 and len(answer.citations) == 1, answer.text
    assert f"({answer.citations[0].date.isoformat()}): " in lines[1]
    assert [c.support for c in answer.claims] == ["full"]


def test_a_number_of_papers_asked_for_is_how_many_are_listed(offline):
    answer = offline.ask("Give me 3 papers on hashing")
    assert answer.text.split("\n")[0].endswith("; 3 of them:") and len(answer.citations) == 3


def test_how_much_faster_is_answered_by_the_speedup_not_another_figure(offline):
    answer = offline.ask("How much faster is LSH-MoE?")
    assert "1.28x - 2.2x" in answer.text and "45%" not in answer.text


def test_which_is_better_a_or_b_compares_both(offline):
    answer = offline.ask("Which is better, SPLADE v2 or Mistral-SPLADE?")
    titles = {c.title.split(":")[0] for c in answer.citations}
    assert titles == {"SPLADE v2", "Mistral-SPLADE"}


def test_a_list_is_judged_beside_the_papers_it_lists_with_confidence(offline):
    answer = offline.ask("Which papers learn sparse term-weighted representations served from an inverted index?")
    listed = [c.title for c in answer.citations]
    assert any(t.startswith("From Distillation to Hard Negative Sampling") for t in listed), listed  # sparse IR
    assert not any("Sparseland" in t for t in listed), listed  # a handbook of sparse networks shares the words
    attention = [c.title for c in offline.ask("Which papers make attention cheaper for long contexts?").citations]
    assert not any(t.startswith("Retrieval Head") for t in attention), attention  # far from every confident one


def test_a_list_of_papers_that_make_benchmarks_lists_only_those_that_make_one(offline):
    answer = offline.ask("Which papers propose new benchmarks for retrieval-augmented generation?")
    titles = [c.title for c in answer.citations]
    # other RAG papers only evaluate on some (SitEmb, on RAG over long documents, curates a retrieval dataset)
    assert titles and titles[0].startswith("MSRS"), titles
    evaluating = (
        "Meta-prompting",
        "Understanding Retrieval Robustness",
        "TechniqueRAG",
        "RIGHT",
        "FREESON",
        "ImageRAG",
    )
    assert not [t for t in titles if t.startswith(evaluating)], titles
    assert "constructing evaluation benchmarks" in answer.text, answer.text  # where it says it makes them


def test_a_list_of_alternatives_weighs_as_one_thing_asked(offline):
    # Each paper holds one of the alternatives; before, only half the words in one paper let a list through.
    answer = offline.ask("Which papers cover abstention, expressing uncertainty, or recognizing unfamiliar entities?")
    titles = [c.title for c in answer.citations]
    assert answer.answerable and any(t.startswith("Pay-Per-Search Models are Abstention") for t in titles), answer.text


def test_a_list_longer_than_shown_says_there_are_more(offline):
    answer = offline.ask("How many papers are there on hashing?")  # more than twelve papers say "hashing"
    found = re.match(r"The corpus has at least (\d+) papers on this; 12 of them:", answer.text)
    assert found and int(found.group(1)) > 12, answer.text  # how many were found, not only "more than 12"
    assert len(answer.citations) == 12


def test_a_question_of_a_papers_record_is_answered_from_the_record_not_the_abstract(offline):
    wagle = offline.ask("Who are the authors of WAGLE?")  # the corpus lists how many, never their names
    assert (
        wagle.text.startswith("The corpus does not record who wrote “WAGLE: Strategic")
        and ", only that it has 6 authors" in wagle.text  # "(it lists 6 authors)" read as names kept back
    )
    dated = offline.ask("When was RetroMAE v2 published?")
    assert (
        dated.text.startswith("The corpus dates “RetroMAE v2: Duplex") and " 2022-11-16. What it does: " in dated.text
    )
    assert offline.ask("When was SPLADE published?").text.startswith("The corpus has no date for “SPLADE: Sparse")
    assert offline.ask("Which lab is behind Expert Upcycling?").text.startswith("The corpus lists Amazon as the")
    made = offline.ask("Who made KaLM-Embedding-V2?")  # its abstract's first sentence was quoted
    assert (
        made.text.startswith("The corpus does not record who wrote “KaLM-Embedding-V2")
        and "KaLM-Embedding." in made.text
    )
    # "which group proposed …" said "group" went unmentioned ("who proposed X?" asks which paper introduced X)
    group = offline.ask("Which team developed Expert Upcycling?")
    assert group.text.startswith("The corpus lists Amazon as the"), group.text
    for answer in (wagle, dated):  # the record's line cites nothing; the abstract's sentence is cited and supported
        assert [c.support for c in answer.claims] == ["full"] and len(answer.citations) == 1
    cited = offline.ask("Which paper has the most citations?")
    assert cited.text == "The corpus records no citation counts." and not cited.answerable
    most = offline.ask("Which paper has the most authors?")  # had quoted an abstract that says "author"
    assert most.text == AUTHORS_UNRANKED and not most.answerable and not most.citations
    assert offline.ask("How many authors does WAGLE have?").text.startswith("The corpus lists 6 authors for “WAGLE")
    assert offline.ask("Which papers study a single author's style?").text != AUTHORS_UNRANKED  # no count asked


def test_a_summary_of_one_paper_says_what_it_does_then_what_it_found(offline):
    answer = offline.ask("Tell me about the gaBERT paper")
    assert answer.text.startswith("From “gaBERT -- an Irish Language Model” [1]: We introduce gaBERT"), answer.text
    assert "performs better at this task [1]." in answer.text and len(answer.citations) == 1
    assert "Summarize" not in offline.ask("Summarize the paper on late chunking").text  # no "none mentions Summarize"


def test_a_dataset_asked_for_that_the_abstract_never_names_is_said_to_be_missing(offline):
    answer = offline.ask("What datasets are used to evaluate SPLADE?")  # its abstract names none
    assert "SPLADE: Sparse Lexical and Expansion Model for First Stage Ranking” [" in answer.text.split("]")[0] + "["
    assert answer.text.split("]", 1)[1].startswith(" names no dataset or benchmark for this; what it says closest:")
    named = offline.ask("Which corruption benchmarks was the robust depth estimation challenge built on?")
    assert "KITTI-C" in named.text and "names no" not in named.text


def test_recommend_me_papers_lists_the_topic_not_recommender_systems(offline):
    answer = offline.ask("Can you recommend papers on model compression?")  # listed two recommender papers
    titles = [c.title for c in answer.citations]
    assert any("Compression" in t for t in titles) and not any("Recommend" in t for t in titles), answer.text


def test_which_paper_introduced_a_name_no_paper_made_says_so(offline):
    # gaBERT, "Utilizing BERT for …" and "BERT Rediscovers …" use BERT; none says it introduces it.
    for question in (
        "Which paper introduced BERT?",
        "Who proposed BERT?",
        "Which paper introduced the BEIR benchmark?",
    ):
        answer = offline.ask(question)
        assert answer.text.startswith("No paper found in the corpus says it introduces “B"), answer.text
        assert not answer.answerable and not answer.citations
    made_by = (
        ("Which paper introduced LATTICE?", "LLM-guided Hierarchical Retrieval"),
        ("Who proposed DSIR?", "Data Selection for Language Models via Importance Resampling"),
        ("Which paper introduced gaBERT?", "gaBERT -- an Irish Language Model"),
        ("Which paper introduced the RoboDepth challenge?", "The RoboDepth Challenge"),
        ("Who proposed MERU?", "Hyperbolic Image-Text Representations"),  # "We propose MERU": a capital "We"
    )
    for question, title in made_by:
        made = offline.ask(question)
        assert made.citations and made.citations[0].title.startswith(title), made.text


def test_the_best_method_asked_for_lists_what_each_paper_reports_not_one_winner(offline):
    answer = offline.ask("What is the best method for dense retrieval?")  # quoted "face two typical challenges"
    head = answer.text.split("\n")[0]
    assert head.endswith("(the abstracts do not rank them against each other; each line gives what its paper reports):")
    assert len(answer.citations) >= 3 and "geq" not in answer.text


def test_a_papers_main_contribution_and_results_are_what_it_does_and_found(offline):
    answer = offline.ask("What is the main contribution of SPLADE v2?")  # quoted its background on SPLADE
    assert answer.text.startswith("From “SPLADE v2: Sparse Lexical") and "Introduced recently" not in answer.text
    assert "we build on SPLADE and propose several significant improvements" in answer.text
    results = offline.ask("What are the results of Revela on BEIR?")  # quoted only "We evaluate Revela on …"
    assert "It achieves BEIR's unsupervised SoTA" in results.text, results.text


def test_a_list_leaves_out_the_papers_it_is_asked_to_leave_out(offline):
    answer = offline.ask("Which retrieval papers do not use BERT?")  # listed BERT papers first
    assert answer.text.split("\n")[0].endswith("(leaving out those that mention “BERT”):"), answer.text
    assert answer.citations and not any("BERT" in s.paper.title + s.paper.abstract for s in answer.sources
                                         if any(c.paper_id == s.paper.id for c in answer.citations))  # fmt: skip


def test_a_comparison_of_three_named_papers_describes_all_three(offline):
    answer = offline.ask("Compare SPLADE, SPLADE v2 and Mistral-SPLADE")  # SPLADE had been left out
    assert {c.title.split(":")[0] for c in answer.citations} == {"SPLADE", "SPLADE v2", "Mistral-SPLADE"}
    two = offline.ask("Which is better, SPLADE v2 or Mistral-SPLADE?")  # "SPLADE" inside their names names neither
    assert {c.title.split(":")[0] for c in two.citations} == {"SPLADE v2", "Mistral-SPLADE"}


def test_a_slip_in_a_word_is_read_as_the_corpus_word_and_said(offline):
    answer = offline.ask("Which papers study machien unlearning?")  # refused: "no paper mentions “machien”"
    assert answer.answerable and answer.citations and "Read “machien” as “machine”." in answer.notes


def test_a_name_the_corpus_has_only_with_a_version_is_read_as_that_version_and_said(offline):
    answer = offline.ask("Does any paper use YOLO?")  # refused: "no paper mentions “YOLO”" (it says "YOLOv8")
    assert answer.answerable and "Read “YOLO” as “YOLOv8”." in answer.notes
    assert any("YOLOv8" in c.title for c in answer.citations), answer.text


def test_which_papers_cite_one_says_citations_are_not_recorded_and_lists_those_mentioning_it(offline):
    answer = offline.ask("Which papers cite SPLADE?")  # hedged with SPLADE v2 and Mistral-SPLADE as "the closest"
    assert answer.text.startswith(f"{CITING_UNRECORDED} "), answer.text
    cited = {c.title.split(":")[0] for c in answer.citations}
    assert {"SPLADE v2", "Mistral-SPLADE"} <= cited and "SPLADE" not in cited  # not the paper asked about
    assert all("splade" in s.paper.abstract.casefold() for s in answer.sources if s.paper.title in
               {c.title for c in answer.citations})  # fmt: skip
    first = offline.ask("What is ColBERT-XM?")
    again = offline.ask("Which papers cite it?", history=[Turn("What is ColBERT-XM?", first)])
    assert again.text == f"{CITING_UNRECORDED} No other paper found mentions “ColBERT-XM” in its abstract."


def test_a_hyphenated_name_a_paper_has_only_apart_is_a_topic_it_does_not_cover(offline):
    # DeFINE does machine translation with "low dimensional" layers: it was "the closest", quoted
    answer = offline.ask("What is the state of the art in machine translation for low-resource languages?")
    assert not answer.answerable and "(the closest lacks “low-resource”)" in answer.text, answer.text


def test_a_list_on_an_ize_word_lists_only_papers_with_a_word_of_that_making(offline):
    # "tokenized" stems to "token": papers saying only "tokens" were listed on text tokenization
    answer = offline.ask("Which papers rethink how text is tokenized?")
    cited = {c.paper_id for c in answer.citations}
    assert cited and all(re.search(r"tokeni[sz]", s.paper.title + s.paper.abstract, re.I)
                         for s in answer.sources if s.paper.id in cited), answer.text  # fmt: skip


def test_is_x_better_than_a_baseline_no_paper_is_named_by_quotes_a_paper_stating_its_gain_over_it(offline):
    # answered from a paper mining hard negatives "via methods like BM25": no gain over BM25 at all
    for question in ("Is dense retrieval better than BM25?", "How much better is dense retrieval than BM25?"):
        answer = offline.ask(question)
        assert "we outperform BM25 by 44%" in answer.text, answer.text


def test_a_topic_s_word_naming_no_subject_may_be_missing_from_a_paper_on_the_rest(offline):
    # "machine" of "machine unlearning": the unlearning papers that never say "machine" were left out (4 listed)
    answer = offline.ask("Which papers study machine unlearning?")
    titles = [c.title for c in answer.citations]
    assert any(t.startswith("WAGLE") for t in titles) and any(t.startswith("DP2Unlearning") for t in titles)
    assert all("nlearning" in t for t in titles), titles


def test_which_papers_mention_a_name_lists_those_that_do(offline):
    answer = offline.ask("Which papers mention ChatGPT?")  # refused: no paper found holds "mention"
    assert answer.answerable and answer.citations, answer.text
    cited = {c.paper_id for c in answer.citations}
    assert all("ChatGPT" in s.paper.abstract for s in answer.sources if s.paper.id in cited)


def test_a_paper_lacking_an_ize_word_s_making_answers_only_as_the_closest(offline):
    # SparsePO weights "tokens" in preference optimisation: it was quoted as "the" answer
    answer = offline.ask("What is the best tokenizer for code?")
    assert answer.text.startswith("No paper clearly addresses this; the closest is"), answer.text


def test_a_verb_of_judging_before_how_frames_a_question_and_judges_as_a_topic_stay(offline):
    answer = offline.ask("What metric judges how good hard negatives are?")  # refused: ECI lacks "judges"
    assert answer.text.startswith("From “ECI: Effective Contrastive Information"), answer.text
    judges = offline.ask("Can LLMs be used as judges?")  # the topic: LLM-as-a-Judge
    assert judges.text.startswith("From “Demystifying LLM-as-a-Judge"), judges.text


def test_a_name_a_paper_says_it_introduces_is_not_said_to_be_no_paper_s(offline):
    # "No paper in the corpus is named “LATTICE”" opened the answer from the paper introducing LATTICE
    for question, title in (
        ("How does LATTICE navigate the corpus?", "LLM-guided Hierarchical Retrieval"),
        ("What is GASLITE?", "GASLITEing the Retrieval"),
    ):  # "proposes the GASLITE attack"
        answer = offline.ask(question)
        assert answer.text.startswith(f"From “{title}"), answer.text


def test_two_approaches_no_paper_is_named_for_are_each_described_from_a_paper_on_it(offline):
    # answered from SPLADE alone (the retrieved papers were all on sparse retrieval)
    answer = offline.ask("What are the differences between dense and sparse retrieval?")
    assert answer.text.startswith("Dense retrieval, from “") and " Sparse retrieval, from “" in answer.text, answer.text
    dense, sparse = ({s.paper.id: s.paper for s in answer.sources}[c.paper_id] for c in answer.citations[:2])
    assert dense.id != sparse.id and "sparse" not in dense.title.casefold() and "Sparse" in sparse.title


def test_a_name_typed_in_lower_case_is_read_as_the_name_the_papers_write(offline):
    # "colbert" was no name: ColBERT-XM, holding the word, was compared with SPLADE as if it were ColBERT
    answer = offline.ask("splade vs colbert")
    assert answer.text.startswith("No paper in the corpus is named “colbert”. SPLADE ["), answer.text
    assert not any("ColBERT" in c.title for c in answer.citations)
    assert offline.ask("what is splade").text.startswith("From “SPLADE:")


def test_a_comparison_with_a_side_no_paper_is_named_by_says_so(offline):
    answer = offline.ask("Compare ColBERT and SPLADE")  # answered from SPLADE as if it were the comparison
    assert answer.text.startswith("No paper in the corpus is named “ColBERT”. SPLADE [")
    dpr = offline.ask("How does DPR compare with SPLADE v2?")  # "v2" is part of a name, not one
    assert dpr.text.startswith("No paper in the corpus is named “DPR”. SPLADE v2 ["), dpr.text
    both = offline.ask("Compare SPLADE and SPLADE v2.")
    assert not both.text.startswith("No paper") and len(both.citations) == 2


def test_a_researchers_own_framing_is_no_part_of_the_topic(offline):
    # "working" stems to "work", which abstracts only say as "in this work" (a stop word): no paper held it.
    answer = offline.ask("I'm working on dense retrieval for long documents. Which papers should I read?")
    titles = [c.title for c in answer.citations]
    assert answer.answerable and any(t.startswith("Dwell in the Beginning") for t in titles), answer.text
    options = offline.ask("I need to remove private data from a trained LLM without retraining. What are my options?")
    assert options.answerable and options.text.startswith("The corpus has "), options.text  # it was refused
    big = offline.ask("How big is the USPTO-3M dataset?")  # "no paper in it mentions “big”"
    assert big.answerable and big.citations[0].title.startswith("PatentBERT"), big.text
    anything = offline.ask("Is there anything on detecting irony?")  # "no paper in it mentions “anything”"
    assert [c.title[:7] for c in anything.citations] == ["IIIDYT "], anything.text


def test_asking_words_apply_and_according_to_are_no_part_of_the_topic(offline):
    listed = offline.ask("Which papers apply hashing to cross-modal retrieval?")  # "(none of them mentions “apply”)"
    assert listed.answerable and len(listed.citations) >= 2 and "apply" not in listed.text.splitlines()[0]
    limits = offline.ask("What are the limitations of synthetic training images according to the corpus?")
    assert [c.title[:15] for c in limits.citations] == ["The Unmet Promi"], limits.text  # was hedged
    assert "this underperformance is partially due to generator artifacts" in limits.text


def test_how_much_faster_than_a_named_method_quotes_the_speed_ups_and_the_comparison(offline):
    # It quoted "a modular design that accommodates … FlashAttention" (the name, no gain) and one of two speed-ups.
    answer = offline.ask("How much faster is HyperAttention than FlashAttention?")
    assert "speed improvements compared to state-of-the-art solutions like FlashAttention" in answer.text
    assert "50% faster" in answer.text and "5-fold speedup" in answer.text and "modular design" not in answer.text


def test_a_kind_of_neural_network_lists_papers_on_it_not_papers_with_its_first_word(offline):
    # "neural networks" is framing, so "graph" alone was the topic: LexRank's graphs and a decoding graph were listed.
    answer = offline.ask("Which papers study graph neural networks?")
    assert answer.answerable and len(answer.citations) >= 4
    abstracts = {s.paper.title: s.paper.abstract for s in answer.sources}
    for c in answer.citations:
        text = f"{c.title} {abstracts[c.title]}".casefold()
        assert "graph neural network" in text or "gnn" in text, c.title  # LexRank and "Momentum Decoding" were


def test_a_linking_phrase_of_an_abstract_is_no_topic_word(offline):
    # "In contrast, ..." held "contrastive": a joke-recommendation paper was listed for contrastive recommendation.
    answer = offline.ask("Which papers use contrastive learning for recommendation?")
    assert not answer.text.startswith("The corpus has"), answer.text
    assert not any(c.title.startswith("Learning to Actively Learn") for c in answer.citations)


def test_a_question_about_llms_answered_from_a_paper_without_them_is_no_answer(offline):
    # "LLM" frames most questions and weighs nothing: a recommender paper with no language model was "the" answer.
    answer = offline.ask("How do recommender systems use large language models?")
    assert not answer.answerable and "(the closest lacks “language models”)" in answer.text, answer.text
    plain = offline.ask("How do large language models rerank passages with multiple views?")
    assert plain.text.startswith("From “Multi-view-guided Passage Reranking"), plain.text


def test_which_paper_does_x_asks_for_a_paper_not_for_the_kind_of_its_last_word(offline):
    # "Which paper first proposed pointer networks?" read "networks" as the kind asked: "names no model for this".
    answer = offline.ask("Which paper first proposed pointer networks?")
    assert answer.text.startswith("From “Pointer Networks” [1]:"), answer.text


def test_which_metrics_of_an_abstract_naming_none_says_so(offline):
    answer = offline.ask("What evaluation metrics does PLD use?")  # it quoted PLD's definition as if it answered
    assert answer.text.startswith("The abstract of “PLD: A Choice-Theoretic List-Wise Knowledge Distillation” [")
    assert " names no metric for this; what it says closest: " in answer.text
    named = offline.ask("What metrics are used to evaluate the all-LLM pipeline for synthetic training data?")
    assert "nDCG@10, Precision@10, and Recall@100 metrics" in named.text and "names no" not in named.text


def test_what_a_question_asks_of_a_named_paper_that_its_abstract_never_mentions_is_said(offline):
    answer = offline.ask("Does SPLADE use BERT?")  # quoted SPLADE's ranker as if it answered
    assert answer.text.startswith("The abstract of “SPLADE: Sparse Lexical and Expansion Model for First Stage")
    assert "does not mention “BERT”; what it says closest:" in answer.text
    held = offline.ask("Does HyperAttention use hashing?")
    assert held.text.startswith("From “HyperAttention") and "Locality Sensitive Hashing" in held.text


def test_propose_or_analyse_is_asking_not_a_topic_word(offline):
    # "analyse" was a key term no paper on graph neural networks holds: one paper was listed of six.
    answer = offline.ask("Which papers propose or analyse graph neural networks?")
    assert answer.answerable and len(answer.citations) >= 5, answer.text


def test_html_tags_pasted_into_a_question_are_no_words_of_it(offline):
    # It was refused: "no paper in it mentions “img” or “src” or “onerror”".
    tagged = offline.ask("<img src=x onerror=alert(1)> which papers study <b>hashing</b>?")
    plain = offline.ask("which papers study hashing?")
    assert tagged.answerable and [c.title for c in tagged.citations] == [c.title for c in plain.citations]
    assert tagged.question.startswith("<img src=x onerror=alert(1)>")  # the question is kept as asked


def test_a_list_none_of_whose_papers_names_the_method_asked_is_refused(offline):
    # It listed six recommender papers "(none of them mentions “RLHF”)" as "the corpus has 6 papers on this".
    answer = offline.ask("Which papers use RLHF for recommender systems?")
    assert not answer.answerable and "(the closest lacks “RLHF”)" in answer.text, answer.text
    named = offline.ask("Which papers use BERT for patents?")
    assert named.answerable and any(c.title.startswith("PatentBERT") for c in named.citations)


def test_which_came_first_of_two_papers_compares_them_with_their_dates(offline):
    # It answered from RetroMAE v2 alone, saying its abstract "does not mention “came” or “first” or “Revela”".
    answer = offline.ask("Which came first, RetroMAE v2 or Revela?")
    opening = "The corpus dates RetroMAE v2 2022-11-16; Revela 2025-06-19. RetroMAE v2 ["
    assert answer.text.startswith(opening), answer.text
    assert "does not mention" not in answer.text
    # The dates are the record's, said uncited: a date inside a quoted claim was flagged as unsupported.
    assert {c.title.split(":")[0] for c in answer.citations} == {"RetroMAE v2", "Revela"}
    assert all(claim.support == "full" for claim in answer.claims), answer.claims
    undated = offline.ask("Which is newer, SPLADE or SPLADE v2?")  # "The corpus dates SPLADE v2 no date; SPLADE …"
    # (the sides in the question's order since the twenty-fourth session)
    assert undated.text.startswith("The corpus has no date for SPLADE or SPLADE v2. SPLADE ["), undated.text


def test_a_coined_name_is_a_whole_word_not_the_start_of_another(offline):
    answer = offline.ask("What problem does TransF solve that TransE cannot?")  # "transformer" starts "transf"
    titles = [c.title for c in answer.citations]
    assert titles == ["Knowlege Graph Embedding by Flexible Translation"], titles  # no transformer paper "related"


def test_what_a_paper_found_is_quoted_first(offline):
    answer = offline.ask("What is the main finding of AxBench?")  # not "we introduce AxBench, a benchmark"
    assert answer.text.split("[1]")[1].lstrip(": ").startswith("For steering, we find that prompting outperforms")
    found = offline.ask("What did the authors of LeXFiles find?")
    assert "We find that probing performance strongly correlates" in found.text.split("[1]")[1], found.text
    about = offline.ask("What did the LeXFiles authors find about downstream performance?")  # the finding on it
    assert about.text.split("[1]")[1].lstrip(": ").startswith("On the other hand, downstream performance is mainly")


def test_a_kind_asked_of_an_abstract_that_names_none_says_so(offline):
    answer = offline.ask("What datasets does gaBERT use?")  # it names models (mBERT) and "a task", no data set
    assert "names no dataset or benchmark" in answer.text, answer.text


def test_a_question_that_is_only_a_paper_s_name_relates_only_papers_holding_it(offline):
    answer = offline.ask("who proposed pointer networks?")  # "network" alone related a 3D scene-graph paper
    assert [c.title for c in answer.citations] == ["Pointer Networks"], answer.text
    first = offline.ask("which paper first proposed pointer networks?")  # "first" related ADAHESSIAN
    assert [c.title for c in first.citations] == ["Pointer Networks"], first.text
    assert len(offline.ask("What is SPLADE?").citations) == 3  # SPLADE v2 and Mistral-SPLADE hold "SPLADE"


def test_a_comparison_of_two_described_papers_cites_each(offline):
    # both sides described, none named: each had been answered from one paper
    for question, starts in (
        (
            "What is the difference between the paper on the origins of linear representations and the one showing "
            "RNNs use non-linear representations?",
            ("On the Origins of Linear", "Recurrent Neural Networks Learn"),
        ),
        (
            "How does the latent-variable model for intrinsic probing differ from the layer-wise probing of BERToids?",
            ("A Latent-Variable Model", "Not All Models Localize"),
        ),
    ):
        answer = offline.ask(question)
        cited = [c.title for c in answer.citations]
        assert len(cited) == 2 and all(any(t.startswith(s) for t in cited) for s in starts), answer.text


def test_a_comparison_with_a_paper_it_describes_compares_with_that_paper(offline):
    answer = offline.ask("Compare SPLADE with the paper on hard negatives for dense retrieval")
    first, other = answer.citations  # both sides, each cited
    assert first.title.startswith("SPLADE:"), answer.text
    paper = next(s.paper for s in answer.sources if s.paper.title == other.title)
    text = f"{paper.title} {paper.abstract}".lower()
    assert "hard negative" in text and "dense" in text and "splade" not in text, other.title
    described = offline.ask("Compare WAGLE with the SAE-based unlearning paper")  # "SAE-based" describes, names not
    assert "No paper in the corpus is named" not in described.text, described.text
    # the SAE-guided unlearning paper writes "sparse autoencoder", never "SAE": it was no side (WAGLE alone); the
    # acronym is held as the papers found spell it ("Sparse autoencoders (SAEs)"), in either order of the sides
    for question in (
        "Compare WAGLE with the SAE-based unlearning paper",
        "Compare the SAE-based unlearning paper with WAGLE.",
    ):
        sides = [c.title.split(":")[0] for c in offline.ask(question).citations]
        assert (
            sides[0] == "WAGLE"
            and "Sparse-Autoencoder-Guided Internal Representation Unlearning for Large Language Models" in sides
        ), sides


def test_a_comparison_with_larger_models_is_answered_from_the_named_one(offline):
    # "Is KaLM-Embedding-V2 better than larger embedding models?" compared it with LG-ANNA, an embedding model's
    # report: "larger embedding models" are a class, of which KaLM says "competes with 3x, … 26x larger" ones
    answer = offline.ask("Is KaLM-Embedding-V2 better than larger embedding models?")
    assert [c.title.split(":")[0] for c in answer.citations] == ["KaLM-Embedding-V2"], answer.text
    assert "26x larger embedding models" in answer.text, answer.text


def test_a_comparison_with_a_class_of_papers_is_answered_from_the_named_one(offline):
    # "standard dense retrievers" is no paper: one on hard negatives for dense retrieval was quoted as the other side.
    answer = offline.ask("How do contextual document embeddings differ from standard dense retrievers?")
    assert [c.title for c in answer.citations] == ["Contextual Document Embeddings"], answer.text
    assert "out-of-context" in answer.text, answer.text  # what it says the standard ones lack
    # "naive chunking" is no paper either (a streaming-tagging paper was the other side); the gain is "superior"
    naive = offline.ask("Is Late Chunking better than naive chunking?")
    assert [c.title[:13] for c in naive.citations] == ["Late Chunking"], naive.text
    assert naive.text.split("[1]: ")[1].startswith("The resulting chunk embeddings capture"), naive.text


def test_how_much_better_quotes_the_gain_over_others_not_a_numbered_list_of_its_parts(offline):
    kalm = offline.ask("How much better is KaLM-Embedding-V2 than other models?")  # "(1) To better align …"
    assert kalm.text.split("[1]")[1].lstrip(": ").startswith("Extensive evaluations on the Massive Text"), kalm.text
    rsq = offline.ask("By how much does RSQ improve quantized LLMs?")  # "(1) applies rotations" is no figure
    # (its gain is given in no figure, "three model families" counting what it ran on: said so, then the closest)
    assert "gives no figure for this; what it says closest: We demonstrate that RSQ consistently outperforms" in (
        rsq.text
    ), rsq.text
    worded = offline.ask("Does ExLM outperform standard MLM, and by how much?")  # no figure: the gain in words
    assert worded.text.split("[1]")[1].lstrip(": ").startswith("Experimental results demonstrate that ExLM achieves")


def test_how_much_is_saved_of_an_abstract_saying_it_in_words_says_it_gives_no_figure(offline):
    # It quoted the field's background ("PEFT methods … reduce memory") first, as if that were the saving.
    answer = offline.ask("How much memory does layer-wise importance save in parameter-efficient fine-tuning?")
    opening, quoted = answer.text.split("what it says closest: ", 1)
    assert opening.endswith("[1] gives no figure for this; "), answer.text
    assert not quoted.startswith("Parameter-Efficient Fine-Tuning (PEFT) methods have gained"), answer.text


def test_the_kind_asked_of_a_named_paper_that_its_abstract_never_mentions_is_said_so(offline):
    answer = offline.ask("What GPU was used to train KaLM-Embedding-V2?")  # quoted what it proposes, no word more
    assert answer.text.startswith("The abstract of “KaLM-Embedding-V2"), answer.text
    assert "does not mention “GPU”" in answer.text, answer.text
    # "SPLADE" inside "SPLADE v2" names no second paper (whose name the first would lack): the same is said
    versioned = offline.ask("What GPU does SPLADE v2 use?")
    assert versioned.text.startswith("The abstract of “SPLADE v2") and "not mention “GPU”" in versioned.text
    loss = offline.ask("What loss function does Revela use?")  # "does not mention “function”", as if "loss" were
    assert "does not mention “loss function”;" in loss.text, loss.text


def test_is_it_better_of_one_paper_quotes_the_result_it_states(offline):
    # "RetroMAE" is RetroMAE v2's own name here: its aim ("which targets on improving …") was quoted instead.
    answer = offline.ask("Is RetroMAE v2 better than RetroMAE?")
    assert answer.text.split("[1]: ", 1)[1].startswith("DupMAE is simple but empirically competitive"), answer.text


def test_a_list_asking_how_says_what_each_paper_does(offline):
    # The flagship: lines quoted the background ("A conventional LLM unlearning task typically involves …").
    answer = offline.ask("Which papers make LLMs forget a target entity, and how?")
    lines = answer.text.splitlines()[1:]
    assert len(lines) >= 3, answer.text
    assert all(re.search(r"\b(?:we|this (?:paper|work))\b", line, re.I) for line in lines), answer.text


def test_a_list_leaving_out_llms_leaves_out_the_papers_on_them(offline):
    # "LLMs" frames most questions and was dropped from what to leave out: every LLM unlearning paper was listed.
    answer = offline.ask("Which papers on unlearning are not about LLMs?")
    assert "(leaving out those that are about “LLMs”)" in answer.text.splitlines()[0], answer.text
    cited = {c.title for c in answer.citations}
    assert cited and not any("LLM" in t or "Language Model" in t for t in cited), answer.text


def test_the_sentence_naming_the_kind_asked_of_a_named_paper_comes_first(offline):
    answer = offline.ask("What loss does DupMAE use?")  # the aim came first, the loss second, in abstract order
    assert answer.text.split("[1]: ", 1)[1].startswith("It introduces two decoding tasks"), answer.text
    assert "bag-of-words loss" in answer.text.split("[1]")[1]


def test_the_main_idea_of_a_named_method_is_its_gist(offline):
    answer = offline.ask("What is the main idea of MERU?")  # "main idea" was read as sorting: a results sentence
    assert answer.text.split("[1]: ", 1)[1].startswith("We propose MERU, a contrastive model"), answer.text


def test_explaining_a_topic_one_paper_is_on_gives_that_paper_s_gist(offline):
    answer = offline.ask("Explain late chunking")  # was "The corpus has 1 paper on this:" and one line
    assert answer.text.startswith("From “Late Chunking: Contextual Chunk Embeddings"), answer.text
    assert len(answer.claims) >= 2  # what it does, and more of it
    many = offline.ask("Tell me about machine unlearning")  # several papers: still a list
    assert many.text.startswith("The corpus has "), many.text
    # ... and one whose title it says, though papers sharing its words are found ("2D Matryoshka Sentence Embeddings")
    titled = offline.ask("Tell me about Matryoshka Representation Learning")
    assert titled.text.startswith("From “Matryoshka Representation Learning” [1]"), titled.text


def test_how_a_problem_is_fixed_quotes_what_the_paper_does_against_it(offline):
    # Only "Large language models are typically aligned … by optimizing reward models" was quoted: no remedy.
    answer = offline.ask("How do reward models get over-optimized in RLHF and how is it fixed?")
    assert "We then introduce an approach to solve this issue using constrained reinforcement" in answer.text
    assert answer.citations[0].title.startswith("Confronting Reward Model Overoptimization"), answer.text


def test_a_list_line_says_what_its_paper_does_when_that_sentence_names_the_topic(offline):
    answer = offline.ask("Which papers are about music?")  # was "As an important part of MIR, SMU has gained …"
    lines = answer.text.splitlines()[1:]
    assert len(lines) == 2 and all("we propose " in line.lower() for line in lines), answer.text


def test_a_word_saying_where_is_no_subject_a_paper_must_hold(offline):
    answer = offline.ask("Which papers store images or videos inside neural networks?")  # was refused: "inside"
    titles = {c.title for c in answer.citations}
    assert {"HNeRV: A Hybrid Neural Representation for Videos", "Extreme Compression of Adaptive Neural Images"} <= (
        titles
    ), answer.text


def test_what_a_relative_clause_says_a_thing_does_may_be_worded_otherwise(offline):
    answer = offline.ask("Which papers study privacy attacks that extract information about training data?")
    assert answer.answerable, answer.text  # the reconstruction-attack paper never says "extract"
    joined = offline.ask("Which papers quantize speech models?")  # a subject lacking, not a clause's verb
    assert not joined.answerable


def test_a_linking_phrase_of_the_question_names_nothing_asked(offline):
    answer = offline.ask("Which papers compress models, for example by pruning or quantization?")  # "example"
    assert answer.answerable and len(answer.citations) >= 3, answer.text


def test_an_alternative_the_corpus_never_words_does_not_refuse_the_question(offline):
    answer = offline.ask("Which papers attack models with adversarial inputs or poisoned data?")  # no "poisoned"
    assert answer.answerable and answer.citations, answer.text
    assert not offline.ask("Which papers detect poisoned data?").answerable  # the only thing asked, unseen


def test_a_short_topic_of_alternatives_is_held_by_a_paper_holding_one(offline):
    answer = offline.ask("Which papers represent images, videos or surfaces as neural networks?")
    titles = {c.title.split(":")[0] for c in answer.citations}  # a video paper need not say "surfaces"
    assert {"HNeRV", "NeuS2"} <= titles, answer.text


def test_what_a_named_paper_never_mentions_is_said_even_when_it_names_no_subject(offline):
    # "creativity" is in few chunks but by its spread no subject: the RLHF paper's sentence was quoted as the answer
    answer = offline.ask("How does RLHF affect creativity of language models?")
    assert answer.text.startswith("The abstract of “Confronting Reward Model Overoptimization with Constrained RLHF”"
                                  " [1] does not mention “creativity”;"), answer.text  # fmt: skip


def test_papers_with_code_are_those_saying_where_it_is(offline):
    # "code available" named no topic and was refused; a list on a topic now keeps those that say where
    every = offline.ask("Which papers have code available?")
    assert every.text.startswith("At least") and len(every.citations) == 12, every.text
    assert all("github" in line or "code" in line.casefold() for line in every.text.splitlines()[1:])
    hashing = offline.ask("Which papers on hashing have code available?")
    assert hashing.text.splitlines()[0] == "The corpus has 3 papers on this that say where their code is:"
    assert {c.title[:9] for c in hashing.citations} == {"Prototype", "GraphHash", "Neural ne"}, hashing.text
    assert offline.ask("Does GraphHash release its code?").text.endswith("github.com/snap-research/GraphHash [1].")
    silent = offline.ask("Does GASLITE release its code?")
    assert not silent.answerable and silent.text.endswith("does not say where its code is."), silent.text
    assert offline.ask("Which papers generate code?").citations[0].title != every.citations[0].title  # a topic
    one = code_listed([s for s in every.sources if s.paper.title.startswith("GraphHash")])  # one: in the singular
    assert one.text.startswith("At least 1 paper of the corpus says where its code is:"), one.text


def test_an_address_pasted_into_a_question_is_no_word_of_it(offline):
    # "www" and "evil" were read as key words no paper has: the question was refused
    plain = offline.ask("Which papers on hashing have code available?")
    pasted = offline.ask("Which papers on hashing have code available? see www.evil.example or https://x.org/a")
    assert pasted.answerable and {c.title for c in pasted.citations} == {c.title for c in plain.citations}, pasted.text
    bare = offline.ask("Which papers have code available? see https://evil.example")  # "see" was its one key word
    assert bare.answerable and bare.text.startswith("At least"), bare.text


def test_a_topic_s_papers_with_code_are_searched_for_beyond_the_first_twenty(offline):
    # Few papers say where their code is: of the 20 read for "retrieval", one did; "Is there code for …" was no
    # code question (a paper on unlearning was quoted on its forgetting)
    shared = offline.ask("Do any retrieval papers share their code?")
    titles = {c.title.split(":")[0] for c in shared.citations}
    assert {"A Unified Framework for Learned Sparse Retrieval", "PROP", "T2Ranking"} <= titles, shared.text
    assert all(("github" in line or "code" in line) for line in shared.text.splitlines()[1:]), shared.text
    unlearning = offline.ask("Is there code for LLM unlearning papers?")
    head = unlearning.text.splitlines()[0]
    assert head.endswith("that say where their code is:") and "github.com/UCSB-NLP-Chang/ULD" in unlearning.text
    assert all("nlearning" in c.title for c in unlearning.citations), unlearning.text


def test_the_key_idea_of_a_paper_named_by_an_ordinary_word_is_its_gist(offline):
    # "Starbucks" is no coined name, but names its paper: the results sentence was quoted as its key idea
    answer = offline.ask("What is the key idea of Starbucks?")
    assert answer.text.split("[1]: ")[1].startswith("To address this issue, we propose Starbucks"), answer.text


def test_a_kind_a_description_answers_is_not_said_to_be_unmentioned(offline):
    # "does not mention “problem” or “solve”" was said of GraphHash, whose abstract states the problem it solves
    answer = offline.ask("What problem does GraphHash solve?")
    assert answer.text.startswith("From “GraphHash"), answer.text


def test_a_list_none_of_whose_papers_has_a_noun_of_its_phrase_is_of_the_closest(offline):
    # "The corpus has 3 papers on this (none of them mentions “code”)": "code" is rare as a subject by its spread
    # ("code is available" is in many abstracts), but the noun qualifying "search"
    # (now no list: what "apply … to" names is where the topic applies, which no SPLADE paper holds; and since no
    # paper found writes "code search" at all, refused by that phrase, the SPLADE papers named as the closest)
    answer = offline.ask("Does any paper apply SPLADE to code search?")
    assert not answer.answerable and "“code search”" in answer.text and "SPLADE" in answer.text, answer.text


def test_a_list_on_a_language_lists_no_paper_that_never_names_it(offline):
    # Sentence-embedding papers with no word of Chinese were two of the three listed
    answer = offline.ask("Which papers build Chinese sentence embeddings?")
    assert [c.title[:17] for c in answer.citations] == ["KaLM-Embedding-V2"], answer.text


def test_a_qualified_phrase_held_only_word_by_word_is_not_held(offline):
    joined = offline.ask("Which papers use in-context learning for depth estimation?")  # "depth" of transformers
    assert not joined.answerable, joined.text
    # A kind of learning is one name: a paper with "extended-context" models, "learning" and "machine translation"
    # apart does not hold it (and the refusal names it)
    kind = offline.ask("How is in-context learning used for machine translation?")
    assert not kind.answerable and "(the closest lacks “in-context learning”)" in kind.text, kind.text
    held = offline.ask("Which papers use self-supervised learning for depth estimation?")  # RoboDepth's track
    assert held.answerable and held.citations[0].title.startswith("The RoboDepth Challenge"), held.text


def test_what_researchers_do_to_any_subject_is_no_topic_word_of_a_list(offline):
    answer = offline.ask("Which papers find which training examples matter most?")  # "matter": Order Matters
    assert any(c.title.startswith("Deep Learning on a Data Diet") for c in answer.citations), answer.text


def test_what_a_name_stands_for_quotes_where_it_is_spelled_out(offline):
    # "stand" was asked of the paper: "does not mention “stand”", before quoting the very expansion
    answer = offline.ask("What does RSQ stand for?")
    assert answer.text.startswith("From “RSQ: ") and "RSQ (Rotate, Scale, then Quantize)" in answer.text, answer.text
    assert "does not mention" not in answer.text


def test_a_name_an_abstract_gives_in_quotes_and_lower_case_names_its_paper(offline):
    # 'a novel technique dubbed "uniCOIL"': uniCOIL was "no paper in the corpus", and so were "MS" and "MARCO"
    answer = offline.ask("Compare SPLADE v2 and uniCOIL on MS MARCO")
    titles = {c.title.split(":")[0] for c in answer.citations}
    assert {"SPLADE v2", "A Few Brief Notes on DeepImpact, COIL, and a Conceptual Framework for Information Retrieval "
            "Techniques"} <= titles, answer.text  # fmt: skip
    assert "No paper in the corpus is named" not in answer.text


def test_a_baseline_named_in_a_gain_question_that_the_abstract_never_names_is_said_so(offline):
    # "By how much does ColBERT-XM beat mDPR?" quoted "competitive performance" as if it were the gain over mDPR
    answer = offline.ask("By how much does ColBERT-XM beat mDPR?")
    assert answer.text.startswith("The abstract of “ColBERT-XM") and "does not mention “mDPR”" in answer.text
    assert "does not mention" not in offline.ask("How much better is SPLADE v2 than SPLADE?").text


def test_a_benchmark_named_in_capitals_that_the_abstract_never_names_is_said_so(offline):
    # SPLADE v2 gives its gain on TREC DL 2019: it had been quoted as the answer "on MS MARCO", unremarked
    answer = offline.ask("How much better is SPLADE v2 than SPLADE on MS MARCO?")
    assert answer.text.startswith("The abstract of “SPLADE v2") and "does not mention “MS MARCO”" in answer.text
    assert "does not mention" not in offline.ask("How much better is SPLADE v2 than SPLADE on TREC DL?").text


def test_an_acronym_asked_in_the_singular_finds_the_papers_writing_its_plural(offline):
    # "token pruning MLLM" was refused, "no paper in it mentions “MLLM”", of a corpus writing "MLLMs"
    answer = offline.ask("token pruning MLLM")
    assert answer.answerable and any(c.title.startswith("[") and "MLLMs" in c.title for c in answer.citations), (
        answer.text
    )


def test_which_labs_work_on_a_topic_lists_its_papers_with_the_organisations_the_record_has(offline):
    # "Which labs publish on retrieval?" was refused and "Which organisations work on mixture of experts?" said
    # none of its papers mentions "organizations"
    answer = offline.ask("Which labs work on mixture of experts?")
    head, *rest = answer.text.splitlines()
    orgs = {c.paper_id: c for c in answer.citations}
    known = [s.paper for s in answer.sources if s.paper.id in orgs and s.paper.org]
    assert known and head.startswith(f"The corpus lists an organisation for {len(known)} of the {len(orgs)} papers")
    assert all(p.org in head for p in known) and rest[0].startswith("The corpus has "), answer.text
    assert not offline.ask("Who works on protein folding?").answerable


def test_which_paper_reports_the_largest_measure_lists_those_stating_it_unranked(offline):
    # "Which paper reports the largest speedup?" quoted ScholarBERT's "the largest … scientific language model"
    answer = offline.ask("Which paper reports the largest speedup?")
    head = answer.text.splitlines()[0]
    assert head.startswith("The corpus has ") and "stating their speedup (the abstracts do not rank" in head, head
    assert len(answer.claims) >= 2
    for claim in answer.claims:
        assert "speed" in claim.sentence.casefold() and any(ch.isdigit() for ch in claim.sentence), claim
    # "the best result on BEIR": the papers reporting on BEIR, none ranked (one paper's sentence was the answer)
    beir = offline.ask("What's the best result on BEIR in the corpus?")
    assert "(the abstracts do not rank them against each other" in beir.text.splitlines()[0], beir.text


def test_no_organisation_recorded_for_one_paper_is_said_in_the_singular(offline):
    answer = offline.ask("Which labs work on speech recognition for low-resource languages?")
    head = answer.text.splitlines()[0]  # one paper on it, with no organisation in the record ("the 1 papers")
    assert len(answer.citations) == 1 and not answer.sources[answer.citations[0].n - 1].paper.org, answer.text
    assert head.startswith("The corpus lists no organisation for the paper on this"), head


def test_an_acronym_a_paper_gives_its_own_method_names_the_paper(offline):
    # "How does RETRO compare to GPT-3?" opened "No paper in the corpus is named “RETRO”": the paper writes "our
    # Retrieval-Enhanced Transformer (RETRO)" under a title without it; so "(FTPO), a novel fine-tuning method"
    retro = offline.ask("How does RETRO compare to GPT-3?")
    assert "named “RETRO”" not in retro.text and "25× fewer parameters" in retro.text, retro.text
    ftpo = offline.ask("How does FTPO compare to DPO?")
    assert "named “FTPO”" not in ftpo.text and ftpo.citations[0].title.startswith("Antislop"), ftpo.text


def test_an_acronym_written_only_in_the_plural_has_its_weight(offline):
    # "MLLM" was weighed as a word no paper has (the highest IDF): the papers write "MLLMs", which the stemmer keeps
    with offline.index.reading() as view:
        assert view.idf("mllm") == view.idf("mllms") < view.idf(UNSEEN)
        assert view.topical("mllm") == view.topical("mllms") > 0


def test_the_two_papers_on_a_topic_compared_are_two_found_on_it(offline):
    # "Compare the two Matryoshka papers." was Starbucks' answer alone, 2D Matryoshka "Related": "the two X
    # papers" are the first two found on X, each a side
    answer = offline.ask("Compare the two Matryoshka papers.")
    sides = [c.title for c in answer.citations]
    assert len(sides) == 2 and all("Matryoshka" in t for t in sides) and "Related:" not in answer.text, answer.text


def test_where_a_named_paper_is_asked_to_apply_and_never_says_is_said(offline):
    # "… save for diffusion models?" quoted the 32% of GPU hours as if it were for diffusion models: the corpus
    # does not cover that; "How does Seismic handle image retrieval?" (text retrieval; LexLIP, found too, does image
    # retrieval) read as answered
    upcycled = offline.ask("How much GPU time does expert upcycling save for diffusion models?")
    assert not upcycled.answerable and "(the closest lacks “diffusion”)" in upcycled.text, upcycled.text
    assert "“Expert Upcycling" in upcycled.text and "32%" not in upcycled.text, upcycled.text
    seismic = offline.ask("How does Seismic handle image retrieval?")
    assert not seismic.answerable and "(the closest lacks “image retrieval”)" in seismic.text, seismic.text
    # (what it does apply to is no such lack)
    plain = offline.ask("How much GPU time does expert upcycling save?")
    assert plain.text.startswith("From “Expert Upcycling") and "32% of GPU hours" in plain.text, plain.text


def test_a_name_an_abstract_gives_its_method_in_words_names_the_paper(offline):
    # "using our method, Seismic, …" and "we propose Binary Paragraph Vector: …" under titles without the names
    seismic = Paper("s", "Efficient Inverted Indexes", "As we show, using our method, Seismic, reaches high recall.")
    vectors = Paper("v", "Vector representations", "For documents we propose Binary Paragraph Vector: a model.")
    helm = Paper("h", "History Compression", "Our new method, HELM, enables actor-critic networks with a memory.")
    assert "Seismic" in names_of(seismic) and "Binary Paragraph Vector" in names_of(vectors)
    assert "HELM" in names_of(helm)  # the sentence's first word
    answer = offline.ask("Compare Seismic with SPLADE")  # Seismic's side first, as asked (SPLADE's came first)
    assert answer.citations[0].title.startswith("Efficient Inverted Indexes"), answer.text


def test_a_name_after_an_article_is_a_kind_no_paper_need_introduce(offline):
    # "training an MoE from scratch" opened "No paper in the corpus introduces “MoE”" (mixture-of-experts is a
    # kind of model), and missed the sentence answering it
    answer = offline.ask("How does expert upcycling differ from training an MoE from scratch?")
    assert "introduces" not in answer.text and "alternative to training large MoE models from scratch" in answer.text


def test_a_plural_noun_before_a_verb_qualifies_nothing(offline):
    # "Does the order of inputs matter …?" was refused: "inputs matter" was read as a noun phrase the paper lacks
    assert analyse("Does the order of inputs matter for seq2seq models?").qualified == ()
    answered_from(offline, "Does the order of inputs matter for seq2seq models?", "Order Matters")


def test_a_noun_qualifying_another_after_the_is_part_of_the_topic(offline):
    # "What are the privacy risks of retrieval-augmented generation?" quoted a paper on financial risk management
    # for RAG as its answer: "privacy" (spread thin over the corpus, so no subject) qualifies the risks asked about
    assert ("privaci", "risk") in analyse("What are the privacy risks of retrieval-augmented generation?").qualified
    answer = offline.ask("What are the privacy risks of retrieval-augmented generation?")
    assert not answer.answerable and "(the closest lacks “privacy”)" in answer.text, answer.text


def test_a_title_word_asked_as_a_topic_no_paper_on_the_rest_holds_is_refused(offline):
    # "How is RLHF applied to text-to-image generation?" quoted "… with Constrained RLHF" (no images) under "does
    # not mention": RLHF is asked as a topic here, the text-to-image papers found never mention it
    answer = offline.ask("How is RLHF applied to text-to-image generation?")
    assert not answer.answerable and "(the closest lacks “RLHF”)" in answer.text, answer.text
    # a paper's own name stays the paper asked about ("does not mention" what it lacks)
    splade = offline.ask("How is SPLADE applied to code search?")
    assert splade.answerable and "does not mention" in splade.text.split(";")[0], splade.text


def test_a_task_of_modelling_language_a_paper_never_speaks_of_is_apart_from_it(offline):
    # "Does Mamba outperform transformers on language modeling?" quoted Graph Mamba's results on graph benchmarks:
    # "language modeling" is framing words, so no key term; the task is still what the gain is asked on
    answer = offline.ask("Does Mamba outperform transformers on language modeling?")
    assert not answer.answerable and "(the closest lacks “language modeling”)" in answer.text, answer.text


def test_a_noun_the_corpus_writes_only_as_its_adjective_finds_the_paper(offline):
    answered_from(offline, "What do papers say about the isotropy of embeddings?", "How Contextual are")


def test_a_name_opening_a_description_of_the_other_side_is_no_name_asked(offline):
    # "Compare AxBench and the SAE monosemanticity evaluation" opened "No paper in the corpus is named “SAE”" and
    # had AxBench alone: "the SAE … evaluation" describes a paper (the one evaluating SAEs for monosemanticity)
    answer = offline.ask("Compare AxBench and the SAE monosemanticity evaluation")
    titles = [c.title for c in answer.citations]
    assert "named “SAE”" not in answer.text and len(titles) == 2, answer.text
    assert any(t.startswith("Evaluating Sparse Autoencoders for Monosemantic") for t in titles), titles
    # a name that is the side asked stays one ("Compare SPLADE with the ColBERT model": no paper named ColBERT)
    colbert = offline.ask("Compare SPLADE with the ColBERT model")
    assert "named “ColBERT”" in colbert.text, colbert.text


def test_of_words_as_rare_the_one_naming_a_subject_is_the_rarest(offline):
    # "Does contrastive learning hurt minority groups?" was refused ("lacks “hurt minority”"): "hurt" and
    # "minority" are as rare, and the verb was taken as the word the paper had to hold
    answered_from(offline, "Does contrastive learning hurt minority groups?", "An Investigation of Representation")


def test_what_is_wrong_with_a_thing_asks_its_limits(offline):
    # "What's wrong with [MASK] tokens?" was refused: no paper writes "wrong"; it asks what papers find wanting
    assert analyse("What's wrong with [MASK] tokens?").weakness
    # so "what goes wrong when …" and "what limits X?" ("What limits sparse autoencoders?": AxBench's "SAEs are not
    # competitive"; it quoted a paper using them as a tool)
    assert analyse("What goes wrong when you fine-tune on new knowledge?").weakness
    limits = offline.ask("What limits sparse autoencoders?")
    assert "SAEs are not competitive" in limits.text, limits.text
    answer = offline.ask("What's wrong with [MASK] tokens?")
    assert answer.answerable and "representation deficiency" in answer.text, answer.text
    # ("resulting in a representation deficiency … and limiting …" states a limit: a list of it, not the closest)
    assert answer.text.startswith("The corpus has 1 paper on this (each line gives a limit"), answer.text


def test_how_to_stop_a_thing_asks_what_counters_it_and_letting_frames(offline):
    # "How do you stop a language model from generating toxic text while still letting it understand it?" was
    # refused: no paper writes "stop" or "letting" (it asks what prevents it; "letting" says what is kept)
    answer = offline.ask(
        "How do you stop a language model from generating toxic text while still letting it understand it?"
    )
    assert answer.answerable and answer.citations[0].title.startswith("Teaching Models to Understand"), answer.text


def test_a_verb_finds_papers_writing_its_noun(offline):
    # "repeating" is the stem "repeat"; papers on LLM repetition write "repetitive" and "repetitions" ("repetit")
    answer = offline.ask("How do you stop an LLM from repeating the same phrases?")
    cited = [c.title for c in answer.citations]
    assert answer.answerable and any(t.startswith(("Antislop", "The Hyperfitting")) for t in cited[:1]), answer.text


def test_a_short_topic_asked_to_apply_where_the_answering_paper_never_says_is_refused(offline):
    # CLIMB is on curriculum learning, for language models; no paper found on the topic mentions games
    answer = offline.ask("How does curriculum learning help agents in games?")
    assert not answer.answerable and "“games”" in answer.text, answer.text


def test_why_it_is_hard_is_answered_by_the_paper_saying_why_it_remains_elusive(offline):
    question = "Why is predicting downstream capabilities with scale hard?"
    answered_from(offline, question, "Why Has Predicting Downstream")


def test_a_rare_verb_of_what_one_does_is_no_topic_no_paper_writes(offline):
    # "pick" is in two chunks of the corpus; AttentionInfluence selects pretraining data with attention heads
    answered_from(offline, "How do you pick pretraining data using attention heads?", "AttentionInfluence")


def test_an_adjective_holds_the_noun_papers_write_for_it(offline):
    # "private" had been lacking from the unlearning paper on "privacy" and the question refused
    private = offline.ask("How do you remove private data from an LLM with few parameters?")
    assert private.text.startswith("From “Towards Robust and Parameter-Efficient Knowledge Unlearning"), private.text


def test_a_hyphenated_qualifier_names_the_thing_it_qualifies(offline):
    # "second-order" names the "information" (which ADAHESSIAN calls curvature, the Hessian): it may go unsaid
    answered_from(offline, "Which optimizers use second-order information?", "ADAHESSIAN")


def test_a_name_written_as_a_kind_names_no_paper(offline):
    # "SPLADE-style sparse embeddings" are of SPLADE's kind; the question describes Seismic's paper
    answer = offline.ask(
        "fast approximate search over SPLADE-style sparse embeddings by splitting posting lists into geometrically "
        "cohesive blocks with summary vectors"
    )
    assert answer.citations[0].title.startswith("Efficient Inverted Indexes"), answer.text


def test_where_a_longer_question_asks_to_apply_is_checked_too(offline):
    # six key words: the paper on layer-wise fine-tuning of LLMs never mentions diffusion
    answer = offline.ask("How does layer-wise importance fine-tuning work for diffusion models?")
    assert not answer.answerable and "(the closest lacks “diffusion”)" in answer.text, answer.text


def test_a_paper_named_by_its_titles_head_in_its_capitals_is_a_side_of_a_comparison(offline):
    # "Differentiable Neural Input Search" (its title goes on "for Recommender Systems") had named nothing, and the
    # comparison was refused for lacking "Input Search"
    answer = offline.ask(
        "How do GraphHash and Differentiable Neural Input Search shrink recommender embeddings differently?"
    )
    cited = [c.title.split(":")[0] for c in answer.citations]
    assert answer.answerable and "GraphHash" in cited and any(t.startswith("Differentiable Neural") for t in cited)


def test_a_name_no_paper_found_goes_by_is_searched_for_alone_before_saying_none_is_named(offline):
    # beside ColBERT-XM's long title, BERT4Rec was not among the papers found, and the answer said "No paper in
    # the corpus is named “BERT4Rec”", though one is
    answer = offline.ask(
        "Compare “ColBERT-XM: A Modular Multi-Vector Representation Model for Zero-Shot Multilingual Information "
        "Retrieval” with BERT4Rec"
    )
    assert "No paper in the corpus is named" not in answer.text, answer.text
    assert {c.title.split(":")[0] for c in answer.citations} == {"ColBERT-XM", "BERT4Rec"}, answer.text
    # a name the corpus lacks is still said to be lacking
    assert "No paper in the corpus is named “ColBERTv2”" in offline.ask("Compare ColBERTv2 and SPLADE v2").text


def test_a_share_asked_for_is_a_figure_no_abstract_need_name(offline):
    # "what share of …" was refused because the paper lacks "share" ("the closest lacks “share”"); the abstract
    # gives the figure as "a small portion (less than 5%)"
    share = "What share of the heads in long-context models are retrieval heads?"
    for asked in (share, "What proportion of heads retrieve?"):
        answer = offline.ask(asked)
        assert answer.answerable and "5%" in answer.text, answer.text
        assert answer.text.startswith("From “Retrieval Head Mechanistically"), answer.text


def test_a_name_given_for_short_is_a_side_of_a_comparison(offline):
    # "… based on Leave-One-Out K-Nearest-Neighbor, or LOOK for short": "No paper in the corpus is named “LOOK”"
    answer = offline.ask("How does LOOK differ from ViM?")
    cited = {c.title.split(":")[0] for c in answer.citations}
    assert {"ViM", "Rethinking Supervised Pre-training for Better Downstream Transferring"} <= cited, answer.text
    assert "is named" not in answer.text, answer.text
    # ... called so, and quoted where its abstract gives the name (it had quoted "we argue that …")
    assert "LOOK (Rethinking Supervised Pre-training" in answer.text and "LOOK for short [" in answer.text, answer.text


def test_a_name_before_the_words_it_abbreviates_is_a_side_of_a_comparison(offline):
    # "a novel framework, FiGRet (Fine-grained Guidance for Retrievers)": "No paper in the corpus is named “FiGRet”"
    answer = offline.ask("How does FiGRet differ from the retriever trained through shared context attribution?")
    cited = {c.title.split(":")[0] for c in answer.citations}
    assert {"Fine-Grained Guidance for Retrievers", "Training a Utility-based Retriever Through Shared Context "
            "Attribution for Retrieval-Augmented Language Models"} <= cited, answer.text  # fmt: skip
    assert "is named" not in answer.text, answer.text


def test_a_thing_of_two_words_lacked_whole_is_not_held(offline):
    # quantization papers lack "KV" and "cache" both, neither a subject alone ("KV" rare, "cache" spread out): the
    # KV cache was taken for a modifier and the two closest papers offered, as if the corpus nearly held it
    refused = offline.ask("Which papers use quantization on the KV cache?")
    assert not refused.answerable and "the closest lacks “quantization”" in refused.text, refused.text
    # a paper on the KV cache alone is listed
    answer = offline.ask("Which papers reduce KV cache memory?")
    assert answer.answerable and "VFlowOpt" in answer.text, answer.text


def test_a_named_paper_lacking_the_thing_its_work_is_asked_to_improve_is_refused(offline):
    # "machine translation" of a paper on unlearning (or of Pointer Networks, whose "machines" are Neural Turing
    # Machines): "machine" names no subject alone, so "does not mention translation" had been said as an answer
    for name in ("WAGLE", "HyperAttention"):
        refused = offline.ask(f"How does {name} improve machine translation?")
        assert not refused.answerable and "lacks “machine translation”" in refused.text, refused.text
    answer = offline.ask("How does DeFINE improve machine translation?")  # its abstract reports it
    assert answer.answerable and "1.4 times" in answer.text, answer.text
    # a figure of the paper asked is nothing its work is asked to do ("parameter count" had been refused)
    figure = offline.ask("What is the parameter count of GigaTok's largest tokenizer?")
    assert figure.answerable and figure.citations[0].title.startswith("GigaTok"), figure.text


def test_the_parts_of_a_named_model_are_asked_of_a_paper_on_it(offline):
    answer = offline.ask("Which paper finds that BERT's layers perform the steps of the classical NLP pipeline?")
    assert answer.answerable and answer.citations[0].title == "BERT Rediscovers the Classical NLP Pipeline", answer.text


def test_the_means_of_a_method_may_be_said_otherwise(offline):
    # "by feeding the model its input twice": the paper "repeat[s] the input twice"; "lacks “feeding”" had refused
    answer = offline.ask("Which paper makes language model embeddings better by feeding the model its input twice?")
    assert answer.answerable and answer.citations[0].title == "Repetition Improves Language Model Embeddings"


def test_a_name_inside_the_other_sides_name_is_a_side_of_its_own(offline):
    # "SPLADE" before "Mistral-SPLADE" had been read as narrowed by "mistral" (a topic, not the paper SPLADE), so
    # only Mistral-SPLADE was quoted
    answer = offline.ask("Compare SPLADE and Mistral-SPLADE.")
    cited = {c.title.split(":")[0] for c in answer.citations}
    assert {"SPLADE", "Mistral-SPLADE"} <= cited, answer.text


def test_a_cheap_method_is_the_papers_efficient_one(offline):
    # no abstract calls a method "cheap": "a cheap way to select pretraining data" was refused for lacking "cheap"
    # though Predictive Data Selection selects pretraining data "in an efficient" way
    data = offline.ask("Is there a cheap way to select pretraining data?")
    assert data.answerable and data.text.startswith("From “Predictive Data Selection"), data.text
    attention = offline.ask("Which papers make attention cheap for long inputs?")
    assert attention.answerable and any("Attention" in c.title for c in attention.citations), attention.text


def test_sarcasm_is_the_irony_papers_detect_and_data_kept_around_is_where_it_is(offline):
    # "sarcasm" is no word of the corpus (its shared task says "irony"); "keeping old data around" had been refused
    # because no continual-learning paper writes "around"
    sarcasm = offline.ask("Is there work on detecting sarcasm in tweets?")
    assert sarcasm.answerable and "Irony detection" in sarcasm.citations[0].title, sarcasm.text
    kept = offline.ask("How can models keep learning new tasks without keeping old data around?")
    assert kept.answerable and "Replay-Free Continual Learning" in kept.citations[0].title, kept.text


def test_failure_modes_and_pitfalls_ask_limits_and_an_intro_paper_frames(offline):
    # "common failure modes of dense retrievers" had been refused for lacking "failure"; "intro papers" for "intro"
    assert analyse("What are common failure modes of dense retrievers?").weakness
    assert analyse("What are the pitfalls of LLM unlearning?").weakness
    assert not analyse("Which papers study failures of retrieval-augmented generation?").weakness  # a topic's word
    modes = offline.ask("What are common failure modes of dense retrievers?")
    assert modes.answerable and "each line gives a limit" in modes.text.splitlines()[0], modes.text
    assert "common" not in modes.text.splitlines()[0], modes.text
    intro = offline.ask("Any good intro papers on RAG?")
    assert intro.answerable and len(intro.citations) >= 3, intro.text


def test_a_figure_above_or_below_a_bound_lists_the_papers_stating_one(offline):
    # "fewer than 1 billion parameters" had listed GigaTok (3 billion) and DeFINE (for "WikiText-103"); "more than 7B
    # parameters" AttentionInfluence (its "73B tokens"); a lookup's "(under 1B parameters)" is no such list
    small = offline.ask("Which papers use fewer than 1 billion parameters?")
    assert small.text.startswith("1 paper found reports fewer than 1 billion parameters:"), small.text
    assert [c.title.split(":")[0] for c in small.citations] == [
        "Benchmarking and Building Long-Context Retrieval Models with LoCo and M2-BERT"
    ]
    large = offline.ask("Which models have more than 7B parameters?")
    assert "Expert Upcycling" in large.text and "AttentionInfluence" not in large.text, large.text
    none = offline.ask("Which papers report more than 1000x speedup?")
    assert not none.answerable and none.text.startswith("No paper found reports more than 1000x speedup"), none.text
    compact = offline.ask(
        "I'm looking for a compact (under 1B parameters) general-purpose text embedding model that drops the "
        "causal mask for fully bidirectional attention and uses focal-style sample reweighting plus online "
        "hard-negative mixing."
    )
    assert compact.citations and compact.citations[0].title.startswith("KaLM-Embedding-V2"), compact.text


def test_a_name_an_abstract_gives_second_is_a_side_of_a_comparison(offline):
    # "No paper in the corpus is named “RiskEmbed”": its paper introduces RiskData, a dataset, and RiskEmbed
    answer = offline.ask("Compare EnterpriseEM and RiskEmbed.")
    assert "is named" not in answer.text, answer.text
    assert {c.title.split(":")[0] for c in answer.citations} == {
        "EnterpriseEM",
        "Generative AI Enhanced Financial Risk Management Information Retrieval",
    }, answer.text


def test_a_question_naming_llms_is_answered_from_the_paper_on_them_not_a_closer_one_without(offline):
    # it had been refused for lacking "language models": the lead was a paper on text vectors, the LLM paper second
    answer = offline.ask(
        "Which paper lets an LLM read embedding vectors directly so that they can be explained in words?"
    )
    assert answer.answerable and answer.citations, answer.text
    assert answer.citations[0].title == "Demystifying Embedding Spaces using Large Language Models", answer.text


def test_a_kind_of_model_is_held_only_with_its_head(offline):
    # "text embedding models with differential privacy" had listed a DP paper on language models writing "text"
    # but no embedding, as if it wrote "text embedding models"
    answer = offline.ask("Which papers train text embedding models with differential privacy?")
    listed = {c.title for c in answer.citations} if answer.text.startswith("The corpus has") else set()
    assert "Large Language Models Can Be Strong Differentially Private Learners" not in listed, answer.text


def test_a_paper_fifth_found_holding_every_word_leads_over_one_lacking_the_rarest(offline):
    # "how is quantization used to speed up LLM inference?" had been answered as the closest from a decoding paper
    # (first found, no quantization) while SALE, fourth, holds every word: 4-bit quantized query-key products
    answer = offline.ask("How is quantization used to speed up LLM inference?")
    assert answer.answerable and answer.citations[0].title.startswith("SALE"), answer.text


def test_a_paper_s_common_name_and_a_plain_baseline_do_not_refuse_a_fact(offline):
    # "SENet" (its abstract's name for its networks) and "than regular ones" had each refused the question
    senet = offline.ask("What accuracy does SENet get on ImageNet?")
    assert senet.answerable and senet.citations[0].title == "Squeeze-and-Excitation Networks", senet.text
    assert "2.251%" in senet.text, senet.text
    smaller = offline.ask("How much smaller are Matryoshka embeddings than regular ones at the same accuracy?")
    assert smaller.answerable and "14x smaller" in smaller.text, smaller.text


def test_the_diff_between_two_approaches_is_their_difference(offline):
    # "whats the diff between dense and sparse retrieval" had been refused: no paper mentions "diff"
    answer = offline.ask("whats the diff between dense and sparse retrieval")
    assert answer.answerable and answer.text.startswith("Dense retrieval, from"), answer.text
    assert "Sparse retrieval, from" in answer.text, answer.text


def test_a_name_given_after_the_kind_of_thing_it_is_and_a_figure_this_achieves_are_the_paper_s(offline):
    # "Compare GraphPrompt and W2PGNN" had said no paper is named W2PGNN ("introduces a generic framework W2PGNN");
    # MIR's "+5.4 in Recall@3" follows "We leverage MAG …" as "This achieves …": the +4.5 of its reranking had been
    # quoted for the Methodology Adjacency Graph
    both = offline.ask("Compare GraphPrompt and W2PGNN.")
    assert "is named" not in both.text and len({c.paper_id for c in both.citations}) == 2, both.text
    gain = offline.ask(
        "How much does the Methodology Adjacency Graph improve Recall@3 for methodology inspiration retrieval?"
    )
    assert "+5.4 in Recall@3" in gain.text.split("[1]: ", 1)[1].split(" [1]")[0], gain.text  # first said


def test_a_count_of_a_paper_s_own_things_is_no_pointer_at_the_last_answer(offline):
    # "for top 10 predictions" had been read as "the top 10" papers of an earlier answer, of which there was none;
    # "the first two" still points
    answer = offline.ask("What share of a supervised model's performance does ERU-KG reach for top 10 predictions?")
    assert answer.answerable and "89%" in answer.text, answer.text
    assert "no earlier answer" in offline.ask("Compare the first two.").text
    assert "no earlier answer" in offline.ask("summarize the top 3 results").text


def test_a_tiny_dataset_is_the_papers_small_one(offline):
    # the hyperfitting paper had been refused for lacking "tiny": it writes "very small datasets"
    answer = offline.ask(
        "Which paper finds that overfitting an LLM on a tiny dataset makes its greedy long generations better?"
    )
    assert answer.answerable and answer.citations[0].title.startswith("The Hyperfitting Phenomenon"), answer.text


def test_the_last_layers_asked_of_are_no_last_word_to_find(offline):
    # "the last layers" had been searched for "last": a paper on long documents ("after the last segment") was quoted
    # for how BERT's layers differ
    answer = offline.ask("How does the first layer of BERT differ from the last layers?")
    assert answer.answerable and "Long Document" not in answer.citations[0].title, answer.text
    assert "layers" in answer.text.split("References:")[0], answer.text


def test_the_origin_of_a_plain_named_thing_is_the_paper_named_so_or_none(offline):
    # "Which paper first introduced the transformer?" had quoted a paper proposing to expand a shared Transformer
    # module; a paper whose title is the name made it ("The Hyperfitting Phenomenon: …", "Pointer Networks")
    first = offline.ask("Which paper first introduced the transformer?")
    assert not first.answerable and "says it introduces" in first.text, first.text
    hyper = offline.ask("Which paper introduced the hyperfitting phenomenon?")
    assert hyper.answerable and hyper.citations[0].title.startswith("The Hyperfitting Phenomenon"), hyper.text
    pointer = offline.ask("Who invented pointer networks?")
    assert pointer.answerable and pointer.citations[0].title == "Pointer Networks", pointer.text
    assert "does not mention" not in pointer.text, pointer.text


def test_a_benchmark_a_method_is_measured_on_is_no_side_no_paper_is_named(offline):
    # "How good is Revela on BEIR compared to supervised retrievers?" had opened "No paper in the corpus is named
    # “BEIR”", as if BEIR were the other side
    answer = offline.ask("How good is Revela on BEIR compared to supervised retrievers?")
    assert answer.answerable and "named “BEIR”" not in answer.text, answer.text
    assert "surpasses larger supervised models" in answer.text, answer.text
    assert offline.ask("What is ColBERT?").text.startswith("No paper in the corpus is named “ColBERT”.")


def test_what_is_new_in_a_paper_against_its_predecessor_is_its_gain(offline):
    # "What's new in …" read as a field's news: a one-paper list quoting SPLADE v2's background sentence on SPLADE
    for question in ("What's new in SPLADE v2 compared to SPLADE?", "What's new in SPLADE v2 over SPLADE?"):
        answer = offline.ask(question)
        assert "The corpus has" not in answer.text and "9% gains" in answer.text, answer.text


def test_a_paper_asked_whether_it_needs_what_it_works_without_says_so_first(offline):
    # the answer had quoted FREESON beating "reasoning models with a separate retriever", never that it needs none
    answer = offline.ask("Does FREESON need a separate retriever?")
    assert answer.text.startswith("The question takes it that “FREESON") and "“Retriever-Free”" in answer.text


def test_other_languages_in_everyday_words_find_the_multilingual_papers(offline):
    answer = offline.ask("How do I make my retriever work in other languages?")  # FREESON had answered
    assert "Multilingual" in answer.citations[0].title, answer.text


def test_what_a_named_paper_is_measured_against_is_said_unmentioned_whatever_else_it_holds(offline):
    # "on BEIR" is in the abstract, so its silence on BM25 had gone unsaid
    answer = offline.ask("Does SPLADE v2 beat BM25 on BEIR?")
    assert answer.text.startswith("The abstract of “SPLADE v2") and "does not mention “BM25”" in answer.text


def test_what_an_acronym_a_paper_spells_out_stands_for_is_no_name_missing(offline):
    # FREESON spells out "CT-MCTS (Corpus-Traversing Monte Carlo Tree Search)": "No paper … is named “MCTS”" came first
    answer = offline.ask("What does MCTS stand for?")
    assert "is named" not in answer.text and "Monte Carlo Tree Search" in answer.text, answer.text
    colbert = offline.ask("What does ColBERT stand for?")  # no abstract spells it out: still said to be no paper's
    assert colbert.text.startswith("No paper in the corpus is named “ColBERT”."), colbert.text
