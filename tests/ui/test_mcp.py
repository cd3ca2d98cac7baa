"""`paperqa ui --mcp`: an MCP client on loopback lists and calls the tools `ask` and `search_corpus`."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess

import pytest

from .conftest import PAPERQA, _free_port, serve_ui, stop_ui

pytestmark = pytest.mark.ui


@pytest.fixture(scope="module")
def mcp_url(ui_home):
    """`paperqa ui --mcp` as a user starts it, on a free loopback port; stopped by PID."""
    proc, base = serve_ui(ui_home, "--mcp")
    yield f"{base}/gradio_api/mcp/"
    assert stop_ui(proc) == 0


async def _session(url, work):
    from mcp import ClientSession
    from mcp.client.streamable_http import streamablehttp_client

    async with streamablehttp_client(url) as (read, write, _), ClientSession(read, write) as session:
        await session.initialize()
        return await work(session)


def call(url, work):
    return asyncio.run(asyncio.wait_for(_session(url, work), 120))


def test_the_tools_are_ask_and_search_corpus(mcp_url):
    tools = call(mcp_url, lambda s: s.list_tools())
    by_name = {t.name: t for t in tools.tools}
    assert set(by_name) == {"ask", "search_corpus"}  # the chat's session endpoints are not tools
    assert "question" in by_name["ask"].inputSchema["properties"]
    assert "cites a paper" in (by_name["ask"].description or "")


def test_search_corpus_and_ask_answer_with_the_corpus(mcp_url):
    async def work(session):
        found = await session.call_tool("search_corpus", {"query": "learned sparse retrieval", "k": 5})
        asked = await session.call_tool("ask", {"question": "Which papers make LLMs forget a target entity?"})
        off = await session.call_tool("ask", {"question": "Who won the 2022 FIFA World Cup final?"})
        bad = await session.call_tool("search_corpus", {"query": "x", "date_from": "2025-13"})
        return found, asked, off, bad

    found, asked, off, bad = call(mcp_url, work)
    papers = json.loads(found.content[0].text)
    assert len(papers) == 5 and [p["rank"] for p in papers] == [1, 2, 3, 4, 5]
    assert any("SPLADE" in p["title"] or "sparse" in p["abstract"].lower() for p in papers)
    answer = json.loads(asked.content[0].text)
    assert answer["answerable"] and "[1]" in answer["answer"]
    assert any("Unlearning" in c["title"] for c in answer["citations"])
    assert json.loads(off.content[0].text)["answerable"] is False
    assert bad.isError and "date_from" in bad.content[0].text


def test_mcp_with_a_login_is_refused_in_one_line(ui_home):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PAPERQA_", "OPENAI_"))}
    env.update(PAPERQA_HOME=str(ui_home), PAPERQA_UI_AUTH="user:secret")
    r = subprocess.run([PAPERQA, "ui", "--mcp", "--port", str(_free_port())], env=env, capture_output=True,
                       text=True, timeout=120)  # fmt: skip
    assert r.returncode == 1 and r.stderr.startswith("paperqa: error: paperqa ui --mcp cannot be combined with")
