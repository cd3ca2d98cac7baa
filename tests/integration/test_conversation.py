"""Follow-up questions resolved against the conversation, offline."""

import datetime as dt
import json
import re

import pytest

from paperqa import Assistant, Filters, Settings, Turn
from paperqa.about import GOODBYE, HOW_TO_ASK, YOU_ARE_WELCOME
from paperqa.anaphora import refers_back
from paperqa.answer.draft import contribution
from paperqa.answer.record import AUTHORS_UNNAMED
from paperqa.answer.traits import on_language_models
from paperqa.conversation import resolve
from paperqa.corpus import read_corpus, shipped_corpus
from paperqa.ordinals import this_written
from paperqa.types import Source

pytestmark = pytest.mark.integration
FIRST = "Which papers work on mixture-of-experts models?"


def test_those_from_a_year_narrows_to_earlier_citations(offline):
    first = offline.ask(FIRST)
    follow = offline.ask("and which of those are from 2024?", history=[Turn(FIRST, first)])
    earlier = {c.paper_id for c in first.citations}
    assert follow.sources and {s.paper.id for s in follow.sources} <= earlier
    assert all(s.paper.date and s.paper.date.year == 2024 for s in follow.sources)


def test_tell_me_more_about_n_answers_from_that_paper(offline):
    first = offline.ask(FIRST)
    follow = offline.ask("tell me more about [2]", history=[Turn(FIRST, first)])
    assert [s.paper.id for s in follow.sources] == [first.sources[1].paper.id]
    assert follow.answerable and follow.citations[0].paper_id == first.sources[1].paper.id


def test_first_question_is_unchanged_by_empty_history(offline):
    assert offline.ask(FIRST, history=()).text == offline.ask(FIRST).text


def test_a_source_number_the_last_answer_did_not_have_is_said_plainly(offline):
    first = offline.ask(FIRST)
    follow = offline.ask("tell me more about [99]", history=[Turn(FIRST, first)])
    assert follow.text == f"The last answer has no source [99]: it had [1] to [{len(first.sources)}]."
    assert follow.citations == () and follow.answerable is False


def test_a_number_after_one_pointed_at_is_of_the_same_list(offline):
    # "what about [4]?" after "tell me more about [2]" was "The last answer has no source [4]: it had [1]"
    first = offline.ask(FIRST)
    second = offline.ask("tell me more about [2]", history=[Turn(FIRST, first)])
    history = [Turn(FIRST, first), Turn("tell me more about [2]", second)]
    third = offline.ask("what about [4]?", history=history)
    assert [s.paper.id for s in third.sources] == [first.sources[3].paper.id], third.text
    beyond = offline.ask("and [99]?", history=[*history, Turn("what about [4]?", third)])
    had = f"it had [1] to [{len(first.sources)}]."
    assert beyond.text == f"The answer those numbers point into has no source [99]: {had}", beyond.text


def test_it_means_the_paper_just_discussed(offline):
    first = offline.ask("Which paper teaches LLMs to forget a target entity?")
    follow = offline.ask("What does it evaluate on?", history=[Turn("q", first)])
    assert {s.paper.id for s in follow.sources} == {first.citations[0].paper_id}


def test_a_pronoun_whose_antecedent_is_in_the_question_is_no_follow_up(offline):
    """One of the chat's own examples: "they" opens a clause after the question's own words, so it is asked as a
    new question, whatever came before (it was merged with the last question and answered about pruning)."""
    question = "Do language models know what they don't know?"
    first = offline.ask("Which papers compress transformers by pruning attention heads?")
    follow = offline.ask(question, history=[Turn("q", first)])
    assert [s.paper.id for s in follow.sources] == [s.paper.id for s in offline.ask(question).sources]
    again = offline.ask("What do they evaluate on?", history=[Turn("q", first)])  # still a follow-up
    assert {s.paper.id for s in again.sources} & {c.paper_id for c in first.citations}


def test_a_pronoun_in_instances_of_the_question_s_own_topic_is_no_follow_up(offline):
    """Found in the chat: after a one-paper answer, "Which papers work with video, for example compressing or
    retrieving it?" read "it" as that paper and answered "does not say this"; "it" is the video."""
    question = "Which papers work with video, for example compressing or retrieving it?"
    first = offline.ask("Which papers study emergent abilities of LLMs?")
    follow = offline.ask(question, history=[Turn("q", first)])
    assert [s.paper.id for s in follow.sources] == [s.paper.id for s in offline.ask(question).sources]
    assert any(c.title.startswith("HNeRV") for c in follow.citations), follow.text
    assert refers_back("How does it work, for example on BERT?")  # "it" before the instances still points back


def test_a_date_range_says_how_many_undated_papers_it_left_out(tmp_path):
    corpus = tmp_path / "c.jsonl"
    rows = [
        {"id": "a", "title": "Dated graphs", "abstract": "Graph attention on citation graphs.", "date": "2024-03-01"},
        {"id": "b", "title": "Undated graphs", "abstract": "Graph attention networks for molecules."},
        {"id": "c", "title": "Undated proteins", "abstract": "Protein folding with transformers."},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows))
    a = Assistant(Settings(home=tmp_path / "home", llm="offline"))
    a.ingest([corpus])
    answer = a.ask("graph attention networks", Filters(date_from="2024"))
    assert answer.notes == ("The date range left out 2 papers with no known date.",)
    assert a.ask("graph attention networks").notes == ()
    a.close()


def test_a_follow_up_on_one_paper_is_not_answered_as_a_list(offline):
    first = offline.ask(FIRST)
    for follow_up in ("what does it evaluate on?", "tell me more about [1]"):
        follow = offline.ask(follow_up, history=[Turn(FIRST, first)])
        assert not follow.text.startswith("The corpus has"), follow.text
        assert len({c.paper_id for c in follow.citations}) == 1


def test_a_year_asked_for_in_a_first_question_restricts_the_dates_and_says_so(offline):
    answer = offline.ask("Which papers on machine unlearning were published after 2023?")
    assert answer.sources and all(s.paper.date and s.paper.date.year >= 2024 for s in answer.sources)
    assert answer.notes[0] == "Read as papers dated from 2024 on."
    assert answer.notes[1].startswith("The date range left out ")


def test_a_question_of_dates_alone_lists_the_papers_of_that_year(offline):
    dated = [p for p in read_corpus(shipped_corpus()).papers if p.date and p.date.year == 2023]
    answer = offline.ask("Which papers are from 2023?")
    assert answer.text.startswith(f"The corpus has {len(dated)} papers dated 2023")
    assert answer.citations and all(c.date and c.date.year == 2023 for c in answer.citations)
    # Each line is a claim of its own paper; the heading's counts are asked of no abstract.
    assert len(answer.claims) == len(answer.citations) and {c.support for c in answer.claims} == {"full"}
    assert offline.ask("Which papers are from 1990?").text == "The corpus has no paper dated 1990."


@pytest.mark.parametrize(("question", "order"), [("What are the latest papers?", "newest"),
                                                 ("Which are the oldest papers in the corpus?", "oldest")])  # fmt: skip
def test_the_latest_papers_asked_of_no_topic_are_the_newest_of_the_whole_corpus(offline, question, order):
    dates = sorted((p.date for p in read_corpus(shipped_corpus()).papers if p.date), reverse=order == "newest")
    answer = offline.ask(question)
    assert (
        answer.text.splitlines()[0]
        == f"The corpus has {len(read_corpus(shipped_corpus()).papers)} papers; the 12 {order}:"
    )
    assert [c.date for c in answer.citations] == dates[:12], answer.text
    if order == "newest":  # Markdown typed around its words asks the same
        typed = offline.ask("<b>**What**</b> are the `latest` papers?")
        assert [c.date for c in typed.citations] == dates[:12], typed.text


def test_the_oldest_paper_is_one_paper_with_its_date(offline):
    first = min((p for p in read_corpus(shipped_corpus()).papers if p.date), key=lambda p: p.date)
    answer = offline.ask("Which is the oldest paper in the corpus?")
    lines = answer.text.splitlines()
    assert lines[0] == f"The corpus has {len(read_corpus(shipped_corpus()).papers)} papers; the oldest:", answer.text
    assert len(lines) == 2 and lines[1].startswith(f"- {first.title} ({first.date.isoformat()}): ")
    assert [c.support for c in answer.claims] == ["full"]  # the date is the record's, no figure of the claim


def test_a_year_naming_an_event_is_not_a_date_filter(offline):
    first = offline.ask("What did SPLADE v2 report on TREC DL 2019?")
    follow = offline.ask("And on TREC DL 2020?", history=[Turn("What did SPLADE v2 report on TREC DL 2019?", first)])
    assert not first.notes and not follow.notes
    assert any(s.paper.date is None for s in first.sources + follow.sources)


@pytest.mark.parametrize("question", ["help", "Hi!", "what can you do?", "How do I use this tool?"])
def test_a_question_about_the_assistant_itself_is_told_how_to_ask(offline, question):
    answer = offline.ask(question)
    assert answer.text == HOW_TO_ASK and answer.answerable and not answer.citations


def test_courtesy_words_change_nothing_of_an_answer(offline):
    plain = offline.ask("Which papers study machine unlearning?")
    polite = offline.ask("Hi, please list papers that study machine unlearning. Thanks!")
    assert plain.citations and {c.paper_id for c in polite.citations} == {c.paper_id for c in plain.citations}
    assert offline.ask("help with pruning papers").citations  # a question that starts with "help" is still one


def test_an_organisation_asked_for_restricts_the_papers_and_says_so(offline):
    google = [p for p in read_corpus(shipped_corpus()).papers if p.org == "Google"]
    answer = offline.ask("papers by Google")
    assert answer.text.startswith(f"The corpus has {len(google)} paper")
    assert {c.paper_id for c in answer.citations} == {p.id for p in google}
    assert answer.notes == ("Read as papers from Google.",)
    assert not offline.ask("Which papers use reviews from Amazon?").notes


def test_the_second_one_is_the_second_paper_the_last_answer_cited(offline):
    first = offline.ask("Which papers study machine unlearning?")
    follow = offline.ask("And the second one?", history=[Turn("Which papers study machine unlearning?", first)])
    assert [s.paper.id for s in follow.sources] == [first.citations[1].paper_id]
    one = offline.ask("Tell me more about [1]", history=[Turn("Which papers study machine unlearning?", first)])
    beyond = offline.ask("What about the fifth paper?", history=[Turn("Tell me more about [1]", one)])
    assert beyond.text == "The last answer has no fifth paper: it cited 1."
    fresh = offline.ask("Which was the first paper to propose unlearning?", history=[Turn("x", one)])
    assert len(fresh.sources) > 1  # "the first paper to propose X" asks the corpus, not the last answer


def test_a_reply_citing_nothing_leaves_it_pointing_at_the_answer_before(offline):
    q = "Which papers use LLMs to rerank passages?"
    first = offline.ask(q)
    history = [Turn(q, first)]
    missing = offline.ask("What does the fifth one propose?", history=history)  # cites nothing
    history.append(Turn("What does the fifth one propose?", missing))
    follow = offline.ask("What does the first one propose?", history=history)  # of the list, not of the reply
    assert [c.paper_id for c in follow.citations] == [first.citations[0].paper_id], follow.text
    it = offline.ask("What does it propose?", history=history)
    assert [c.paper_id for c in it.citations] == [first.citations[0].paper_id], it.text


def test_what_the_paper_just_discussed_does_not_say_is_said_of_it(offline):
    first = offline.ask("Tell me about the SoK on machine unlearning for large language models")
    sok = [c for c in first.citations if c.title.startswith("SoK: Machine Unlearning")]
    assert sok
    n = sok[0].n
    more = offline.ask(f"Tell me more about [{n}]", history=[Turn("Tell me about the SoK …", first)])
    follow = offline.ask("What dataset does it use?", history=[Turn(f"Tell me more about [{n}]", more)])
    # said as a question naming the paper is answered ("What datasets does gaBERT use?"), of it alone
    assert follow.text.startswith(
        "The abstract of “SoK: Machine Unlearning for Large Language Models” [1] names no dataset or benchmark"
    ), follow.text
    assert {c.title for c in follow.citations} == {"SoK: Machine Unlearning for Large Language Models"}
    gpu = offline.ask("Which GPU does it use?", history=[Turn(f"Tell me more about [{n}]", more)])
    assert "does not mention “GPU”" in gpu.text, gpu.text


@pytest.mark.parametrize(
    "question",
    [
        "How many papers are in the corpus?",
        "What topics does the collection cover?",
        "what's in the corpus",
        "What is the corpus about?",
        "Which topics does the corpus cover?",  # these two were a list of summarization papers and "no earlier
        "Summarize the corpus",  # answer in this conversation for that to refer to"
        "**Which topics** does the corpus cover?",  # its Markdown made it a follow-up with nothing before it
    ],  # "What is the corpus about?" was refused: no abstract covers it
)
def test_a_question_about_the_corpus_as_a_whole_is_answered_from_its_catalog(offline, question):
    papers = read_corpus(shipped_corpus()).papers
    dated = [p.date.year for p in papers if p.date]
    answer = offline.ask(question)
    assert answer.text.startswith(f"The corpus has {len(papers)} papers; {len(dated)} of them dated, from "
                                  f"{min(dated)} to {max(dated)}"), answer.text  # fmt: skip
    assert answer.answerable and not answer.citations
    # what it is about: the phrases most of its titles write, counted ("in-context learning (7)")
    titles = [p.title.casefold() for p in papers]
    assert f"in-context learning ({sum('in-context learning' in t for t in titles)})" in answer.text, answer.text
    assert offline.ask("How many papers are there on hashing?").text.startswith("The corpus has ")
    assert offline.ask("How many papers are there on hashing?").citations


@pytest.mark.parametrize(
    "question", ["Which organisations have the most papers?", "What organizations are in the corpus?",
                 "which companies published papers?"]
)  # fmt: skip
def test_the_organisations_of_the_corpus_are_answered_from_its_catalog(offline, question):
    # answered from a paper on the "Hierarchical Organization of Science Literature"
    orgs = [p.org for p in read_corpus(shipped_corpus()).papers if p.org]
    answer = offline.ask(question)
    assert answer.text.startswith(f"The corpus records an organisation for {len(orgs)} of its"), answer.text
    assert all(f"{org} (" in answer.text for org in orgs) and not answer.citations
    assert offline.ask("What organizations study unlearning?").citations  # a topic, asked of the abstracts


def test_an_organisation_no_paper_is_from_is_said_to_be_missing(offline):
    orgs = sorted({p.org for p in read_corpus(shipped_corpus()).papers if p.org})
    answer = offline.ask("Which papers were written by Meta?")  # it was refused for lacking the word "written"
    assert answer.text.startswith("The corpus has no paper recorded as from Meta: it records an organisation for")
    assert all(org in answer.text for org in orgs) and not answer.answerable
    deepmind = offline.ask("Which papers were published by Google DeepMind?")  # not Google's papers
    assert deepmind.text.startswith("The corpus has no paper recorded as from Google DeepMind")
    topic = offline.ask("papers by Meta on retrieval")  # a topic too: answered from all papers, and said so
    assert topic.citations and "No paper is recorded as from Meta; answered from all of them." in topic.notes
    assert offline.ask("papers written by Google").notes == ("Read as papers from Google.",)


