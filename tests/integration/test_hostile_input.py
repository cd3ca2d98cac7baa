"""Corpus text and arguments written to hurt: they stay data, and bad values are one line naming where."""

import json
import subprocess

import pytest

from paperqa import Assistant, Settings, Turn
from tests.integration.indexing import PAPERQA, env_for, write_jsonl

pytestmark = pytest.mark.integration
ESCAPES = "\x1b[2J\x1b[H\x1b]0;pwned title\x07\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\\x07\x9b31m\u202e"
TRAPS = [
    {"id": "t1", "title": f"Zebrafish lattice probes {ESCAPES}with terminal escapes",
     "abstract": f"We study zebrafish lattice probes {ESCAPES} across tanks and report lattice stability."},
    {"id": "t2", "title": "Zebrafish lattice follow-up [3] as in [1, 2]",
     "abstract": "Building on [3] and 【2】, we extend zebrafish lattice probes [12] to larger tanks."},
    {"id": "t3", "title": "Unrelated work on volcano seismology",
     "abstract": "We monitor volcano seismology with dense sensor arrays and report eruption forecasts."},
    {"id": "t4", "title": "Another unrelated study of market microstructure",
     "abstract": "We model market microstructure with order books and report spreads and depth.",
     "org": f"Lab [2] of {ESCAPES}forgery", "date": "2024-02-02", "authors": 3},
]  # fmt: skip


@pytest.fixture(scope="module")
def trap_home(tmp_path_factory):
    root = tmp_path_factory.mktemp("traps")
    home = root / "home"
    a = Assistant(Settings(home=home, embedding="hash", llm="offline"))
    a.ingest([write_jsonl(root / "traps.jsonl", TRAPS)])
    a.close()
    return home


