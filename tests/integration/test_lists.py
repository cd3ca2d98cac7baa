"""Topic lists in a user's words (issue 12): every paper on the topic that the corpus has, none sharing a word."""

import re

import pytest

from paperqa.answer.question import analyse

pytestmark = pytest.mark.integration

IN_CONTEXT = re.compile(r"in[- ]context learn", re.IGNORECASE)


def cited_titles(answer):
    """The titles an answer cites, in its order."""
    return [c.title for c in answer.citations]


def refused_naming(offline, question, lacked, answered):
    """`question` is refused naming what it lacks (`lacked`, as quoted), and `answered`, of the same form, is not."""
    answer = offline.ask(question)
    assert not answer.answerable and lacked in answer.text, answer.text
    assert offline.ask(answered).answerable, answered


def test_a_kind_of_learning_is_listed_as_one_name_and_searched_for_as_one(offline):
    answer = offline.ask("Which papers study in-context learning?")
    assert answer.answerable
    # "context" alone is the long-context papers' word; the corpus has 13 abstracts on in-context learning,
    # several of which the question's words apart rank below twenty papers on long contexts
    papers = {s.paper.id: s.paper for s in answer.sources}
    assert all(IN_CONTEXT.search(f"{p.title} {p.abstract}") for p in (papers[c.paper_id] for c in answer.citations))
    assert len(answer.citations) >= 10, answer.text


def test_a_kind_no_paper_found_writes_is_refused_by_its_name(offline):
    # papers say "significant" (a word starting "sign") and "language", and one "translation": none "sign language"
    answer = offline.ask("Any papers on sign language translation?")
    assert not answer.answerable and not answer.citations
    assert "“sign language”" in answer.text, answer.text


def test_the_closest_papers_to_a_list_on_llms_are_on_llms(offline):
    # no paper clearly generates code with LLMs; a deep-hashing paper "generates hash codes" but is no LLM paper
    answer = offline.ask("Which papers generate code with LLMs?")
    assert answer.citations and not any("Hashing" in c.title for c in answer.citations), answer.text


def test_a_word_only_in_a_benchmarks_name_is_no_subject_of_the_paper(offline):
    # PARADE evaluates "on collections … (such as TREC DL and TREC Genomics)": no paper on genomics
    answer = offline.ask("Which papers apply transformers to genomics?")
    assert not answer.answerable and "“genomics”" in answer.text, answer.text
    named = offline.ask("Which papers evaluate on TREC Genomics?")  # the benchmark asked for by its name
    assert cited_titles(named) == ["PARADE: Passage Representation Aggregation for Document Reranking"]


def test_a_list_lacking_a_phrases_noun_is_only_the_closest(offline):
    # late chunking is "late" without "interaction": no paper on late interaction, said so, not "on this"
    head = offline.ask("Which papers use late interaction for retrieval?").text.splitlines()[0]
    assert head == "No paper found is on all of this; the closest paper (it does not mention “interaction”):", head


def test_a_list_whose_papers_all_lack_two_things_it_names_is_refused(offline):
    # "an Irish retrieval system" listed gaBERT, an Irish language model, as "the closest paper (it does not mention
    # “retrieval” or “system”)": two things of the topic missing from all it found, one a subject, is no list on it
    # (alternatives are one thing: "adversarial inputs or poisoned data", both lacked, is one missing)
    irish, poisoned = "Which papers build an Irish retrieval system?", "Which papers attack models with adversarial "
    refused_naming(offline, irish, "“retrieval” and “system”", poisoned + "inputs or poisoned data?")


def test_a_topic_written_only_by_papers_off_where_it_applies_is_refused(offline):
    # "prompt tuning for recommender systems" showed a recommender paper as the closest, though papers found write
    # "prompt tuning" and none of those on recommenders does: the two subjects are apart in the corpus
    prompts, negatives = "Which papers use prompt tuning for ", "Which papers use hard negatives for dense retrieval?"
    refused_naming(offline, prompts + "recommender systems?", "“prompt tuning”", negatives)  # written by those listed
    # ... or its one word there, "model" framing: recommender papers, none merging models, are no list on it
    merging, hashing = "Which papers use model merging for ", "Which papers use hashing for recommender systems?"
    refused_naming(offline, merging + "recommender systems?", "“merging”", hashing)


def test_papers_on_in_context_learning_are_on_its_prompts(offline):
    # no abstract on choosing demonstrations writes "prompt": learning in context is learning from a prompt's
    # examples, so the two papers that retrieve demonstrations are the list, not a refusal lacking "prompt"
    answer = offline.ask("Which papers select demonstration examples to put into a prompt for in-context learning?")
    cited = {c.title.split(":")[0] for c in answer.citations}
    assert answer.answerable and {"DeTriever", "Unified Demonstration Retriever for In-Context Learning"} <= cited, (
        answer.text
    )


def test_a_task_named_by_the_noun_of_a_framing_verb_is_the_topic(offline):
    # "summarize" frames a request ("Summarize the paper on …"); "summarization" names the task asked about
    answer = offline.ask("Which papers work on summarization of documents?")
    papers = {s.paper.id: s.paper for s in answer.sources}
    cited = [papers[c.paper_id] for c in answer.citations]
    assert all("summar" in f"{p.title} {p.abstract}".casefold() for p in cited), answer.text
    assert {"PEGASUS", "LexRank"} <= {p.title.split(":")[0] for p in cited}


def test_papers_that_summarize_a_kind_of_text_do_the_task(offline):
    # "summarize" frames a request; as what papers do to legal texts it is the task, which no legal paper does
    answer = offline.ask("Which papers summarize legal texts?")
    assert not answer.answerable and "“summarize”" in answer.text, answer.text
    request = offline.ask("Summarize the papers on legal texts")  # a request: the legal papers, summarized
    assert request.answerable and request.citations


def test_the_closest_paper_holds_the_topic_before_being_on_llms(offline):
    # no paper detects irony with LLMs: the irony paper is the closest, not an LLM paper without irony
    answer = offline.ask("Which papers detect irony with large language models?")
    assert "Irony detection" in answer.citations[0].title, answer.text


def test_a_word_only_inside_an_x_to_y_name_is_not_held(offline):
    # RECE and CRCE write "text" only in "Text-to-Image": no papers on text generation
    answer = offline.ask("Which papers use diffusion models for text generation?")
    cited = " ".join(c.title for c in answer.citations)
    assert "Concept Erasure" not in cited, answer.text
    named = offline.ask("Which papers erase concepts from text-to-image diffusion models?")  # the name given
    assert any("Concept Erasure" in c.title for c in named.citations), named.text


def test_each_listed_paper_is_quoted_where_it_says_the_kind_asked(offline):
    # HICL's "rely heavily on context for semantic learning" and ARC-Encoder's "longer contexts" were quoted
    answer = offline.ask("Which papers study in-context learning?")
    lines = [line for line in answer.text.splitlines() if line.startswith("- ")]
    assert lines and all(IN_CONTEXT.search(line) for line in lines), answer.text


def test_when_papers_came_out_is_no_word_of_their_topic(offline):
    answer = offline.ask("Which papers came out in 2025 on unlearning?")  # "came" was a word no paper has
    assert answer.answerable and answer.citations, answer.text
    assert all(c.date is not None and c.date.year == 2025 for c in answer.citations)


