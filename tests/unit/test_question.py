"""Questions worked out before answering: shape, what a clause asks for, the names a paper goes by."""

import random
import re

import pytest

from paperqa import Paper
from paperqa.answer.claims import check, numbers, support_of
from paperqa.answer.evidence import has
from paperqa.answer.holding import near
from paperqa.answer.listing import list_topic
from paperqa.answer.modality import writing_of_it
from paperqa.answer.names import definitions, names_of, title_head
from paperqa.answer.paper_text import named_only, words_outside_lists
from paperqa.answer.phrases import joined, noun_kinds, writes_kinds
from paperqa.answer.pointed import own_terms
from paperqa.answer.question import analyse
from paperqa.answer.relevance import covers, holds_phrase, lacking, match, on_topic
from paperqa.answer.subjects import both_named
from paperqa.answer.topics import topic_sides
from paperqa.answer.training_free import asks_training_free, asks_training_needed
from paperqa.answer.traits import on_language_models
from paperqa.complement import negated
from paperqa.text import sentences, terms
from paperqa.types import Source


@pytest.mark.parametrize(
    ("question", "shape"),
    [
        ("Which papers study machine unlearning?", "list"),
        ("graph neural networks for molecules", "list"),
        ("Compare ColBERT and SPLADE", "compare"),
        ("How does ColBERTv2 improve over ColBERT?", "improvement"),
        ("By how much does distillation reduce latency?", "improvement"),
        ("How many parameters does the small model have?", "number"),
        ("What loss does the method use to train the generator?", "fact"),
        ("How do papers in the corpus make transformers more efficient?", "list"),  # how the papers do it
        ("How do recommender systems use large language models?", "fact"),
        ("Is Mistral-SPLADE better than SPLADE v2?", "compare"),  # a yes or no of two things
        ("How much better is SPLADE v2 than SPLADE?", "improvement"),
        ("How much more efficient is 2D Matryoshka than MRL?", "improvement"),  # a gain over MRL
        ("How do GraphHash and DNIS shrink embeddings differently?", "compare"),
        ("Which work feeds feature views into binary codes?", "fact"),  # one work, as "which paper"
        ("What work is there on hashing?", "list"),
        ("Is there anything on speech?", "list"),  # was one paper's fact
        ("Is there any work about hashing?", "list"),
        ("Is there any evidence that distillation helps?", "fact"),
        ("What's been done on sentence embeddings?", "list"),  # was one paper's fact
        ("What research is there on hashing?", "list"),
        ("What do we have on hashing?", "list"),
        ("Is there research on machine unlearning?", "list"),
        ("Is there a paper on late chunking?", "fact"),
        ("What is there to know about Starbucks?", "fact"),
    ],
)
def test_shapes(question, shape):
    assert analyse(question).shape == shape


def test_what_a_which_clause_asks_for():
    asked = analyse("On which benchmarks was the pruning method evaluated?")
    assert {"benchmark", "dataset"} <= asked.wants and "benchmark" in asked.wants_words
    assert analyse("What speedup does it reach?").wants == frozenset()  # a quantity: the numeric shapes answer
    assert analyse("Which optimizer is better, ADAHESSIAN or Adam?").wants == frozenset()  # the question names both
    assert "benchmark" in analyse("What does SPLADE v2 evaluate on?").wants  # asks for its data sets
    assert analyse("What does SPLADE v2 evaluate on the other hand?").wants == frozenset()
    # a phrase after a preposition is what is asked about, not a kind wanted; "what kind of model" is one
    assert analyse("What comes after transformers?").wants == frozenset()
    assert "model" in analyse("What kind of model does SPLADE use?").wants
    downsides = analyse("What are the main drawbacks of learned sparse retrieval?")
    assert downsides.weakness and "drawback" not in downsides.terms and "retriev" in downsides.terms
    open_problems = analyse("What are open problems in learned sparse retrieval?")
    assert open_problems.weakness and open_problems.terms == ("spars", "retriev")  # no "open" or "problem"
    assert analyse("What are the challenges of LLM unlearning?").weakness
    assert not analyse("Which papers generate questions from passages?").weakness  # "questions" is the topic


def test_which_models_or_systems_of_a_topic_ask_for_a_list_and_of_a_paper_do_not():
    assert analyse("Which embedding models support long documents?").shape == "list"  # was one "closest" paper
    # "which works better, X or Y?" compares them ("works" is its verb): it was a list of nine papers
    assert analyse("Which works better for long documents, late chunking or SitEmb?").shape == "compare"
    assert analyse("Which works are about hashing?").shape == "list"
    # "Which paper …" asks for one paper, whatever noun of a list ("models") follows: one was listed as three
    assert analyse("Which paper trains language models on text that a neural network compressed first?").shape == "fact"
    assert analyse("Which methods are used for cross-modal hashing?").shape == "list"
    assert analyse("Which methods does SPLADE v2 compare against?").shape != "list"  # listed SPLADE v2 alone
    assert analyse("Which models does SPLADE compare against?").shape != "list"


def test_how_the_methods_of_a_topic_work_asks_for_a_list():
    assert analyse("How do the unlearning methods differ in cost?").shape == "list"  # was one paper's answer
    flagship = analyse("Which papers make LLMs forget a target entity, and how?")
    assert flagship.how and flagship.shape == "list"
    assert not analyse("Which papers make LLMs forget a target entity?").how


def test_the_best_said_after_the_noun_asks_for_what_each_paper_reports():
    most = analyse("Which approach is most efficient for unlearning?")  # one paper was "the closest"
    assert most.best and most.shape == "list" and "effici" in most.terms
    assert analyse("Which model performs best on BEIR?").best
    way = analyse("What is the best way to reduce KV cache memory?")  # one paper's answer: HNeRV's "compression"
    assert way.best and way.shape == "list" and "way" not in way.terms
    assert not analyse("Which approach is used for unlearning?").best


def test_the_state_of_the_art_asked_for_is_what_each_paper_reports_on_the_topic():
    asked = analyse("What is the state of the art in machine translation for low-resource languages?")
    assert asked.best and asked.shape == "list" and {"state", "art"}.isdisjoint(asked.terms)  # were key terms
    assert analyse("What are the state-of-the-art methods for dense retrieval?").best
    assert analyse("What's SOTA on BEIR?").best
    # a prior state of the art a question describes, or one a paper reached, is asked of that paper
    assert not analyse("How much more compression than prior state-of-the-art approaches does VTrans achieve?").best
    assert not analyse("On which benchmark did SPLADE v2 reach state of the art?").best


def test_papers_that_are_benchmarks_or_surveys_ask_for_a_list_of_such():
    assert analyse("Which papers are benchmarks?").makes_data  # listed papers merely evaluating on one
    assert analyse("Any benchmark papers on retrieval?").makes_data
    assert not analyse("Which papers evaluate on benchmarks?").makes_data
    assert analyse("Are there any surveys in the corpus?").shape == "list"  # was one survey, the rest "related"


def test_the_most_upvoted_or_popular_papers_ask_for_an_order_by_upvotes():
    most = analyse("Which paper has the most upvotes?")  # refused: "no paper in it mentions “upvotes”"
    assert most.popular and most.count == 1 and not most.terms
    popular = analyse("What are the most popular papers on unlearning?")  # "popular papers" is no sorting here
    assert popular.popular and popular.shape == "list" and popular.terms == ("unlearn",) and popular.count is None
    assert not analyse("Which papers study popular music?").popular


def test_trade_offs_and_pros_and_cons_ask_for_limits():
    assert analyse("What are the trade-offs of learned sparse retrieval?").weakness  # "trade" was a topic word
    assert analyse("What are the pros and cons of late chunking?").weakness
    # "what's its main weakness?" (singular) had been a search for "main" and "weakness": "does not say this"
    assert analyse("what's its main weakness?").weakness and not analyse("what's its main weakness?").terms


def test_how_the_answer_should_read_is_no_word_of_the_question():
    assert analyse("Explain late chunking like I'm five").terms == analyse("Explain late chunking").terms
    assert analyse("Explain SPLADE in simple terms").terms == analyse("Explain SPLADE").terms
    assert analyse("Summarize RetroMAE v2 in one sentence").terms == analyse("Summarize RetroMAE v2").terms
    assert "big" not in analyse("How big is the USPTO-3M dataset?").terms  # a size asked, no subject
    start = analyse("Recommend me a paper to start with on retrieval")  # listed MaskSearch, "starting with"
    assert start.terms == ("retriev",)


def test_how_a_problem_is_countered_is_asked_without_the_asking_being_a_topic_word():
    fixed = analyse("How do reward models get over-optimized in RLHF and how is it fixed?")
    assert fixed.remedy and "fix" not in fixed.terms
    assert analyse("How can we prevent catastrophic forgetting in continual learning?").remedy
    assert analyse("What are solutions to representation collapse?").remedy
    assert not analyse("Which papers fix hallucination?").remedy  # papers that fix it: a list of them
    assert not analyse("How does SPLADE address efficiency?").remedy  # "address" also just means "treat"


