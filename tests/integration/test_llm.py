"""The LLM writer against a real OpenAI-protocol server on 127.0.0.1, streaming included."""

import re
import socket

import pytest

from paperqa import Assistant, BackendError, Settings
from paperqa.answer.claims import _figures, numbers
from paperqa.answer.hints import (
    BEST_HINT,
    CITING_HINT,
    EXCLUDED_HINT,
    FINDING_HINT,
    HOW_HINT,
    INTRODUCED_HINT,
    MAKES_DATA_HINT,
    NAMED_HINT,
    ORDER_HINT,
    POPULAR_HINT,
    PREMISE_HINT,
    RECORD_HINT,
    REMEDY_HINT,
    SEVERAL_HINT,
    SHAPE_HINTS,
    WEAKNESS_HINT,
)
from paperqa.corpus import read_corpus, shipped_corpus
from paperqa.text import count_tokens, sentences
from tests.integration.conftest import QUESTION

pytestmark = pytest.mark.integration


def llm_assistant(home, base_url, **kw):
    return Assistant(Settings(home=home, openai_base_url=base_url, llm_model="scripted-model", max_retries=0, **kw))


def test_streamed_answer_with_a_citation_to_nothing_retrieved(shipped_home, server):
    server.replies = ["Activations are steered toward unknown entities [1]. A ghost paper agrees [42]. Also [2, 99]."]
    a = llm_assistant(shipped_home, server.base_url)
    stream = a.stream(QUESTION)
    shown = list(stream)
    answer = stream.answer
    assert len(shown) > 3  # arrived in pieces
    assert "".join(shown).strip() == answer.text
    assert answer.text == "Activations are steered toward unknown entities [1]. A ghost paper agrees. Also [2]."
    assert [c.n for c in answer.citations] == [1, 2]
    assert answer.citations[0].paper_id == answer.sources[0].paper.id
    assert answer.removed_citations == ("42", "99")
    assert (answer.backend, answer.model, answer.answerable) == ("openai", "scripted-model", True)
    assert answer.prompt_tokens > 100 and answer.completion_tokens > 5
    request = server.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["body"]["stream"] is True
    prompt = request["body"]["messages"][1]["content"]
    nonce = re.search(r'<source-([0-9]{16}) n="1">', prompt).group(1)
    assert f'<source-{nonce} n="1">\ntitle: {answer.sources[0].paper.title}\n' in prompt
    assert f"<question-{nonce}>\n{QUESTION}\n</question-{nonce}>" in prompt


def test_context_fits_the_token_budget_and_keeps_every_source(shipped_home, server):
    server.replies = ["Fine [1]."]
    a = llm_assistant(shipped_home, server.base_url, context_tokens=1500)
    answer = a.ask(QUESTION)
    prompt = server.requests[0]["body"]["messages"][1]["content"]
    # A "which papers" question searches PAPERQA_LIST_TOP_K (20) papers; every one is in the prompt.
    assert len(answer.sources) == 20 and all(f' n="{n}">' in prompt for n in range(1, 21))
    assert sum(count_tokens(m["content"]) for m in server.requests[0]["body"]["messages"]) <= 1500


def test_refusal_path(shipped_home, server):
    server.replies = ["INSUFFICIENT_EVIDENCE The sources are about machine learning, not baking."]
    answer = llm_assistant(shipped_home, server.base_url).ask("What hydration should a sourdough starter have?")
    assert answer.answerable is False and answer.citations == ()
    assert answer.text.startswith("The corpus does not cover this question.")
    assert "INSUFFICIENT_EVIDENCE" not in answer.text


def test_server_error_is_one_line(shipped_home, server):
    server.replies = [(500, "model exploded")]
    with pytest.raises(BackendError, match=r"^llm: server answered HTTP 500: model exploded$"):
        llm_assistant(shipped_home, server.base_url).ask(QUESTION)


def test_timeout_is_one_line(shipped_home, server):
    server.replies = [3.0]
    with pytest.raises(BackendError, match=r"^llm: the request timed out$"):
        llm_assistant(shipped_home, server.base_url, request_timeout=0.5).ask(QUESTION)