def test_the_open_problems_of_a_topic_are_each_papers_stated_limit(offline):
    # no paper named: each paper on dense retrieval with the limit it states (one paper's answer before)
    answer = offline.ask("What are the limitations of dense retrieval?")
    head, *lines = answer.text.splitlines()
    assert head.endswith("(each line gives a limit or open problem its paper states):"), head
    assert len(lines) >= 3 and any("two typical challenges" in line for line in lines), answer.text
    pointing = offline.ask("What are the open problems in LLM unlearning?").text
    assert "To address these challenges" not in pointing  # a limit pointed back at is stated elsewhere


def test_a_paper_naming_the_topic_only_among_its_examples_is_not_listed(offline):
    # "foundation models … (e.g., language, vision, robotics, reasoning)": the survey was listed as on robots
    answer = offline.ask("Which papers are about robots?")
    titles = cited_titles(answer)
    assert "On the Opportunities and Risks of Foundation Models" not in titles, answer.text
    assert len(titles) == 3 and all(re.search(r"robot", " ".join(c.quotes), re.IGNORECASE) for c in answer.citations), (
        titles
    )


def test_a_framing_noun_before_the_topics_word_is_part_of_its_name(offline):
    # "model merging": HICL's "merging context" was the answer; "data augmentation" listed retrieval-augmented papers
    merging = offline.ask("Can you recommend a paper on model merging?")
    assert merging.citations[0].title.startswith("Delta Activations"), merging.text
    augmentation = offline.ask("Which papers study data augmentation?")
    assert augmentation.citations and all(
        re.search(r"data augment|augment\w* (?:training )?data", " ".join(c.quotes), re.IGNORECASE)
        for c in augmentation.citations
    ), augmentation.text
    # a framing noun after its word names a kind of it ("diffusion models"), and one before a verb is its subject
    assert analyse("Which papers study how models forget old tasks?").framed == ()
    assert analyse("Which papers study diffusion models?").framed == ()


def test_a_word_only_in_a_connective_or_an_etc_list_puts_no_paper_on_a_topic(offline):
    # "contrastive learning for speech" listed "This contrasts with in-weights learning … a part-of-speech setting"
    # and "(texts, images, speech, etc.)" of a paper on contrastive training for text and knowledge graphs
    answer = offline.ask("Which papers use contrastive learning for speech?")
    titles = cited_titles(answer)
    assert not any(t.startswith(("Dual Process Learning", "Joint Representations of Text")) for t in titles), titles
    assert not answer.text.startswith("The corpus has"), answer.text


def test_a_topic_that_is_one_phrase_lists_papers_writing_it_within_a_sentence(offline):
    # "code generation" listed a deep-hashing paper ("the prototype code. Furthermore, the generator …"): the
    # phrase's words apart, across a sentence's end, write no code generation
    code = offline.ask("Which papers work on code generation?")
    assert code.citations and not any(c.title.startswith("Prototype-supervised") for c in code.citations), code.text
    # "music generation": the music-recommendation paper that generates descriptions was the closest, said to be;
    # no paper on music holds the task, so it is refused, the closest papers named
    music = offline.ask("Are there any papers about music generation?")
    assert music.text.startswith("The corpus does not cover this question"), music.text
    assert "“Language-Guided Music Recommendation" in music.text


def test_a_topic_phrase_written_as_one_hyphenated_word_is_answered(offline):
    # "long-context" is the phrase "long context" written as one word; reading it as two words crashed the answer
    answer = offline.ask("How do papers in the corpus evaluate long-context language models?")
    assert answer.answerable and answer.citations, answer.text


def test_a_topic_named_only_in_a_paper_s_outlook_puts_it_on_no_list(offline):
    # "We believe our insights will foster future research on … compressing the KV cache" listed the paper on
    # retrieval heads as one that compresses the KV cache
    answer = offline.ask("Which papers compress the KV cache?")
    assert not answer.text.startswith("The corpus has"), answer.text
    # "cache" is a common word, no subject: the outlook lists the paper under "KV cache" no more for that
    cache = offline.ask("KV cache")
    assert not any(c.title.startswith("Retrieval Head") for c in cache.citations), cache.text


def test_a_paper_making_images_from_text_is_no_paper_generating_text(offline):
    # "Which papers generate text with diffusion?" listed seven text-to-image papers as on the topic
    answer = offline.ask("Which papers generate text with diffusion?")
    assert not answer.text.startswith("The corpus has"), answer.text
    assert not any("Text-to-Image" in c.title for c in answer.citations), answer.text
    images = offline.ask("Which papers do text-to-image generation with diffusion?")  # named: those papers
    assert sum("Text-to-Image" in c.title for c in images.citations) >= 2, images.text


def test_a_list_on_common_words_alone_says_it_found_only_the_closest(offline):
    # "Which papers find problems in benchmarks?" listed seven papers on ranking, masked modeling and AMR as "The
    # corpus has 7 papers on this": "problems" and "benchmarks" are said of many papers and name no topic
    answer = offline.ask("Which papers find problems in benchmarks?")
    assert answer.text.startswith("No paper in the corpus clearly addresses this; the closest are"), answer.text
    named = offline.ask("Which papers evaluate on MS MARCO?")  # a name written in capitals is a topic
    assert named.text.startswith("The corpus has"), named.text
    # ... as is a kind of learning, though many papers mention it in passing (it was "the closest are …")
    kind = offline.ask("Which papers use reinforcement learning?")
    assert kind.text.startswith("The corpus has"), kind.text
    assert any(c.title.startswith("History Compression via Language Models in Reinforcement") for c in kind.citations)


def test_an_adjective_asked_is_not_held_by_a_paper_writing_only_a_participle_of_its_stem(offline):
    # "emergent abilities" listed "Lifelong Pretraining: … to Emerging Corpora", quoting its "ability to adapt"
    answer = offline.ask("Which papers study emergent abilities of LLMs?")
    assert not any(t.startswith("Lifelong Pretraining") for t in cited_titles(answer)), answer.text
    assert any(t.startswith("On the Opportunities and Risks") for t in cited_titles(answer)), answer.text


def test_a_plural_noun_asked_is_not_held_by_a_paper_writing_only_its_participle(offline):
    # "LLMs as judges" listed a scaling-laws paper whose "translation quality as judged by two metrics" was all
    answer = offline.ask("Which papers use LLMs as judges?")
    titles = cited_titles(answer)
    assert titles and not any(t.startswith("Scaling Laws for Downstream Task") for t in titles), titles
    assert any(t.startswith("Demystifying LLM-as-a-Judge") for t in titles), titles
    # "transformers" of a paper on low-precision training writing "a fixed transform": not one on transformers
    weak = offline.ask("What are the weaknesses of transformers?")
    listed = cited_titles(weak)
    assert listed and not any(t.startswith("AdaHOP") for t in listed), weak.text
    assert any(t.startswith("When can transformers reason") for t in listed), weak.text