def test_terminal_escapes_never_reach_the_terminal(trap_home):
    for args in (["ask", "zebrafish lattice probes terminal escapes"], ["ask", "zebrafish lattice", "--json"]):
        r = subprocess.run([PAPERQA, *args], env=env_for(trap_home), capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr
        assert "Zebrafish lattice probes" in r.stdout
        for bad in ("\x1b", "\x07", "\x9b", "\u202e", "]0;", "]8;;"):
            assert bad not in r.stdout and bad not in r.stderr, repr(bad)
    stored = Assistant(Settings(home=trap_home, embedding="hash")).index.papers["t1"]
    assert "\x1b" not in stored.title + stored.abstract  # cleaned when read, so no later path can show it


def test_what_the_catalog_says_of_the_corpus_quotes_its_organisations_inert(trap_home):
    a = Assistant(Settings(home=trap_home, embedding="hash", llm="offline"))
    for question in ("How many papers are in the corpus?", "Which papers were written by Meta?",
                     "Who wrote the market microstructure paper?"):  # fmt: skip
        answer = a.ask(question)
        assert "Lab [\u20602] of" in answer.text, answer.text  # shown, never a citation
        assert not __import__("re").search(r"(?<!\u2060)\[2\]", answer.text) and "\x1b" not in answer.text


def test_bracketed_numbers_in_corpus_text_never_become_citations(trap_home):
    a = Assistant(Settings(home=trap_home, embedding="hash", llm="offline"))
    # a list, so both papers' titles are written (a "Related:" line named t2 until related papers had to be on
    # the answer's topic by their abstracts' vectors, which the hash embedding here does not tell)
    answer = a.ask("Which papers study zebrafish lattice probes?")
    assert answer.answerable
    cited = {c.n for c in answer.citations}
    writer_markers = {int(n) for n in __import__("re").findall(r"(?<!\u2060)\[(\d+)\]", answer.text)}
    assert cited == writer_markers and len(cited) <= 2  # only the writer's own markers
    t2 = next(n for n, s in enumerate(answer.sources, 1) if s.paper.id == "t2")
    assert all(c.paper_id in {"t1", "t2"} for c in answer.citations) and t2 in cited
    assert "3]" in answer.text.replace("\u2060", "")  # the title's own [3] is still there, as text


def test_numbers_out_of_range_are_reported_with_their_line_and_the_rest_kept(tmp_path):
    ok = {"title": "Fine paper on graphs", "abstract": "A fine abstract about graph networks and their uses."}
    rows = [
        json.dumps({**ok, "id": "a"}),
        '{"id": "b", "title": "Huge upvotes", "abstract": "An abstract about graphs again.", "upvotes": 1e30}',
        '{"id": "c", "title": "Infinite upvotes", "abstract": "An abstract about graphs again.", "upvotes": Infinity}',
        '{"id": "d", "title": "Negative authors", "abstract": "An abstract about graphs again.", "authors": -3}',
        json.dumps({**ok, "id": "e", "title": "Fine paper two"}),
    ]
    f = tmp_path / "p.jsonl"
    f.write_text("\n".join(rows) + "\n")
    home = tmp_path / "home"
    r = subprocess.run([PAPERQA, "ingest", str(f)], env=env_for(home), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert f"warning: {f}:2: field 'upvotes': 1000000000000000019884624838656 is out of range" in r.stderr
    assert f"warning: {f}:3: field 'upvotes': expected a whole number, got 'inf'" in r.stderr
    assert f"warning: {f}:4: field 'authors': '-3' is not a count" in r.stderr
    assert "2 added" in r.stderr
    r = subprocess.run([PAPERQA, "ask", "graphs", "--min-upvotes", "1"], env=env_for(home), capture_output=True,
                       text=True, timeout=120)  # fmt: skip
    assert r.returncode == 0 and "Traceback" not in r.stderr  # a filtered question still works on this index


def test_a_csv_field_over_128_kib_is_read(tmp_path):
    f = tmp_path / "big.csv"
    long = "Long abstract about graph neural networks. " * 4000  # ~170 KiB
    f.write_text(f'title,abstract\n"Very long",{json.dumps(long)}\n"Short","A short abstract on graphs."\n')
    a = Assistant(Settings(home=tmp_path / "home", embedding="hash"))
    report, read = a.ingest([f])
    assert report.added == 2 and read.problems == ()


def test_duplicate_ids_that_disagree_are_reported(tmp_path):
    f = write_jsonl(tmp_path / "d.jsonl", [
        {"id": "x", "title": "Graph paper", "abstract": "We study graph networks in depth."},
        {"id": "x", "title": "Another title entirely", "abstract": "We study graph networks in depth."},
        {"id": "x", "title": "Graph paper", "abstract": "Something else about proteins."},
        {"id": "x", "title": "Graph paper", "abstract": "We study graph networks in depth. And more after it."},
    ])  # fmt: skip
    a = Assistant(Settings(home=tmp_path / "home", embedding="hash"))
    _, read = a.ingest([f])
    messages = [str(p) for p in read.problems]
    assert messages == [
        f"{f}:2: id 'x' was read before (d.jsonl line 1) with another title; this record skipped",
        f"{f}:3: id 'x' was read before (d.jsonl line 1) with another abstract; this record skipped",
    ]
    assert a.index.papers["x"].abstract == "We study graph networks in depth. And more after it."  # agreeing: merged


def test_missing_paths_folders_empty_and_random_files(tmp_path):
    home = tmp_path / "home"

    def ingest(*paths):
        return subprocess.run([PAPERQA, "ingest", *map(str, paths)], env=env_for(home), capture_output=True,
                              text=True, timeout=120)  # fmt: skip

    r = ingest(tmp_path / "nope.jsonl")
    assert r.returncode == 1 and r.stderr.strip().endswith("nope.jsonl: no such file or folder")
    folder = tmp_path / "corpus"
    folder.mkdir()
    r = ingest(folder)
    assert r.returncode == 1 and "corpus: folder holds no corpus files" in r.stderr
    write_jsonl(folder / "a.jsonl", [{"title": "Folder paper", "abstract": "An abstract about graphs in a folder."}])
    (folder / "b.csv").write_text("title,abstract\nCSV paper,An abstract about proteins from a CSV.\n")
    (folder / "notes.md").write_text("not a corpus file")
    r = ingest(folder)
    assert r.returncode == 0 and "2 added" in r.stderr, r.stderr
    (tmp_path / "empty.jsonl").write_text("")
    (tmp_path / "random.jsonl").write_bytes(bytes(range(256)) * 10)
    # (the line of the first bad record is named: "random.jsonl:1: nothing was read (invalid JSON …)")
    for name, where, reason in (
        ("empty.jsonl", "empty.jsonl", "file is empty"),
        ("random.jsonl", "random.jsonl:1", "invalid"),
    ):
        r = ingest(tmp_path / name)
        assert r.returncode == 1 and f"{where}: nothing was read (" in r.stderr and reason in r.stderr, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-k", "-1"], "number of sources must be between 1 and 100, got -1"),
        (["-k", "0"], "number of sources must be between 1 and 100, got 0"),
        (["-k", "10000"], "number of sources must be between 1 and 100, got 10000"),
        (["--to", "2024-00"], "date_to: impossible date '2024-00'"),
        (["--from", "2025-13-01"], "date_from: impossible date '2025-13-01'"),
        (["--from", "soon"], "date_from: not a date: 'soon' (use YYYY, YYYY-MM or YYYY-MM-DD)"),
        (["--from", "2025", "--to", "2024"], "date range is empty: from 2025-01-01 is after to 2024-12-31"),
        (["--min-upvotes", "-2"], "min_upvotes: -2 is out of range (0 to 1000000000)"),
    ],
)
def test_bad_arguments_are_one_line(shipped_home, args, message):
    r = subprocess.run([PAPERQA, "ask", "mixture of experts", *args], env=env_for(shipped_home, "wordllama"),
                       capture_output=True, text=True, timeout=120)  # fmt: skip
    assert r.returncode == 1 and r.stderr.strip() == f"paperqa: error: {message}", r.stderr


