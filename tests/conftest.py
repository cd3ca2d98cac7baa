"""Shared fixtures: every test runs away from the user's home and environment."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from paperqa import Assistant, Settings


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch, tmp_path_factory):
    """No PAPERQA_* / OPENAI_* from the user's shell, and a throwaway HOME."""
    for name in list(os.environ):
        if name.startswith(("PAPERQA_", "OPENAI_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


@pytest.fixture(scope="session")
def shipped_home(tmp_path_factory) -> Path:
    """A PAPERQA_HOME holding the index of the shipped corpus, built once per test session."""
    home = tmp_path_factory.mktemp("shipped")
    assistant = Assistant(Settings(home=home, llm="offline"))
    assistant.ensure_index()
    assistant.close()
    return home


@pytest.fixture
def offline(shipped_home) -> Assistant:
    """An offline Assistant over the shipped corpus's index."""
    assistant = Assistant(Settings(home=shipped_home, llm="offline"))
    yield assistant
    assistant.close()