def test_a_field_no_listed_paper_mentions_is_said_of_a_longer_question(offline):
    # "RAG for medical question answering" said "The corpus has 7 papers on this" of RAG papers none of which is
    # medical; a short question's topic word was said missing already, a longer question's field was not (they
    # were the closest papers, then; where it is asked to apply, it is refused now)
    answer = offline.ask("Which papers use retrieval-augmented generation for medical question answering?")
    assert not answer.answerable and "(the closest lacks “medical”)" in answer.text, answer.text
    # a word of a longer question that is no field ("several") is not said missing
    plain = offline.ask("Which papers study how downstream task performance changes with model scale?")
    assert plain.text.startswith("The corpus has"), plain.text


def test_data_a_topic_generates_is_part_of_it(offline):
    # "generate training data for retrievers" listed ten retrieval-augmented generation papers ("the generator
    # component"): "training data", framing words, had left the topic as "generate" and "retrievers"
    answer = offline.ask("Which papers use LLMs to generate training data for retrievers?")
    titles = cited_titles(answer)
    assert any(t.startswith("Don't Retrieve, Generate") for t in titles), answer.text
    assert not any(t.startswith(("RIGHT:", "MSRS:")) for t in titles), titles


def test_a_topic_glossed_in_other_words_lists_the_papers_on_the_topic(offline):
    # "from easy to hard examples" says again what a curriculum is: papers on curriculum learning need not write
    # "easy" and "hard" (the question was refused: "the closest lacks “hard”").
    answer = offline.ask("Which papers train models with a curriculum, from easy to hard examples?")
    titles = cited_titles(answer)
    assert answer.answerable and any(t.startswith("CLIMB: Curriculum Learning") for t in titles), answer.text
    assert any(t.startswith("Training Curricula for Open Domain") for t in titles), answer.text


def test_a_paper_on_a_task_s_object_but_not_the_task_is_not_on_it(offline):
    # "for music generation": a music-understanding model (MidiBERT) and a music-recommendation paper were "The
    # corpus has 2 papers on this"; neither generates music, and no retrieved paper holding the topic, it is refused.
    answer = offline.ask("Which papers use transformers for music generation?")
    assert not answer.answerable, answer.text
    # a task the paper names is still listed ("for patent classification": PatentBERT)
    held = offline.ask("Which papers use BERT for patent classification?")
    assert any(c.title.startswith("PatentBERT") for c in held.citations), held.text


def test_papers_on_several_languages_are_on_a_multilingual_topic(offline):
    # "different languages" read no topic ("languages" frames "language models"): the list was of papers on
    # internal representations. The paper on the latent language of multilingual Llamas is on it.
    answer = offline.ask("Which papers look at how LLMs represent different languages internally?")
    assert any(c.title.startswith("Do Llamas Work in English?") for c in answer.citations), answer.text
    assert not any(c.title.startswith("Delta Activations") for c in answer.citations), answer.text
    # "300+ Languages" in a title is multilingual too
    built = offline.ask("Which papers build models or datasets for many languages?")
    assert any(c.title.startswith("Bloom Library") for c in built.citations), built.text


def test_papers_making_benchmarks_are_a_list_though_benchmarks_are_said_of_many(offline):
    # "Which papers propose new benchmarks?" was "no paper clearly addresses this" (its words are said of many
    # papers), with SPLADE v2's "benchmark a model" as the closest
    answer = offline.ask("Which papers propose new benchmarks?")
    titles = cited_titles(answer)
    # (since the forty-fifth session, a list of those making data, no topic beside: "At least 8 papers … make")
    assert answer.text.startswith("At least "), answer.text
    assert any(t.startswith("T2Ranking") for t in titles) and not any(t.startswith("SPLADE v2") for t in titles)


def test_decoding_text_is_not_held_by_a_decoder_only_model(offline):
    # "decode or sample text" listed papers whose only "decode" was "decoder LLMs" (ARC-Encoder, Mistral-SPLADE)
    answer = offline.ask("Which papers propose new ways to decode or sample text from language models?")
    titles = cited_titles(answer)
    assert any(t.startswith("Momentum Decoding") for t in titles), answer.text
    assert not any(t.startswith(("ARC-Encoder", "Mistral-SPLADE")) for t in titles), answer.text


def test_what_a_topic_is_applied_to_is_held_by_each_listed_paper(offline):
    # "apply Matryoshka embeddings to images": the two text-embedding papers were listed beside Matryoshka
    # Representation Learning, whose abstract is on images; what "apply … to" names is where the topic is applied
    answer = offline.ask("Which papers apply Matryoshka embeddings to images?")
    titles = cited_titles(answer)
    assert any(t.startswith("Matryoshka Representation Learning") for t in titles), answer.text
    assert not any(t.startswith(("Starbucks", "2D Matryoshka Sentence")) for t in titles), answer.text
    assert analyse("Which papers learn to rerank passages?").domains == ()  # "to" alone names no domain


def test_reranking_is_held_by_a_paper_on_ranking(offline):
    # "rerank passages with LLMs": the listwise-ranking paper never writes "rerank" and was left out; the
    # comparison of pairwise prompting and listwise reranking was refused ("lacks “reranking”")
    answer = offline.ask("Which papers use LLMs to rerank passages?")
    assert any(c.title.startswith("Sliding Windows Are Not the End") for c in answer.citations), answer.text
    both = offline.ask("Compare pairwise ranking prompting and listwise reranking with LLMs.")
    assert {c.title[:20] for c in both.citations} == {"Large Language Model", "Sliding Windows Are "}, both.text


def test_a_kind_of_learning_is_held_as_written_not_by_its_stems(offline):
    # "active learning": "activ" is also the stem of "activation", and eight papers on activations were listed;
    # a paper calling its field "an active area" was the answer on active learning for sentiment analysis
    answer = offline.ask("Which papers use active learning?")
    # (and "active multi-task representation learning" is active learning too: `…_two_words_of_its_own_between`)
    listed = [c.title[:28] for c in answer.citations]
    assert listed == ["Learning to Actively Learn: ", "Improved Active Multi-Task R"], answer.text
    sentiment = offline.ask("How is active learning used for sentiment analysis?")
    assert not sentiment.text.startswith("From “Low Rank Factorization"), sentiment.text


def test_machine_unlearning_is_unlearning(offline):
    # the SAE-guided LLM unlearning paper never says "machine": listed for "LLM unlearning", not for "machine
    # unlearning for LLMs" (it lacked a key word the others hold)
    answer = offline.ask("Which papers study machine unlearning for LLMs?")
    assert any(c.title.startswith("Sparse-Autoencoder-Guided Internal") for c in answer.citations), answer.text
    assert analyse("Which papers study machine unlearning for LLMs?").terms == ("unlearn",)


def test_the_verb_embed_is_held_by_papers_on_embeddings(offline):
    # "embed" is stemmed "emb", which no "embedding" was matched by (three letters match whole): "Which papers
    # embed knowledge graphs?" was refused, the knowledge-graph embedding paper "lacking" it
    answer = offline.ask("Which papers embed knowledge graphs?")
    assert any(c.title.startswith("Knowlege Graph Embedding") for c in answer.citations), answer.text


def test_a_longer_list_question_on_a_kind_no_paper_writes_is_refused_by_its_name(offline):
    # "diffusion language models that generate text …": three image-generation papers on discrete tokens were "The
    # corpus has 3 papers on this"; none of the papers searched writes "diffusion language models"
    question = "Which papers build diffusion language models that generate text from masked or discrete tokens?"
    answer = offline.ask(question)
    assert not answer.answerable and "lacks “diffusion language models”" in answer.text, answer.text