def test_several_papers_of_the_last_answer_are_picked_by_their_order(offline):
    first = offline.ask("Which papers study machine unlearning?")
    cited = [c.paper_id for c in first.citations]
    assert len(cited) >= 3
    history = [Turn("Which papers study machine unlearning?", first)]
    two = offline.ask("Compare the first two", history=history)  # it searched the corpus for "first two"
    assert [c.paper_id for c in two.citations] == cited[:2], two.text
    last = offline.ask("Compare the last two papers", history=history)  # titles without a colon name them too
    assert sorted(c.paper_id for c in last.citations) == sorted(cited[-2:]), last.text
    pair = offline.ask("compare the first and third ones", history=history)
    assert sorted(c.paper_id for c in pair.citations) == sorted([cited[0], cited[2]])
    assert len(cited) < 9
    many = offline.ask("Compare the first nine", history=history)
    assert many.text == f"The last answer has no first nine: it cited {len(cited)}." and not many.citations


def test_a_follow_up_asks_for_the_record_it_says_not_the_one_before(offline):
    first = offline.ask("Which papers study machine unlearning?")
    history = [Turn("Which papers study machine unlearning?", first)]
    who = offline.ask("Who wrote the second one?", history=history)
    assert who.text.startswith(f"The corpus does not record who wrote “{first.citations[1].title}”")
    when = offline.ask("When was it published?", history=[*history, Turn("Who wrote the second one?", who)])
    date = first.citations[1].date
    said = f"The corpus dates “{first.citations[1].title}” {date.isoformat()}." if date else "The corpus has no date"
    assert when.text.startswith(said), when.text


def test_papers_picked_by_order_after_a_one_paper_answer_are_the_earlier_lists(offline):
    first = offline.ask("Which papers study machine unlearning?")
    who = offline.ask("Who wrote the second one?", history=[Turn("Which papers study machine unlearning?", first)])
    history = [Turn("Which papers study machine unlearning?", first), Turn("Who wrote the second one?", who)]
    two = offline.ask("Compare the first two", history=history)  # "the last answer has no first two: it cited 1"
    assert [c.paper_id for c in two.citations] == [c.paper_id for c in first.citations[:2]], two.text
    assert offline.ask("What about the ninth paper?", history=history).text == (
        "The last answer has no ninth paper: it cited 1."
    )


def test_a_year_counted_back_from_today_restricts_like_the_year_itself(offline):
    last = dt.date.today().year - 1
    relative = offline.ask("Which papers are from last year?")
    assert relative.text == offline.ask(f"Which papers are from {last}?").text
    assert relative.notes[0] == f"Read as papers dated {last}."


@pytest.mark.parametrize("question", ["Compare the first two", "Tell me more about [2]", "What about the third paper?"])
def test_pointing_back_with_no_earlier_answer_says_so(offline, question):
    answer = offline.ask(question)  # it searched the corpus for "first two" (a batch has no conversation)
    assert answer.text.startswith("There is no earlier answer in this conversation") and not answer.citations
    top = offline.ask("Give me the top two papers on hashing")  # two papers on a topic, not the last answer's
    assert len(top.citations) == 2, top.text
    quoting = offline.ask("What does the sentence 'we improve over DPR [12] on NQ' mean for dense retrieval?")
    assert not quoting.text.startswith("There is no earlier answer")  # a pasted "[12]" points at no answer


def test_one_and_the_other_of_a_question_s_own_two_things_point_at_no_answer(offline):
    # "to retrieve one with the other" had been read as "the other one" of an answer before: "no earlier answer"
    joint = offline.ask("Which papers learn joint embeddings of images and text to retrieve one with the other?")
    assert joint.answerable and joint.citations, joint.text
    assert any("image" in c.title.casefold() for c in joint.citations), joint.text
    for pointing in ("how does it compare to the other one?", "compare one to the other"):
        assert offline.ask(pointing).text.startswith("There is no earlier answer"), pointing


@pytest.mark.parametrize("question", ["thanks, that was helpful", "ok great", "Perfect, that is clear. Thanks"])
def test_thanks_are_acknowledged_not_searched(offline, question):
    answer = offline.ask(question)  # "thanks, that was helpful" got the closest papers to "helpful"
    assert answer.text == YOU_ARE_WELCOME and answer.answerable and not answer.citations
    assert offline.ask("thanks, which papers study hashing?").citations  # a question after the thanks is one
    assert offline.ask("?").text == HOW_TO_ASK  # no word at all


def test_they_after_a_list_narrow_to_it_and_which_one_is_newest_picks_by_date(offline):
    first = offline.ask("Which papers study LLM unlearning?")
    history = [Turn("Which papers study LLM unlearning?", first)]
    differ = offline.ask("How do the first two differ?", history=history)
    they = offline.ask("How do they differ?", history=[Turn("Which papers study LLM unlearning?", differ)])
    assert sorted(c.paper_id for c in they.citations) == sorted(c.paper_id for c in differ.citations), they.text
    newest = offline.ask("Which one is the newest?", history=history)  # "no paper mentions “newest”"
    dated = [c for c in first.citations if c.date]
    latest = max(dated, key=lambda c: c.date)
    assert newest.text.startswith(f"The corpus dates “{latest.title}” {latest.date.isoformat()}."), newest.text


def test_how_they_differ_after_a_long_list_says_what_each_of_them_does(offline):
    first = offline.ask("Which papers study LLM unlearning?")
    cited = {c.paper_id for c in first.citations}
    assert len(cited) >= 5
    they = offline.ask("How do they differ?", history=[Turn(first.question, first)])  # had listed three of seven
    assert they.text.startswith(f"What each of the {len(cited)} does:\n- "), they.text
    assert {c.paper_id for c in they.citations} == cited


def test_the_newest_of_a_list_says_how_few_of_it_have_a_date(offline):
    first = offline.ask("Which papers study retrieval-augmented generation?")
    cited = {c.n: c for c in first.citations}
    dated = [c for c in cited.values() if c.date]
    assert 0 < len(dated) < len(cited)  # most of these have no date in the shipped corpus
    newest = offline.ask("Which of them is the newest?", history=[Turn(first.question, first)])
    latest = max(dated, key=lambda c: c.date)
    assert newest.text.startswith(f"The corpus dates “{latest.title}”"), newest.text
    assert f"Of the {len(cited)} papers the last answer cited, only {len(dated)} have a known date." in newest.notes
    gnn = offline.ask("Which papers study graph neural networks?")  # six papers, one of them dated
    assert sum(1 for c in {c.n: c for c in gnn.citations}.values() if c.date) == 1, gnn.text
    one = offline.ask("Which one is the oldest?", history=[Turn(gnn.question, gnn)])
    assert one.notes and one.notes[-1].endswith("only 1 has a known date."), one.notes
    # asked in the plural, without "the" ("no paper in it mentions “newest”" had refused it)
    plural = offline.ask("which of them are newest?", history=[Turn(first.question, first)])
    assert plural.text.startswith(f"The corpus dates “{latest.title}”"), plural.text


def test_a_paper_a_list_lacks_is_not_looked_for_in_older_answers(offline):
    older = offline.ask("Which papers are from 2025?")  # twelve papers
    first = offline.ask("Which papers study machine unlearning?")
    assert len(older.citations) >= 9 > len(first.citations)
    history = [Turn("Which papers are from 2025?", older), Turn("Which papers study machine unlearning?", first)]
    ninth = offline.ask("What about the ninth paper?", history=history)  # answered with the 2025 list's ninth
    assert ninth.text == f"The last answer has no ninth paper: it cited {len(first.citations)}."


def test_a_follow_up_on_the_paper_just_discussed_is_asked_alone_when_it_has_words_of_its_own(offline):
    first = offline.ask("What is SPLADE?")
    bert = offline.ask("Does it use BERT?", history=[Turn("What is SPLADE?", first)])
    assert not bert.answerable and "SPLADE" in bert.text  # its abstract never mentions BERT
    # It was refused: read with "Does it use BERT?", the question lacked "BERT", although the abstract says it.
    index = offline.ask(
        "Does it use an inverted index?", history=[Turn("What is SPLADE?", first), Turn("Does it use BERT?", bert)]
    )
    assert index.answerable and "the efficiency of inverted indexes" in index.text, index.text


def test_the_paper_described_afresh_is_no_reference_back(offline):
    q = "What is the main finding of AxBench?"
    history = [Turn(q, offline.ask(q))]
    described = offline.ask("Compare SPLADE with the paper on hard negatives for dense retrieval", history=history)
    assert len(described.citations) == 2 and "AxBench" not in described.text, described.text  # not AxBench's
    back = offline.ask("What does the paper propose?", history=history)  # this one points back
    assert [c.title for c in back.citations] == [c.title for c in history[0].answer.citations], back.text


def test_a_part_of_the_paper_just_discussed_is_asked_of_it_whatever_was_asked_before(offline):
    history = [Turn("What is ColBERT-XM?", offline.ask("What is ColBERT-XM?"))]
    authors = offline.ask("Who are the authors?", history=history)  # was answered from CASPER's "author-assigned"
    assert authors.text.startswith("The corpus does not record who wrote “ColBERT-XM:"), authors.text
    history.append(Turn("Who are the authors?", authors))
    findings = offline.ask("What are the main findings?", history=history)  # was "does not say this"
    assert findings.citations[0].title.startswith("ColBERT-XM:") and "Further analysis reveals" in findings.text
    history.append(Turn("What are the main findings?", findings))
    data = offline.ask("What datasets does it use?", history=history)  # was read as "who are the authors?" again
    assert "names no dataset or benchmark" in data.text and "does not record who wrote" not in data.text, data.text
    after_list = offline.ask("Who are the authors?", history=[Turn(FIRST, offline.ask(FIRST))])
    assert after_list.text == AUTHORS_UNNAMED  # of a list, no one paper's ("no retrieved abstract supports …")


def test_compare_it_with_a_named_paper_compares_the_paper_just_discussed_with_it(offline):
    history = [Turn("What is ColBERT-XM?", offline.ask("What is ColBERT-XM?"))]
    both = offline.ask("Compare it with Arctic-Embed 2.0", history=history)  # was "does not say this" of one
    titles = [c.title[:13] for c in both.citations]
    assert titles == ["ColBERT-XM: A", "Arctic-Embed "], both.text


def test_which_one_is_newer_after_a_comparison_gives_the_newer_of_the_two(offline):
    question = "Compare SoK: Machine Unlearning for Large Language Models and Suppression or Deletion"
    compared = offline.ask(question)
    assert len({c.paper_id for c in compared.citations}) == 2
    newer = offline.ask("Which one is newer?", history=[Turn(question, compared)])  # "no paper mentions “newer”"
    latest = max((c for c in compared.citations if c.date), key=lambda c: c.date)
    assert newer.text.startswith(f"The corpus dates “{latest.title}” {latest.date.isoformat()}."), newer.text
    first = offline.ask("Which one came first?", history=[Turn(question, compared)])  # "no paper mentions “came”"
    earliest = min((c for c in compared.citations if c.date), key=lambda c: c.date)
    assert first.text.startswith(f"The corpus dates “{earliest.title}” {earliest.date.isoformat()}."), first.text


def test_a_pronoun_after_a_clause_word_and_its_auxiliary_points_into_the_question(offline):
    first = offline.ask(FIRST)
    question = "How do reward models get over-optimized in RLHF and how is it fixed?"
    fixed = offline.ask(question, history=[Turn(FIRST, first)])  # "it" was read as the last answer's paper
    assert fixed.citations[0].title.startswith("Confronting Reward Model Overoptimization"), fixed.text
    trained = offline.ask("How is it trained?", history=[Turn(FIRST, first)])  # no words before: the last answer's
    assert trained.sources[0].paper.id == first.citations[0].paper_id


def test_markup_around_a_follow_up_s_words_does_not_hide_what_it_points_at(offline):
    history = [Turn("What is ColBERT-XM?", offline.ask("What is ColBERT-XM?"))]
    answer = offline.ask("<img src=x onerror=alert(1)> Who are the **authors**?", history=history)
    assert answer.text.startswith("The corpus does not record who wrote “ColBERT-XM:"), answer.text


@pytest.mark.parametrize("question", ["How is it fixed?", "How do they differ?", "Which one came first?"])
def test_a_pronoun_with_nothing_else_to_search_for_opening_a_chat_says_so(offline, question):
    answer = offline.ask(question)  # was searched for: "no retrieved abstract supports an answer"
    assert answer.text.startswith("There is no earlier answer in this conversation"), answer.text


def test_which_paper_is_the_oldest_is_one_paper_by_date(offline):
    answer = offline.ask("Which paper is the oldest in the corpus?")  # "no paper in it mentions “oldest”"
    assert answer.text.startswith("The corpus has 409 papers; the oldest:"), answer.text
    assert len(answer.citations) == 1


def test_recent_work_is_many_papers_and_what_is_hot_in_a_year_is_that_year_s(offline):
    recent = offline.ask("Show me recent work on sparse retrieval")  # "work" was read as one paper: "the newest:"
    assert len(recent.citations) > 1 and "newest first" in recent.text.splitlines()[0], recent.text
    hot = offline.ask("What's hot in 2026?")  # answered from a paper saying "one-hot"
    assert hot.text.startswith("The corpus has") and "dated 2026" in hot.text.splitlines()[0], hot.text


def test_the_most_upvoted_papers_are_ordered_by_the_record_s_upvotes(offline):
    papers = read_corpus(shipped_corpus()).papers
    top = max(p.upvotes or 0 for p in papers)
    most = offline.ask("Which paper has the most upvotes?")  # "no paper in it mentions “upvotes”"
    assert most.text.startswith(f"The corpus has {len(papers)} papers; the most upvoted:"), most.text
    assert f"({top} upvotes)" in most.text and [c.support for c in most.claims] == ["full"], most.text
    # No unlearning paper has an upvote in the record: none is called the most upvoted (one with "0 upvotes" was)
    assert not any(p.upvotes for p in papers if "unlearning" in p.title.casefold())
    unvoted = offline.ask("Which paper has the most upvotes about unlearning?")
    assert unvoted.text.splitlines()[0].endswith("papers on this (none of them has upvotes recorded):"), unvoted.text
    assert len(unvoted.citations) > 1 and "upvotes)" not in unvoted.text
    listed = offline.ask("What are the most upvoted papers on mixture of experts?")
    assert listed.text.splitlines()[0].endswith("most upvoted first:"), listed.text
    votes = [int(line.split(" upvote")[0].rsplit("(", 1)[1]) for line in listed.text.splitlines()[1:]]
    assert votes == sorted(votes, reverse=True) and votes[0] > 0 and all(c.support == "full" for c in listed.claims)
    # "LLMs" frame most questions, but here they are the list's topic (it listed the whole corpus's most upvoted)
    llms = offline.ask("What are the most upvoted papers on LLMs?")
    assert "most upvoted first" in llms.text.splitlines()[0] and not llms.text.startswith(
        f"The corpus has {len(papers)}"
    )
    assert all(on_language_models(s.paper) for s in llms.sources if s.paper.id in {c.paper_id for c in llms.citations})


