"""`paperqa ui` stopped as a service manager stops it (SIGTERM) leaves no temporary files behind."""

from __future__ import annotations

import os
import subprocess
import sys

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


def test_gradio_s_own_folder_is_the_process_s_whichever_ui_module_is_imported_first(ui_home, tmp_path):
    # `from paperqa.ui.chat import …` first had let Gradio fix its folder at TMPDIR/gradio before the app set it:
    # building the app's routes then left TMPDIR/gradio/vibe_edit_history behind
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from paperqa.ui.chat import ANY_ORG\n"
        "import gradio.route_utils as r\n"
        "from gradio.routes import App\n"
        "from paperqa import Assistant, Settings\n"
        "from paperqa.ui.app import build_app\n"
        "App.create_app(build_app(Assistant(Settings(home=Path(sys.argv[1]), llm='offline'))))\n"
        "print(r.DEFAULT_TEMP_DIR)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GRADIO_TEMP_DIR", "PAPERQA_", "OPENAI_"))}
    env["TMPDIR"] = str(tmp_path)
    run = subprocess.run([sys.executable, "-c", code, str(ui_home)], env=env, capture_output=True, text=True,
                         timeout=120)  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert "paperqa-ui-" in run.stdout, run.stdout
    assert not list(tmp_path.iterdir()), list(tmp_path.iterdir())  # its own folder gone too, at exit