def test_a_short_topic_asked_with_a_question_mark_is_a_list(offline):
    # "unlearning?" was one paper's answer (DP2Unlearning), "unlearning" a list of them
    answer = offline.ask("unlearning?")
    assert answer.text.startswith("The corpus has ") and len(answer.citations) > 3, answer.text
    assert [c.paper_id for c in answer.citations] == [c.paper_id for c in offline.ask("unlearning").citations]
    # as a list, a phrase of its rarest word no paper writes is still refused ("speculative decoding")
    assert not offline.ask("Speedups from speculative decoding?").answerable


def test_followed_by_links_two_things_and_names_no_third(offline):
    # "a bi-encoder followed by a cross-encoder" listed a cross-encoder paper with no bi-encoder under "none of them
    # mentions “followed”": "followed by" names an order, no subject a paper must write
    answer = offline.ask("Which papers use a bi-encoder followed by a cross-encoder?")
    assert answer.answerable and "followed" not in answer.text.split(":")[0], answer.text
    assert [c.title.split(":")[0] for c in answer.citations] == ["TartuNLP at SemEval-2025 Task 5"], answer.text
    assert "follow" not in analyse("Which papers use a bi-encoder followed by a cross-encoder?").terms


def test_a_topic_of_one_word_acting_on_data_is_written_beside_it(offline):
    # "extract training data from models" is `extract` alone ("training", "data" and "models" frame questions
    # here): papers on entity extraction, "extracted hashing" and PEGASUS's "extracted gap-sentences" were listed
    answer = offline.ask("Which papers extract training data from models?")
    titles = cited_titles(answer)
    assert titles[0] == "Extracting alignment data in open models", answer.text
    assert not any(t.startswith(("PEGASUS", "Cross-Scale", "Dataset and Baseline")) for t in titles), answer.text


def test_which_methods_exist_and_how_they_differ_is_a_list_of_what_each_does(offline):
    # "unlearning for llms: which methods exist and how do they differ?" was one paper's sentence on "existing
    # research" with two papers "Related": after a colon "which methods" still asks for a list, "exist" names no
    # topic (every abstract's "existing methods"), and "how do they differ" asks what each does
    answer = offline.ask("unlearning for llms: which methods exist and how do they differ?")
    assert answer.text.startswith("The corpus has ") and len(answer.citations) >= 5, answer.text
    assert "exist" not in analyse("Which unlearning methods exist?").terms
    assert analyse("Which unlearning methods for LLMs exist and how do they differ?").how


def test_a_topic_named_only_in_a_list_of_examples_in_prose_is_not_the_papers(offline):
    # SparsePO was listed for "automatic text summarization" from "experiments on multiple domains, including
    # sentiment control, dialogue, text summarization and text-to-code generation"; the SoK on unlearning for "model
    # editing" from "techniques …, including Gradient Ascent, model editing, and re-steering hidden representations"
    summaries = offline.ask("Which papers do automatic text summarization?")
    titles = cited_titles(summaries)
    assert not any(t.startswith("SparsePO") for t in titles) and any(t.startswith("PEGASUS") for t in titles)
    editing = offline.ask("Which papers study model editing?")
    assert not any(c.title.startswith("SoK") for c in editing.citations), editing.text
    # one of the question's alternatives said outside examples is enough: PaECTER represents patents ("downstream
    # tasks such as classification, …"), and a word of the topic other than its rarest may be an example (RSQ's
    # "bit precisions" of "quantize … to a few bits")
    patents = offline.ask("Which papers represent or classify patents?")
    assert any(c.title.startswith("PaECTER") for c in patents.citations), patents.text
    bits = offline.ask("Which papers quantize model weights or activations to a few bits?")
    assert any(c.title.startswith("RSQ") for c in bits.citations), bits.text


def test_an_acronym_is_held_as_the_papers_found_spell_it(offline):
    # "Which papers use SAEs for unlearning?" was refused ("the closest lacks “unlearning”"): the unlearning paper
    # guided by sparse autoencoders never writes "SAE"; other papers found define it ("Sparse autoencoders (SAEs)")
    answer = offline.ask("Which papers use SAEs for unlearning?")
    titles = cited_titles(answer)
    assert "Sparse-Autoencoder-Guided Internal Representation Unlearning for Large Language Models" in titles, (
        answer.text
    )


def test_the_common_benchmarks_for_a_topic_are_those_its_papers_name(offline):
    # "What are common benchmarks for dense retrieval?" was one paper's opening (TAS-B's "The neural IR community
    # made great advancements …"): it asks which benchmarks are used for dense retrieval, as that question does
    answer = offline.ask("What are common benchmarks for dense retrieval?")
    assert answer.text.startswith("The corpus has ") and len(answer.citations) >= 3, answer.text
    assert "BEIR" in answer.text, answer.text
    asked = analyse("What are the most common datasets for unlearning in LLMs?")
    assert asked.several and "common" not in asked.terms
    assert analyse("What are the main challenges in unlearning?").weakness  # a limit asked, not a kind named


def test_a_list_none_of_whose_papers_names_the_things_asked_is_of_the_closest(offline):
    # "Which papers pretrain agents to use calculators?" opened "The corpus has 2 papers on this (none of them
    # mentions “calculators”)": papers on the topic that all lack its rarest word, the things asked, are the closest
    answer = offline.ask("Which papers pretrain agents to use calculators?")
    assert answer.text.startswith("No paper found is on all of this; the 2 closest papers (none of them mentions"), (
        answer.text
    )
    # a comparative (papers say "cheaper" otherwise) or a word in the singular is no such thing
    assert offline.ask("Which papers make attention cheaper for long contexts?").text.startswith("The corpus has ")


def test_alternatives_qualifying_a_subject_need_it(offline):
    # "lifelong or continual hashing" listed two papers on continual pretraining (no hashing): they held one
    # alternative and lacked one word of three; what the alternatives qualify is what the list is on
    answer = offline.ask("Which papers do lifelong or continual hashing?")
    titles = cited_titles(answer)
    assert titles and all("Hashing" in t for t in titles), answer.text
    # alternatives of what is done to a thing ("ways to decode or sample text") need no word after them
    sampled = offline.ask("Which papers propose new ways to decode or sample text from language models?")
    assert any(c.title.startswith("Fast Controlled Generation") for c in sampled.citations), sampled.text


def test_the_closest_to_a_list_none_belongs_to_is_first_a_paper_holding_all_of_it(offline):
    # "Which papers study in-context learning theoretically?" gave IRPO and meta-tokens as the closest, while the
    # paper proving one step of gradient descent the optimal in-context learner (too unlike the rest to be listed)
    # holds every word; so concept erasure in diffusion models, of unlearning for them
    answer = offline.ask("Which papers study in-context learning theoretically?")
    assert answer.citations[0].title.startswith("One Step of Gradient Descent"), answer.text
    erased = offline.ask("Which papers apply machine unlearning to diffusion models?")
    assert erased.citations[0].title.startswith("Reliable and Efficient Concept Erasure"), erased.text