def test_what_a_paper_found_is_asked_without_the_asking_being_a_topic_word():
    main = analyse("What is the main finding of AxBench?")
    assert main.finding and main.terms == ("axbench",)  # no "main" or "finding" a sentence must hold
    assert analyse("What did the authors of LeXFiles find?").finding
    assert analyse("What does the ExLM paper show about [MASK] tokens?").finding
    concluded = analyse("What does Does Corpus Quality Really Matter for Low-Resource Languages conclude?")
    assert concluded.finding and "conclud" not in concluded.terms
    assert analyse("What are the results of SPLADE v2 on BEIR?").finding == "results"  # measured: figures first
    assert main.finding == "found"
    assert not analyse("Which papers report results on MS MARCO?").finding  # results on a benchmark: a topic
    assert not analyse("How can I find papers on hashing?").finding  # "find" asks for papers here
    assert not analyse("Which papers show that scaling helps retrieval?").finding  # "show" with what they show


def test_names_of_a_paper():
    paper = Paper(id="x", title="HyperAttention: Long-context Attention in Near-Linear Time",
                  abstract="We present Data Selection with Importance Resampling (DSIR) for selection. "
                  "We also evaluate on GLUE (GLUE).")  # fmt: skip
    names = names_of(paper)
    assert names[0] == "HyperAttention" and "GLUE" not in names
    # An acronym stands for the fewest words before it that spell it: "magnetic resonance imaging", not the
    # "brain" before them, so "MRI" shares one word with the title and names no paper of its own.
    brain = Paper(id="b", title="SynthStrip: Skull-Stripping for Any Brain Image",
                  abstract="The removal of non-brain signal from magnetic resonance imaging (MRI) data. We propose "
                  "Pairwise Ranking Prompting (PRP) for any brain image.")  # fmt: skip
    assert "MRI" not in names_of(brain)
    spelled = [("magnetic resonance imaging ", "MRI"), ("Pairwise Ranking Prompting ", "PRP")]
    assert list(definitions(brain.abstract)) == spelled
    # ... or the name first and its words after it; a citation after a name spells nothing
    first = "we propose a novel framework, FiGRet (Fine-grained Guidance for Retrievers), and BERT (Devlin et al.)"
    assert definitions(first) == (("Fine-grained Guidance for Retrievers ", "FiGRet"),)


def test_the_prefix_rule_and_figures():
    vocabulary = frozenset({"unlearning", "moe", "retriev"})
    assert has("unlearn", vocabulary) and has("retrieval", vocabulary) and not has("moes", frozenset({"mo"}))
    assert not has("learn", vocabulary)
    # a combining prefix is no word of its own: "multi" (of "multi-view") holds no "multivector"
    assert not has("multivector", frozenset({"multi", "view"})) and has("speedier", frozenset({"speed"}))
    assert {"9%", "9", "2.72x", "1000"} <= numbers("gains of 9\\% and 2.72X on 1,000 queries")
    assert {"64ms", "64", "1.3gb", "32k"} <= numbers("(64ms per query), 1.3GB, 32K tokens") and not numbers("V100s")
    paper = Paper(id="p", title="T", abstract="Our kernel reaches a 9.4x speedup on PIUMA.")
    assert support_of("The kernel reaches a 9.4x speedup", [paper])[0] == "full"
    assert support_of("The kernel reaches a 7.1x speedup", [paper])[0] == "none"


def test_the_writers_own_lead_in_is_no_part_of_the_claim_checked():
    paper = Paper(id="p", title="Kernels", abstract="Our kernel reaches a 9.4x speedup on PIUMA.")
    text = (
        "The abstract of “Kernels” [1] does not mention “wafer-scale” or “photonic” accelerators; what it says "
        "closest: Our kernel reaches a 9.4x speedup [1]."
    )
    assert [c.support for c in check(text, [Source(paper, 1.0, 1)]).claims] == ["full"]  # not the lead-in's words


def test_a_dated_list_line_s_date_is_no_figure_of_its_claim_whatever_its_title_holds():
    import datetime as dt

    from paperqa.answer.draft import list_line

    for title in ("Zeta Bench", "Zeta [3] <script>x</script> Bench (v2)"):  # brackets and parentheses of its own
        paper = Paper(id="p", title=title, abstract="We introduce a new benchmark for zeta retrieval.",
                      date=dt.date(2026, 11, 30))  # fmt: skip
        text = list_line(paper.title, "We introduce a new benchmark for zeta retrieval [1].", paper.date)
        assert [c.support for c in check(text, [Source(paper, 1.0, 1)]).claims] == ["full"], text


def test_sentences_keep_abbreviations_inside():
    text = "We propose duplex masked auto-encoder, a.k.a. DupMAE. It beats BERT, e.g. BERT-base. Done."
    first, second, third = sentences(text)
    assert (first, second, third) == (
        "We propose duplex masked auto-encoder, a.k.a. DupMAE.",
        "It beats BERT, e.g. BERT-base.",
        "Done.",
    )


def test_a_phrase_is_near_when_its_words_are_at_most_one_word_apart():
    paper = Paper(
        id="n",
        title="T",
        abstract="Membership inference attacks; the inference of membership; dense vectors, sparse retrieval.",
    )
    assert near(paper, "membership", "infer") and near(paper, "infer", "membership")  # either order
    assert near(paper, "infer", "attack") and not near(paper, "dens", "retriev")  # two words between: too far
    assert not near(paper, "membership", "membership") and not near(paper, "absent", "infer")


def test_joined_drops_the_hyphen_after_a_prefix_as_the_one_regex_would():
    prefixes = "pre|re|co|multi|non|self|cross|semi|sub|un|bi|de|post|inter|intra|over|under"
    reference = re.compile(rf"\b({prefixes})-(\w)", re.IGNORECASE)
    assert (
        joined("pre-trained, Multi-view, are-you, pre-pre-train, x-ray, re-")
        == "pretrained, Multiview, are-you, prepre-train, x-ray, re-"
    )
    pieces = ["pre", "re", "-", "co", "un", "Pre", "a", " ", "é", "_", "1", "sub", "-x", "inter", "ß", "UNDER"]
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        assert joined(text) == reference.sub(r"\1\2", text), text


def test_words_joined_by_or_are_alternatives_and_a_paper_holding_one_lacks_none():
    asked = analyse("Which papers select or reweight pretraining data for passages or documents?")
    assert set(asked.either) == {(frozenset({"select"}), frozenset({"reweight"})),
                                 (frozenset({"passag"}), frozenset({"document"}))}  # fmt: skip
    use = analyse("Which papers use or fine-tune LLMs as rerankers?")
    assert use.either == ((frozenset(), frozenset({"fine", "tune"})),)  # "use" frames: fine-tuning is optional
    assert lacking(use, Paper("y", "LLM rerankers", "We prompt LLMs to rerank passages.")) == []
    assert analyse("Which papers select pretraining data?").either == ()
    paper = Paper("x", "Reweighting pretraining data", "We reweight documents by loss during pretraining.")
    assert lacking(asked, paper) == []
    assert lacking(analyse("Which papers select pretraining data for speech?"), paper) == ["select", "speech"]


def test_phrases_joined_by_or_are_alternatives_each_whole():
    # "speculative decoding or faster LLM inference" had been "decoding" or "faster": "speculative" was wanted of
    # every paper, and a paper on faster inference was refused for lacking it
    asked = analyse("Which papers work on speculative decoding or faster LLM inference?")
    assert asked.either == ((frozenset({"specul", "decod"}), frozenset({"faster", "infer"})),)
    paper = Paper("x", "Fast attention", "We make inference faster for long contexts.")
    assert lacking(asked, paper) == []
    # one word before "or" shares the head after it; a verb before the phrase takes each side
    assert analyse("Which papers study dense or sparse retrieval?").either == (
        (frozenset({"dens"}), frozenset({"spars"})),
    )
    stored = analyse("Which papers store images or videos inside networks?")
    assert stored.either == ((frozenset({"imag"}), frozenset({"video"})),)
    heads = analyse("How do you prune attention heads or whole layers?")
    assert heads.either == ((frozenset({"attent", "head"}), frozenset({"whole", "layer"})),)
    # an adjective before "or" shares the noun after it: "generating harmful" is no phrase
    harmful = analyse("Which papers stop diffusion models from generating harmful or unwanted concepts?")
    assert harmful.either == ((frozenset({"harm"}), frozenset({"unwant"})),)


def test_holding_up_or_coping_is_no_word_a_listed_paper_must_write():
    # "models that hold up under distribution shift": a paper on distribution shift had been wanted to say "hold"
    shift = list_topic(analyse("Which papers make models hold up under distribution shift?"))
    assert set(shift.terms) == {"distribut", "shift"}
    cope = list_topic(analyse("How do embedding models cope with long documents?"))
    assert "cope" not in cope.terms and {"long", "document"} <= set(cope.terms)