def test_unreachable_server_is_one_line(shipped_home):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(BackendError, match=r"^llm: cannot reach the server") as info:
        llm_assistant(shipped_home, f"http://127.0.0.1:{port}/v1").ask(QUESTION)
    assert "\n" not in str(info.value)


def test_api_key_is_sent(shipped_home, server, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    server.replies = ["Yes [1]."]
    answer = Assistant(Settings.load(home=shipped_home)).ask(QUESTION)
    assert answer.backend == "openai" and server.requests[0]["auth"] == "Bearer sk-test"


def test_openai_embeddings_when_configured(tmp_path, server):
    import json as _json

    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(
            _json.dumps({"id": f"p{i}", "title": t, "abstract": a}) + "\n"
            for i, (t, a) in enumerate(
                [
                    (
                        "Graph networks",
                        "We study message passing on graphs with attention and report accuracy on citation graphs.",
                    ),
                    (
                        "Protein folding",
                        "We predict protein structures from sequences with a transformer and report accuracy.",
                    ),
                ]
            )
        )
    )
    a = Assistant(Settings(home=tmp_path / "home", embedding="openai", llm="offline", openai_base_url=server.base_url))
    report, _ = a.ingest([corpus])
    assert report.total == 2 and server.embedded >= 2
    assert a.index.identity == "OpenAIEmbedding:text-embedding-3-small"
    assert a.retrieve("protein structures from sequences")[0].paper.id == "p1"
    with pytest.raises(Exception, match="built with embedding 'OpenAIEmbedding:text-embedding-3-small'"):
        Assistant(Settings(home=tmp_path / "home")).index


def _figure_sentence(sources):
    """A sentence of source n>1 stating a figure that source 1 does not hold, and that n."""
    first = numbers(f"{sources[0].paper.title} {sources[0].paper.abstract}")
    for n, s in enumerate(sources[1:], start=2):
        for sentence in sentences(s.paper.abstract):
            figures = _figures(sentence)
            if figures and not figures & first and len(sentence) < 300:
                return sentence.rstrip("."), figures, n
    raise AssertionError("no source states a figure the first one lacks")


def test_a_figure_cited_to_the_wrong_source_is_repointed(shipped_home, server, offline):
    question = "How much faster is speculative decoding?"
    sentence, figures, n = _figure_sentence(offline.ask(question).sources)
    server.replies = [f"{sentence} [1]. The models also invent 97.3% of results [1]."]
    answer = llm_assistant(shipped_home, server.base_url).ask(question)
    holder = {i for i, s in enumerate(answer.sources, start=1) if all(f in numbers_of(s) for f in figures)}
    cited = [int(x) for x in re.findall(r"\[(\d+)\]", answer.text.split(". The models")[0])]
    assert cited and cited[0] != 1 and cited[0] in holder  # re-pointed to a source that states the figure
    first, invented = answer.claims
    assert first.support == "full" and invented.support == "none"  # 97.3% is in no abstract: flagged, kept
    assert n in holder


def numbers_of(source):
    return numbers(f"{source.paper.title} {source.paper.abstract}")


def prompt_for(home, server, question):
    """The user prompt the LLM got for one question (the server replies with a short cited answer)."""
    server.replies = ["Fine [1]."]
    llm_assistant(home, server.base_url).ask(question)
    return server.requests[0]["body"]["messages"][1]["content"]


def test_shape_hint_reaches_the_prompt(shipped_home, server):
    prompt = prompt_for(shipped_home, server, "Compare LoRA and QLoRA for fine-tuning.")
    assert SHAPE_HINTS["compare"] in prompt
    # a figure asked of two papers: each one's, as the offline writer gives it
    server.requests.clear()
    prompt = prompt_for(shipped_home, server, "How much faster are HyperAttention and SALE?")
    assert SHAPE_HINTS["improvement"] in prompt and "give each one's, from its own source" in prompt


def test_a_list_by_date_asks_the_llm_for_that_order(shipped_home, server):
    prompt = prompt_for(shipped_home, server, "What is the latest paper on machine unlearning?")
    assert SHAPE_HINTS["list"] in prompt and ORDER_HINT.format(order="newest") in prompt