def test_a_month_as_the_end_of_a_range_covers_all_of_it(shipped_home):
    a = Assistant(Settings(home=shipped_home))
    december = [p for p in a.index.papers.values() if p.date and p.date.year == 2025 and p.date.month == 12]
    assert any(p.date.day > 1 for p in december)
    from paperqa import Filters

    got = {s.paper.id for s in a.retrieve("language models", Filters(date_from="2025", date_to="2025-12"), k=100)}
    late = {p.id for p in december if p.date.day > 1}
    assert late & got, "papers of late December are inside --to 2025-12"


@pytest.mark.parametrize(
    "question",
    [
        "s" * 100_000,
        "x-" * 50_000,
        "code or " * 10_000 + "LLMs?",
        "supercalifragilistic" * 2_000 + " Zebrafish",
    ],
)
def test_a_huge_question_is_answered_rather_than_hanging(trap_home, question):
    """A 100k-letter word once hung an answer: each of its 100k starts was looked up among a paper's words. The
    question goes through the CLI with a generous deadline; the answer is an ordinary one, here a refusal."""
    r = subprocess.run([PAPERQA, "ask", "--json", question], env=env_for(trap_home), capture_output=True, text=True,
                       timeout=120)  # fmt: skip
    assert r.returncode == 0, r.stderr[-500:]
    assert "answerable" in json.loads(r.stdout)