def test_a_name_ending_a_list_of_alternatives_is_that_name_alone():
    # "CNNs, vision transformers or CLIP encode inside" had made its last side "CLIP encode inside": a paper on
    # CLIP's neurons, lacking "encode", held no side and was left out of the list
    asked = analyse("Which papers explain what models such as CNNs, vision transformers or CLIP encode inside?")
    assert (frozenset({"cnns"}), frozenset({"vision", "transform"}), frozenset({"clip"})) in asked.either
    assert (frozenset({"vision", "transform"}), frozenset({"clip"})) in asked.either
    assert analyse("Which papers compare BERT or ELECTRA models?").either == (
        (frozenset({"bert"}), frozenset({"electra"})),
    )
    paper = Paper("x", "Neurons in CLIP", "We interpret neurons of CLIP and what they encode.")
    assert "clip" not in lacking(asked, paper) and "vision" not in lacking(asked, paper)


def test_an_alternative_naming_models_is_held_by_a_paper_writing_of_them():
    # "the feedback of the language model or reader": a paper on training retrievers from LLMs' feedback had been
    # refused for lacking "reader" ("model" frames most questions, so it was held by none)
    asked = analyse("Which papers train a retriever from the feedback of the language model or reader?")
    paper = Paper("x", "Guidance for retrievers", "We train the retriever from the feedback of LLMs on its passages.")
    assert lacking(asked, paper) == []
    assert lacking(asked, Paper("y", "Retriever training", "We train a retriever from user feedback.")) == ["reader"]
    # a framing verb is no such side: "find" is in most abstracts, and linking or resolving is still asked
    entities = analyse("Which papers find, link or resolve mentions of entities in text?")
    assert "link" in lacking(entities, Paper("z", "Entity knowledge", "We find that models know entities in text."))


def test_examples_in_parentheses_are_alternatives():
    asked = analyse("Which papers probe encoders for linguistic information (POS, syntax, morphology, semantic roles)?")
    assert (frozenset({"pos"}), frozenset({"syntax"}), frozenset({"morpholog"}), frozenset({"semant", "role"})) in (
        asked.either
    )
    paper = Paper("x", "Probing encoders for syntax", "We probe the layers of encoders for linguistic information.")
    assert lacking(asked, paper) == []  # one of the examples held
    assert analyse("Which papers use BM25 (a lexical baseline that ranks by term weights)?").either == ()  # prose


def test_a_list_of_three_or_more_alternatives_is_one_choice():
    asked = analyse("Which papers compress transformers by pruning weights, neurons, attention heads or whole layers?")
    four = (frozenset({"weight"}), frozenset({"neuron"}), frozenset({"attent", "head"}), frozenset({"whole", "layer"}))
    assert four in asked.either
    paper = Paper("z", "Dropping layers of transformers", "We compress transformers by pruning whole layers.")
    assert lacking(asked, paper) == []  # the last of four alternatives held
    distilled = Paper("w", "Transformers", "We compress transformers by distillation.")
    assert lacking(asked, distilled) == ["prune", "weight", "neuron", "attent", "head", "whole", "layer"]
    # Coverage weighs the list as its heaviest alternative, not as all seven of its words.
    about_neurons = Paper("v", "Neurons in transformers", "We study the neurons of transformers.")
    assert match(asked, about_neurons, lambda t: 1.0).coverage == 3 / 5  # transformers + one alternative (2 words)
    assert match(asked, paper, lambda t: 1.0).coverage == 1.0


def test_two_alternatives_weigh_as_one_choice():
    asked = analyse("Which papers attack models with adversarial inputs or poisoned data?")
    assert (frozenset({"adversari", "input"}), frozenset({"poison"})) in asked.either
    # "attack" and one alternative half held ("adversarial"): not three words of four missing
    paper = Paper("g", "Vulnerabilities of dense retrieval", "We attack retrievers with adversarial passages.")
    assert match(asked, paper, lambda t: 1.0).coverage == 2 / 3  # attack (1), half the heavier alternative (2)
    poisoned = Paper("p", "Poisoning retrievers", "We attack retrievers by poisoning their corpus.")
    assert match(asked, poisoned, lambda t: 1.0).coverage == 1.0  # the other alternative whole


def test_a_paper_covers_a_topic_when_it_lacks_only_common_modifiers():
    paper = Paper("x", "Sparse attention for long contexts", "Attention over long contexts in near-linear time.")
    topical = {"cheaper": 0.26, "speech": 0.56}  # residual IDF: a modifier, a subject
    idf = {"cheaper": 3.0, "motion": 6.5, "drive": 6.5, "unseen": 7.0}  # `motion` and `drive` rare: no telling

    def cover(question):
        return covers(
            analyse(question),
            paper,
            lambda t: topical.get(t, 0.0),
            lambda t: idf.get(t, 7.0 if t.startswith("\x00") else 1.0),
        )

    assert cover("Which papers make attention cheaper for long contexts?")
    assert not cover("Which papers use attention for long speech?")  # a subject missing
    assert not cover("attention for motion planning when driving")  # two rare words of four missing


def test_a_noun_qualifying_a_head_the_paper_holds_is_a_subject_it_must_have():
    asked = analyse("Which papers train sparse retrieval models for code search?")
    assert asked.qualified == (("code", "search"),)
    scientific = Paper("x", "Sparse retrieval for scientific search", "A sparse retriever for scientific search.")
    code = Paper("y", "Sparse retrieval for code search", "A sparse retriever for code search over repositories.")
    modifiers = lambda t: 0.0  # noqa: E731 - every word a modifier by its residual IDF ("code" is, in the corpus)
    assert not covers(asked, scientific, modifiers, lambda t: 1.0)  # search of another kind
    assert covers(asked, code, modifiers, lambda t: 1.0)
    # An adjective, a participle or a comparative qualifies nothing a paper must name; "to" may open a verb.
    assert analyse("papers on medical imaging for faster training").qualified == ()
    assert analyse("Which papers use LLMs to rerank passages?").qualified == ()
    assert analyse("models for pruning weights in masked layers").qualified == ()
    # Three nouns: the first qualifies the last ("brain" the scans), not the second on its own ("brain MRI").
    assert analyse("Which paper removes skulls from brain MRI scans?").qualified == ()
    assert analyse("Which methods for depth estimation in robots?").qualified == (("depth", "estim"),)


def test_a_head_a_far_rarer_word_before_it_names_may_be_lacking():
    paper = Paper("x", "Adaptive MLP pruning for vision transformers", "We prune the MLP of vision transformers.")
    idf = {"mlp": 4.1, "layer": 2.2, "attent": 2.0}.get
    subjects = lambda t: 1.0  # noqa: E731 - every word a subject by its residual IDF

    def cover(question):
        return covers(analyse(question), paper, subjects, lambda t: idf(t) or 2.5)

    assert cover("Which paper prunes the MLP layers of vision transformers?")  # "MLP" names the layers
    assert not cover("Which paper prunes the attention layers of vision transformers?")  # attention: no rarer
    assert not cover("Which paper prunes the MLP layers of speech transformers?")  # another subject lacking too


@pytest.mark.parametrize(
    ("question", "several"),
    [("What datasets are used for evaluating dense retrievers?", True),
     ("Which benchmarks do dense retrieval papers evaluate on?", True),
     ("Which dataset does SPLADE v2 evaluate on?", False),  # one thing of the kind
     ("Which methods are used for dense retrieval?", False),  # a kind no name answers
     ("What model does ColBERT-XM build on?", False)],
)  # fmt: skip
def test_a_kind_asked_in_the_plural_is_asked_of_several(question, several):
    assert analyse(question).several is several


def test_a_short_topic_is_on_a_paper_that_names_what_it_is_applied_to():
    asked = analyse("Which papers generate synthetic data for retrieval?")
    assert asked.domains == ("retriev",)
    preference = Paper("x", "Synthetic preference data", "We generate synthetic preference data for alignment.")
    queries = Paper("y", "Synthetic queries", "We generate synthetic queries to train retrieval models.")
    assert not on_topic(asked, preference) and on_topic(asked, queries)
    assert analyse("Which papers are in the collection on hashing?").domains == ("hash",)  # "collection" frames


def test_a_paper_holding_a_phrases_head_without_the_kind_named_is_not_on_it():
    # "embeddings of knowledge graphs" had listed GraphHash, on graphs of users and items: one word of three lacked
    asked = analyse("Which papers learn embeddings of knowledge graphs?")
    items = Paper("x", "GraphHash", "We cluster user-item interaction graphs to shrink embedding tables.")
    kg = Paper("y", "Knowledge graph embedding", "We embed the entities of knowledge graphs by translation.")
    assert not on_topic(asked, items) and on_topic(asked, kg)


def test_language_models_asked_of_are_what_llms_are_and_a_light_verb_frames():
    assert analyse("Which papers use reinforcement learning to train language models?").llm
    assert not analyse("Which papers compare vision transformers or language models?").llm  # one of two things
    assert "get" not in analyse("How do mixture-of-experts models get upcycled?").terms


