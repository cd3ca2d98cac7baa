"""Server mode: the vectors on a real `chroma run` on 127.0.0.1, nothing of Chroma under PAPERQA_HOME."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from paperqa import Assistant, Settings
from paperqa.errors import SettingsError
from paperqa.index import ChromaServerError
from paperqa.index.server import ChromaServer
from tests.chroma_server import ChromaRun, free_port
from tests.openai_server import ScriptedOpenAI

pytestmark = pytest.mark.integration
PAPERQA = str(Path(sys.executable).with_name("paperqa"))
ROWS = [
    {"id": "g1", "title": "Graph attention", "abstract": "Graph attention networks on citation graphs."},
    {"id": "p1", "title": "Protein folding", "abstract": "Protein structure prediction with transformers."},
    {"id": "d1", "title": "Dense retrieval", "abstract": "Dense passage retrieval with dual encoders."},
]


@pytest.fixture(scope="module")
def chroma(tmp_path_factory):
    server = ChromaRun(tmp_path_factory.mktemp("chroma") / "data").start()
    yield server
    server.stop()


def corpus(tmp_path, rows=ROWS):
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def server_assistant(home, url, collection="papers_a", **kw):
    return Assistant(Settings(home=home, llm="offline", chroma_url=url, chroma_collection=collection, **kw))


def test_ingest_and_answer_with_vectors_on_the_server(tmp_path, chroma):
    a = server_assistant(tmp_path / "home", chroma.url)
    report, _ = a.ingest([corpus(tmp_path)])
    assert report.total == 3
    assert not (tmp_path / "home" / "index" / "chroma").exists()  # nothing of Chroma kept here
    assert a.retrieve("dense passage retrieval")[0].paper.id == "d1"
    assert a.index.chroma.count() == 3
    check = a.check()
    assert check.consistent and check.chunks["chroma"] == 3
    a.close()


def test_check_repairs_vectors_lost_on_the_server(tmp_path, chroma):
    a = server_assistant(tmp_path / "home", chroma.url, collection="papers_b")
    a.ingest([corpus(tmp_path)])
    store = a.index.chroma
    store.delete([store.ids()[0]])  # someone removed a vector on the server
    assert not a.check().consistent
    fixed = a.check(repair=True)
    assert fixed.consistent and store.count() == 3
    a.close()


def test_a_collection_of_another_index_is_refused(tmp_path, chroma):
    first = server_assistant(tmp_path / "one", chroma.url, collection="papers_c")
    first.ingest([corpus(tmp_path)])
    first.close()
    other = server_assistant(tmp_path / "two", chroma.url, collection="papers_c")
    with pytest.raises(ChromaServerError, match="belongs to another paperqa index; set PAPERQA_CHROMA_COLLECTION"):
        other.ingest([corpus(tmp_path)])
    other.close()


def test_unreachable_server_is_one_line(tmp_path):
    a = server_assistant(tmp_path / "home", f"http://127.0.0.1:{free_port()}")
    with pytest.raises(ChromaServerError) as info:
        a.ingest([corpus(tmp_path)])
    message = str(info.value)
    assert message.startswith("Chroma server http://127.0.0.1:") and "cannot use it" in message
    assert "\n" not in message and info.value.retryable
    a.close()


def test_a_server_that_is_not_chroma_is_one_line(tmp_path):
    with ScriptedOpenAI() as other:
        a = server_assistant(tmp_path / "home", other.base_url.rsplit("/v1", 1)[0])
        with pytest.raises(ChromaServerError, match="cannot use it") as info:
            a.ingest([corpus(tmp_path)])
        assert "\n" not in str(info.value)
        a.close()


@pytest.mark.parametrize("url", ["localhost:8000", "ftp://h", "http://", "http://h:99999"])
def test_bad_urls_are_refused_before_any_work(url):
    with pytest.raises(SettingsError, match="chroma_url"):
        ChromaServer(url)


def test_questions_are_answered_while_the_server_is_down(tmp_path):
    server = ChromaRun(tmp_path / "data").start()
    try:
        writer = server_assistant(tmp_path / "home", server.url)
        writer.ingest([corpus(tmp_path)])
        writer.close()
    finally:
        server.stop()
    reader = server_assistant(tmp_path / "home", server.url)  # a new process's view: catalog and exact copy
    assert reader.ask("dense passage retrieval with dual encoders").citations[0].paper_id == "d1"
    with pytest.raises(ChromaServerError, match="cannot use it"):
        reader.check()
    reader.close()


def test_a_server_killed_before_saving_its_graph_loses_no_vector(tmp_path):
    """Chroma saves its graph every 50,000 vectors (`chroma.GRAPH`): a server SIGKILLed before any save replays
    its log when it starts again, and every vector is there."""
    import signal

    rows = [{"id": f"k{i}", "title": f"Paper {i}", "abstract": f"Study {i} of topic {i % 7}."} for i in range(1500)]
    server = ChromaRun(tmp_path / "data").start()
    try:
        a = server_assistant(tmp_path / "home", server.url)
        a.ingest([corpus(tmp_path, rows)])
        a.close()
        assert server.process is not None
        os.killpg(server.process.pid, signal.SIGKILL)
        server.process.wait(10)
        graph = next(p for p in (tmp_path / "data").iterdir() if p.is_dir()) / "data_level0.bin"
        assert graph.stat().st_size < 1500 * 256 * 4  # the vectors were never saved in the graph's files
        server.start()  # the same folder and port
        b = server_assistant(tmp_path / "home", server.url)
        check = b.check()
        assert check.consistent and check.chunks["chroma"] == 1500, check.problems
        b.close()
    finally:
        server.stop()


def test_the_cli_against_the_server_prints_no_request_logs(tmp_path, chroma):
    env = {**os.environ, "PAPERQA_CHROMA_URL": chroma.url, "PAPERQA_CHROMA_COLLECTION": "papers_cli"}
    home = ["--home", str(tmp_path / "home")]
    ingest = subprocess.run([PAPERQA, "ingest", str(corpus(tmp_path)), *home], env=env, capture_output=True, text=True)
    check = subprocess.run([PAPERQA, "check", "--json", *home], env=env, capture_output=True, text=True)
    assert ingest.returncode == 0 and check.returncode == 0, ingest.stderr + check.stderr
    assert json.loads(check.stdout)["chunks"]["chroma"] == 3
    assert "HTTP Request" not in ingest.stderr + check.stderr  # wordllama's logging.basicConfig is undone


def test_an_embedded_index_moves_onto_the_server_with_check_repair(tmp_path, chroma):
    embedded = Assistant(Settings(home=tmp_path / "home", llm="offline"))
    embedded.ingest([corpus(tmp_path)])
    embedded.close()
    moved = server_assistant(tmp_path / "home", chroma.url, collection="papers_moved")
    assert moved.check().chunks["chroma"] == 0
    report = moved.check(repair=True)
    assert report.consistent and report.chunks["chroma"] == 3 and moved.index.chroma.count() == 3
    moved.close()