@pytest.mark.parametrize(
    "phrase",
    ["when was ", "which better ", "or x: ", "how ", "dense retrieval or ", "How does ColBERT differ from SPLADE? "],
)
def test_a_question_repeating_a_phrase_is_answered_rather_than_hanging(trap_home, tmp_path, phrase):
    """ "when was " 50,000 times (450k characters, so a batch file: too long for one argument) took minutes when
    each "when was" looked ahead to the end of the question for "published"; "which better " (a comparison's
    "which X is smaller, A or B"), "or x: " ("A or B: how do they differ?") and "how " ("how … does it reach")
    looked ahead the same way; "dense retrieval or " (two phrases as alternatives) read the whole question back
    from each "or"; a name compared ("ColBERT") read all the text before it for its article ("an MoE")."""
    questions = tmp_path / "huge.txt"
    questions.write_text(phrase * (450_000 // len(phrase)) + "\n")
    out = tmp_path / "out.jsonl"
    r = subprocess.run([PAPERQA, "batch", str(questions), "--out", str(out)], env=env_for(trap_home),
                       capture_output=True, text=True, timeout=120)  # fmt: skip
    assert r.returncode == 0, r.stderr[-500:]
    assert "answerable" in json.loads(out.read_text().splitlines()[0])


def test_a_list_of_alternatives_repeated_over_the_shipped_corpus_is_answered(shipped_home, tmp_path):
    """Each set of alternatives ("compress or prune") searched the whole question for a "to" before it, for each
    paper weighed: 35 s at 100k characters over the shipped corpus, minutes at 450k (the traps' few papers never
    reach it)."""
    questions = tmp_path / "huge.txt"
    phrase = "Which papers compress or prune large language models? "
    questions.write_text(phrase * (450_000 // len(phrase)) + "\n")
    out = tmp_path / "out.jsonl"
    r = subprocess.run([PAPERQA, "batch", str(questions), "--out", str(out)], env=env_for(shipped_home, "wordllama"),
                       capture_output=True, text=True, timeout=120)  # fmt: skip
    assert r.returncode == 0, r.stderr[-500:]
    assert "answerable" in json.loads(out.read_text().splitlines()[0])


@pytest.mark.parametrize(
    "question",
    [
        "Which papers study " + " ".join(f"w{i}-to-v{i}" for i in range(5000)) + "?",
        "Why does SPLADE v2 " + " ".join(f"xq{i}able" for i in range(5000)) + "?",
        "Which papers are " + " ".join(f"pruning visual{i} tokens{i}" for i in range(3000)) + "?",
    ],
)
def test_thousands_of_linked_names_adjectives_or_phrases_are_answered(shipped_home, tmp_path, question):
    """Each linked name ("w1-to-v1") was looked for in each paper found, against each of the question's hyphenated
    words: minutes over the shipped corpus; each adjective of a question about a named paper, and each phrase after
    a gerund, compiled a pattern of its own."""
    questions = tmp_path / "huge.txt"
    questions.write_text(question + "\n")
    out = tmp_path / "out.jsonl"
    r = subprocess.run([PAPERQA, "batch", str(questions), "--out", str(out)], env=env_for(shipped_home, "wordllama"),
                       capture_output=True, text=True, timeout=120)  # fmt: skip
    assert r.returncode == 0, r.stderr[-500:]
    assert "answerable" in json.loads(out.read_text().splitlines()[0])


def test_a_link_asked_for_is_the_records_web_address_only(tmp_path):
    # "is there a link?" after a paper's answer had searched the corpus for "link" (a link-prediction paper
    # answered); a record's "javascript:" address is no link to give
    rows = [
        {"id": "a1", "title": "Volcano graphs for eruption forecasting", "url": "https://arxiv.org/abs/2401.00001",
         "abstract": "We forecast volcano eruptions with graph models of sensor networks and report lead times."},
        {"id": "a2", "title": "Galaxy morphology with robots", "url": "javascript:alert(1)",
         "abstract": "We classify galaxy morphology with robot telescopes and report accuracy on survey images."},
        {"id": "a3", "title": "Neuron maps of market audio", "url": "https://e.com/a](javascript:alert(1)) [3]",
         "abstract": "We map neurons that respond to market audio and report which ones fire for price news."},
    ]  # fmt: skip
    a = Assistant(Settings(home=tmp_path / "home", embedding="hash", llm="offline"))
    a.ingest([write_jsonl(tmp_path / "links.jsonl", rows)])
    asked = "Tell me about “Volcano graphs for eruption forecasting”"
    first = a.ask(asked)
    assert [c.paper_id for c in first.citations] == ["a1"], first.text
    answer = a.ask("is there a link?", history=[Turn(asked, first)])
    assert answer.text.startswith("The corpus lists https://arxiv.org/abs/2401.00001 for “Volcano graphs"), answer.text
    hostile = a.ask("Where can I read “Galaxy morphology with robots”?")
    assert hostile.text.startswith("The corpus lists no link for “Galaxy morphology"), hostile.text
    assert "javascript" not in hostile.text
    # an address with brackets and spaces in it is none either ("https://e.com/a](javascript:…) [3]")
    forged = a.ask("Where can I read “Neuron maps of market audio”?")
    assert forged.text.startswith("The corpus lists no link for “Neuron maps"), forged.text
    a.close()


def test_a_word_of_hundreds_of_thousands_of_letters_is_read_in_one_pass(shipped_home, tmp_path):
    """A comparison's "X vs Y" was looked for from each letter of a long word, and a name in parentheses
    ("feed-forward (MLP) layers") tried each split of one: 222 s and 87 s at 100k characters, minutes at 450k."""
    questions = tmp_path / "huge.txt"
    questions.write_text(
        "Compare called " + "AB" * 225_000 + "\n" + "Which papers study word ( A" + "A" * 450_000 + "a x?\n"
    )
    out = tmp_path / "out.jsonl"
    r = subprocess.run([PAPERQA, "batch", str(questions), "--out", str(out)], env=env_for(shipped_home, "wordllama"),
                       capture_output=True, text=True, timeout=120)  # fmt: skip
    assert r.returncode == 0, r.stderr[-500:]
    assert [("answerable" in json.loads(line)) for line in out.read_text().splitlines()] == [True, True]