def test_an_izer_word_asked_is_a_tool_held_by_a_paper_writing_one():
    asked = analyse("Which papers study optimizers?")
    assert asked.makers == frozenset({"optim"})
    tool = Paper("x", "AdaHessian", "A second-order optimizer for training networks.")
    making = Paper("y", "Preference optimization", "We study the optimization of preferences.")
    assert on_topic(asked, tool) and not on_topic(asked, making)
    assert analyse("Which papers study tokenization?").makers == frozenset()


def test_an_adverb_opens_or_ends_no_phrase():
    assert analyse("Which paper finds that dropping layers of BERT barely hurts it?").pairs == (("drop", "layer"),)
    assert ("anomali", "detect") in analyse("Which papers do anomaly detection?").pairs  # a noun in -ly


def test_the_verb_saying_what_listed_papers_do():
    assert analyse("Which papers stop text-to-image models from making unsafe images?").acting == "stop"
    assert analyse("Which methods curb harmful concepts?").acting == "curb"
    assert analyse("papers that shield retrievers from attacks").acting == "shield"
    assert analyse("Which papers use LLMs?").acting == ""  # a framing verb
    assert analyse("Which papers on hashing are new?").acting == ""


def test_a_second_name_given_in_the_sentence_introducing_the_first_names_the_paper():
    # "Compare EnterpriseEM and RiskEmbed" had said no paper is named RiskEmbed: its abstract introduces it second
    paper = Paper(id="r", title="Generative AI Enhanced Financial Risk Management Information Retrieval",
                  abstract="This paper introduces RiskData, a dataset curated for finetuning, and RiskEmbed, a "
                  "finetuned embedding model. We compare with BERT, a baseline, and SBERT, a strong one.")  # fmt: skip
    names = names_of(paper)
    assert "RiskData" in names and "RiskEmbed" in names and "SBERT" not in names  # (another sentence's: baselines)


def test_a_hyphenated_name_written_as_one_word_holds_each_part():
    # "fine-tune" of a paper writing only "finetuning" had lacked "tune"
    paper = Paper(id="f", title="Risk retrieval", abstract="We finetune a sentence embedding model for finance.")
    assert lacking(analyse("Which papers fine-tune embedding models?"), paper) == []
    assert lacking(analyse("Which papers fine-tune speech models?"), paper) == ["speech"]


def test_a_name_spelling_the_title_s_initials_names_the_paper():
    # "What accuracy does SENet get?" had been refused: its abstract writes "SENet architectures" of its own title
    paper = Paper(
        id="s",
        title="Squeeze-and-Excitation Networks",
        abstract="SE blocks can be stacked together to form SENet architectures. We compare with SEBlock.",
    )
    assert "SENet" in names_of(paper) and "SEBlock" not in names_of(paper)  # ("Block" starts no title word)
    assert analyse("How much smaller are they than regular ones?").terms == ("smaller",)  # a plain baseline
    assert analyse("Is it faster than BM25?").terms == ("faster", "bm25")


def test_the_risks_of_a_topic_are_its_limits_and_privacy_risks_a_topic():
    # "what are the risks?" after a list had searched the corpus for "risks" (a finance paper's risk management)
    assert analyse("what are the risks?").weakness and not analyse("what are the risks?").terms
    assert analyse("What are the main risks of dense retrieval?").terms == ("dens", "retriev")
    assert not analyse("Which papers study privacy risks of trained models?").weakness
    assert not analyse("How can the risks of static hard negatives be avoided?").weakness  # what is asked about


def test_a_name_with_words_of_its_own_in_parentheses_is_another_name_of_the_word_before():
    # "through the unembedding (LM head)" had asked for both (a paper writing "LM-head" lacked "unembedding")
    asked = analyse("Which papers read neurons through the unembedding (LM head)?")
    assert (frozenset({"unembed"}), frozenset({"lm", "head"})) in asked.either
    assert (frozenset({"feed", "forward"}), frozenset({"mlp"})) in analyse(
        "Which papers prune feed-forward (MLP) layers?"
    ).either


def test_how_a_thing_is_done_is_no_place_it_applies():
    # "explained in words" had made "words" where the topic applies: the paper on LLMs reading embeddings, without
    # the word, was refused as on another subject
    asked = analyse("Which paper lets an LLM read embedding vectors directly so that they can be explained in words?")
    assert asked.domains == ()
    assert analyse("How is hashing used in practice for recommender systems?").domains == ("recommend",)
    assert analyse("Which papers study unlearning in recommender systems?").domains == ("recommend",)


def test_what_a_method_is_used_to_act_on_is_where_it_applies():
    # "use RAG to answer medical questions" had named no place it applies: RAG papers none of which mentions
    # anything medical had been listed as the closest
    assert analyse("Which papers use retrieval-augmented generation to answer medical questions?").domains == ("medic",)
    assert analyse("Which papers use LLMs to rerank the passages?").domains == ("passag",)
    assert analyse("Which papers use language models to write or improve code?").domains == ()  # two verbs
    assert analyse("Which papers want to use LLMs?").domains == ()  # no verb after "use … to"


def test_what_attacks_are_run_against_is_where_they_apply():
    # the closest papers, none mentioning recommenders, had been listed for this off-corpus question
    assert analyse("Which papers run membership inference attacks against recommender systems?").domains == (
        "recommend",
    )


def test_hyphenated_names_are_kept_as_their_words_and_prefixed_words_stay_one():
    assert analyse("document-level ranking").compounds == () and analyse("document-level ranking").terms == (
        "document",
        "rank",
    )
    assert analyse("locality-sensitive hashing").compounds == (("local", "sensit"),)
    assert analyse("Which papers pre-train text-to-image models?").compounds == (("text", "imag"),)
    assert analyse("self-supervised speech models").compounds == ()


@pytest.mark.parametrize(
    ("question", "llm"),
    [
        ("Which papers use LLMs to rerank passages?", True),
        ("Which papers use or fine-tune large language models as rerankers?", True),
        ("pruning visual tokens in vision transformers or multimodal LLMs", False),  # one of two things asked
        ("Which papers rerank passages with BERT?", False),
        # two verbs, not two things: "compress" is no plural, "prunes" follows "paper" (vision papers were listed)
        ("Which papers compress or prune large language models?", True),
        ("Which paper prunes or quantizes language models?", True),
    ],
)
def test_a_question_about_llms_only_is_told_from_one_where_they_are_an_alternative(question, llm):
    assert analyse(question).llm is llm


@pytest.mark.parametrize(
    ("question", "order"),
    [("What is the latest paper on machine unlearning?", "newest"),
     ("the most recent work on sparse retrieval", "newest"),
     ("Which are the earliest papers on dense retrieval?", "oldest"),
     ("Which papers study machine unlearning?", None),
     ("What did the recent SPLADE v2 report?", None),
     ("What's new in dense retrieval?", "newest"), ("whats new on hashing", "newest"),
     ("What's new in LLM unlearning?", "newest"), ("Which papers came out last?", "newest"),
     ("What is new about SPLADE v2?", None)],  # of a name: what that paper brings
)  # fmt: skip
def test_a_list_by_date_is_asked_with_the_order_word_before_papers(question, order):
    asked = analyse(question)
    assert asked.order == order
    if order:  # the order word says how to sort, never what the papers are about
        assert asked.shape == "list" and not {"latest", "recent", "earliest"} & set(asked.terms)


@pytest.mark.parametrize(
    ("question", "shape"),
    [("mixture of experts", "list"), ("LLM unlearning methods", "list"), ("what is gabert", "fact"),
     ("which paper introduced the BEIR benchmark", "fact"), ("how big is the gaBERT corpus", "number")],
)  # fmt: skip
def test_a_few_words_without_a_question_mark_name_a_topic_unless_a_question_word_opens_them(question, shape):
    assert analyse(question).shape == shape


@pytest.mark.parametrize(
    ("question", "count"),
    [("Give me 3 papers on hashing", 3), ("two latest papers on machine unlearning", 2),
     ("Give me one study on hashing", 1),
     ("Which papers report results on 3 benchmarks?", None), ("Which papers study hashing?", None)],
)  # fmt: skip
def test_a_number_of_papers_asked_for_is_a_count_not_a_term(question, count):
    asked = analyse(question)
    assert asked.count == count
    if count:
        assert asked.shape == "list" and not {"3", "two", "one"} & set(asked.terms)


@pytest.mark.parametrize(
    "question",
    ["Which is better, SPLADE v2 or Mistral-SPLADE?", "Which performs better on BEIR: RetroMAE v2 or Revela?"],
)
def test_which_weighing_two_things_joined_by_or_is_a_comparison(question):
    assert analyse(question).shape == "compare"


@pytest.mark.parametrize(
    ("question", "shape"),
    [("How many papers are there on hashing?", "list"), ("How many recent studies are on hashing?", "list"),
     ("How many papers study machine unlearning?", "list"),
     ("How many papers does the SoK survey review?", "number"), ("How many papers are reviewed in it?", "number"),
     ("How many layers does the model have?", "number")],
)  # fmt: skip
def test_how_many_papers_the_corpus_has_is_a_list_a_figure_of_one_paper_a_number(question, shape):
    asked = analyse(question)
    assert asked.shape == shape and asked.numeric == (shape == "number")


