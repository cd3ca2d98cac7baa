"""Ingesting and asking offline never opens a connection off this machine."""

import pytest

from paperqa import Assistant, Settings
from paperqa.testing import NetworkUsed, no_network

pytestmark = pytest.mark.integration


def test_guard_catches_a_real_attempt():
    import urllib.request

    with no_network() as attempts, pytest.raises(NetworkUsed):
        urllib.request.urlopen("http://example.org", timeout=1)
    assert attempts


def test_ingest_and_ask_offline_use_no_network(tmp_path):
    with no_network() as attempts:
        a = Assistant(Settings(home=tmp_path / "home"))
        report, _ = a.ingest()
        answer = a.ask("Which papers make LLMs forget a target entity, and how?")
    assert report.total == 409 and answer.citations
    assert attempts == []
