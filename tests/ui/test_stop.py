"""`paperqa ui` stopped as a service manager stops it (SIGTERM) leaves no temporary files behind."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from .conftest import serve_ui, stop_ui
from .test_browser import ask, download_link, wait_answered

pytestmark = pytest.mark.ui


def test_exports_are_removed_when_the_ui_stops(ui_home, browser, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    proc, base = serve_ui(ui_home, TMPDIR=str(tmp))
    try:
        browser.get(base + "/")
        links: list[str] = []
        for turn in range(2):
            ask(browser, "What approaches to learned sparse retrieval are covered?")
            wait_answered(browser, turn)
            browser.find_element(By.ID, "pqa-export").click()
            # The second export is done when the link changes; the first export's link is already there.
            WebDriverWait(browser, 20).until(lambda d: download_link(d) not in (None, *links))
            links.append(str(download_link(browser)))
        exported = list(tmp.rglob("paperqa-conversation.md"))
        # Each export is kept (a user may download an earlier one) in one folder; Gradio serves a copy of each.
        assert len(exported) == 4
        assert len({p.parent.parent for p in exported if p.parent.parent.name.startswith("paperqa-exports-")}) == 1
    finally:
        assert stop_ui(proc) == 0
    assert not list(tmp.iterdir()), "the stopped UI left files in TMPDIR"