@pytest.mark.parametrize(
    ("question", "shape"),
    [("Summarize the paper on late chunking", "summary"), ("Tell me about the gaBERT paper", "summary"),
     ("Explain ColBERT-XM", "summary"), ("Give me a summary of SPLADE", "summary"),
     ("Summarize the papers on hashing", "list"), ("Tell me about machine unlearning", "list"),
     ("Describe how SPLADE v2 improves over SPLADE", "improvement"), ("What does WAGLE propose?", "summary"),
     ('What does the paper "Late Chunking: Contextual Chunk Embeddings" propose?', "summary"),
     ("What do papers on unlearning propose?", "list")],
)  # fmt: skip
def test_a_summary_asked_of_one_paper_is_its_own_shape_and_its_verb_no_term(question, shape):
    asked = analyse(question)
    assert asked.shape == shape and not {"summar", "summari", "explain", "tell"} & set(asked.terms)


@pytest.mark.parametrize(
    ("question", "shape"),
    [("Does any paper use reinforcement learning?", "list"), ("Are there any studies of music?", "list"),
     ("Do any papers study patents?", "list"), ("Is there a study that re-implements sparse retrievers?", "fact")],
)  # fmt: skip
def test_whether_any_papers_do_something_asks_for_them_all(question, shape):
    assert analyse(question).shape == shape


@pytest.mark.parametrize(
    "question",
    ["Can you recommend papers on model compression?", "Suggest a few good studies of model compression"],
)
def test_asking_for_papers_to_be_recommended_is_no_word_of_the_topic(question):
    asked = analyse(question)
    assert asked.shape == "list" and "recommend" not in asked.text and "suggest" not in asked.terms
    assert "recommend" in analyse("Which papers study recommender systems?").terms


@pytest.mark.parametrize(
    ("question", "best"),
    [("Which is the best paper on hashing?", True), ("What is the best method for dense retrieval?", True),
     ("What are the most important papers on sparse retrieval?", True),
     # a ranking of what each paper reports, which no abstract makes (one paper's "state of the art" answered it)
     ("Which method gets the best nDCG on BEIR?", True), ("What nDCG does SPLADE v2 get on BEIR?", False)],
)  # fmt: skip
def test_the_best_papers_asked_for_are_a_list_and_best_no_word_of_the_topic(question, best):
    asked = analyse(question)
    assert asked.best == best and (asked.shape == "list") == best and "best" not in asked.terms


@pytest.mark.parametrize(
    ("question", "excluded"),
    [("Which retrieval papers do not use BERT?", "BERT"), ("Papers about hashing that are not about images", "images"),
     ("Which papers use BERT but not for retrieval?", "retrieval"),
     ("Which papers on pruning, except those on vision transformers?", "vision transformers"),
     ("Which papers that don't use labels study hashing?", "labels"),
     ("Do language models know what they don't know? Papers on abstention.", ""),
     ("Which papers study unlearning without retraining?", ""),
     ("Which papers study downstream performance, not just pretraining loss?", ""),
     # all a follow-up says is what to leave out ("remove bias from word embeddings" says more)
     ("exclude surveys", "surveys"), ("drop the ones that use BERT", "BERT"), ("no surveys please", "surveys"),
     ("Remove bias from word embeddings", "")],
)  # fmt: skip
def test_what_a_list_leaves_out_is_no_word_of_its_topic(question, excluded):
    asked = analyse(question)
    assert asked.excluded == excluded and asked.shape == "list"
    if excluded:
        assert not set(terms(excluded)) & set(asked.terms) and excluded not in asked.text


@pytest.mark.parametrize(
    ("question", "record"),
    [("Who are the authors of gaBERT?", "authors"), ("List the authors of WAGLE", "authors"),
     ("In which year was SPLADE published?", "date"), ("When did Mistral-SPLADE come out?", "date"),
     ("What do the authors of SPLADE propose?", None), ("What did the author of gaBERT find?", None),
     ("Which papers cite SPLADE?", "citing"), ("Who cited RetroMAE?", "citing"), ("papers citing DPR", "citing"),
     ("Is SPLADE v2 cited by any other paper?", "citing"), ("What papers have referenced ColBERT?", "citing"),
     ("How many times was SPLADE cited?", "citations"), ("What references does SPLADE use?", None),
     ("Which papers use citation graphs?", None)],
)  # fmt: skip
def test_a_papers_record_is_asked_by_who_wrote_it_or_when_not_by_what_its_authors_say(question, record):
    assert analyse(question).record == record


def test_a_word_whose_stem_is_a_stop_word_is_no_key_term():
    # "useful" stems to "use" and "working" to "work": stop words, which no abstract keeps as terms.
    assert analyse("Is synthetic data actually useful for training vision models?").terms.count("use") == 0
    assert "work" not in analyse("I'm working on dense retrieval").terms


@pytest.mark.parametrize(
    ("question", "kinds"),
    [("Which papers study graph neural networks?", [("graph", "neural", "network")]),
     ("How is the masked language modeling objective improved?", [("mask", "languag", "model")]),
     ("papers on causal language modelling", [("causal", "languag", "model")]),
     ("Which papers align language models with preferences?", []),  # a verb names no kind of language model
     ("Which large language models retrieve?", []), ("deep neural networks", [])],  # framing words: no kind
)  # fmt: skip
def test_a_kind_of_neural_network_or_language_model_is_a_compound_of_its_words(question, kinds):
    assert [c for c in analyse(question).compounds if c[-1] in ("network", "model")] == kinds


@pytest.mark.parametrize(
    ("question", "kinds"),
    [("Which papers study in-context learning?", [("context", "learn")]),
     ("reinforcement learning for robots", [("reinforc", "learn")]),
     ("Which papers use contrastive learning?", []),  # an adjective names the kind by itself
     ("Which papers use active learning?", [("activ", "learn")]),  # but "active" (an "active area"; activations)
     ("papers on class-incremental learning", []), ("Which papers apply machine learning to finance?", []),
     ("Any papers on sign language translation?", [("sign", "languag")]),
     ("models for the Irish language", []), ("query language models", []),  # a language's name; a model
     ("How do you combine learning to rank with dense retrieval?", [])],  # a verb after a pronoun
)  # fmt: skip
def test_a_kind_of_learning_or_language_a_noun_names_is_a_compound_of_both(question, kinds):
    assert [c for c in analyse(question).compounds if c[-1] in ("learn", "languag")] == kinds


def test_an_objective_frames_a_topic_as_an_object_does_not():
    # "objective" stems to "object": the MLM objective was weighed as much as masking, and held by object detection
    assert analyse("Which papers improve the masked language modeling objective?").terms == ("mask",)
    assert analyse("Which papers detect objects in images?").terms[:2] == ("detect", "object")


def test_asking_verbs_and_pronouns_are_no_key_terms():
    assert analyse("Which papers propose or analyse graph neural networks?").terms == ("graph",)
    assert "one" not in analyse("Do pruned models transfer as well as dense ones?").terms


@pytest.mark.parametrize(
    "question",
    ["Which model is smaller, gaBERT or WangchanBERTa?", "Which is newer, SPLADE or SPLADE v2?",
     "Which one needs fewer parameters, SALE or HyperAttention?"],
)  # fmt: skip
def test_which_of_two_by_any_comparative_is_a_comparison(question):
    assert analyse(question).shape == "compare"


def test_which_came_first_of_two_is_a_comparison():
    assert analyse("Which came first, RetroMAE v2 or Revela?").shape == "compare"


def test_the_newest_paper_in_the_singular_asks_for_one():
    assert analyse("What is the newest paper about unlearning?").count == 1
    assert analyse("Which is the oldest paper in the corpus?").count == 1
    assert analyse("What are the latest papers on unlearning?").count is None
    assert analyse("What is the latest research on unlearning?").count is None  # research: no one paper
    assert analyse("the 3 newest papers on hashing").count == 3


def test_how_a_reader_sorts_the_papers_is_no_word_of_the_topic():
    assert analyse("What are the main approaches to LLM unlearning?").terms == ("unlearn",)
    assert analyse("What are the key methods for dense retrieval?").terms == ("dens", "retriev")
    assert not analyse("What are the main approaches to LLM unlearning?").best  # no ranking asked
    assert "key" in analyse("Which papers study key-value caches?").terms  # a key of its own


def test_a_summary_asked_politely_is_a_summary():
    for question in ("Can you summarize RetroMAE v2?", "Could you please explain HNeRV?", "tl;dr of SPLADE v2"):
        asked = analyse(question)
        assert asked.shape == "summary" and "tl" not in asked.terms, (question, asked)
    assert analyse("Can you find papers on hashing?").shape == "list"


def test_the_verb_of_a_relative_clause_is_read_apart():
    asked = analyse("Which papers study privacy attacks that extract information about training data?")
    assert asked.clause_verbs == ("extract",)
    assert analyse("Which papers quantize speech models?").clause_verbs == ()
    # a participle after the things, before a preposition: what is done to them
    assert analyse("Which papers give a model documents fetched at question time?").clause_verbs == ("fetch",)
    assert analyse("Which papers train models on fine-tuned data?").clause_verbs == ()


