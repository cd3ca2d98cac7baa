"""Settings come from PAPERQA_* and the OpenAI variables; bad values are one-line errors."""

import pytest

from paperqa import Settings, SettingsError, preset


def test_defaults_are_offline_and_local():
    s = Settings.load()
    assert (s.writer, s.embedding) == ("offline", "wordllama")
    assert s.home.name == "paperqa"


def test_env_prefix_and_openai_variables(monkeypatch, tmp_path):
    monkeypatch.setenv("PAPERQA_HOME", str(tmp_path))
    monkeypatch.setenv("PAPERQA_TOP_K", "12")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    s = Settings.load()
    assert (s.home, s.top_k, s.writer) == (tmp_path, 12, "openai")
    monkeypatch.setenv("PAPERQA_LLM", "offline")
    assert Settings.load().writer == "offline"


def test_bad_value_names_the_field(monkeypatch):
    monkeypatch.setenv("PAPERQA_LLM", "gpt")
    with pytest.raises(SettingsError, match=r"^setting llm: ") as info:
        Settings.load()
    assert "\n" not in str(info.value)


def test_presets():
    assert preset("openai", openai_base_url="http://127.0.0.1:9/v1").writer == "openai"
    with pytest.raises(SettingsError, match="unknown preset"):
        preset("nope")