def test_an_undated_paper_is_not_among_the_newest(offline):
    # one hashing paper has a date: "the 2 newest" listed it and an undated one
    answer = offline.ask("What are the 2 newest papers on hashing?")
    assert answer.text.splitlines()[0].endswith("with no date, not shown); the newest:"), answer.text
    assert len(answer.citations) == 1 and answer.citations[0].date is not None
    oldest = offline.ask("What is the oldest paper about hashing?")  # one shown of one dated: none undated shown
    assert oldest.text.splitlines()[0].endswith("with no date, not shown); the oldest:"), oldest.text
    latest = offline.ask("What are the latest papers on unlearning?")  # all shown: those with no date last
    assert latest.text.splitlines()[0].endswith("with no date, last):"), latest.text


def test_the_newest_papers_are_asked_with_words_between_or_a_verb_after(offline):
    latest = offline.ask("What are the latest LLM papers?")  # a fact answer from a survey mentioning ChatGPT
    assert "newest first" in latest.text.splitlines()[0], latest.text
    for question, order in (
        ("Which paper came out most recently?", "newest"),
        ("Which paper was published first?", "oldest"),
    ):  # refused: "came"
        answer = offline.ask(question)
        assert answer.text.splitlines()[0].endswith(f"papers; the {order}:"), answer.text


def test_a_bare_ordinal_or_date_after_one_papers_answer_is_of_the_list_before_it(offline):
    listed = offline.ask(FIRST)
    history = [Turn(FIRST, listed)]
    one = offline.ask("tell me more about the first one", history=history)
    history.append(Turn("tell me more about the first one", one))
    third = offline.ask("and the third?", history=history)  # searched as words: "The third is …" of some paper
    cited = [c.paper_id for c in listed.citations]
    assert [c.paper_id for c in third.citations] == [list(dict.fromkeys(cited))[2]], third.text
    first = offline.ask("which came first?", history=history)  # of the list's dated papers, not one paper's date
    dated = [c for c in listed.citations if c.date]
    oldest = min(dated, key=lambda c: c.date)
    assert first.citations and first.citations[0].paper_id == oldest.paper_id, first.text
    # one naming its own papers asks of them, not of the last answer ("None of the papers … has a known date")
    named = offline.ask("Which is newer, SPLADE or SPLADE v2?", history=history)
    assert named.text.startswith("The corpus has no date for SPLADE or SPLADE v2."), named.text  # question's order


def test_a_gain_over_its_predecessor_is_asked_of_the_paper_just_discussed(offline):
    first = offline.ask("Tell me about SPLADE v2")
    # "predecessor" is in no abstract: the follow-up was refused, though SPLADE v2 states its gain over SPLADE
    gain = offline.ask("how much better is it than the predecessor?", history=[Turn("Tell me about SPLADE v2", first)])
    assert gain.answerable and "more than 9% gains" in gain.text.split("[1]")[1], gain.text
    # a named baseline it never mentions is still not answered with some other gain
    named = offline.ask("how much faster is it than ColBERT?", history=[Turn("Tell me about SPLADE v2", first)])
    assert not named.answerable, named.text


def test_datasets_asked_of_two_papers_are_asked_of_each(offline):
    both = offline.ask("Which datasets do SPLADE v2 and RetroMAE v2 evaluate on?")  # RetroMAE v2's alone
    assert {c.title[:11] for c in both.citations} == {"SPLADE v2: ", "RetroMAE v2"}, both.text
    assert "MS MARCO and BEIR" in both.text and "TREC DL 2019" in both.text
    compared = offline.ask("Compare WAGLE and DP2Unlearning")
    follow = offline.ask(
        "what datasets do they evaluate on?", history=[Turn("Compare WAGLE and DP2Unlearning", compared)]
    )
    # the two in the order the comparison named them
    assert follow.text.startswith("The abstract of “WAGLE") and "names no dataset or benchmark." in follow.text


def test_each_of_the_last_answer_s_papers_is_pointed_at_by_each(offline):
    compared = offline.ask("Compare SPLADE and SPLADE v2")
    history = [Turn("Compare SPLADE and SPLADE v2", compared)]
    each = offline.ask("what datasets does each use?", history=history)  # dataset papers of the corpus were listed
    assert {c.title[:9] for c in each.citations} == {"SPLADE v2", "SPLADE: S"}, each.text
    assert "names no dataset or benchmark" in each.text
    assert not offline.ask("How does each layer contribute?", history=history).citations[0].title.startswith("SPLADE")


def test_and_the_first_asks_the_question_before_of_the_lists_first_paper(offline):
    # "and the first?" after "what dataset does the second one use?" was answered from an unrelated optimizer paper
    question = "Which papers study hallucination in large language models?"
    first = offline.ask(question)
    history = [Turn(question, first)]
    second = offline.ask("what dataset does the second one use?", history=history)
    history.append(Turn("what dataset does the second one use?", second))
    again = offline.ask("and the first?", history=history)
    assert [c.paper_id for c in again.citations] == [first.citations[0].paper_id], again.text
    assert "names no dataset or benchmark" in again.text, again.text  # the question before, asked of it
    history.append(Turn("and the first?", again))
    who = offline.ask("who wrote the third one?", history=history)
    history.append(Turn("who wrote the third one?", who))
    for pointer, n in (("And the second?", 1), ("how about the first?", 0)):  # still "who wrote", of each
        answer = offline.ask(pointer, history=history)
        assert answer.text.startswith(f"The corpus does not record who wrote “{first.citations[n].title}”"), answer.text
        history.append(Turn(pointer, answer))


def test_is_there_code_is_asked_of_the_paper_or_the_list_just_discussed(offline):
    about = offline.ask("Tell me about GraphHash")
    code = offline.ask("is there code?", history=[Turn("Tell me about GraphHash", about)])
    assert code.text.endswith("https://github.com/snap-research/GraphHash [1].") and len(code.citations) == 1
    kalm = offline.ask("Tell me about KaLM-Embedding-V2")
    silent = offline.ask("is there code?", history=[Turn("Tell me about KaLM-Embedding-V2", kalm)])
    assert silent.text.endswith("does not say where its code is.") and not silent.answerable, silent.text
    hashing = offline.ask("Which papers are about hashing?")
    listed = offline.ask("any code?", history=[Turn("Which papers are about hashing?", hashing)])
    cited = {c.paper_id for c in hashing.citations}
    assert listed.citations and {c.paper_id for c in listed.citations} <= cited, listed.text
    assert all("github" in line for line in listed.text.splitlines()[1:]), listed.text
    # asked again of a list of papers with code: the same papers ("available", said twice, was read as a key word)
    asked = "Which papers on hashing have code available?"
    with_code = offline.ask(asked)
    again = offline.ask("is there code?", history=[Turn(asked, with_code)])
    assert {c.paper_id for c in again.citations} == {c.paper_id for c in with_code.citations}, again.text
    assert "none of them mentions" not in again.text


def test_a_least_number_of_upvotes_in_words_admits_only_papers_with_that_many(offline):
    papers = read_corpus(shipped_corpus()).papers
    many = [p for p in papers if (p.upvotes or 0) > 2]
    # "Which papers have more than 2 upvotes?" was refused: "no paper in it mentions “upvotes”"
    answer = offline.ask("Which papers have more than 2 upvotes?")
    assert answer.text.startswith(f"The corpus has {len(many)} papers with more than 2 upvotes, most upvoted first:")
    assert {c.paper_id for c in answer.citations} == {p.id for p in many}, answer.text
    assert "Read as papers with more than 2 upvotes." in answer.notes
    # with a topic: the list on it, of papers with that many only
    on_topic = offline.ask("Which papers on retrieval have at least 2 upvotes?")
    votes = {p.id: p.upvotes or 0 for p in papers}
    assert on_topic.citations and all(votes[c.paper_id] >= 2 for c in on_topic.citations), on_topic.text
    none = offline.ask("Which papers have over 1000 upvotes?")
    assert none.text == "The corpus has no paper with more than 1000 upvotes.", none.text


def test_a_follow_up_asking_one_thing_of_no_named_paper_is_of_the_paper_just_discussed(offline):
    # "how many parameters?" after "tell me about GigaTok" was answered from another paper ("2.56% parameters")
    giga = offline.ask("tell me about GigaTok")
    history = [Turn("tell me about GigaTok", giga)]
    size = offline.ask("how many parameters?", history=history)
    assert size.text.startswith("From “GigaTok: ") and "3 billion parameters" in size.text, size.text
    # "what datasets?" / "which GPU?" of SPLADE v2: "does not say this", though it names TREC DL 2019 and BEIR
    splade = offline.ask("What is SPLADE v2?")
    history = [Turn("What is SPLADE v2?", splade)]
    data = offline.ask("what datasets?", history=history)
    assert "BEIR benchmark" in data.text and {c.title[:9] for c in data.citations} == {"SPLADE v2"}, data.text
    gpu = offline.ask("which GPU?", history=history)
    assert "does not mention “GPU”" in gpu.text and gpu.text.startswith("The abstract of “SPLADE v2"), gpu.text
    # ... and a question after that one is read with the question naming the paper, not with "which GPU?"
    again = offline.ask("what dataset does it use?", history=[*history, Turn("which GPU?", gpu)])
    assert "BEIR benchmark" in again.text and "does not say" not in again.text, again.text


def test_a_pronoun_after_a_sentence_of_the_question_s_own_points_there(offline):
    # "… Also, which of them use quantization?" after an answer on SPLADE v2 was asked of SPLADE v2 ("does not
    # mention “compression” or “quantization”"): the question's first sentence is what "them" means
    first = offline.ask("What is SPLADE v2?")
    history = [Turn("What is SPLADE v2?", first)]
    asked = "Which papers are about model compression? Also, which of them use quantization?"
    answer = offline.ask(asked, history=history)
    assert answer.text == offline.ask(asked).text and "SPLADE" not in answer.text, answer.text


def test_what_a_listed_paper_proposes_is_not_read_with_the_list_s_topic(offline):
    # "what does it propose?" after a list quoted the first paper's sentence on the list's topic (retrieval
    # augmentation "far from perfect"), not what it does
    listed = offline.ask("Give me 3 papers on retrieval augmented generation")
    first = listed.citations[0]
    answer = offline.ask(
        "what does it propose?", history=[Turn("Give me 3 papers on retrieval augmented generation", listed)]
    )
    paper = next(s.paper for s in listed.sources if s.paper.id == first.paper_id)
    assert [c.paper_id for c in answer.citations] == [first.paper_id], answer.text
    assert answer.text.split("[1]: ", 1)[1].startswith(contribution(Source(paper, 0.0, 1)).rstrip(".")), answer.text


def test_a_follow_up_assuming_training_of_a_paper_that_needs_none_is_told_so(offline):
    # "does it need fine-tuning?" after "What is LM-Infinite?": "does not say this", though it works "requiring no
    # parameter updates" (as "Does LM-Infinite need fine-tuning?" was answered)
    first = offline.ask("What is LM-Infinite?")
    answer = offline.ask("does it need fine-tuning?", history=[Turn("What is LM-Infinite?", first)])
    assert "needs fine-tuning; its abstract says it works “requiring no parameter updates”" in answer.text, answer.text


def test_papers_similar_to_the_one_just_discussed_are_its_nearest_others(offline):
    # "which paper is similar?" after LM-Infinite was answered from "Data Similarity is Not Enough …" (the word)
    meru = offline.ask("What is MERU?")
    similar = offline.ask("similar papers?", history=[Turn("What is MERU?", meru)])
    head = similar.text.splitlines()[0]
    assert head == "The 5 papers closest to “Hyperbolic Image-Text Representations” in the corpus, by what their " \
        "abstracts say:", similar.text  # fmt: skip
    titles = [c.title for c in similar.citations]
    assert len(set(titles)) == 5 and "Hyperbolic Image-Text Representations" not in titles
    assert all(c.support == "full" for c in similar.claims), similar.text
    # of a list: of the paper named by its number; "related work?" of several papers asks which
    listed = offline.ask("Which papers study hashing?")
    history = [Turn("Which papers study hashing?", listed)]
    third = offline.ask("what else is like [3]?", history=history)
    assert third.text.startswith(f"The 5 papers closest to “{listed.sources[2].paper.title}”"), third.text
    which = offline.ask("any related work?", history=history)
    assert which.text.startswith("Similar to which paper?") and not which.citations, which.text
    topic = offline.ask("Which papers are related to hashing?", history=history)  # a topic of its own: a list
    assert topic.text.startswith("The corpus has"), topic.text


def test_papers_similar_to_a_named_paper_are_its_nearest_others(offline):
    answer = offline.ask("papers similar to GigaTok")
    assert answer.text.startswith("The 5 papers closest to “GigaTok: "), answer.text
    titles = [c.title for c in answer.citations]
    assert any(t.startswith("Ming-UniVision") for t in titles) and not any(t.startswith("GigaTok") for t in titles)
    # a comparison of two ("Is SPLADE v2 similar to SPLADE?") and a topic ("related to hashing") are no such list
    for asked in ("Is SPLADE v2 similar to SPLADE?", "Which papers are related to hashing?"):
        assert "closest to" not in offline.ask(asked).text.splitlines()[0], asked


def test_similar_papers_to_a_named_paper_with_the_noun_between_are_its_neighbours(offline):
    # "any similar papers to GigaTok?" had answered from GigaTok itself
    answer = offline.ask("any similar papers to GigaTok?")
    assert answer.text.startswith("The 5 papers closest to “GigaTok: "), answer.text


def test_as_many_similar_papers_as_asked_for_are_shown(offline):
    # "Which two papers …" had shown five
    two = offline.ask("Which two papers are most similar to GigaTok?")
    assert two.text.startswith("The 2 papers closest to “GigaTok: ") and len(two.citations) == 2, two.text
    one = offline.ask("Which paper is most similar to GigaTok?")
    assert one.text.startswith("The paper closest to “GigaTok: ") and len(one.citations) == 1, one.text


def test_is_one_named_paper_like_another_compares_them(offline):
    # "Is GigaTok similar to MingTok?" quoted GigaTok alone
    answer = offline.ask("Is GigaTok similar to MingTok?")
    titles = {c.title.split(":")[0] for c in answer.citations}
    assert {"GigaTok", "Ming-UniVision"} <= titles, answer.text
    # a name with more asked of it ("like SPLADE for images") is no question for SPLADE's neighbours
    more = offline.ask("Is there a paper like SPLADE for images?")
    assert "closest to “SPLADE" not in more.text, more.text