def test_a_question_of_a_papers_record_points_the_llm_at_what_the_corpus_records(shipped_home, server):
    prompt = prompt_for(shipped_home, server, "When was RetroMAE v2 published?")
    assert RECORD_HINT.format(record="date") in prompt and "about: 2022-11-16" in prompt


def test_which_paper_introduced_a_name_asks_the_llm_for_a_source_that_says_so(shipped_home, server):
    assert INTRODUCED_HINT.format(name="BERT") in prompt_for(shipped_home, server, "Which paper introduced BERT?")


def test_the_best_method_asked_for_warns_the_llm_that_sources_do_not_rank_one_another(shipped_home, server):
    prompt = prompt_for(shipped_home, server, "What is the best method for dense retrieval?")
    assert SHAPE_HINTS["list"] in prompt and BEST_HINT in prompt


def test_what_a_list_leaves_out_is_said_to_the_llm(shipped_home, server):
    assert EXCLUDED_HINT.format(excluded="BERT") in prompt_for(
        shipped_home, server, "Which retrieval papers do not use BERT?"
    )


def test_which_metrics_asks_the_llm_for_names_a_source_states_or_to_say_it_states_none(shipped_home, server):
    assert NAMED_HINT.format(kind="metric") in prompt_for(shipped_home, server, "What evaluation metrics does PLD use?")


def test_datasets_asked_of_a_topic_ask_the_llm_for_each_paper_naming_one(shipped_home, server):
    prompt = prompt_for(shipped_home, server, "What datasets are used for evaluating dense retrievers?")
    assert SEVERAL_HINT in prompt and NAMED_HINT.format(kind="dataset or benchmark") in prompt
    server.requests.clear()  # the prompt of the next question is the first again
    assert SEVERAL_HINT not in prompt_for(shipped_home, server, "Which dataset does SPLADE v2 evaluate on?")


def test_a_premise_of_the_question_is_put_to_the_llm_to_check(shipped_home, server):
    question = "How many parameters does the model that HyperAttention pretrains from scratch have?"
    assert PREMISE_HINT.format(premise="HyperAttention pretrains from scratch") in prompt_for(
        shipped_home, server, question
    )


def test_the_downsides_asked_for_ask_the_llm_for_limits_a_source_states(shipped_home, server):
    prompt = prompt_for(shipped_home, server, "What are the downsides of learned sparse retrieval?")
    assert WEAKNESS_HINT in prompt and SHAPE_HINTS["fact"] in prompt


def test_a_paper_s_findings_asked_for_ask_the_llm_for_what_it_found(shipped_home, server):
    assert FINDING_HINT in prompt_for(shipped_home, server, "What is the main finding of AxBench?")


def test_a_list_asking_how_asks_the_llm_how_each_paper_does_it(shipped_home, server):
    prompt = prompt_for(shipped_home, server, "Which papers make LLMs forget a target entity, and how?")
    assert HOW_HINT in prompt and SHAPE_HINTS["list"] in prompt


def test_the_most_upvoted_papers_on_a_topic_give_the_llm_each_paper_s_upvotes(shipped_home, server):
    prompt = prompt_for(shipped_home, server, "What are the most upvoted papers on mixture of experts?")
    voted = [p for p in read_corpus(shipped_corpus()).papers if p.upvotes and p.title in prompt]
    assert POPULAR_HINT in prompt and voted, prompt[:2000]
    assert all(re.search(rf"{re.escape(p.title)}\nabout: [^\n]*\b{p.upvotes} upvotes?\n", prompt) for p in voted)


def test_which_papers_cite_one_tells_the_llm_that_citations_are_not_recorded(shipped_home, server):
    prompt = prompt_for(shipped_home, server, "Which papers cite SPLADE?")
    assert CITING_HINT in prompt and "a paper's citing" not in prompt


def test_how_a_problem_is_countered_asks_the_llm_for_what_each_source_does_against_it(shipped_home, server):
    assert REMEDY_HINT in prompt_for(shipped_home, server, "How can we prevent catastrophic forgetting?")


def test_papers_that_make_benchmarks_are_asked_of_the_llm_as_such(shipped_home, server):
    prompt = prompt_for(shipped_home, server, "Which papers propose new benchmarks for retrieval-augmented generation?")
    assert MAKES_DATA_HINT in prompt and SHAPE_HINTS["list"] in prompt