def test_a_verb_before_learning_names_no_kind_of_learning():
    assert noun_kinds("Which papers let a model keep learning new tasks?") == ()
    assert noun_kinds("Which papers study reinforcement learning?") != ()
    assert noun_kinds("Are there papers on robots learning from demonstrations?") == ()  # robots that learn
    assert noun_kinds("Which papers do robot learning?") != ()


def test_a_list_s_topic_glossed_after_a_comma_is_an_alternative_to_its_gloss():
    asked = analyse("Which papers train models with a curriculum, from easy to hard examples?")
    assert asked.either == ((frozenset({"curriculum"}), frozenset({"easi", "hard", "exampl"})),)
    # examples narrow the topic, not say it again; a question that is no list has no gloss read
    assert not analyse("Which papers study privacy risks, such as leaking training data?").either
    assert not analyse("What does CLIMB do with a curriculum, from easy to hard examples?").either


def test_where_a_topic_comes_from_is_no_gloss_nor_an_item_of_a_list():
    asked = analyse(
        "Which papers look at how models copy tokens or text spans, from their input or from a text collection?"
    )
    # "from their input" says where copying takes from, not copying again; ", from their input" is no list item
    # beside "spans": either had made "copy" optional, and papers on tokens were listed
    assert not any("copi" in side for sides in asked.either for side in sides), asked.either
    paper = Paper("t", "Text2Token", "We predict the key token of the input text.")
    assert "copi" in lacking(asked, paper)
    # "in their experiments" frames, as "method" does: every paper has some
    assert analyse("Which papers use reinforcement learning, in their method or their experiments?").terms == (
        "reinforc",
    )


def test_a_gloss_from_the_topic_s_own_last_word_is_an_alternative_and_few_shot_is_one_word():
    asked = analyse("Which papers are about few-shot learning, learning from only a handful of labelled examples?")
    # "few" is a stop word: "few-shot" had been "shot", which zero-shot papers write too
    assert asked.either == ((frozenset({"fewshot"}), frozenset({"hand", "label", "exampl"})),)
    assert noun_kinds(asked.text) == (("few-shot learning", ("fewshot", "learn")),)
    paper = Paper("f", "Transductive few-shot learning", "We cluster queries for few-shot learning.")
    assert lacking(asked, paper) == []  # it had lacked "handful"
    assert not analyse("Which papers prune LLMs, and how much do they save?").either  # no word said again


def test_a_kind_of_learning_with_a_modifier_of_its_own_between_is_held():
    asked = analyse("Which papers are about few-shot learning?")
    tricks = Paper("t", "A Bag of Tricks for Few-Shot Class-Incremental Learning", "We present tricks for FSCIL.")
    assert holds_phrase(asked, tricks, ("fewshot", "learn"))  # its words three apart: it had not held the kind
    assert on_topic(asked, tricks)
    apart = Paper("a", "Shots", "Few examples are shot; later, learning follows in a class of its own.")
    assert not holds_phrase(asked, apart, ("fewshot", "learn"))


def test_instances_given_after_a_comma_are_an_alternative_to_the_topic():
    asked = analyse("Which papers make use of a zoo of many already-trained models, for example to search it?")
    assert (frozenset({"zoo"}), frozenset({"search"})) in asked.either  # ("example" names nothing asked)
    zoo = Paper("z", "Knowledge in a model zoo", "We exploit a zoo of pretrained models for domain generalization.")
    assert lacking(asked, zoo) == []  # it had lacked "search": the instance, not the topic
    assert (frozenset({"distanc"}), frozenset({"triplet"})) in analyse(
        "Which papers learn a distance, for instance from triplets?"
    ).either
    assert (frozenset({"prune"}), frozenset({"token"})) in analyse("Which papers prune, e.g. tokens?").either


def test_instances_pointing_back_at_the_topic_are_done_to_it_and_list_apart_from_it():
    asked = analyse("Which papers work with video, for example representing, compressing or retrieving it?")
    # "video, for example representing, compressing or retrieving" had been a list of four: video one of them
    assert all(frozenset({"video"}) not in sides[1:] for sides in asked.either)
    assert (frozenset({"video"}), frozenset({"repres", "compress", "retriev", "video"})) in asked.either
    images = Paper("i", "Extreme compression of neural images", "We compress images with implicit representations.")
    assert "video" in lacking(asked, images)  # compressing "it" is compressing video: images are not it
    video = Paper("v", "A neural representation for videos", "We encode each video frame.")
    assert lacking(asked, video) == []


def test_a_noun_shaped_like_an_adjective_qualifies_a_task():
    # "music" ends like "basic": it was read as a modifier, and "for music generation" as no phrase
    assert analyse("Which papers use transformers for music generation?").qualified == (("music", "generat"),)


def test_two_nouns_naming_a_kind_of_model_qualify_one_another():
    # "state space models": a paper saying "state-of-the-art" and "feature space" was the answer on speech
    assert analyse("How do state space models handle speech recognition?").qualified == (("state", "space"),)
    # a modifier names no kind ("large language models"), nor do framing words ("vision language models")
    assert analyse("How do large language models handle speech recognition?").qualified == ()
    assert analyse("Which papers prune vision language models?").qualified == ()


def test_a_process_noun_before_language_models_names_a_kind_of_them():
    # "diffusion language models": "diffusion" alone was left, held by every image-diffusion paper
    assert analyse("Which papers build diffusion language models?").compounds == (("diffus", "languag", "model"),)
    assert analyse("Which papers align language models?").compounds == ()  # a verb names no kind


def test_a_verb_before_neural_networks_names_no_kind_of_them():
    # "sparsify neural networks" was read as a kind ("graph neural networks"): one paper listed of a dozen
    assert analyse("Which papers prune or sparsify neural networks?").compounds == ()
    assert analyse("Which papers study graph neural networks?").compounds == (("graph", "neural", "network"),)


def test_the_verb_of_making_a_benchmark_is_no_word_of_its_topic():
    # "release" was a key word: "Which papers release a benchmark?" found "no paper clearly addresses this"
    asked = analyse("Which papers release a benchmark?")
    assert asked.makes_data and asked.terms == ("benchmark",)
    assert analyse("Which papers construct a benchmark for RAG?").terms == ("benchmark", "rag")


def test_something_else_names_nothing_asked():
    # "else" was a key word no paper holds: the question was refused ("no retrieved abstract supports an answer")
    assert analyse("Which papers replace attention with something else?").terms == ("replac", "attent")


def test_the_verb_of_things_asked_about_is_read_apart():
    assert analyse("How do recommender systems shrink their embedding tables?").verb == "shrink"
    assert analyse("Do the diffusion models copy parts of copyrighted images?").verb == "copi"
    # no plural subject before it, a verb saying little alone, or a noun phrase after a preposition: none
    assert analyse("How does SPLADE v2 improve over SPLADE?").verb == ""
    assert analyse("How do sparse autoencoders get evaluated?").verb == ""
    assert analyse("Do papers on hashing for images exist?").verb == ""
    # ... of a clause "how …" inside a question
    assert analyse("Which papers study how LLMs store facts?").verb == "store"
    assert analyse("Which papers show how much data models need?").verb == ""
    # a verb of one thing against another, whatever its subject
    assert analyse("Does multi-task retrieval beat task-specific retrievers?").verb == "beat"


def test_an_ize_word_whose_stem_is_its_base_s_must_be_held_as_such():
    asked = analyse("Which papers study tokenization or personalized generalization?")
    assert asked.derived == {"token", "person", "general"}  # stems of "token", "person", "general" too
    assert not analyse("Which papers recognize quantization of organizations?").derived  # no base of its own


def test_what_two_papers_have_in_common_compares_them_and_comparing_a_kind_of_method_lists_it():
    assert analyse("What do SPLADE and ColBERT-XM have in common?").shape == "compare"  # one paper's answer
    assert analyse("What are the similarities between SPLADE and SPLADE v2?").shape == "compare"
    assert analyse("Which papers study semantic similarity?").shape == "list"
    kinds = analyse("Compare the approaches to unlearning in LLMs")  # one paper's answer, the rest "related"
    assert kinds.shape == "list" and kinds.how
    assert analyse("Compare SPLADE and the approaches to hashing").shape == "compare"


@pytest.mark.parametrize(
    ("question", "sides"),
    [("What are the differences between dense and sparse retrieval?", ("dense retrieval", "sparse retrieval")),
     ("Dense vs sparse retrieval", ("Dense retrieval", "sparse retrieval")),
     ("Compare knowledge distillation and pruning", ("knowledge distillation", "pruning")),
     ("Compare the approaches of hashing with quantization", ("hashing", "quantization")),
     ("How do they differ?", None),
     ("How does pruning compare to quantization?", ("pruning", "quantization")),
     ("how does “ColBERT-XM” compare with SPLADE?", ("“ColBERT-XM”", "SPLADE")),
     # "differ from"; a side described by what its paper shows is on what it shows
     ("How does the latent-variable probe differ from the layer-wise probing of BERToids?",
      ("the latent-variable probe", "the layer-wise probing of BERToids")),
     ("What is the difference between the paper on linear representations and the one showing RNNs use others?",
      ("the paper on linear representations", "RNNs use others"))],
)  # fmt: skip
def test_the_two_approaches_a_question_compares_are_read_with_a_shared_head(question, sides):
    assert topic_sides(question) == sides


