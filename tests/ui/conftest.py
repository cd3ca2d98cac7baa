"""A real Gradio server on 127.0.0.1 over the shipped corpus (plus one hostile abstract), and real Chromium."""

from __future__ import annotations

import json
import os
import shutil
import socket
from pathlib import Path

import pytest

from paperqa import Assistant, Settings

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
HOSTILE_TITLE = "Inert Markup Probe for Zebrafish Hyperparameter Lattices"
HOSTILE_ABSTRACT = (
    "We study zebrafish hyperparameter lattices <script>window.__pqa_xss = 'script'</script> and "
    "report <img src=x onerror=\"window.__pqa_xss = 'img'\"> results on lattice search for zebrafish models. "
    "Our code is available at https://evil.example/lattice and www.evil.example, or from probe@evil.example."
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def ui_home(tmp_path_factory) -> Path:
    """Index of the shipped corpus plus one paper whose abstract carries HTML and script."""
    home = tmp_path_factory.mktemp("ui-home")
    extra = home / "hostile.jsonl"
    extra.write_text(
        json.dumps(
            {
                "id": "hostile-1",
                "title": HOSTILE_TITLE,
                "abstract": HOSTILE_ABSTRACT,
                "date": "2025-05-05",
                "org": "Probe Lab",
                "upvotes": 3,
            }
        )
        + "\n"
    )
    from paperqa.corpus import shipped_corpus

    assistant = Assistant(Settings(home=home, llm="offline"))
    assistant.ingest([*shipped_corpus(), extra])
    assistant.close()
    return home


@pytest.fixture(scope="session")
def ui_url(ui_home):
    """The app served by `launch()` on a free loopback port for the whole session."""
    from paperqa.testing import no_network
    from paperqa.ui.app import launch

    port = _free_port()
    # The whole UI session runs under the guard: Gradio must not phone home (analytics, version checks).
    with no_network() as attempts:
        app = launch(Assistant(Settings(home=ui_home, llm="offline")), host="127.0.0.1", port=port, block=False)
        yield f"http://127.0.0.1:{port}/"
        app.close()
    assert attempts == [], f"the UI tried to reach {attempts}"


@pytest.fixture
def browser():
    """Headless Debian Chromium driven by Selenium (no browser download)."""
    if not (shutil.which(CHROMIUM) and shutil.which(DRIVER)):
        if os.environ.get("CI"):
            pytest.fail("Debian chromium and chromium-driver are required in CI (make test installs them as root)")
        pytest.skip("install Debian's chromium and chromium-driver to run the browser tests")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1100",
    ):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    yield driver
    driver.quit()