def test_a_list_whose_papers_never_mention_where_it_is_asked_to_apply_is_refused(offline):
    # "… sparse retrievers for e-commerce search" was a list of the closest papers "(none of them mentions …)":
    # where a short topic is asked to apply is part of it (so "RAG for medical question answering", above)
    assert analyse("Which papers distill LLMs into sparse retrievers for e-commerce search?").domains == ("commerc",)
    answer = offline.ask("Which papers distill large language models into sparse retrievers for e-commerce search?")
    assert not answer.answerable and "(the closest lacks “e-commerce”)" in answer.text, answer.text
    # so of the closest papers when none is listed ("Matryoshka Representation Learning" on no speech)
    speech = offline.ask("Which papers apply matryoshka representation learning to speech?")
    assert not speech.answerable and "(the closest lacks “speech”)" in speech.text, speech.text
    # one of two joined ("legal and regulatory texts"): the regulatory papers are on it
    joined = offline.ask("NLP and information retrieval for legal and regulatory texts")
    assert joined.answerable and any("Regulatory" in c.title for c in joined.citations), joined.text


def test_an_adjective_of_a_list_topic_is_held_apart_and_a_paper_making_one_of_the_kind_names_it(offline):
    # "Which papers propose visual tokenizers?" missed TokenFlow ("image tokenizer", "visual information"): an
    # adjective says what kind, which a paper may say apart from its head ("code generation" is written as one)
    visual = offline.ask("Which papers propose visual tokenizers?")
    assert any(c.title.startswith("TokenFlow") for c in visual.citations), visual.text
    # "Which multilingual embedding models are in the corpus?" had none: Arctic-Embed 2.0 names no model of the
    # kind but its own ("Arctic-Embed 2.0, a set of open-source text embedding models"), which answers it
    answer = offline.ask("Which multilingual embedding models are in the corpus?")
    assert answer.answerable and answer.citations[0].title.startswith("Arctic-Embed 2.0"), answer.text


def test_a_data_set_as_one_of_the_things_made_asks_for_no_data_set_maker(offline):
    # "Which papers build models or datasets for many languages?" listed Bloom Library alone: the question was
    # read as asking for papers that make a data set, which Arctic-Embed 2.0 (a model) does not
    assert not analyse("Which papers build models or datasets for many languages?").makes_data
    assert analyse("Which papers propose new benchmarks for RAG?").makes_data
    answer = offline.ask("Which papers build models or datasets for many languages?")
    titles = cited_titles(answer)
    assert any(t.startswith("Arctic-Embed 2.0") for t in titles) and any(t.startswith("Bloom") for t in titles)


def test_a_paper_writing_only_the_abbreviation_another_paper_defines_holds_the_name(tmp_path):
    # "part-of-speech (POS)" is defined by one paper; another writes only "POS": it holds "part-of-speech" too
    from tests.integration.indexing import papers_assistant

    rows = [
        ("d", "Probing word vectors", "We probe word vectors on part-of-speech (POS) tagging and parsing."),
        ("o", "Tagging Irish tweets", "We study POS tagging for Irish tweets and release a tagged corpus."),
        ("x", "Irish speech recognition", "We build a speech recogniser for Irish and study the part it plays."),
        ("y", "Graph hashing", "We learn binary codes for graphs."),
    ]
    assistant = papers_assistant(tmp_path / "home", rows)
    answer = assistant.ask("Which papers study part-of-speech tagging of Irish tweets?")
    cited = cited_titles(answer)
    assert answer.answerable and "Tagging Irish tweets" in cited and "Irish speech recognition" not in cited, (
        answer.text
    )
    assistant.close()


def test_a_framing_word_inside_a_phrase_leaves_the_phrase_whole(offline):
    # "implicit neural representations": "neural" frames most questions, but "implicit … representations" are one
    # phrase; papers with "implicit" in one place and "representations" in another are not listed for it
    answer = offline.ask("Which papers use implicit neural representations?")
    cited = {c.title for c in answer.citations}
    assert {
        "HNeRV: A Hybrid Neural Representation for Videos",
        "Extreme Compression of Adaptive Neural Images",
    } <= cited
    assert not cited & {"Contextual Document Embeddings", "Investigating the Benefits of Projection Head for "
                        "Representation Learning"}, cited  # fmt: skip


def test_a_description_in_everyday_words_lists_the_papers_it_describes(offline):
    # "keep learning" is no kind of learning (a verb before it), "past" an adjective a paper may say otherwise
    # ("historical behaviors"): both had been refused as the corpus lacking them
    kept = offline.ask("Which papers let a model keep learning new tasks without forgetting old ones?")
    assert kept.answerable and "Continual Learning" in kept.citations[0].title, kept.text
    suggested = offline.ask("Which papers suggest items to users based on their past behavior?")
    assert suggested.answerable and any("BERT4Rec" in c.title for c in suggested.citations), suggested.text


def test_what_is_done_to_the_things_asked_about_may_be_said_otherwise(offline):
    # "documents fetched at question time": no paper writes "fetched", and the phrase is no topic's name
    answer = offline.ask("Which papers give a language model documents fetched at question time?")
    assert answer.answerable and answer.citations, answer.text
    assert "fetched" in answer.text.splitlines()[0], answer.text  # said to be the closest, lacking it


def test_a_common_head_a_far_rarer_subject_names_may_be_said_otherwise(offline):
    # "legal text": the legal-language papers never write "text"; "legal" names the topic. Not so of a head that
    # names what is done: "patent retrieval" is not PatentBERT's patent classification
    legal = offline.ask("Which papers deal with legal text?")
    assert legal.answerable and [c.title.split(":")[0] for c in legal.citations][:2] == [
        "LeXFiles and LegalLAMA",
        "LexGPT 0.1",
    ], legal.text
    patent = offline.ask("Which papers fine-tune BERT for patent retrieval?")
    assert not patent.answerable and "“retrieval”" in patent.text, patent.text


def test_things_that_learn_are_no_kind_of_learning(offline):
    # "robots learning from demonstrations" had been read as a kind, "robots learning", that no paper writes
    answer = offline.ask("Are there papers on robots learning from demonstrations?")
    assert answer.answerable and any("Robot" in c.title for c in answer.citations), answer.text


def test_a_topic_of_two_words_no_paper_writes_together_is_refused(offline):
    # "time series": one paper writes "time", another "a series of"; none is on time series
    answer = offline.ask("Which papers look at time series?")
    assert not answer.answerable and "“time series”" in answer.text, answer.text
    audio = offline.ask("Which papers train LLMs over compressed audio?")  # compressed text, not audio
    assert not audio.answerable, audio.text


def test_where_a_list_applies_named_by_two_nouns_no_paper_writes_together_is_refused(offline):
    # "for time series forecasting": mixture-of-experts papers are found, and none writes "time series"
    answer = offline.ask("Which papers use mixture of experts for time series forecasting?")
    assert not answer.answerable and "“time series”" in answer.text, answer.text
    # "for image generation" is written, by the papers listed
    assert offline.ask("Which papers use diffusion models for image generation?").answerable


def test_things_name_no_subject(offline):
    # "forget things": "things" had weighed as a word the unlearning papers lack, and the list was refused
    answer = offline.ask("Papers on making models forget things?")
    assert answer.answerable and sum("Unlearning" in c.title for c in answer.citations) >= 3, answer.text