def test_verbs_of_saying_after_papers_frame_a_question_but_their_nouns_are_topics():
    assert analyse("Which papers mention ChatGPT?").terms == ("chatgpt",)  # refused: no paper holds "mention"
    assert "mention" in analyse("Which papers study entity mentions?").terms
    assert "assess" in analyse("papers on image quality assessment").terms
    assert "judg" in analyse("Can LLMs be used as judges?").terms
    assert "judg" not in analyse("What metric judges how good hard negatives are?").terms


def test_whats_typed_without_its_apostrophe_frames_a_question():
    assert analyse("whats the deal with matryoshka embeddings").terms == ("matryoshka", "embed")  # "whats" refused


def test_a_word_only_in_a_name_is_not_held_save_what_an_x_to_y_name_makes():
    paper = Paper(
        id="p", title="Neural data-to-text generation",
        abstract="Most text-to-image and data-to-text systems (such as TREC Genomics) are pipelines.",
    )  # fmt: skip
    # "genomics" only in a benchmark's name, "data" only as what "data-to-text" starts from; "text" is what
    # data-to-text makes (and "text-to-image" starts from it): a paper on text generation
    assert named_only(paper) == {"genom": "TREC", "data": "data-to-text"}


def test_problems_said_to_remain_open_ask_for_limits():
    asked = analyse("Which problems remain open in machine unlearning?")
    assert asked.weakness and "problem" not in asked.terms and "open" not in asked.terms


def test_the_s_of_a_possessive_is_no_word_of_a_phrase():
    # ("s", "layer") of "a model's layers" was a phrase of two subjects (an unseen word is rare) no paper writes
    asked = analyse("Which paper looks at a model's layers and BERT's attention heads?")
    assert asked.pairs == (("attent", "head"),), asked.pairs


def test_a_word_capitalised_inside_a_sentence_narrows_a_list():
    assert analyse("Which papers build Chinese sentence embeddings?").proper == {"chines"}
    assert analyse("Is there a model for Thai? Which use BERT?").proper == {"thai"}  # not a sentence's first word
    assert analyse("Which Papers Study Hashing In Images?").proper == frozenset()  # title case says nothing


def test_asking_for_code_names_no_topic():
    assert (analyse("Which papers on hashing have code available?").terms, analyse("x").with_code) == (("hash",), False)
    assert analyse("Is there code for LLM unlearning papers?").with_code
    assert [analyse(q).shape for q in ("Do any retrieval papers use BERT?", "Are there any recent unlearning studies?",
                                       "Is there code for LLM unlearning papers?")] == ["list"] * 3  # fmt: skip
    released = analyse("Does SPLADE release its code?")
    assert released.with_code and released.terms == ("splade",) and released.text == "Does SPLADE ?"
    assert not analyse("Which papers generate code?").with_code  # code as a topic


def test_why_something_is_hard_asks_its_difficulty_not_about_hard_things():
    asked = analyse("Why is predicting downstream capabilities with scale hard?")
    assert "hard" not in asked.terms and asked.weakness, asked
    assert "hard" in analyse("Why are hard negatives useful for dense retrieval?").terms
    assert "hard" in analyse("Why is mining hard negatives so difficult?").terms


def test_what_you_or_we_do_is_the_verb_not_a_subject():
    # "how do you pick …": "pick" is what one does, said otherwise by papers ("data selection")
    assert analyse("How do you pick pretraining data using attention heads?").verb == "pick"
    assert analyse("How can we tell if a model memorized data?").verb == ""  # a light verb says nothing alone
    assert analyse("How do recommender systems shrink embedding tables?").verb == "shrink"


def test_the_verb_of_a_yes_or_no_question_on_one_thing_is_what_it_does():
    assert analyse("Does architecture change how models scale?").verb == "chang"
    assert analyse("Does corpus quality matter for Basque?").verb == "matter"
    assert analyse("Does cleaning the training corpus help language models?").verb == ""  # a gerund's subject


def test_a_titles_head_before_its_first_preposition_names_it_in_the_titles_capitals():
    paper = Paper(id="p", title="Differentiable Neural Input Search for Recommender Systems", abstract="We search.")
    assert title_head(paper) == "Differentiable Neural Input Search"
    assert title_head(Paper(id="q", title="Learning word vectors for 157 languages", abstract="x")) == ""
    assert title_head(Paper(id="r", title="SPLADE: Sparse Lexical and Expansion Model for Ranking", abstract="x")) == ""


def test_a_references_year_is_no_figure_of_the_paper():
    from paperqa.answer.figures import figures_in

    assert not figures_in("Matryoshka Representation Learning (MRL) (Kusupati et al., 2022) encodes information.")
    assert figures_in("It is 2.5x faster than MRL (Kusupati et al., 2022).")


def test_what_a_question_negates_of_one_thing_is_no_key_word():
    asked = analyse("What is a brain-inspired language model that does not use transformers?")
    assert asked.shape == "fact" and "transform" not in asked.terms


def test_the_verb_of_the_asker_is_told_from_the_verb_of_the_things_asked_about():
    asker = analyse("How do you prune the MLP layers of big vision transformers?")
    assert asker.verb == "prune" and asker.by_asker
    things = analyse("How do recommender systems shrink their embedding tables?")
    assert things.verb == "shrink" and not things.by_asker and things.doer


def test_a_kind_of_learning_is_written_with_a_modifier_its_noun_leads():
    # "self-supervised pretext learning" names "pretext learning"; the paper writes "Pretext-Based Self-Supervised
    # Learning"; a preposition between is no modifier ("sign in language" is no sign language)
    q = "Can downstream data help self-supervised pretext learning, in theory?"
    assert writes_kinds(q, Paper(id="p", title="Can Pretext-Based Self-Supervised Learning Be Boosted?", abstract="."))
    assert not writes_kinds(q, Paper(id="p", title="Pretext tasks", abstract="A pretext for learning."))
    assert not writes_kinds("papers on sign language", Paper(id="p", title="A sign in language", abstract="."))


def test_how_many_is_no_key_term():
    assert analyse("Which papers predict several future tokens?").terms == ("predict", "futur", "token")
    assert analyse("Which papers compare various numerous tokenizers?").terms == ("token",)


def test_the_verb_of_a_clause_after_a_verb_of_showing_is_what_its_subject_does():
    asked = analyse("Which paper shows that language models think in English?")
    assert asked.verb == "think" and asked.doer == "model" and not asked.by_asker
    assert not analyse("Which papers use models that think?").doer  # a relative "that", no clause shown
    # the parts of a thing named ("BERT's layers") are asked of it: a paper on BERT that never says "layers" is on
    # them ("the closest lacks “layers”" had refused the pipeline paper); the possessive's "s" is no subject
    owned = analyse("Which paper finds that BERT's layers perform the steps of the NLP pipeline?")
    assert owned.doer == "bert"
    assert analyse("How do BERT's attention heads encode syntax?").doer == "bert"


def test_the_means_after_by_is_a_verb_a_paper_may_say_otherwise():
    asked = analyse("Which paper makes embeddings better by feeding the model its input twice?")
    assert "feed" in asked.clause_verbs  # a paper "repeats the input twice"
    assert not analyse("Which papers study feeding behaviour?").clause_verbs


def test_a_request_for_a_summary_of_what_is_pointed_at_is_a_summary():
    # "summarize it" had been read as a list of papers on "summar": the next follow-up took it for a list
    for question in ("summarize it", "summarize this paper", "give me a summary", "give me a one-sentence summary"):
        assert analyse(question).shape == "summary", question
    assert analyse("Summarize research on unlearning").shape == "list"


def test_a_framing_noun_before_one_key_word_is_a_phrase_only_where_a_title_writes_it():
    from paperqa.answer.titled import framed_in_titles
    from paperqa.text import stem

    titles = ["Knowledge Composition using Task Vectors", "Learning Word Vectors for 157 Languages"]
    vectors = stem("vectors")
    assert framed_in_titles("Which papers use task vectors?", vectors, titles) == ((stem("task"), vectors),)
    assert framed_in_titles("Which papers use task vectors?", vectors, titles[1:]) == ()  # no title writes it
    # a plural before the key word qualifies nothing ("for many languages multilingual", as a question is read)
    many = "papers for many languages multilingual"
    assert framed_in_titles(many, stem("multilingual"), ["Languages Multilingual"]) == ()


def test_large_reasoning_models_are_language_models():
    freeson = Paper("f", "Retriever-free reasoning", "Large Reasoning Models (LRMs) call search engines at steps.")
    assert on_language_models(freeson)  # a list "to train language models to …" had left it out
    assert on_language_models(Paper("d", "Distilled", "We distill DeepSeek-R1 into smaller students."))
    assert not on_language_models(Paper("r", "Reasoning over graphs", "We reason over scene graphs for planning."))
    # models that generate text are language models ("decode text from language models": a lattice decoder's paper)
    assert on_language_models(Paper("l", "Lattices", "Conditional neural text generation models generate outputs."))