def test_follow_ups_on_a_list_restricted_by_upvotes_and_their_ordinals(offline):
    asked = "Which papers have more than 2 upvotes?"
    listed = offline.ask(asked)
    history = [Turn(asked, listed)]
    # "which of them are about LLMs?" searched "upvotes" too: "no paper in it mentions “upvotes”"
    llms = offline.ask("which of them are about LLMs?", history=history)
    assert llms.answerable and {c.paper_id for c in llms.citations} <= {c.paper_id for c in listed.citations}
    history.append(Turn("which of them are about LLMs?", llms))
    # "who wrote the first?" was a search for "first" (a MoE paper not in either list was answered)
    first = offline.ask("who wrote the first?", history=history)
    assert f"who wrote “{listed.citations[0].title}”" in first.text, first.text


def test_what_a_listed_paper_does_leads_with_what_it_proposes(offline):
    asked = "papers similar to GigaTok"
    listed = offline.ask(asked)
    second = next(s.paper for s in listed.sources if s.paper.id == listed.citations[1].paper_id)
    answer = offline.ask("what does the second one do?", history=[Turn(asked, listed)])
    said = contribution(Source(second, 0.0, 1)).rstrip(".")
    assert answer.text.split("[1]: ", 1)[1].startswith(said), answer.text  # not its field's background first


def test_similar_papers_within_filters_and_with_nothing_to_point_at(offline):
    # "similar papers?" opening a chat was answered from "Data Similarity is Not Enough …"
    alone = offline.ask("similar papers?")
    assert alone.text.startswith("There is no earlier answer in this conversation") and not alone.citations
    # the paper named is found whatever the filters; its neighbours are those the filters admit
    dated = offline.ask("papers similar to MERU", filters=Filters(date_from="2025"))
    assert dated.text.startswith("The 5 papers closest to “Hyperbolic Image-Text Representations”"), dated.text
    assert all(c.date and c.date.year >= 2025 for c in dated.citations), dated.text
    meru = offline.ask("What is MERU?")
    none = offline.ask("similar papers?", filters=Filters(date_from="2030"), history=[Turn("What is MERU?", meru)])
    assert none.text.startswith("No other paper in the corpus that the filters"), none.text


def test_a_year_alone_after_a_list_narrows_that_list(offline):
    # "which are from 2024?" listed every 2024 paper of the corpus, not the unlearning ones just listed
    first = offline.ask("Which papers study LLM unlearning?")
    earlier = {c.paper_id for c in first.citations}
    history = [Turn("Which papers study LLM unlearning?", first)]
    follow = offline.ask("which are from 2024?", history=history)
    assert follow.citations and {s.paper.id for s in follow.sources} <= earlier, follow.text
    assert all(s.paper.date and s.paper.date.year == 2024 for s in follow.sources)
    # a second year is of the same list, not of the first year's papers (none of which can be from 2025)
    later = offline.ask("which of them are from 2025?", history=[*history, Turn("which are from 2024?", follow)])
    assert later.citations and {s.paper.id for s in later.sources} <= earlier, later.text
    assert all(s.paper.date and s.paper.date.year == 2025 for s in later.sources)
    # "which papers are from 2024?" names papers: of the corpus, as in a new conversation
    corpus = offline.ask("which papers are from 2024?", history=history)
    assert {s.paper.id for s in corpus.sources} - earlier, corpus.text


def test_a_restriction_of_a_restricted_list_counts_the_list_not_the_corpus(offline):
    # "any from 2019?" of the papers with more than 2 upvotes said "The corpus has no paper dated 2019"
    first = offline.ask("Which papers have more than 2 upvotes?")
    history = [Turn("Which papers have more than 2 upvotes?", first)]
    cited = {c.paper_id: c for c in first.citations}
    none = offline.ask("any from 2019?", history=history)
    assert none.text == f"Of the {len(cited)} papers the last answer cited, none dated 2019.", none.text
    year = next(c.date.year for c in cited.values() if c.date)
    some = offline.ask(f"which are from {year}?", history=history)
    dated = [c for c in cited.values() if c.date and c.date.year == year]
    head = f"Of the {len(cited)} papers the last answer cited, {len(dated)} dated {year}"
    assert some.text.startswith(head), some.text
    assert {s.paper.id for s in some.sources} == {c.paper_id for c in dated}


def test_a_count_asked_after_a_list_is_answered_by_each_listed_paper_stating_it(offline):
    # "how many parameters?" after a list quoted the one paper saying "Parameter-Efficient", with no figure
    moe = offline.ask(FIRST)
    follow = offline.ask("how many parameters?", history=[Turn(FIRST, moe)])
    listed = {c.paper_id for c in moe.citations}
    assert follow.text.startswith(f"Of the {len(listed)} papers the last answer cited, "), follow.text
    assert follow.citations and {c.paper_id for c in follow.citations} <= listed
    for claim in follow.claims:
        assert "parameter" in claim.sentence.casefold() and any(ch.isdigit() for ch in claim.sentence), claim
    # none of the unlearning papers gives its parameter count: said of them, not of the corpus
    question = "Which papers study LLM unlearning?"
    unlearning = offline.ask(question)
    none = offline.ask("how many parameters?", history=[Turn(question, unlearning)])
    cited = len({c.paper_id for c in unlearning.citations})
    assert none.text == f"Of the {cited} papers the last answer cited, none states how many parameters.", none.text
    # after "what datasets?" of a list, answered by several of its papers, a count is asked of those papers too
    datasets = offline.ask("what datasets?", history=[Turn(FIRST, moe)])
    history = [Turn(FIRST, moe), Turn("what datasets?", datasets)]
    if len({c.paper_id for c in datasets.citations}) > 1:
        again = offline.ask("how many parameters?", history=history)
        assert again.text.startswith("Of the "), again.text


def test_one_thing_asked_of_no_paper_yet_says_there_is_nothing_to_ask_it_of(offline):
    # "how many parameters?" opening a chat quoted a random paper's "2.56% parameters"
    answer = offline.ask("how many parameters?")
    assert answer.text.startswith("There is no earlier answer in this conversation") and not answer.citations


def test_a_year_after_a_count_asked_of_a_list_narrows_the_list_not_the_paper_stating_the_count(offline):
    # "which are from 2025?" after "how many bits?" of six quantization papers (one stating it) found none
    question = "Which papers work on quantization?"
    first = offline.ask(question)
    bits = offline.ask("how many bits?", history=[Turn(question, first)])
    history = [Turn(question, first), Turn("how many bits?", bits)]
    listed = {c.paper_id for c in first.citations}
    later = offline.ask("which are from 2025?", history=history)
    dated = {c.paper_id for c in first.citations if c.date and c.date.year == 2025}
    assert dated and {s.paper.id for s in later.sources} == dated, later.text
    assert {c.paper_id for c in later.citations} <= listed


def test_a_kind_asked_of_one_paper_is_answered_by_its_kin_without_calling_it_unmentioned(offline):
    # "what datasets?" of SPLADE v2 said it "does not mention “datasets”" and quoted the BEIR benchmark
    first = offline.ask("What is SPLADE v2?")
    datasets = offline.ask("what datasets?", history=[Turn("What is SPLADE v2?", first)])
    assert datasets.text.startswith("From “SPLADE v2") and "BEIR" in datasets.text, datasets.text


def test_a_year_after_one_listed_paper_was_discussed_narrows_the_list(offline):
    # "which of them are from 2024?" after "which are from 2025?" and "tell me more about the second one" of a
    # list was asked of that one paper (the pointer question read as a list of its own) and found nothing
    question = "Which papers are about data selection for pretraining?"
    first = offline.ask(question)
    history = [Turn(question, first)]
    for asked in ("which are from 2025?", "tell me more about the second one"):
        history.append(Turn(asked, offline.ask(asked, history=history)))
    later = offline.ask("which of them are from 2024?", history=history)
    dated = {c.paper_id for c in first.citations if c.date and c.date.year == 2024}
    assert dated and {s.paper.id for s in later.sources} == dated, later.text


def test_which_is_better_and_a_count_after_a_comparison_are_asked_of_both_papers(offline):
    # "which is better?" after a comparison answered from an unrelated paper ("consistent better performance");
    # "how many parameters?" was asked of the first paper compared only
    question = "Compare SPLADE and SPLADE v2"
    compared = offline.ask(question)
    both = {c.paper_id for c in compared.citations}
    assert len(both) == 2
    history = [Turn(question, compared)]
    better = offline.ask("which one is better?", history=history)
    assert {c.paper_id for c in better.citations} == both, better.text
    count = offline.ask("how many parameters?", history=history)
    assert count.text == "Of the 2 papers the last answer cited, none states how many parameters.", count.text
    alone = offline.ask("which is better?")  # of no comparison yet
    assert alone.text.startswith("There is no earlier answer in this conversation") and not alone.citations


def test_an_ordinal_as_the_subject_of_does_points_at_a_listed_paper(offline):
    # "how many authors does the first have?" was read as asking the corpus to rank papers by authors
    first = offline.ask(FIRST)
    authors = offline.ask("how many authors does the first have?", history=[Turn(FIRST, first)])
    title = first.citations[0].title  # its record's count, or that it has none
    assert f"“{title}”" in authors.text and [c.title for c in authors.citations] == [title], authors.text


def test_a_list_sorted_by_date_in_a_follow_up_keeps_its_papers(offline):
    # "sort them by date" and "oldest first" were refused ("no retrieved abstract supports an answer")
    question = "Which papers are about dense retrieval?"
    first = offline.ask(question)
    listed = {c.paper_id for c in first.citations}
    history = [Turn(question, first)]
    for asked in ("sort them by date", "oldest first"):
        follow = offline.ask(asked, history=history)
        assert follow.citations and {c.paper_id for c in follow.citations} <= listed, follow.text
        dates = [c.date for c in follow.citations if c.date]
        assert dates == sorted(dates, reverse=asked.startswith("sort")), (asked, dates)
    # after one paper's answer ("which are from 2024?" of the unlearning papers: one), of the list before it
    question = "Which papers study LLM unlearning?"
    unlearning = offline.ask(question)
    year = offline.ask("which are from 2024?", history=[Turn(question, unlearning)])
    assert len(year.citations) == 1
    again = offline.ask("sort them by date", history=[Turn(question, unlearning), Turn("which are from 2024?", year)])
    assert {c.paper_id for c in again.citations} == {c.paper_id for c in unlearning.citations}, again.text


def test_and_the_oldest_after_the_newest_is_of_the_same_list(offline):
    # "and the oldest?" was refused: "no paper in it mentions “oldest”"
    question = "Which papers study LLM unlearning?"
    first = offline.ask(question)
    history = [Turn(question, first)]
    newest = offline.ask("which one is the most recent?", history=history)
    oldest = offline.ask("and the oldest?", history=[*history, Turn("which one is the most recent?", newest)])
    dated = sorted((c.date, c.title) for c in first.citations if c.date)
    assert oldest.text.startswith(f"The corpus dates “{dated[0][1]}” {dated[0][0].isoformat()}."), oldest.text


def test_show_more_says_what_the_last_list_left_out(offline):
    # "show more", "what else?" were refused as questions about "more" and "else"
    question = "Which papers are about dense retrieval?"  # more found than the twelve shown
    first = offline.ask(question)
    more = offline.ask("show more", history=[Turn(question, first)])
    assert more.text.startswith("The last list showed 12 of at least") and not more.citations, more.text
    question = "Which papers study LLM unlearning?"
    first = offline.ask(question)
    rest = offline.ask("what else?", history=[Turn(question, first)])
    assert rest.text.startswith(f"The last list gave the {len({c.paper_id for c in first.citations})} papers")
    assert offline.ask("show more").text.startswith("There is no earlier answer in this conversation")


def test_a_year_after_which_labs_work_on_a_topic_narrows_its_papers(offline):
    # "which are from 2024?" after "Which labs work on mixture of experts?" listed the corpus's 2024 papers
    question = "Which labs work on mixture of experts?"
    first = offline.ask(question)
    follow = offline.ask("which are from 2024?", history=[Turn(question, first)])
    listed = {c.paper_id for c in first.citations}
    assert follow.citations and {s.paper.id for s in follow.sources} <= listed, follow.text
    # the chat keeps what was typed: its Markdown is no part of the earlier question either ("**Which labs**")
    typed = "**Which labs** work on mixture of experts?"
    again = offline.ask("which are from 2024?", history=[Turn(typed, offline.ask(typed))])
    assert again.citations and {s.paper.id for s in again.sources} <= listed, again.text


def test_more_after_one_paper_s_answer_quotes_more_of_it_and_what_else_gives_other_papers(offline):
    # after one paper's answer, "tell me more" said the corpus did not cover it, and "what else?" said the
    # abstract "does not mention “else”"
    question = "What is GraphHash?"
    first = offline.ask(question)
    history = [Turn(question, first)]
    more = offline.ask("tell me more", history=history)
    assert more.text.startswith("More from “GraphHash") and [c.n for c in more.citations] == [1], more.text
    assert "This paper introduces GraphHash" not in more.text  # quoted already: the next sentences instead
    history.append(Turn("tell me more", more))
    again = offline.ask("show more", history=history)
    assert again.text.startswith("More from “GraphHash") and not set(again.claims) & set(more.claims), again.text
    for _ in range(4):  # the abstract runs out, and says so
        history.append(Turn("tell me more", again))
        again = offline.ask("tell me more", history=history)
    assert again.text.startswith("The answers so far quoted all that the abstract of “GraphHash"), again.text
    others = offline.ask("what else?", history=[Turn(question, first)])
    assert others.text.startswith("The 5 papers closest to “GraphHash"), others.text
    # ... after a list then one of its papers, of that paper (it said what the list left out)
    listed = "Which papers study LLM unlearning?"
    history = [Turn(listed, offline.ask(listed)), Turn("What is WAGLE?", offline.ask("What is WAGLE?"))]
    assert offline.ask("tell me more", history=history).text.startswith("More from “WAGLE")


def test_a_follow_up_on_one_paper_is_not_told_the_earlier_question_s_verb_is_unmentioned(offline):
    # "which dataset does it use?" after "How do recommender systems shrink …?" opened with "does not mention
    # “shrink”" (the earlier question's verb), not with what this one asks
    question = "How do recommender systems shrink their embedding tables?"
    first = offline.ask(question)
    answer = offline.ask("which dataset does it use?", history=[Turn(question, first)])
    assert answer.text.startswith("The abstract of “GraphHash"), answer.text
    assert "names no dataset or benchmark" in answer.text and "“shrink”" not in answer.text, answer.text