def test_everyday_words_are_read_as_the_papers_write_them(offline):
    # "pictures" had been a word no paper on image generation holds, and the question refused
    answer = offline.ask("Work on generating pictures from text?")
    assert answer.answerable and "Image" in answer.citations[0].title, answer.text


def test_a_paper_naming_a_topic_only_as_what_others_did_is_not_on_it(offline):
    # "Existing works have proposed … reinforcement learning-based methods": an input-search paper had been listed
    answer = offline.ask("Which papers use reinforcement learning?")
    titles = cited_titles(answer)
    assert answer.answerable and "History Compression via Language Models in Reinforcement Learning" in titles
    assert not [t for t in titles if t.startswith("Differentiable Neural Input Search")], titles


def test_research_frames_a_list_as_work_does(offline):
    # "research" had been a word each paper must hold: 5 hashing papers listed, not the 13 on hashing
    research = offline.ask("What research is there on hashing?")
    work = {c.title for c in offline.ask("What work is there on hashing?").citations}
    assert research.answerable and len(work & {c.title for c in research.citations}) >= 10, research.text


def test_a_kind_of_model_named_by_two_nouns_is_said_together(offline):
    # "state space models": papers writing "state-of-the-art" and "latent space" had been listed (SESA), and one
    # joining them with recommendation answered an off-corpus question
    answer = offline.ask("Which papers study state space models?")
    assert answer.answerable and [c.title.split(":")[0] for c in answer.citations] == ["Graph Mamba"], answer.text
    assert not offline.ask("Which papers apply state space models to recommendation?").answerable


def test_a_paper_lacking_the_one_word_far_rarer_than_those_it_holds_is_not_on_the_topic(offline):
    # "detoxify image generators": ImageRAG holds "image" and "generation", and had been listed; detoxifying is
    # what the list is about
    answer = offline.ask("Which papers detoxify image generators?")
    assert not [c for c in answer.citations if c.title.startswith("ImageRAG")], answer.text
    assert "The corpus has" not in answer.text, answer.text


def test_a_list_of_two_alternatives_each_a_phrase_lists_papers_on_either(offline):
    # "speculative decoding or faster LLM inference": no paper writes "speculative"; one on faster inference had
    # been refused for lacking it ("the closest lacks “speculative decoding”")
    answer = offline.ask("Which papers work on speculative decoding or faster LLM inference?")
    assert answer.answerable, answer.text
    assert any(c.title.startswith("HyperAttention") for c in answer.citations), answer.text


def test_a_framing_noun_before_the_one_key_word_names_the_topic_when_a_title_writes_them_together(offline):
    # "task" frames most questions, so "Which papers use task vectors?" had listed 11 papers on any vectors (word
    # vectors, steering vectors, vector search): one paper's title writes "Task Vectors"
    answer = offline.ask("Which papers use task vectors?")
    assert [c.title.split(" using ")[0] for c in answer.citations] == ["Knowledge Composition"], answer.text


def test_a_list_of_what_papers_stop_models_doing_with_adjectives_joined_by_or(offline):
    # "stop text-to-image … generating harmful or unwanted concepts" had been refused: "generating harmful" was read
    # as one phrase of two alternatives, and "stop text-to-image" as a phrase no paper writes
    answer = offline.ask(
        "Which papers stop text-to-image diffusion models from generating harmful or unwanted concepts?"
    )
    assert answer.answerable, answer.text
    erasing = [c for c in answer.citations if "Concept Erasure" in c.title or "Safeguard" in c.title]
    assert len(erasing) >= 2, answer.text


def test_a_method_used_on_a_field_no_paper_found_mentions_is_refused(offline):
    # "use retrieval-augmented generation to answer medical questions" had listed five RAG papers as the closest,
    # none mentioning anything medical: where it applies is named after the verb "use … to" governs
    answer = offline.ask("Which papers use retrieval-augmented generation to answer medical questions?")
    assert not answer.answerable, answer.text
    assert "medical" in answer.text, answer.text


def test_a_list_verb_no_paper_writes_is_said_otherwise(offline):
    # "Which papers curb harmful concepts …" had been refused: "no paper in it mentions “curb”" (papers say "erase",
    # "prevent"); a list verb the corpus never uses weighs as what the papers do, which they may say otherwise
    answer = offline.ask("Which papers curb harmful concepts in text-to-image models?")
    assert answer.answerable, answer.text
    assert sum("Text-to-Image" in c.title for c in answer.citations) >= 2, answer.text
    # refused for its other words, the verb no paper writes is still named
    weather = offline.ask("Which papers forecast the weather with graph neural networks?")
    assert not weather.answerable and "“forecast”" in weather.text, weather.text


def test_a_list_on_a_kind_of_graph_leaves_out_papers_on_other_graphs(offline):
    # "embeddings of knowledge graphs" had listed GraphHash (user-item graphs, embedding tables) beside the papers
    # on knowledge graphs
    answer = offline.ask("Which papers learn embeddings of knowledge graphs?")
    titles = cited_titles(answer)
    assert not any(t.startswith("GraphHash") for t in titles), answer.text
    assert any(t.startswith("Knowlege Graph Embedding") for t in titles), answer.text


def test_a_list_asked_of_language_models_needs_papers_on_them(offline):
    # "use reinforcement learning to train language models" had listed Debiased Contrastive Learning first (its
    # reinforcement learning benchmarks): "language models" framed the question as "LLMs" does, and weighed nothing
    answer = offline.ask("Which papers use reinforcement learning to train language models?")
    titles = cited_titles(answer)
    assert "Debiased Contrastive Learning" not in titles, answer.text
    assert any(t.startswith(("Pay-Per-Search", "MaskSearch", "Confronting Reward Model")) for t in titles), answer.text


def test_continual_learning_is_a_kind_of_learning_not_anything_continuous(offline):
    # "continual learning for recommender systems" had listed DNIS (its "continuous" search space shares the stem
    # "continu") and GraphHash: no paper of the corpus does continual learning for recommender systems
    answer = offline.ask("Which papers study continual learning for recommender systems?")
    assert not answer.answerable, answer.text
    listed = offline.ask("Which papers do continual learning?")
    assert listed.answerable and all("ontinual" in c.title or "Lifelong" in c.title or "Incremental" in c.title
                                     for c in listed.citations), listed.text  # fmt: skip


def test_a_modality_before_a_kind_of_model_may_be_written_elsewhere(offline):
    # "train text embedding models with contrastive learning" had been refused: no abstract writes "text
    # embedding" side by side, though papers training embedding models of abstracts contrastively say "text"
    answer = offline.ask("Which papers train text embedding models with contrastive learning?")
    assert answer.answerable, answer.text
    titles = cited_titles(answer)
    assert any(t.startswith(("Contrastive Learning and Mixture", "Joint Representations of Text")) for t in titles)
    # a kind of model named by two nouns still needs them together ("state space models": not "latent space")
    spaces = offline.ask("Which papers study state space models?")
    assert all("Mamba" in c.title or "State Space" in c.title or "Sequence Modeling" in c.title
               for c in spaces.citations), spaces.text  # fmt: skip


