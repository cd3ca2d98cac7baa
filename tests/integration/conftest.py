"""Fixtures of the integration tests."""

import pytest

from tests.openai_server import ScriptedOpenAI

QUESTION = "Which papers make LLMs forget a target entity, and how?"


@pytest.fixture
def server():
    """A real OpenAI-protocol server on 127.0.0.1 with scripted (or faulty) replies."""
    with ScriptedOpenAI() as s:
        yield s