def test_a_year_after_a_glossed_list_narrows_that_list(offline):
    # "which are from 2023?" after "…, from easy to hard examples?" was refused: read after the list's question,
    # the gloss no longer ended the text and "easy" and "hard" were words CLIMB lacked
    question = "Which papers train models with a curriculum, from easy to hard examples?"
    answer = offline.ask("which are from 2023?", history=[Turn(question, offline.ask(question))])
    assert answer.text.startswith("Of the 4 papers the last answer cited, 1 is on this"), answer.text
    assert [c.title.split(":")[0] for c in answer.citations] == ["CLIMB"], answer.text


def test_more_after_a_comparison_asks_of_which_and_after_no_paper_says_there_is_none(offline):
    # both were searched as questions: a refusal naming unrelated papers, and "the last list gave the 0 papers"
    question = "Compare SPLADE and SPLADE v2"
    history = [Turn(question, offline.ask(question))]
    for more in ("tell me more", "what else?"):
        assert offline.ask(more, history=history).text.startswith("More of which paper? Ask of one")
    greeting = [Turn("hello", offline.ask("hello"))]
    assert offline.ask("tell me more", history=greeting).text.startswith("There is no earlier answer")


def test_more_after_a_list_of_one_paper_is_more_of_that_paper(offline):
    # "The last list gave the 1 papers found on that" was said to "tell me more" after a list of one
    question = "Which papers study momentum decoding?"
    first = offline.ask(question)
    assert len({c.paper_id for c in first.citations}) == 1, first.text
    more = offline.ask("tell me more", history=[Turn(question, first)])
    assert more.text.startswith("More from “"), more.text


def test_a_refusal_of_a_question_asked_of_the_listed_papers_is_said_of_them(offline):
    # "which of these quantize?" of eight compression papers: "The corpus does not cover this question", though the
    # corpus has papers on quantized LLMs; what was searched were the eight
    question = "Which papers compress LLMs?"
    listed = offline.ask(question)
    follow = offline.ask("which of these quantize?", history=[Turn(question, listed)])
    cited = len({c.paper_id for c in listed.citations})
    assert not follow.answerable, follow.text
    assert follow.text.startswith(f"None of the {cited} papers the last answer cited covers this"), follow.text


def test_which_of_the_listed_papers_is_most_upvoted_is_the_one_the_record_gives_most(offline):
    # "which is the most upvoted?" after a list was read as a comparison of all of them ("What each of the 11
    # does"); "how many upvotes does it have?" was "the abstract gives no figure"
    question = "Which papers study mixture of experts?"
    listed = offline.ask(question)
    history = [Turn(question, listed)]
    most = offline.ask("which is the most upvoted?", history=history)
    votes = {s.paper.id: s.paper.upvotes for s in listed.sources}
    counted = [(votes[c.paper_id], c.title) for c in listed.citations if votes[c.paper_id] is not None]
    assert counted, listed.text  # the list has upvoted papers, so that the test can fail
    top = max(counted)
    assert most.text.startswith(f"The corpus lists {top[0]} upvotes for “{top[1]}”"), most.text
    again = offline.ask("how many upvotes does it have?", history=[*history, Turn("which is the most upvoted?", most)])
    assert again.text.startswith(f"The corpus lists {top[0]} upvotes"), again.text
    # a list none of whose papers has upvotes recorded says so
    rag = "papers on retrieval-augmented generation"
    none = offline.ask("which one is the most upvoted?", history=[Turn(rag, offline.ask(rag))])
    assert none.text == "None of the papers the last answer cited has upvotes recorded.", none.text


def test_what_about_after_a_question_on_it_is_asked_of_the_paper_it_meant(offline):
    # "Tell me about RETRO", "how many parameters does it save?", "what about GPT-3?" was read as "how many
    # parameters does it save? what about GPT-3?", "it" no paper any more: a class-incremental learning paper answered
    history: list[Turn] = []
    for question in ("Tell me about RETRO", "how many parameters does it save?"):
        history.append(Turn(question, offline.ask(question, history=history)))
    answer = offline.ask("what about GPT-3?", history=history)
    assert answer.citations[0].title == "Improving language models by retrieving from trillions of tokens", answer.text
    assert "GPT-3" in answer.text.split("[1]")[0] + answer.text.split("[1]")[1], answer.text


def test_which_of_the_listed_papers_do_something_asks_each_for_that_thing(offline):
    # "which of them use gradient ascent?" had been read with the list's own question: WAGLE (unlearning, and a
    # "gradient difference") was listed as using gradient ascent
    question = "Which papers study LLM unlearning?"
    listed = offline.ask(question)
    follow = offline.ask("which of them use gradient ascent?", history=[Turn(question, listed)])
    titles = [c.title for c in follow.citations]
    assert follow.answerable and titles and all(t in {c.title for c in listed.citations} for t in titles)
    assert not [t for t in titles if t.startswith("WAGLE")], follow.text
    cited = len(listed.citations)  # said of the papers listed, not of the corpus
    assert follow.text.startswith(f"Of the {cited} papers the last answer cited, {len(titles)} "), follow.text
    by_id = {s.paper.title: s.paper.abstract for s in follow.sources}
    assert all("Gradient Ascent" in by_id[t] or "gradient ascent" in by_id[t] for t in titles), follow.text


def test_the_two_are_the_two_papers_the_last_answer_cited(offline):
    # "compare the two" after a list of two Matryoshka papers had answered from a "Two-Stage" retrieval paper
    question = "Which papers work on Matryoshka embeddings?"
    listed = offline.ask(question)
    assert len(listed.citations) == 2, listed.text  # (the test needs a list of two)
    both = offline.ask("compare the two", history=[Turn(question, listed)])
    assert {c.title for c in both.citations} == {c.title for c in listed.citations}, both.text
    # of more than two, which two is not said: asked back, nothing searched
    many = "Which papers study LLM unlearning?"
    seven = offline.ask(many)
    asked_back = offline.ask("how do these two differ?", history=[Turn(many, seven)])
    assert asked_back.text.startswith(f"The last answer cited {len(seven.citations)} papers: say which two")
    assert not asked_back.citations


def test_a_year_none_of_the_listed_papers_has_is_said_of_them(offline):
    # "which are from 2024?" of a list of undated hashing papers had answered "No paper in the corpus matches this
    # question with its restrictions", as if the corpus had been searched
    question = "papers on hashing for retrieval"
    listed = offline.ask(question)
    dated = [s.paper.date for s in listed.sources if s.paper.id in {c.paper_id for c in listed.citations}]
    assert listed.citations and all(d is None or d.year != 2024 for d in dated), listed.text  # (what it tests)
    for follow in ("which are from 2024?", "only the ones from 2024"):
        answer = offline.ask(follow, history=[Turn(question, listed)])
        assert answer.text == f"Of the {len(listed.citations)} papers the last answer cited, none dated 2024."
        assert not answer.answerable and "no known date" in " ".join(answer.notes)


def test_a_reply_asking_which_paper_has_no_bracketed_number_to_show_as_a_citation(offline):
    # "say which two (… “[1] and [3]”)" showed "[1]" and "[3]" as citation links in the chat, in a reply citing none
    question = "Which papers study LLM unlearning?"
    history = [Turn(question, offline.ask(question))]
    for follow in ("compare the two", "any similar papers?", "tell me more"):
        reply = offline.ask(follow, history=history)
        if not reply.citations:  # (a reply that asks back)
            assert not re.search(r"\[\d+\]", reply.text), reply.text
    asked = [offline.ask(f, history=history) for f in ("compare the two", "any similar papers?")]
    assert all(not a.citations for a in asked), [a.text for a in asked]  # (both ask back, so the test can fail)


def _talk(offline, *questions):
    history = []
    for asked in questions:
        history.append(Turn(asked, offline.ask(asked, history=history)))
    return history


def test_the_other_one_is_the_paper_of_the_comparison_before_not_just_discussed(offline):
    # "how does it differ from the other one?" had searched the corpus for "differ" and "other"
    history = _talk(offline, "Compare SPLADE and SPLADE v2", "what does the first one use?")
    first = history[-1].answer.citations[0].paper_id
    both = {c.paper_id for c in history[0].answer.citations}
    answer = offline.ask("how does it differ from the other one?", history=history)
    assert {c.paper_id for c in answer.citations} == both and first in both, answer.text
    again = offline.ask("and the other one?", history=history)
    assert [c.paper_id for c in again.citations][:1] == list(both - {first}), again.text


def test_the_other_one_of_a_longer_list_is_asked_for_and_it_is_the_paper_just_discussed(offline):
    history = _talk(offline, "Which papers study membership inference against LLMs?", "which one is the newest?")
    listed, newest = history[0].answer, history[1].answer.citations[0].paper_id
    assert len({c.paper_id for c in listed.citations}) > 2
    which = offline.ask("how does that compare to the other one?", history=history)
    assert not which.citations and which.text.startswith("Which other one?") and "[" not in which.text, which.text
    history.append(Turn("how does that compare to the other one?", which))
    # "it" is the paper just discussed (it had been read as the list's first paper, compared with itself)
    both = offline.ask("compare it with the first one", history=history)
    first = listed.citations[0].paper_id
    assert first != newest and {c.paper_id for c in both.citations} == {first, newest}, both.text
    # after a comparison of two, neither just discussed alone: which is asked, in a sentence of its own
    compared = _talk(offline, "Compare SPLADE and SPLADE v2")
    unsure = offline.ask("tell me more about the other one", history=compared)
    assert unsure.text.startswith("Which other one? Say which") and not unsure.citations, unsure.text
    alone = offline.ask("How does the other one work?")
    assert not alone.citations and "no earlier answer" in alone.text, alone.text


def test_only_a_pronoun_standing_for_a_paper_is_written_as_its_citation():
    assert this_written("how does that compare to [1]?", 3) == "how does [3] compare to [1]?"
    assert this_written("is this paper newer than [1]?", 3) == "is [3] newer than [1]?"
    assert this_written("what does [1] say that is new?", 3) == "what does [1] say that is new?"


def test_how_much_faster_after_a_comparison_is_asked_of_both_papers(offline):
    # it had searched the corpus for "faster" and answered from ZIP-FIT
    history = _talk(offline, "Compare HyperAttention and SALE")
    both = {c.paper_id for c in history[0].answer.citations}
    answer = offline.ask("how much faster?", history=history)
    assert {c.paper_id for c in answer.citations} == both and "3.36x" in answer.text, answer.text


def test_a_follow_up_opening_with_a_preposition_asks_of_the_paper_just_discussed(offline):
    # "by how much?" and "on which benchmark?" had been read as topics ("unlearning?") and searched for: a refusal
    # naming a membership-inference paper, and two Chinese benchmarks
    history = _talk(offline, "What does SPLADE v2 improve?")
    v2 = history[0].answer.citations[0].paper_id
    much = offline.ask("by how much?", history=history)
    assert [c.paper_id for c in much.citations] == [v2] and "9% gains" in much.text, much.text
    which = offline.ask("on which benchmark?", history=history)
    assert [c.paper_id for c in which.citations] == [v2] and "BEIR" in which.text, which.text


def test_a_thing_of_the_paper_just_discussed_is_asked_of_that_paper(offline):
    # "how effective is the attack?" after GASLITE's answer had answered from a paper on attacks on graph networks
    history = _talk(offline, "Tell me about GASLITE")
    gaslite = history[0].answer.citations[0].paper_id
    for follow in ("how effective is the attack?", "against which retrievers?"):
        answer = offline.ask(follow, history=history)
        assert [c.paper_id for c in answer.citations] == [gaslite], (follow, answer.text)
    # a question with a word of its own that paper lacks asks the corpus
    other = offline.ask("which papers attack graph neural networks?", history=history)
    assert gaslite not in {c.paper_id for c in other.citations}, other.text


def test_which_ones_asks_of_the_list_and_it_after_a_pointer_is_no_paper(offline):
    history = _talk(offline, "Which papers work on recommender systems?", "which ones handle cold start?")
    listed, ones = history[0].answer, history[1].answer
    assert ones.text.startswith("Of the ") and {c.paper_id for c in ones.citations} <= {
        c.paper_id for c in listed.citations
    }, ones.text
    # "it" after "the first one" is what it does, not the paper just discussed (it had been written as that paper:
    # "how does [1] do [2]?", answered by neither)
    first = offline.ask("how does the first one do it?", history=history)
    assert [c.paper_id for c in first.citations] == [listed.citations[0].paper_id], first.text


def test_how_many_after_a_list_is_how_many_it_listed(offline):
    # "how many are there?" had been asked of each listed paper ("none states how many are")
    history = _talk(offline, "Which papers use sparse autoencoders?")
    count = len({c.paper_id for c in history[0].answer.citations})
    for follow in ("how many are there?", "how many?"):
        answer = offline.ask(follow, history=history)
        assert answer.text == f"The last answer listed {count} papers.", answer.text
    assert "parameters" in offline.ask("how many parameters?", history=history).text  # a count asked of them
    # after what each of them does ("which is the simplest?"), the papers that answer cited
    history.append(Turn("which is the simplest?", offline.ask("which is the simplest?", history=history)))
    cited = len({c.paper_id for c in history[-1].answer.citations})
    assert cited > 1 and offline.ask("how many are there?", history=history).text == (
        f"The last answer cited {cited} papers."
    )


def test_follow_up_work_is_asked_as_which_papers_cite_the_paper_just_discussed(offline):
    # "is there follow-up work?" had answered from "Follow the Flow" (its word "follow")
    history = _talk(offline, "What is SPLADE?")
    answer = offline.ask("is there follow-up work?", history=history)
    assert answer.text.startswith("The corpus does not record which papers cite which"), answer.text
    assert any(c.title.startswith("SPLADE v2") for c in answer.citations), answer.text
    # after a list: of which paper is asked; opening a chat: nothing to point at
    listed = _talk(offline, "Which papers are about LLM unlearning?")
    which = offline.ask("papers that build on it?", history=listed)
    assert which.text.startswith("Follow-up work on which paper?") and not which.citations, which.text
    assert offline.ask("is there follow-up work?").text.startswith("There is no earlier answer")


def test_which_are_after_a_list_narrows_it(offline):
    # "which are for images?" had searched the corpus (an image-text matching paper, outside the list)
    history = _talk(offline, "What papers are there on hashing?")
    listed = {c.paper_id for c in history[0].answer.citations}
    images = offline.ask("which are for images?", history=history)
    assert images.citations and {c.paper_id for c in images.citations} <= listed, images.text
    corpus = offline.ask("which papers are for images?", history=history)  # names papers: asks the corpus
    assert not {s.paper.id for s in corpus.sources} <= listed, corpus.text


def test_the_task_or_the_main_idea_after_one_papers_answer_is_that_papers(offline):
    # "what was the task?" had answered from "Pre-training Tasks for …"; "what is the main idea?" from a survey
    history = _talk(offline, "Is there a paper on irony detection?")
    irony = history[0].answer.citations[0].paper_id
    for follow in ("what was the task?", "what is the main idea?"):
        answer = offline.ask(follow, history=history)
        assert answer.answerable and [c.paper_id for c in answer.citations] == [irony], (follow, answer.text)