def test_exploring_is_what_researchers_do_not_a_word_of_the_topic(offline):
    # "explore alternatives to transformers" had listed Science Hierarchography first ("an alternative pathway for
    # exploring scientific literature"): two of three words held, none of them the subject
    answer = offline.ask("Which papers explore alternatives to transformers?")
    titles = cited_titles(answer)
    assert not any(t.startswith("Science Hierarchography") for t in titles), answer.text
    assert any(t.startswith("What comes after transformers") for t in titles), answer.text


def test_an_izer_tool_asked_is_held_by_a_paper_writing_one(offline):
    # "optimizers for training neural networks" had listed 12 papers on any optimization (preference optimization,
    # reward overoptimization, "Optimizing Brain Tumor Segmentation"): "optimizer" and "optimization" share a stem
    answer = offline.ask("Which papers study optimizers for training neural networks?")
    titles = cited_titles(answer)
    assert titles and titles[0].startswith("ADAHESSIAN"), answer.text
    assert not any("Preference Optimization" in t or "Overoptimization" in t or t.startswith("Optimizing")
                   for t in titles), answer.text  # fmt: skip
    tokenizers = offline.ask("Which papers build image tokenizers?")
    assert sum("Tokeniz" in c.title for c in tokenizers.citations) >= 3, tokenizers.text


def test_a_level_names_what_it_is_of(offline):
    # "document-level ranking with BERT" had listed PaECTER alone (it writes "document-level"); PARADE reranks
    # documents with BERT without writing the compound
    answer = offline.ask("Which papers work on document-level ranking with BERT?")
    assert answer.citations and answer.citations[0].title.startswith("PARADE"), answer.text


def test_a_modality_named_only_among_examples_is_not_the_paper_s(offline):
    # "objects (texts, images, speech, etc.)": a paper on text and knowledge graphs is no paper on images and text
    answer = offline.ask("Which papers learn joint embeddings of images and text to retrieve one with the other?")
    titles = cited_titles(answer)
    assert answer.answerable and any(t.startswith("IMAGINATOR") for t in titles), answer.text
    assert not any(t.startswith("Joint Representations of Text and Knowledge Graphs") for t in titles), answer.text


def test_attacks_against_what_no_paper_found_mentions_are_refused(offline):
    attacks, llms = "Which papers run membership inference attacks against ", "Which papers study membership inference"
    refused_naming(offline, attacks + "recommender systems?", "“recommender", llms + " against large language models?")


def test_a_refusal_names_the_phrase_no_paper_writes_not_what_researchers_do(offline):
    # it had refused naming "build", which frames any list ("papers that build …"), as what the closest lacks
    answer = offline.ask("Which papers build embeddings for code search?")
    assert not answer.answerable and "(the closest lacks “code search”)" in answer.text, answer.text


def test_a_way_of_seeing_or_hearing_no_paper_found_writes_of_is_refused(offline):
    # the papers found detoxify language models, or recall facts in them, and none writes of speech or images: "No
    # paper in the corpus clearly addresses this; the closest are …" had answered, and a detox list had been made
    detox = "Which papers detoxify {} generators?"
    refused_naming(offline, detox.format("speech"), "“speech”", detox.format("text"))
    seeing = offline.ask("Which papers look at how vision-language models recall facts internally?")
    assert not seeing.answerable and "“vision-language”" in seeing.text, seeing.text
    sound = offline.ask("Which papers give a theoretically sound analysis of contrastive learning?")  # not heard
    assert sound.answerable and "Contrastive" in sound.citations[0].title, sound.text


def test_a_list_on_what_is_seen_lists_only_papers_writing_of_it(offline):
    # "how video models recall facts" listed papers on factual recall in language models and one saying "In fact"
    # beside the two on video; a list of the alternatives ("images, videos or surfaces") keeps the surfaces paper
    answer = offline.ask("Which papers look at how video models recall facts?")
    papers = {s.paper.id: s.paper for s in answer.sources}
    cited = [papers[c.paper_id] for c in answer.citations]
    assert cited and all(re.search(r"video", f"{p.title} {p.abstract}", re.I) for p in cited), answer.text
    surfaces = offline.ask("Which papers represent images, videos or surfaces as neural networks?")
    assert any(c.title.startswith("NeuS2") for c in surfaces.citations), surfaces.text


def test_papers_that_ask_are_papers_that_study(offline):
    # "ask" weighed as a subject no abstract holds: "Which papers ask how sparse models transfer?" was refused
    answer = offline.ask("Which papers ask how sparse models transfer?")
    assert answer.answerable and "How Well Do Sparse Imagenet Models Transfer?" in cited_titles(answer), answer.text


def test_research_verbs_frame_a_list(offline):
    # "seek to explain", "concerning": words no abstract on the topic need hold (a hedge, and a list "none of them
    # mentions “concerning”", had been the answers)
    seeking = offline.ask("Which papers seek to explain in-context learning?")
    assert seeking.answerable and len(seeking.citations) >= 5, seeking.text
    concerning = offline.ask("Papers concerning position encodings?")
    assert concerning.answerable and "concerning" not in concerning.text, concerning.text


def test_a_field_asked_for_in_a_researcher_s_words_is_a_list(offline):
    # "the literature on X", "the landscape of X": refused for lacking "literature" / "landscape"; "what do we know
    # about X?" answered from one paper
    literature = offline.ask("What is the literature on membership inference?")
    assert literature.answerable and sum("Membership" in c.title for c in literature.citations) >= 2, literature.text
    landscape = offline.ask("Give me an overview of the landscape of RAG research")
    assert landscape.answerable and len(landscape.citations) >= 3, landscape.text
    known = offline.ask("What do we know about in-context learning?")
    assert known.answerable and len(known.citations) >= 5, known.text


@pytest.mark.parametrize(
    "asked",
    [
        "Can you point me to work on machine unlearning?",  # refused: "the closest lacks “point”"
        "Recommend some reading on position encodings.",  # refused: "recommend" weighed as recommender systems
        "Papers I should cite for sparse autoencoders?",  # refused: "no paper in it mentions “cite”"
        "Where can I learn about knowledge graph embeddings?",  # one paper's definition
        "Summarize the work on LLM unlearning.",  # one paper's gist
    ],
)
def test_a_reader_asking_for_papers_in_their_own_words_gets_a_list(offline, asked):
    answer = offline.ask(asked)
    assert answer.answerable and len(answer.citations) >= 2, answer.text


def test_the_common_evaluation_benchmarks_of_a_topic_are_those_its_papers_name(offline):
    # "evaluation" between "common" and "benchmarks" had made it a fact from one paper's background sentence
    answer = offline.ask("What are common evaluation benchmarks for dense retrieval?")
    assert answer.answerable and len(answer.citations) >= 3 and "BEIR" in answer.text, answer.text


def test_a_paper_naming_a_longer_topic_only_among_examples_is_not_listed(offline):
    # "such as hard negative mining, distillation, etc.", "with no hard negative mining, …, or …": known tricks and
    # what a paper does without are not what it is on; the alternatives asked ("mine, generate or filter") are no
    # topic word to judge that by
    answer = offline.ask("Which papers mine, generate or filter the hard negatives used to train retrievers?")
    titles = {c.title.split(":")[0] for c in answer.citations}
    assert {"ECI", "LG-ANNA-Embedding technical report", "KaLM-Embedding-V2"} <= titles, answer.text
    assert not {"Mistral-SPLADE", "Contextual Document Embeddings", "TechniqueRAG"} & titles, answer.text