def test_part_of_as_part_of_a_method_is_no_key_word():
    # "part" had been half the topic: GraphHash and CLIMB, clustering in their titles, held half of it
    assert analyse("Which papers use clustering as part of their method?").terms == ("cluster",)
    assert analyse("Which papers use clustering as a part of the pipeline?").terms == ("cluster", "pipelin")
    assert "part" in analyse("Which papers hide parts of an image?").terms  # what is hidden
    assert "part" in analyse("Which papers do part-of-speech tagging?").terms


def test_a_compound_saying_what_its_first_word_is_of_keys_on_that_word():
    # "finance-specific retrieval": no paper writes "specific", so neither side of the "or" was held and the list
    # was refused ("the closest lacks “financial text”")
    asked = analyse("Which papers deal with financial text or finance-specific retrieval?")
    assert "specif" not in asked.terms and all("specif" not in side for sides in asked.either for side in sides)
    paper = Paper("f", "Financial risk management information retrieval", "We retrieve documents for finance.")
    assert lacking(asked, paper) == []


def test_a_name_in_parentheses_after_a_word_is_another_name_of_it():
    # "the feed-forward (MLP) layers": papers on feed-forward layers lacked "MLP", and the list was refused
    asked = analyse("What work is there on the feed-forward (MLP) layers of transformers?")
    assert (frozenset({"feed", "forward"}), frozenset({"mlp"})) in asked.either
    paper = Paper("k", "Transformer feed-forward layers are key-value memories", "Feed-forward layers in transformers.")
    assert lacking(asked, paper) == []
    assert not analyse("Which papers probe BERT (the base model)?").either  # no name: words in parentheses


def test_the_area_a_list_is_of_frames_it():
    # "surveys or reviews of a research area": "area" was a key, held by few surveys, and five of seven were left out
    assert analyse("Which papers are surveys or reviews of a research area?").terms == ("survey", "review")
    assert "area" not in analyse("What work is there in the area of hashing?").terms


def test_what_separates_two_names_or_how_one_relates_to_another_compares_them():
    # "What separates HyperAttention from SALE?" quoted HyperAttention alone, as a fact asked of it
    assert analyse("What separates HyperAttention from SALE?").shape == "compare"
    assert analyse("How does GASLITE relate to Adversarial Retriever-Ranker?").shape == "compare"
    assert analyse("How do attention heads relate to factual recall?").shape != "compare"  # no name: a fact
    assert analyse("How does hashing relate to retrieval?").shape != "compare"  # (the pattern ignores case)
    assert analyse("How does the model separate speech from noise?").shape != "compare"


@pytest.mark.parametrize(
    "sentence",
    [
        "LSR has used known ways of improvement such as hard negative mining, distillation, etc. We go further.",
        "We reach the state of the art with no hard negative mining, score distillation, or large batch sizes.",
        "Others need task-specific optimizations, such as custom hard-negative mining and denoising, rarely at hand.",
    ],
)
def test_words_said_only_in_a_list_of_examples_or_of_what_is_not_done_are_not_the_papers(sentence):
    paper = Paper(id="p", title="Dense retrieval for threat reports", abstract=sentence)
    assert not {"hard", "negat", "mine"} & words_outside_lists(paper)
    assert "retriev" in words_outside_lists(paper)


@pytest.mark.parametrize("written", ["Object and action imagery", "Real photographs", "Perceptual features of words"])
def test_imagery_photographs_and_perception_are_of_what_is_seen(written):
    paper = Paper(id="p", title=written, abstract="We study how symbols are grounded.")
    other = Paper(id="o", title="Grounded language", abstract="We study how symbols are grounded in text.")
    assert writing_of_it(analyse("Which papers ground language in images?"), [paper, other]) == [0]


def test_both_and_joins_two_key_terms_each_paper_must_hold():
    assert both_named(analyse("Which papers build one model that can both understand and generate images?")) == {
        "understand",
        "generat",
    }
    assert not both_named(analyse("Which encoders read neighbours both through batches and through the encoder?"))


def test_a_question_s_own_terms_leave_out_its_examples_and_alternatives():
    own = own_terms(
        analyse("Which papers are about robots, for example how they perceive, plan or manipulate objects?")
    )
    assert "robot" in own and not {"perceiv", "plan", "manipul", "object"} & own
    own = own_terms(analyse("Which papers mine, generate or filter the hard negatives used to train retrievers?"))
    assert {"negat", "retriev"} <= own and not {"mine", "generat", "filter"} & own  # (the list's last side, "filter
    # the hard", takes "hard" too)
    assert "syntax" not in own_terms(analyse("Which papers probe encoders for linguistic information (POS, syntax)?"))


def test_what_a_paper_does_without_is_not_its_word():
    paper = Paper(id="p", title="T", abstract="We generate many tokens in one pass without iterative decoding.")
    assert "decod" not in words_outside_lists(paper) and "token" in words_outside_lists(paper)


def test_a_need_a_paper_states_is_its_word_and_one_it_removes_is_not():
    stated = Paper(id="s", title="T", abstract="Privacy concerns heightened the need for more effective unlearning.")
    removed = Paper(id="r", title="T", abstract="Our chunker works, eliminating the need for additional training.")
    assert "unlearn" in words_outside_lists(stated) and "train" not in words_outside_lists(removed)


def test_report_on_frames_what_follows_as_writing_about_would():
    asked = analyse("Which papers describe systems in shared tasks, or report on such a challenge?")
    assert "report" not in asked.terms
    assert "report" in analyse("Which papers report speedups from pruning?").terms


def test_bracketed_special_tokens_are_alternatives():
    asked = analyse("Which papers study tokens such as [CLS], [MASK] or padding tokens?")
    assert (frozenset({"cls"}), frozenset({"mask"}), frozenset({"pad", "token"})) in asked.either


def test_need_training_is_asked_apart_from_needing_none():
    assert asks_training_needed("do any of them need training?")
    assert not asks_training_needed("which of them need no training?") and asks_training_free("need no training")
    assert not asks_training_needed("which of them use BERT?")


def test_an_alternative_repeating_how_the_first_was_joined_is_read_past_it():
    # "from neuroscience or from how the human brain works": "human", not an empty side making neuroscience optional
    asked = analyse("Which papers take inspiration from neuroscience or from how the human brain works?")
    assert (frozenset({"neurosci"}), frozenset({"human"})) in asked.either


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("Which paper first introduced the transformer?", "transformer"),
        ("Who coined the term representation engineering?", "representation engineering"),
        ("Who invented pointer networks?", "pointer networks"),
        ("Which paper introduced BERT?", "BERT"),
        # a paper that made something, asked by what it does: a lookup, not an origin
        ("Which paper introduced a loss for hard negatives?", None),
        ("Which paper proposed using LLMs as rerankers?", None),
        ("Which papers introduce new datasets for retrieval?", None),
    ],
)
def test_the_origin_of_a_thing_named_in_plain_words_is_asked_whole(question, name):
    assert analyse(question).introduced == name


def test_the_kind_of_thing_an_origin_is_asked_of_is_no_part_of_its_name():
    assert analyse("Which paper introduced the Matryoshka idea?").introduced == "Matryoshka"
    assert analyse("Who invented the attention mechanism?").introduced == "attention"


def test_together_frames_what_the_and_before_it_joins():
    # a list of "knowledge graphs and LLMs together" had said its one paper "does not mention “together”"
    assert "togeth" not in analyse("Which papers use knowledge graphs and LLMs together?").terms


def test_wat_typed_for_what_is_no_word_a_paper_must_write():
    # "wat is late chunking" had been answered "No paper found is on all of this … (it does not mention “wat”)"
    assert analyse("wat is late chunking").terms == analyse("what is late chunking").terms


def test_the_rest_of_a_narrowed_list_is_that_narrowing_turned_round():
    assert negated("and which don't?", "which of these use LLMs?") == "which of these do not use LLMs?"
    assert negated("which ones are not?", "which are for images?") == "which are not for images?"
    assert negated("and which don't?", "which of them do not use images?") == "which of them use images?"
    assert negated("and which don't?", "tell me more") is None
    assert negated("which use BERT?", "which of these use LLMs?") is None


def test_a_comparison_inside_what_the_one_paper_asked_for_says_asks_for_that_paper():
    # "similarity" described the paper's finding: the question had been read as comparing "pretraining data" with
    # "benchmark data does not explain accuracy"
    assert analyse("Which paper finds that similarity between pretraining data and benchmark data does not explain "
                   "accuracy?").shape == "fact"  # fmt: skip
    assert analyse("Is there a paper that compares dense and sparse retrieval?").shape != "compare"
    assert analyse("Which paper is better, SPLADE or ColBERT?").shape == "compare"
    assert analyse("What is the similarity between SPLADE and ColBERT?").shape == "compare"