def test_who_else_works_on_this_asks_for_the_papers_closest_to_the_one_just_discussed(offline):
    # it had searched the corpus for "else" and "works" and refused, naming two unrelated papers
    history = _talk(offline, "Tell me about LexRank")
    answer = offline.ask("who else works on this?", history=history)
    assert answer.text.startswith("The 5 papers closest to “LexRank"), answer.text


def test_that_as_a_questions_subject_is_the_paper_just_discussed(offline):
    # "how is that different from BERT?" had searched the corpus: a BERT survey answered, ERNIE-Gram left out
    history = _talk(offline, "What is ERNIE-Gram?")
    ernie = history[0].answer.citations[0].paper_id
    answer = offline.ask("how is that different from BERT?", history=history)
    assert ernie in {c.paper_id for c in answer.citations}, answer.text
    assert refers_back("does this beat BM25?") and not refers_back("Which papers show that this works?")


def test_a_follow_up_with_nothing_of_its_own_is_read_with_the_conversation(offline):
    # "what works better then?" after AxBench's answer had searched the corpus for nothing (a weight-sharing paper);
    # "which is the simplest?" after a list had too
    history = _talk(offline, "What does AxBench find?")
    axbench = history[0].answer.citations[0].paper_id
    better = offline.ask("what works better then?", history=history)
    assert [c.paper_id for c in better.citations] == [axbench], better.text
    listed = _talk(offline, "Which papers are about LLM unlearning?")
    simplest = offline.ask("which is the simplest?", history=listed)
    assert simplest.citations and {c.paper_id for c in simplest.citations} <= {
        c.paper_id for c in listed[0].answer.citations
    }, simplest.text


def test_how_many_after_a_refused_list_says_it_listed_none(offline):
    # found in Chromium: "The last answer listed 0 papers." then "Of the 20 papers the last answer cited, …"
    history = _talk(offline, "Which papers study protein folding?")
    assert not history[0].answer.citations
    answer = offline.ask("how many are there?", history=history)
    assert answer.text == "The last answer listed no paper (the corpus did not cover it).", answer.text


def test_titles_or_how_many_after_a_refusal_are_of_none_even_after_an_earlier_list(offline):
    # "give me just the titles" after a refusal had searched the corpus for "titles" and answered from a paper on
    # "multi-doc titles"; after a list and then a refusal, it and "how many were there?" had been of the list
    listed = _talk(offline, "Which papers use LLMs to rerank passages?")
    assert len({c.paper_id for c in listed[0].answer.citations}) > 1
    for history in (_talk(offline, "Which papers study quantum gravity in black holes?"), listed):
        if history is listed:
            refused = offline.ask("Which papers study quantum gravity in black holes?", history=listed)
            history = [*listed, Turn("Which papers study quantum gravity in black holes?", refused)]
        assert not history[-1].answer.answerable and not history[-1].answer.citations
        titles = offline.ask("give me just the titles", history=history)
        assert not titles.sources and "cited no papers" in titles.text, titles.text
        many = offline.ask("how many were there?", history=history)
        assert many.text == "The last answer listed no paper (the corpus did not cover it).", many.text
        one = offline.ask("and the one about LLMs?", history=history[-1:])
        assert not one.sources and one.text.startswith("The last answer cited no papers"), one.text
    # a reply of the chat's own citing none ("it has no ninth paper") is no refusal: "how many?" is of the list
    ninth = offline.ask("tell me about the ninth one", history=listed)
    assert "no ninth" in ninth.text, ninth.text
    many = offline.ask("how many are there?", history=[*listed, Turn("tell me about the ninth one", ninth)])
    count = len({c.n for c in listed[0].answer.citations})
    assert many.text == f"The last answer listed {count} papers.", many.text


def test_which_of_them_after_a_refusal_says_it_cited_none(offline):
    # "None of the 20 papers the last answer cited covers this": it had cited none, and had narrowed those it weighed
    history = _talk(offline, "Which papers use hashing for speech recognition?")
    assert not history[0].answer.answerable and not history[0].answer.citations
    # ("which one is the newest?" had said "None of the papers the last answer cited has a known date")
    for follow in ("which of them are from 2024?", "which of these use transformers?", "which one is the newest?"):
        answer = offline.ask(follow, history=history)
        assert not answer.answerable and answer.text.startswith("The last answer cited no papers"), answer.text


def test_how_a_list_s_papers_do_it_is_asked_of_them_in_their_own_words(offline):
    # "how do they detect membership?" after a list on membership inference had been refused as a topic ("detect"
    # with the list's words) that no paper holds whole; the closest of them are quoted, said to be of them
    history = _talk(offline, "Which papers study membership inference attacks on LLMs?")
    answer = offline.ask("how do they detect membership?", history=history)
    listed = {c.paper_id for c in history[0].answer.citations}
    opening = f"Of the {len(listed)} papers the last answer cited"
    assert answer.answerable and answer.text.startswith(opening), answer.text
    assert {c.paper_id for c in answer.citations} <= listed and "Membership Inference" in answer.text, answer.text
    # "which of them …" picks those on what it asks, and none may be
    history = _talk(offline, "What is Matryoshka Representation Learning?", "which papers build on it?")
    picked = offline.ask("which of them are about sparse retrieval?", history=history)
    assert not picked.answerable, picked.text


def test_which_of_them_are_from_an_organisation_is_the_organisation_filter(offline):
    # "which of them are from Amazon?" had said no paper mentions "Amazon": the record's organisation was not read
    history = _talk(offline, "Which papers study mixture-of-experts models?")
    amazon = offline.ask("which of them are from Amazon?", history=history)
    assert [c.title.split(":")[0] for c in amazon.citations] == ["Expert Upcycling"], amazon.text
    meta = offline.ask("which of them are by Meta?", history=history)
    assert not meta.answerable and meta.text.startswith("The corpus has no paper recorded as from Meta"), meta.text


def test_which_of_them_report_speedups_is_each_one_s_gain(offline):
    # it had been refused as a topic ("report", "speedup") none of the 8 holds: VTrans accelerates compression 25x
    history = _talk(offline, "Which papers compress large language models?")
    answer = offline.ask("which of them report speedups?", history=history)
    assert answer.answerable and "state one" in answer.text and "25 times" in answer.text, answer.text


def test_a_year_asked_of_the_papers_similar_to_one_lists_those_admitted(offline):
    # it had been refused: the similar papers were judged against the words "any similar papers"
    # (Seismic's nearest papers include one dated 2024)
    history = _talk(offline, "What is Seismic?", "any similar papers?")
    answer = offline.ask("which of them are from 2024?", history=history)
    similar = {c.paper_id for c in history[1].answer.citations}
    assert answer.answerable and answer.text.startswith("Of the 5 papers the last answer cited"), answer.text
    assert answer.citations and {c.paper_id for c in answer.citations} <= similar, answer.text
    assert all(c.date and c.date.year == 2024 for c in answer.citations), answer.text


def test_how_an_answer_should_read_asked_of_the_paper_just_discussed_is_asked_of_it(offline):
    # "summarize it in one sentence", "explain it simply" had been "The abstract of WAGLE does not say this" (its
    # words "sentence", "simply" asked of it); "what is the gist?" had searched the corpus for "gist", and a
    # follow-up after it had been read with "gist"
    history = _talk(offline, "Tell me about WAGLE")
    wagle = history[0].answer.citations[0].paper_id
    for follow in ("summarize it in one sentence", "explain it simply", "what is the gist?",
                   "give me a one-sentence summary", "what's the key takeaway?"):  # fmt: skip
        answer = offline.ask(follow, history=history)
        assert answer.answerable and [c.paper_id for c in answer.citations] == [wagle], (follow, answer.text)
        history.append(Turn(follow, answer))
    task = offline.ask("what was the task?", history=history)
    assert [c.paper_id for c in task.citations] == [wagle], task.text


def test_is_it_better_than_the_first_one_gives_each_ones_results_when_neither_names_the_other(offline):
    # "is it better than the first one?" after WAGLE (the list's second) had been refused: WAGLE "lacks
    # “Guaranteed Unlearning”", words of the other paper's title
    history = _talk(offline, "Which papers study LLM unlearning?", "tell me about the second one")
    first, second = (c.paper_id for c in history[0].answer.citations[:2])
    answer = offline.ask("is it better than the first one?", history=history)
    assert answer.answerable and {c.paper_id for c in answer.citations} == {first, second}, answer.text
    assert answer.text.startswith("Neither abstract names the other"), answer.text


def test_which_of_them_use_llms_narrows_a_list_to_papers_on_language_models(offline):
    # "LLM" frames most questions, so "which of these use LLMs?" had no word of its own: every paper listed stayed,
    # and of a list of one, that paper was quoted as if it used them
    history = _talk(offline, "Which papers study dense retrieval?")
    listed = {c.paper_id for c in history[0].answer.citations}
    answer = offline.ask("which of them use LLMs?", history=history)
    cited = {c.paper_id: c for c in answer.citations}
    assert cited and set(cited) < listed, answer.text
    papers = {s.paper.id: s.paper for s in answer.sources}
    assert all(on_language_models(papers[i]) for i in cited), answer.text
    history = _talk(offline, "Which papers study dense retrieval?", "only the ones from 2024")
    one = offline.ask("which of these use LLMs?", history=history)
    (only,) = history[1].answer.citations  # Relevance Filtering for Embedding-based Retrieval, on no LLM
    assert not on_language_models(next(s.paper for s in history[1].answer.sources if s.paper.id == only.paper_id))
    assert "does not mention “LLMs”" in one.text, one.text


def test_a_follow_up_leaving_things_out_narrows_the_list_just_given(offline):
    # "exclude surveys" after a list had searched the corpus for "exclude" and "surveys" (a refusal naming a BERT
    # survey); "which of them are not surveys?" had listed the one survey
    history = _talk(offline, "Which papers study LLM unlearning?")
    listed = {c.paper_id: c.title for c in history[0].answer.citations}
    sok = next(i for i, t in listed.items() if t.startswith("SoK"))
    for follow in ("exclude surveys", "which of them are not surveys?"):
        answer = offline.ask(follow, history=history)
        cited = {c.paper_id for c in answer.citations}
        assert answer.answerable and cited == set(listed) - {sok}, (follow, answer.text)
        assert "leaving out those that mention “surveys”" in answer.text, answer.text


def test_a_summary_or_a_record_field_after_a_paper_pointed_at_is_of_that_paper(offline):
    # after "tell me about the second one", "summarize it in one sentence" had been "does not say this" (asked
    # for the word "summarize"), and "is there a link?" answered of ADAHESSIAN, searched for "second" and "link"
    history = _talk(offline, "Which papers study LLM unlearning?", "tell me about the second one")
    second = history[1].answer.citations[0].paper_id
    summary = offline.ask("summarize it in one sentence", history=history)
    assert summary.answerable and [c.paper_id for c in summary.citations] == [second], summary.text
    history.append(Turn("summarize it in one sentence", summary))
    title = history[1].answer.citations[0].title
    for follow in ("is there a link?", "how many upvotes?"):
        answer = offline.ask(follow, history=history)
        assert answer.text.startswith("The corpus lists no ") and f"“{title}”" in answer.text, (follow, answer.text)


def test_a_narrowing_after_a_paper_pointed_at_reads_with_the_list_not_the_pointing(offline):
    # "which of them use LLMs?" after "tell me about the second one" and a comparison had been read with "second"
    # (a word of pointing): "none of the 2 papers … covers this", though both are on LLM unlearning
    history = _talk(offline, "Which papers study LLM unlearning?", "tell me about the second one",
                    "is it better than the first one?")  # fmt: skip
    both = {c.paper_id for c in history[2].answer.citations}
    answer = offline.ask("which of them use LLMs?", history=history)
    assert answer.answerable and {c.paper_id for c in answer.citations} == both, answer.text


def test_how_does_it_compare_to_a_named_paper_searches_for_that_paper_too(offline):
    # "how does it compare to SPLADE?" after ColBERT-XM's answer: the question, holding ColBERT-XM's long title,
    # found no SPLADE paper: a SPLADE-based paper stood in, and the next answer said no paper is named "SPLADE"
    history = _talk(offline, "What is ColBERT?", "how does it compare to SPLADE?")
    titles = [c.title for c in history[1].answer.citations]
    assert any(t.startswith("SPLADE:") for t in titles) and any(t.startswith("ColBERT-XM") for t in titles), titles
    answer = offline.ask("what datasets do they use?", history=history)
    assert "No paper in the corpus is named “SPLADE”" not in answer.text, answer.text


def test_compare_them_after_one_papers_answer_compares_the_list_before_it(offline):
    # "compare them" after "which is the newest?" had been asked of the newest paper alone: "does not say this"
    history = _talk(offline, "Which papers study LLM unlearning?", "which is the newest?")
    listed = {c.paper_id for c in history[0].answer.citations}
    answer = offline.ask("compare them", history=history)
    cited = {c.paper_id for c in answer.citations}
    assert answer.answerable and len(cited) > 1 and cited <= listed, answer.text


def test_a_new_topic_after_a_refusal_or_after_a_topic_alone_is_asked_alone(offline):
    # "what about RNA?" after a refused "protein folding" had been read with it ("mentions “protein” or “RNA”");
    # "ok, what about unlearning?" had been refused for "ok"; "and what about hashing?" after it read as
    # "unlearning hashing" and refused
    history = _talk(offline, "Which papers study protein folding?", "what about RNA?")
    assert "“protein”" not in history[1].answer.text and "“RNA”" in history[1].answer.text, history[1].answer.text
    unlearning = offline.ask("ok, what about unlearning?", history=history)
    assert unlearning.answerable and "Unlearning" in unlearning.citations[0].title, unlearning.text
    history.append(Turn("ok, what about unlearning?", unlearning))
    hashing = offline.ask("and what about hashing?", history=history)
    assert hashing.answerable and all("ash" in c.title for c in hashing.citations[:3]), hashing.text
    # a property asked again of another thing still reads with the question before (its "save" is asked again)
    history = _talk(offline, "How many parameters does LoRA save?")
    again = offline.ask("what about GPT-3?", history=history)
    assert "“save”" in again.text and "“GPT-3”" in again.text, again.text


def test_a_goodbye_is_answered_without_a_search(offline):
    # "bye" had been searched for: "no paper in it mentions “bye”"
    for bye in ("bye", "ok bye!", "that's all for now, thanks", "see you later"):
        answer = offline.ask(bye)
        assert answer.text == GOODBYE and not answer.sources, (bye, answer.text)