def test_perceptual_meaning_is_of_what_is_seen(offline):
    # "in images and perception": a paper on words' "perceptual" meaning writes of it, though never of "images"
    answer = offline.ask("Which papers ground word meanings or language models in images and perception?")
    titles = {c.title.split("?")[0] for c in answer.citations}
    assert "Are distributional representations ready for the real world" in titles, answer.text


def test_both_things_asked_together_are_held_by_each_paper_listed(offline):
    # GigaTok's tokenizer is close kin of TokenFlow's, but for generating images alone
    answer = offline.ask("Which papers build a single model that both understands and generates images?")
    titles = {c.title.split(":")[0] for c in answer.citations}
    assert {"TokenFlow", "HermesFlow", "Ming-UniVision"} <= titles and "GigaTok" not in titles, answer.text


def test_a_list_of_papers_each_on_one_part_of_the_topic_is_refused(offline):
    # token pruning papers and a robot manipulation paper, none on both: no list, and the missing part is said
    answer = offline.ask("Which papers prune visual tokens to speed up robot manipulation policies?")
    assert not answer.answerable and "“robot”" in answer.text, answer.text
    both = offline.ask("Which papers prune visual tokens in multimodal LLMs?")
    assert both.answerable and {
        "VFlowOpt",
        "[CLS] Token Tells Everything Needed for Training-free Efficient MLLMs",
    } <= {c.title.split(":")[0] for c in both.citations}, both.text


def test_hash_codes_and_a_common_codebase_are_no_source_code(offline):
    # "retrieval for code" had listed two image hashing papers ("binary codes") and one reproducing methods in "a
    # common codebase"; a question on hash codes still holds them
    answer = offline.ask("Are there papers on retrieval for code?")
    assert answer.answerable and not any("Hashing" in c.title for c in answer.citations), answer.text
    assert "Augmented Embeddings for Custom Retrievals" in {c.title for c in answer.citations}, answer.text
    hashing = offline.ask("Which papers learn binary hash codes for fast image retrieval?")
    assert any("Hashing" in c.title for c in hashing.citations), hashing.text


def test_papers_making_data_are_those_saying_they_release_or_curate_it_not_those_putting_text_into_one(offline):
    # "introducing adversarial passages to corpora" (GASLITE) had been the only paper listed for making retrieval
    # datasets; "we curate a book-plot retrieval dataset", "we first introduce LoCoV1, a novel 12 task benchmark"
    # had been missed
    answer = offline.ask("Which papers introduce new datasets for retrieval?")
    cited = {c.title.split(":")[0] for c in answer.citations}
    assert "GASLITEing the Retrieval" not in cited, answer.text
    assert {"SitEmb-v1.5", "Benchmarking and Building Long-Context Retrieval Models with LoCo and M2-BERT"} <= cited


def test_a_list_ranked_by_speedup_quotes_each_paper_s_speedup(offline):
    # LSH-MoE had been quoted for its 45% all-to-all communication ratio, not its "1.28x - 2.2x of speedup"
    answer = offline.ask("Which MoE papers report the biggest speedup?")
    assert "do not rank them against each other" in answer.text, answer.text
    lsh = next(line for line in answer.text.splitlines() if line.startswith("- LSH-MoE"))
    assert "1.28x - 2.2x of speedup" in lsh, answer.text


def test_a_three_word_topic_is_a_paper_s_where_it_writes_two_of_its_words_together(offline):
    # the in-context learning paper on "linear models" and "the hypothesis that …" had been listed
    answer = offline.ask("What work is there on the linear representation hypothesis?")
    cited = [c.title for c in answer.citations]
    assert not any(t.startswith("What learning algorithm") for t in cited), answer.text
    assert any(t.startswith("Recurrent Neural Networks Learn") for t in cited), answer.text
    # "multilingual retrieval" of "multilingual dense retrieval": the outer two words together
    multilingual = [c.title for c in offline.ask("Which papers study multilingual dense retrieval?").citations]
    assert any(t.startswith("Arctic-Embed 2.0") for t in multilingual), multilingual


def test_a_paper_doing_the_asked_thing_to_something_else_is_not_listed(offline):
    # "pruning visual tokens": the paper pruning the MLP layers of vision transformers (never tokens) was listed
    answer = offline.ask("What approaches to pruning visual tokens in vision transformers or multimodal models exist?")
    cited = [c.title for c in answer.citations]
    assert not any(t.startswith("Adaptive MLP Pruning") for t in cited), answer.text
    assert any(t.startswith("Adaptive Sparse ViT") for t in cited) and len(cited) == 3, answer.text


def test_a_kind_of_learning_is_held_with_two_words_of_its_own_between(offline):
    # "active multi-task representation learning" is active learning: the list had held one paper of two
    answer = offline.ask("Which papers are about active learning?")
    titles = {c.title for c in answer.citations}
    assert "Improved Active Multi-Task Representation Learning via Lasso" in titles, answer.text
    assert "Learning to Actively Learn: A Robust Approach" in titles
    assert not any("Activation" in t for t in titles)  # "activ" is the stem of both


def test_papers_making_data_are_listed_when_no_topic_is_asked(offline):
    # "Which papers release a dataset?" had listed one paper: those writing "release"
    answer = offline.ask("Which papers release a dataset?")
    titles = {c.title.split(":")[0] for c in answer.citations}
    assert answer.text.startswith("At least ") and len(titles) >= 8, answer.text
    assert {"RedCaps", "T2Ranking", "AxBench", "LeXFiles and LegalLAMA"} <= titles, titles
    assert "Acquiring Bidirectionality via Large and Small Language Models" not in titles  # "improves the benchmark"
    on_topic = offline.ask("Which papers release a dataset for image captioning?")  # a topic: a list on it
    assert not on_topic.text.startswith("At least "), on_topic.text


def test_a_subject_named_only_in_a_prose_list_of_examples_with_slashes_lists_no_paper(offline):
    # GraphPrompt writes "recommendation" only in "such as online page/article classification and social
    # recommendation": it had been listed as a paper on graph neural networks for recommendation
    answer = offline.ask("Which papers use graph neural networks for recommendation?")
    assert not answer.text.startswith("The corpus has"), answer.text


def test_codes_in_the_plural_are_no_source_code(offline):
    # Ming-UniVision's "compact low-level codes" (a tokenizer's) had made it a paper on tokenizers for code
    answer = offline.ask("Which papers evaluate tokenizers for code?")
    assert not any(c.title.startswith("Ming-UniVision") for c in answer.citations[:1]), answer.text
    assert not answer.text.startswith("The corpus has"), answer.text


def test_a_paper_generating_another_modality_is_no_paper_on_text_generation(offline):
    # ImageRAG writes "text" only of its prompts and "image generation": it had been listed for diffusion models
    # applied to text generation
    answer = offline.ask("Which papers apply diffusion models to text generation?")
    assert not answer.text.startswith("The corpus has"), answer.text
    assert not any(c.title.startswith("ImageRAG") for c in answer.citations), answer.text
