"""A real Gradio server on 127.0.0.1 over the shipped corpus (plus one hostile abstract), and real Chromium."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import paperqa.ui  # noqa: F401  (Gradio's folder set first: gradio_client, imported by the tests, reads it once)
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


PAPERQA = str(Path(sys.executable).with_name("paperqa"))


def serve_ui(home: Path, *args: str, **env: str) -> tuple[subprocess.Popen, str]:
    """`paperqa ui` as a user starts it (offline, on a free loopback port), once it answers; the caller stops it
    by PID."""
    port = _free_port()
    # GRADIO_TEMP_DIR too: this process's own app (ui_url) set it to a folder of its own.
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PAPERQA_", "OPENAI_", "GRADIO_TEMP_DIR"))}
    clean.update(PAPERQA_HOME=str(home), PAPERQA_LLM="offline", **env)
    proc = subprocess.Popen([PAPERQA, "ui", "--port", str(port), *args], env=clean,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=2)
            return proc, base
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                said = proc.stderr.read() if proc.stderr else ""
                raise AssertionError(f"paperqa ui {' '.join(args)} did not start: {said}") from None
            time.sleep(0.5)


def stop_ui(proc: subprocess.Popen) -> int | None:
    """Stop a served UI as a service manager does (SIGTERM, so it removes its temporary files); its exit code,
    or None if it had to be killed."""
    proc.terminate()
    try:
        return proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return None


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
def browser(tmp_path_factory):
    """Headless Debian Chromium driven by Selenium (no browser download); its scratch files stay in pytest's
    temporary folder (Chromium leaves an org.chromium.* folder in TMPDIR per run)."""
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
    env = {**os.environ, "TMPDIR": str(tmp_path_factory.mktemp("chromium-tmp"))}
    driver = webdriver.Chrome(service=Service(DRIVER, env=env), options=opts)
    yield driver
    driver.quit()