def test_a_narrowing_after_a_narrowing_narrows_what_the_last_one_listed(offline):
    # "exclude the ones on images" after "which of them use LLMs?" (3 of 8) had been asked of all 8 again
    history = _talk(offline, "What are the newest papers on retrieval?", "which of them use LLMs?")
    narrowed = {c.paper_id for c in history[1].answer.citations}
    answer = offline.ask("exclude the ones on images", history=history)
    cited = {c.paper_id for c in answer.citations}
    assert answer.answerable and cited and cited <= narrowed, answer.text
    assert answer.text.startswith(f"Of the {len(narrowed)} papers the last answer cited"), answer.text


def test_how_well_does_it_do_leads_with_what_the_paper_found_of_itself(offline):
    # "how well does it do?" after the irony-detection paper had quoted "… a part of SemEval 2018" (a year read as
    # the figure asked) instead of what it found
    history = _talk(offline, "Is there a paper on irony detection?")
    answer = offline.ask("how well does it do?", history=history)
    quoted = answer.text.split("]: ", 1)[1]
    assert quoted.startswith("Although our model is able to outperform the baseline"), answer.text


def test_another_year_for_a_list_asked_of_a_year_searches_that_year_again(offline):
    # "what about 2025?" after "What's new in retrieval in 2026?" had been asked of its 2026 papers ("none dated
    # 2025"), and "what about 2024?" after that too ("this year" at a question's end: the unit tests of dates)
    history = _talk(offline, "What's new in retrieval in 2026?")
    assert history[0].answer.citations, history[0].answer.text
    for follow, year in (("what about 2025?", 2025), ("what about 2024?", 2024)):
        answer = offline.ask(follow, history=history)
        assert answer.citations and all(c.date and c.date.year == year for c in answer.citations), (follow, answer.text)
        history.append(Turn(follow, answer))


def test_which_of_them_after_a_list_asked_by_its_order_narrows_that_list(offline):
    # after "What's new in retrieval in 2026?" and "what about 2025?", "which of them use LLMs?" had been read with
    # "What's in retrieval" (the list's order words gone, and with them its being a list): one paper was quoted
    history = _talk(offline, "What's new in retrieval in 2026?", "what about 2025?")
    listed = {c.paper_id for c in history[1].answer.citations}
    answer = offline.ask("which of them use LLMs?", history=history)
    assert answer.text.startswith(f"Of the {len(listed)} papers the last answer cited"), answer.text
    # each listed paper on language models, none else (the list's membership is not judged again)
    papers = {s.paper.id: s.paper for s in history[1].answer.sources}
    on_lms = {i for i in listed if on_language_models(papers[i])}
    assert len(on_lms) >= 3 and {c.paper_id for c in answer.citations} == on_lms, answer.text


def test_a_new_topic_after_thanks_and_a_topic_of_three_words_are_lists(offline):
    # found in Chromium: "ok thanks, now what about hashing?" after a paper's datasets had quoted one hashing paper
    # ("thanks," was stripped alone, "ok" before it); "what about learned sparse retrieval?" (five words) had
    # quoted one paper as a question of fact, where "what about hashing?" listed the papers on hashing
    history = _talk(offline, "which papers work on learned sparse retrieval?", "what datasets does the second one use?")
    hashing = offline.ask("ok thanks, now what about hashing?", history=history)
    assert hashing.text.startswith("The corpus has"), hashing.text
    assert len(hashing.citations) >= 5 and all("ash" in c.title for c in hashing.citations[:5]), hashing.text
    sparse = offline.ask("what about learned sparse retrieval?")
    assert sparse.text.startswith("The corpus has") and len(sparse.citations) >= 5, sparse.text


def test_a_figure_asked_of_a_list_gives_each_papers_own(offline):
    # "how much smaller do they get?" after a list had answered "No paper in the corpus clearly addresses this" (the
    # list's question and it, read as one list); each listed paper's figure is asked, one line each, and a figure
    # inside a model's name ("LLaMA-2-7B") is none
    history = _talk(offline, "Which papers drop or prune layers of pretrained transformers?")
    listed = len(history[0].answer.citations)
    answer = offline.ask("how much smaller do they get?", history=history)
    assert answer.text.startswith(f"Of the {listed} papers the last answer cited, "), answer.text
    lines = [line for line in answer.text.splitlines() if line.startswith("- ")]
    assert lines and all(re.search(r"\d+(\.\d+)?\s*(%|x\b|×)", line) for line in lines), answer.text
    assert any("Dropping Layers" in line and "40%" in line for line in lines), answer.text
    assert "LLaMA-2-7B" not in answer.text, answer.text


def test_a_list_asked_of_it_after_a_topic_defined_is_of_the_topic(offline):
    # found in Chromium: "which papers improve it?" after "what is retrieval-augmented generation?" had quoted the
    # one paper that answered, again; "it" is the topic defined (not a paper named: "What is SPLADE v2?")
    history = _talk(offline, "what is retrieval-augmented generation?")
    answer = offline.ask("which papers improve it?", history=history)
    assert answer.text.startswith("The corpus has") and len(answer.citations) >= 3, answer.text
    assert sum("etrieval-" in c.title or "RAG" in c.title for c in answer.citations) >= 3, answer.text


def test_which_of_two_compared_has_more_upvotes_is_read_from_the_record(offline):
    # "which has more upvotes?" after a comparison had compared the two again ("more" read as "which is better?"),
    # and "which is more popular?" after a list had been answered with what each paper does
    history = _talk(offline, "Compare MaskSearch and RSQ")
    answer = offline.ask("which has more upvotes?", history=history)
    assert "3 upvotes" in answer.text and answer.citations[0].title.startswith("RSQ"), answer.text
    listed = _talk(offline, "Which papers study LLM unlearning?")
    popular = offline.ask("which is more popular?", history=listed)
    assert "upvote" in popular.text and not popular.text.startswith("What each"), popular.text


def test_a_limit_asked_of_the_second_paper_compared_is_its_own(offline):
    # "what's the main weakness of the second?" after a comparison was asked of the paper by its whole title,
    # whose words were taken for a topic: prior works' limit had been quoted as the paper's own
    history = _talk(offline, "Compare ColBERT-XM and Arctic-Embed 2.0")
    answer = offline.ask("what's the main weakness of the second?", history=history)
    assert "Arctic-Embed 2.0" in answer.text and "states no limitation of its own" in answer.text, answer.text
    assert "prior works have suffered" not in answer.text, answer.text


def test_what_about_another_topic_after_a_list_replaces_its_topic(offline):
    # found in Chromium: "what about hashing?" after "Which papers study LLM unlearning?" (and after a figure asked
    # of that list) had been read as "LLM unlearning hashing" and refused ("the closest lacks “hashing”")
    history = _talk(offline, "Which papers study LLM unlearning?")
    hashing = offline.ask("what about hashing?", history=history)
    assert hashing.text.startswith("The corpus has") and all("ash" in c.title for c in hashing.citations[:5])
    history = _talk(offline, "Which papers study LLM unlearning?", "how much do they save?")
    again = offline.ask("what about hashing?", history=history)
    assert again.text.startswith("The corpus has"), again.text
    # "what about for dense retrieval?" keeps the list's topic: a preposition goes on from it
    reranking = _talk(offline, "Which papers use LLMs to rerank passages?")
    dense = offline.ask("what about for dense retrieval?", history=reranking)
    assert dense.text != offline.ask("what about dense retrieval?").text, dense.text  # not asked alone


def test_what_about_a_phrase_of_the_same_head_asks_the_question_before_of_it(offline):
    # "what about language models?" after "… how video models recall facts?" had been asked as both ("the closest
    # lacks “video”"); its phrase takes the place of "video models"
    first_question = "Which papers study how video models recall facts?"
    first = offline.ask(first_question)
    follow = offline.ask("what about language models?", history=[Turn(first_question, first)])
    assert follow.answerable and "video" not in follow.text.casefold(), follow.text
    assert any("Entity" in c.title or "Factual Recall" in c.title for c in follow.citations), follow.text


def test_the_papers_a_list_cited_are_not_judged_again_as_a_list(offline):
    # "which of them are from 2024?" left one paper, which lacks the list's "hard negatives": it was listed, so the
    # year's answer lists it, and "which of them use LLMs?" of it is answered from it (both had been refused)
    hard = "Which papers mine, generate or filter the hard negatives used to train retrievers?"
    _, year, llms = (t.answer for t in _talk(offline, hard, "which of them are from 2024?", "which of them use LLMs?"))
    assert year.answerable and year.text.startswith("Of the"), year.text
    assert (
        llms.answerable
        and "LLMs" in llms.text
        and [c.title for c in llms.citations] == [c.title for c in year.citations]
    ), llms.text


def test_which_of_them_is_asked_in_its_own_words(offline):
    # of the flagship's four: the one that builds on gradient ascent, not one naming it "(e.g., gradient ascent)"
    # among others' methods; the head is the follow-up's, not a hedge on the list's "entity"
    flagship = "Which papers make LLMs forget a target entity, and how?"
    _, ascent = (t.answer for t in _talk(offline, flagship, "which of them use gradient ascent?"))
    assert ascent.text.startswith("Of the 4 papers the last answer cited, 1 is on this"), ascent.text
    assert "Sparse-Autoencoder" not in ascent.text, ascent.text
    # of the one paper a list cited: what it never mentions is said so, not answered as if it did
    cyber = "Which papers apply retrieval-augmented generation to cyber threat intelligence?"
    _, hashing = (t.answer for t in _talk(offline, cyber, "which of them use hashing?"))
    assert "does not mention “hashing”" in hashing.text, hashing.text


def test_the_open_problems_after_a_list_are_those_its_papers_state(offline):
    # "what are the open problems?" after a list had searched the corpus for nothing and was refused
    hallucination = "Which papers study hallucination in language models?"
    _, problems = (t.answer for t in _talk(offline, hallucination, "what are the open problems?"))
    assert problems.answerable and "limit or open problem" in problems.text, problems.text
    assert "Do I Know This Entity?" in problems.text, problems.text


def test_a_method_named_only_among_others_examples_is_said_to_be_so(offline):
    # "(e.g., gradient ascent)" of others' methods had been quoted as the paper's answer to "does it use …?"
    turns = ("Which papers use sparse autoencoders?", "which of them are about unlearning?")
    turns += ("does it use gradient ascent?",)
    *_, ascent = (t.answer for t in _talk(offline, *turns))
    assert "mentions “gradient ascent” only as an example" in ascent.text, ascent.text


def test_the_newest_one_of_a_list_is_asked_of_by_its_date(offline):
    first = offline.ask("Which papers study machine unlearning for LLMs?")
    history = [Turn(first.question, first)]
    dated = [c for c in first.citations if c.date]
    assert len(dated) >= 2
    latest, earliest = max(dated, key=lambda c: c.date), min(dated, key=lambda c: c.date)
    # (it had searched the corpus for "newest": refused, or about another paper)
    about = offline.ask("What is the newest one about?", history=history)
    assert about.answerable and [c.title for c in about.citations] == [latest.title], about.text
    assert "newest" not in about.text, about.text
    oldest = offline.ask("what does the oldest paper propose?", history=history)
    assert [c.title for c in oldest.citations] == [earliest.title], oldest.text
    # "the latest paper on hashing" asks the corpus; with nothing before, "the newest one" points at nothing
    assert "hashing" in offline.ask("What is the latest paper on hashing?", history=history).citations[0].title.lower()
    assert not offline.ask("What is the newest one about?").answerable


def test_the_most_upvoted_one_and_the_newest_and_oldest_are_pointers_too(offline):
    moe = offline.ask("Which papers are about mixture-of-experts models?")
    votes = {s.paper.title: s.paper.upvotes or 0 for s in moe.sources}
    top = max((c.title for c in moe.citations), key=lambda t: votes[t])
    proposed = offline.ask("What does the most upvoted one propose?", history=[Turn(moe.question, moe)])
    assert [c.title for c in proposed.citations] == [top], proposed.text  # had listed the corpus's most upvoted
    first = offline.ask("Which papers study LLM unlearning?")
    history = [Turn(first.question, first)]
    dated = sorted((c for c in first.citations if c.date), key=lambda c: c.date)
    both = offline.ask("Compare the newest and the oldest.", history=history)
    assert {c.title for c in both.citations} == {dated[0].title, dated[-1].title}, both.text
    which = offline.ask("What's the earliest one?", history=history)  # which one it is: its date said
    assert which.text.startswith(f"The corpus dates “{dated[0].title}” {dated[0].date.isoformat()}."), which.text


def test_which_papers_are_the_newest_lists_the_corpus_newest_first(offline):
    answer = offline.ask("Which papers are the newest?")  # had been refused: no paper mentions "newest"
    assert answer.answerable and "newest" in answer.text.splitlines()[0], answer.text


@pytest.mark.parametrize(
    "follow", ["tell me about the first two", "tell me more about [1] and [2]", "summarize the first two", "top 2 only"]
)
def test_papers_pointed_at_and_only_to_be_shown_are_each_shown(offline, follow):
    # each had been refused ("none of the 2 papers covers this": their titles' words read as a topic) or told of one
    first = offline.ask("Which papers study LLM unlearning?")
    numbers = sorted({c.n for c in first.citations})[:2]
    titles = [next(c.title for c in first.citations if c.n == n) for n in numbers]
    answer = offline.ask(follow, history=[Turn(first.question, first)])
    assert answer.answerable and answer.text.startswith("The 2 papers asked about:"), answer.text
    assert [line.split(":")[0] for line in answer.text.splitlines()[1:]] == [f"- {t.split(':')[0]}" for t in titles]
    compared = offline.ask("compare the first two", history=[Turn(first.question, first)])  # asks something of them
    assert not compared.text.startswith("The 2 papers asked about"), compared.text


def test_which_one_reports_the_biggest_gain_is_asked_of_the_list(offline):
    # it had searched the corpus ("no paper in it mentions “biggest”"), or refused the list's own papers
    first = offline.ask("Which papers study knowledge distillation for retrievers?")
    cited = {c.title for c in first.citations}
    for follow in ("which one reports the biggest gain?", "which of them reports the largest improvement?"):
        answer = offline.ask(follow, history=[Turn(first.question, first)])
        assert answer.answerable and {c.title for c in answer.citations} <= cited, answer.text
    assert not offline.ask("which one reports the biggest gain?").answerable  # of no list yet


@pytest.mark.parametrize("follow", ["give me just the titles", "only titles please", "list the titles"])
def test_just_the_titles_of_a_list_are_its_papers_titles(offline, follow):
    # it had searched the corpus for "titles" (a paper writing "multi-doc titles")
    first = offline.ask("Papers on graph neural networks please")
    answer = offline.ask(follow, history=[Turn(first.question, first)])
    titles = list(dict.fromkeys(c.title for c in first.citations))
    assert answer.text.splitlines()[1:] == [f"- {t}" for t in titles], answer.text
    assert not answer.sources  # nothing searched


def test_sort_by_upvotes_orders_the_list_and_the_first_or_the_second_is_two_papers(offline):
    moe = offline.ask("Which papers are about mixture-of-experts models?")
    history = [Turn(moe.question, moe)]
    votes = {s.paper.title: s.paper.upvotes or 0 for s in moe.sources}
    by_votes = offline.ask("sort them by upvotes", history=history)  # "no paper mentions “upvotes”" before
    listed = [c.title for c in by_votes.citations]
    assert by_votes.answerable and set(listed) == {c.title for c in moe.citations}, by_votes.text
    assert [votes[t] for t in listed] == sorted((votes[t] for t in listed), reverse=True), by_votes.text
    # "the first or the second" had pointed at the second alone
    either = offline.ask("which is newer, the first or the second?", history=history)
    first_two = list(dict.fromkeys(c.title for c in moe.citations))[:2]
    assert {c.title for c in either.citations} == set(first_two), either.text


def test_the_one_about_something_points_at_the_paper_of_the_list_holding_it(offline):
    first = offline.ask("Which papers study LLM unlearning?")
    history = [Turn(first.question, first)]
    wagle = offline.ask("tell me more about the WAGLE paper", history=history)
    history.append(Turn("tell me more about the WAGLE paper", wagle))
    # it had been refused ("no paper found is about all of it"), after one paper of the list
    sae = offline.ask("and the one about sparse autoencoders?", history=history)
    assert [c.title for c in sae.citations] == [
        "Sparse-Autoencoder-Guided Internal Representation Unlearning for Large Language Models"
    ], sae.text
    private = offline.ask("what does the one on differential privacy guarantee?", history=history[:1])
    assert [c.title for c in private.citations][:1] == [
        "DP2Unlearning: An Efficient and Guaranteed Unlearning Framework for LLMs"
    ], private.text


def test_the_one_about_something_several_papers_hold_asks_which(offline):
    # "what is the one about LLMs?" of a list of LLM unlearning papers had searched the corpus and answered from a
    # paper outside the list
    first = offline.ask("Which papers study machine unlearning for LLMs?")
    answer = offline.ask("what is the one about LLMs?", history=[Turn(first.question, first)])
    assert not answer.citations and "of the papers the last answer cited are about “LLMs”" in answer.text, answer.text
    assert "Say which" in answer.text and "[" not in answer.text, answer.text


def test_compare_the_two_after_two_answers_of_one_paper_each_compares_those_papers(offline):
    # "compare the two" after SENet's answer and then RegNet's had said the last answer has no two papers
    history = _talk(offline, "What is SENet?", "what about the RegNet paper?")
    assert [len({c.paper_id for c in t.answer.citations}) for t in history] == [1, 1]
    both = offline.ask("compare the two", history=history)
    assert {c.title for c in both.citations} == {
        "Squeeze-and-Excitation Networks",
        "RegNet: Self-Regulated Network for Image Classification",
    }, both.text
    # after a list of two, "the two" is still of its papers
    listed = _talk(offline, "Which papers use LLMs to rerank passages?")
    two = {c.title for c in listed[0].answer.citations}
    assert len(two) == 2 and {c.title for c in offline.ask("compare the two", history=listed).citations} == two


def test_how_many_or_the_titles_after_one_paper_of_a_list_are_of_the_list(offline):
    # "how many are there?" after "what tokenizer does the second one use?" had answered of that one paper
    history = _talk(
        offline,
        "Which papers build a single model that both understands and generates images?",
        "what tokenizer does the second one use?",
    )
    listed = list(dict.fromkeys(c.title for c in history[0].answer.citations))
    assert len(listed) > 2 and len({c.paper_id for c in history[1].answer.citations}) == 1
    many = offline.ask("how many are there?", history=history)
    assert many.text == f"The list before the last answer listed {len(listed)} papers.", many.text
    titles = offline.ask("give me just the titles", history=history)
    assert titles.text.splitlines()[1:] == [f"- {t}" for t in listed], titles.text


def test_which_is_better_or_how_they_differ_after_two_answers_of_one_paper_each_compares_them(offline):
    # each had answered from the last paper alone ("does not mention “one”"); SPLADE's answer names a related paper
    # after it, which is no second paper of that answer
    history = _talk(offline, "What is SPLADE?", "and SPLADE v2?")
    two = {history[0].answer.citations[0].title, history[1].answer.citations[0].title}
    assert len(two) == 2
    for follow in ("what's the difference between them?", "compare both", "which one is better?"):
        answer = offline.ask(follow, history=history)
        assert {c.title for c in answer.citations} >= two and "does not mention" not in answer.text, answer.text
    # "how do they differ?" after that comparison is of the same two
    better = offline.ask("which one is better?", history=history)
    differ = offline.ask("how do they differ?", history=[*history, Turn("which one is better?", better)])
    assert {c.title for c in differ.citations} >= two, differ.text


def test_and_the_third_after_one_paper_of_a_list_asks_nothing_of_the_word_third(offline):
    # it had answered "The abstract of … does not mention “third”"
    history = _talk(offline, "Which papers study LLM unlearning?", "tell me more about the second one")
    third = offline.ask("and the third?", history=history)
    titles = list(dict.fromkeys(c.title for c in history[0].answer.citations))
    assert third.citations[0].title == titles[2] and "third" not in third.text, third.text


def test_a_pointer_told_how_to_answer_and_are_there_any_others_are_follow_ups(offline):
    # "summarize the first one in one sentence" had searched the corpus for summarization papers; "are there any
    # others?" for "others" (a paper whose model "outperforms others")
    history = _talk(offline, "Which papers use hashing for retrieval?")
    first = offline.ask("summarize the first one in one sentence", history=history)
    assert [c.title for c in first.citations][:1] == [history[0].answer.citations[0].title], first.text
    one = _talk(offline, "Which papers study membership inference attacks?", "what method does it use?")
    others = offline.ask("are there any others?", history=one)
    assert "KaLM" not in others.text and others.citations, others.text
    assert not ({c.title for c in others.citations} & {one[-1].answer.citations[0].title}), others.text


def test_a_kind_asked_of_a_paper_after_its_gist_and_another_question_is_asked_of_it(offline):
    # "what datasets does it use?" after "Tell me about MRL" and "what are its limitations?" had been read as
    # "Tell me about MRL what datasets …" and answered with the gist again
    history = _talk(offline, "Tell me about Matryoshka representation learning", "what are its limitations?")
    datasets = offline.ask("what datasets does it use?", history=history)
    assert "ImageNet, JFT" in datasets.text.split("[1]: ", 1)[1].split(" [1]")[0], datasets.text  # first said


def test_which_of_them_need_no_training_quotes_where_each_says_so(offline):
    # LM-Infinite had been quoted on pre-training schemes truncating sequences, not on needing no parameter updates
    history = _talk(offline, "Which papers study length generalization?")
    free = offline.ask("which of them need no training?", history=history)
    assert "requiring no parameter updates" in free.text, free.text


def test_similar_papers_are_of_the_paper_an_answer_was_of_and_near_it_by_its_whole_abstract(offline):
    # after "What is SPLADE?" (its answer names a related paper after it) it had asked "Similar to which paper?";
    # SPLADE's nearest had been searched by its one sentence of what it does ("In this work, we present …")
    history = _talk(offline, "What is SPLADE?")
    similar = offline.ask("any similar papers?", history=history)
    titles = [c.title for c in similar.citations]
    assert titles and "SPLADE v2: Sparse Lexical and Expansion Model for Information Retrieval" in titles, similar.text
    assert history[0].answer.citations[0].title not in titles, similar.text


def test_which_is_most_cited_of_a_list_says_the_corpus_records_no_citations(offline):
    # it had been read as "which is better?" and described each of the list's papers
    history = _talk(offline, "Which papers study dense retrieval?")
    cited = offline.ask("which is most cited?", history=history)
    assert cited.text.startswith("The corpus records no citation counts"), cited.text


def test_which_is_most_cited_after_one_paper_says_only_that_no_counts_are_recorded(offline):
    # after one paper's answer it had said "The corpus records no citation counts. What it does: …" of that paper
    history = _talk(offline, "Which papers study LLM unlearning?", "tell me more about the second one")
    cited = offline.ask("which is most cited?", history=history)
    assert cited.text == "The corpus records no citation counts.", cited.text
    # ... which refused no topic: "how many are there?" after it is still of the list (it had said "no paper")
    many = offline.ask("how many are there?", history=[*history, Turn("which is most cited?", cited)])
    count = len({c.n for c in history[0].answer.citations})
    assert many.text == f"The list before the last answer listed {count} papers.", many.text


def test_how_many_and_the_titles_after_a_list_narrowed_to_one_paper_are_of_that_list(offline):
    # "only the ones about multimodal models" kept one of eight unlearning papers; "how many?" had answered "The list
    # before the last answer listed 8 papers", as if the one were picked from the list rather than the list asked
    history = []
    for question in ("Which papers study unlearning?", "only the ones about multimodal models"):
        history.append(Turn(question, offline.ask(question, history=history)))
    assert len({c.paper_id for c in history[-1].answer.citations}) == 1, history[-1].answer.text
    assert offline.ask("how many?", history=history).text == "The last answer listed 1 paper."
    titles = offline.ask("give me the titles", history=history).text
    assert titles.startswith("The titles of the papers the last answer cited:") and titles.count("\n- ") == 1, titles


def test_which_is_fastest_of_a_list_quotes_each_speed_stated_and_ranks_none(offline):
    # "which one is the fastest?" after eight compression papers had said what each does ("we explore the idea of
    # training LLMs over compressed text"), no speed among them, though VTrans and ZIP-FIT state theirs
    question = "Which papers compress LLMs?"
    listed = offline.ask(question)
    fastest = offline.ask("which one is the fastest?", history=[Turn(question, listed)]).text
    assert fastest.startswith("The abstracts do not rank them by speed; what each states:"), fastest
    assert "upto 25 times" in fastest and "85.1% faster" in fastest, fastest
    assert "\nNo speed is stated in " in fastest, fastest


def test_a_version_named_alone_is_the_cited_paper_of_that_version(offline):
    # "how much better is v2?" after comparing SPLADE and SPLADE v2 had quoted SPLADE's own abstract
    question = "Compare SPLADE and SPLADE v2"
    history = [Turn(question, offline.ask(question))]
    better = offline.ask("how much better is v2?", history=history)
    assert better.citations[0].title.startswith("SPLADE v2"), better.text
    assert "more than 9% gains on NDCG@10" in better.text, better.text
    assert resolve("what about splade v2?", history).query.count("SPLADE v2") == 0  # named already: left as typed


def test_which_do_not_after_a_narrowed_list_is_the_rest_of_that_list(offline):
    # "which of these do not use LLMs?" had listed the three that do ("these" was no word before a negation), and
    # "and which don't?" after "which of these use LLMs?" had listed all six again
    question = "Which papers study hard negatives for dense retrieval?"
    history = [Turn(question, offline.ask(question))]
    listed = {c.paper_id for c in history[0].answer.citations}
    using = offline.ask("which of these use LLMs?", history=history)
    history.append(Turn("which of these use LLMs?", using))
    uses = {c.paper_id for c in using.citations}
    for follow in ("and which don't?", "and which dont?"):
        rest = offline.ask(follow, history=history)
        others = {c.paper_id for c in rest.citations}
        assert others and others == listed - uses, rest.text
    direct = offline.ask("which of these do not use LLMs?", history=history[:1])
    assert {c.paper_id for c in direct.citations} == listed - uses, direct.text


def test_the_newest_or_most_upvoted_paper_asked_first_is_the_corpus_s(offline):
    # "What is the newest paper?" and "what is the most upvoted paper?" as a first question had been told there was
    # no earlier answer to refer to; "the newest one" still points back
    newest = offline.ask("What is the newest paper?")
    assert newest.text.startswith("The corpus has") and len(newest.citations) == 1, newest.text
    upvoted = offline.ask("what is the most upvoted paper?")
    assert upvoted.text.startswith("The corpus has") and len(upvoted.citations) == 1, upvoted.text
    assert offline.ask("what is the newest one about?").text.startswith("There is no earlier answer")


def test_a_follow_up_after_a_code_question_is_of_the_paper_not_of_its_code(offline):
    # "what dataset does it use?" after "is the code available?" had quoted the code's URL again; "how fast is it?"
    # of Seismic had quoted "the BigANN Challenge at NeurIPS 2023" (a year) for its speed
    history = []
    for question in ("What is GraphHash?", "is the code available?"):
        history.append(Turn(question, offline.ask(question, history=history)))
    data = offline.ask("what dataset does it use?", history=history).text
    assert "github.com" not in data and "names no dataset" in data, data
    seismic = [Turn("What is Seismic?", offline.ask("What is Seismic?"))]
    fast = offline.ask("how fast is it?", history=seismic).text
    assert fast.split("[1]: ", 1)[1].startswith("As we show experimentally"), fast


def test_how_long_does_it_take_is_asked_of_the_paper_just_discussed(offline):
    # "how long does it take?" after "What is RECE?" had said the abstract "does not say this" ("long" and "take"
    # searched as words of its own), though RECE "modifies the model in 3 seconds"
    history = [Turn("What is RECE?", offline.ask("What is RECE?"))]
    took = offline.ask("how long does it take?", history=history)
    assert took.answerable and "in 3 seconds" in took.text, took.text


def test_which_do_not_asked_first_has_no_list_to_be_the_rest_of(offline):
    assert offline.ask("and which don't?").text.startswith("There is no earlier answer")


def test_a_kind_asked_of_a_paper_named_by_its_acronym_is_asked_of_that_paper(offline):
    # "what datasets does UNIC use?" after PLD's answer had been read back as of PLD ("does not say this")
    history = _talk(offline, "What is PLD?")
    answer = offline.ask("what datasets does UNIC use?", history=history)
    assert [c.title.split(":")[0] for c in answer.citations] == ["UNIC"], answer.text


def test_which_of_a_list_make_data_keeps_those_making_it_whatever_verb_they_write(offline):
    # "which of these release a dataset?" had kept only the one writing "release" (RedCaps "introduces" its own)
    history = _talk(offline, "Which papers work on image captioning?")
    answer = offline.ask("which of these release a dataset?", history=history)
    cited = [c.title.split(":")[0] for c in answer.citations]
    assert "RedCaps" in cited and "Bloom Library" in cited, answer.text


@pytest.mark.parametrize("follow", ["which one needs no training?", "which of them are training-free?"])
def test_which_of_two_compared_needs_no_training_is_the_one_saying_so(offline, follow):
    # "which one …" had repeated the comparison; "training-free" had found none ("requiring no parameter updates")
    first = offline.ask("Compare CoPE and LM-Infinite")
    answer = offline.ask(follow, history=[Turn("Compare CoPE and LM-Infinite", first)])
    assert answer.text.startswith("Of the 2 papers the last answer cited, 1 is on this"), answer.text
    assert [c.title.split(":")[0] for c in answer.citations] == ["LM-Infinite"], answer.text
