"""The chat as a person uses it, in headless Chromium against the real app."""

import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.ui.conftest import HOSTILE_TITLE

pytestmark = pytest.mark.ui


def find(driver, css):
    return driver.find_elements(By.CSS_SELECTOR, css)


def ask(driver, question):
    box = WebDriverWait(driver, 30).until(lambda d: d.find_element(By.CSS_SELECTOR, "#pqa-question textarea"))
    box.clear()
    box.send_keys(question)
    driver.find_element(By.CSS_SELECTOR, "#pqa-send").click()


def wait_answered(driver, turn):
    # The sources panel is replaced when the answer is complete; its cards carry the turn number.
    WebDriverWait(driver, 60).until(lambda d: find(d, f"#pqa-sources details#pqa-src-{turn}-1"))


def download_link(browser) -> str | None:
    """The export link's address, or None while there is none."""
    # Read in the page in one step: Gradio replaces the link element while it updates it.
    return browser.execute_script("const a = document.querySelector('#pqa-download a'); return a ? a.href : null;")


def test_ask_stream_cite_open_card_filter_and_screenshot(ui_url, browser, tmp_path):
    browser.get(ui_url)
    ask(browser, "Which papers make LLMs forget a target entity, and how?")
    # Streaming: the bot bubble shows partial text before the sources panel is filled.
    WebDriverWait(browser, 60).until(lambda d: "Unlearning" in d.find_element(By.ID, "pqa-chat").text)
    wait_answered(browser, 0)
    assert "Backend: offline" in browser.find_element(By.ID, "pqa-backend").text
    links = find(browser, "#pqa-chat a.pqa-cite")
    assert links, "the answer carries clickable citations"
    target = links[0].get_attribute("href").split("#")[1]
    links[0].click()
    card = WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, target))
    WebDriverWait(browser, 10).until(lambda d: card.get_attribute("open") is not None)
    assert card.find_elements(By.CSS_SELECTOR, "mark"), "the cited sentence is highlighted"
    assert re.search(r"\d{4}-\d{2}-\d{2}|date unknown", card.text)
    assert "score" in browser.find_element(By.ID, "pqa-sources").text
    browser.save_screenshot(str(tmp_path / "answer-with-source-card.png"))

    # Apply a filter: only 2025 papers may come back.
    for sel, value in (("#pqa-from input, #pqa-from textarea", "2025"), ("#pqa-to input, #pqa-to textarea", "2025")):
        field = browser.find_element(By.CSS_SELECTOR, sel)
        field.clear()
        field.send_keys(value)
    ask(browser, "Which papers study large language models?")
    wait_answered(browser, 1)
    metas = [e.get_attribute("textContent") for e in find(browser, "details[id^='pqa-src-1-'] .pqa-meta")]
    assert metas and all(m.startswith("2025-") for m in metas), metas
    browser.save_screenshot(str(tmp_path / "filtered.png"))
    assert (tmp_path / "filtered.png").stat().st_size > 10_000


def test_abstract_markup_stays_text(ui_url, browser):
    browser.get(ui_url)
    ask(browser, "zebrafish hyperparameter lattices")
    wait_answered(browser, 0)
    panel = browser.find_element(By.ID, "pqa-sources")
    assert HOSTILE_TITLE in panel.text
    card_text = browser.execute_script(
        "return [...document.querySelectorAll('details.pqa-card')].map(c => c.textContent).join(' ')"
    )
    assert "<script>" in card_text and "onerror=" in card_text
    assert browser.execute_script("return window.__pqa_xss === undefined")
    assert not find(browser, "#pqa-sources img, #pqa-chat img[src='x']")
    assert not find(browser, "#pqa-sources script, #pqa-chat script")


def test_addresses_from_the_corpus_or_the_user_are_not_links(ui_url, browser, tmp_path):
    # Markdown turns a bare address into a link: one in an abstract would be a link the corpus chose for the user.
    browser.get(ui_url)
    ask(browser, "Does the zebrafish hyperparameter lattices probe release its code? https://typed.example/x")
    wait_answered(browser, 0)
    chat = browser.find_element(By.ID, "pqa-chat")
    WebDriverWait(browser, 20).until(lambda d: "evil.example/lattice" in chat.text)
    for shown in ("https://typed.example/x", "www.evil.example", "probe@evil.example"):
        assert shown in chat.text
    hrefs = [a.get_attribute("href") or "" for a in find(browser, "#pqa-chat a, #pqa-sources a")]
    assert not [h for h in hrefs if "example" in h], hrefs
    browser.save_screenshot(str(tmp_path / "addresses.png"))


def test_export_new_chat_and_corpus_view(ui_url, browser, tmp_path):
    browser.get(ui_url)
    ask(browser, "What approaches to learned sparse retrieval are covered?")
    wait_answered(browser, 0)
    browser.find_element(By.ID, "pqa-export").click()
    assert WebDriverWait(browser, 20).until(download_link).endswith("paperqa-conversation.md")
    browser.find_element(By.ID, "pqa-new").click()
    WebDriverWait(browser, 20).until(lambda d: "appear here" in d.find_element(By.ID, "pqa-sources").text)
    assert not find(browser, "#pqa-chat a.pqa-cite")

    browser.find_element(By.XPATH, "//button[@role='tab' and contains(., 'Corpus')]").click()
    table = WebDriverWait(browser, 20).until(lambda d: d.find_element(By.ID, "pqa-corpus-table"))
    search = browser.find_element(By.CSS_SELECTOR, "#pqa-corpus-search textarea, #pqa-corpus-search input")
    search.send_keys("Matryoshka")
    WebDriverWait(browser, 20).until(lambda d: "Starbucks" in table.text and "AdaHOP" not in table.text)
    WebDriverWait(browser, 20).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#pqa-chart-years canvas, #pqa-chart-years svg")
    )
    browser.save_screenshot(str(tmp_path / "corpus.png"))


TYPED = (
    '# Heading <img src=x onerror="window.__pqa_typed = 1"> <mask> **bold** _it_ `code` '
    "[link](javascript:window.__pqa_typed=2) <script>window.__pqa_typed=3</script> 1. unlearning entity?"
)


def test_what_the_user_types_stays_text_everywhere(ui_url, browser, tmp_path):
    browser.get(ui_url)
    ask(browser, TYPED)
    wait_answered(browser, 0)
    user = browser.find_element(By.CSS_SELECTOR, '#pqa-chat [data-testid="user"]')
    assert user.find_element(By.CSS_SELECTOR, ".message-content").text == TYPED  # verbatim, as typed
    assert browser.execute_script("return window.__pqa_typed === undefined")
    for tag in ("img", "h1", "mask", "strong", "em", "code", "a", "script", "ol", "li"):
        assert not user.find_elements(By.TAG_NAME, tag), f"the question created a <{tag}>"
    assert user.get_attribute("aria-label") == f"user's message: {TYPED}"
    bot = browser.find_element(By.CSS_SELECTOR, '#pqa-chat [data-testid="bot"]')
    label = bot.get_attribute("aria-label")
    assert label.startswith("bot's message: ") and "<a" not in label and "**" not in label and "\\[" not in label
    browser.save_screenshot(str(tmp_path / "typed-markup.png"))

    browser.find_element(By.ID, "pqa-export").click()
    link = WebDriverWait(browser, 20).until(download_link)
    exported = browser.execute_script("return await (await fetch(arguments[0])).text()", link)
    heading = next(line for line in exported.splitlines() if line.startswith("## 1. "))
    assert "<img" not in heading and "&lt;img src=x" in heading and "\\*\\*bold\\*\\*" in heading
    assert "\\[link\\](javascript" in heading and "\\# Heading" in heading


def test_the_trash_icon_starts_a_new_chat(ui_url, browser):
    browser.get(ui_url)
    ask(browser, "What approaches to learned sparse retrieval are covered?")
    wait_answered(browser, 0)
    browser.find_element(By.CSS_SELECTOR, '#pqa-chat button[aria-label="Clear"]').click()
    WebDriverWait(browser, 20).until(lambda d: "appear here" in d.find_element(By.ID, "pqa-sources").text)
    ask(browser, "Which papers make LLMs forget a target entity, and how?")
    wait_answered(browser, 0)  # numbered from 0 again: the old conversation is gone, not only hidden
    assert len(find(browser, '#pqa-chat [data-testid="user"]')) == 1


def test_llm_errors_show_as_text_and_cut_replies_as_incomplete(ui_home, browser, tmp_path):
    from paperqa import Assistant, Settings
    from paperqa.ui.app import launch
    from tests.openai_server import Fault, ScriptedOpenAI
    from tests.ui.conftest import _free_port

    with ScriptedOpenAI() as server:
        server.reply_for = lambda body: (
            Fault("500") if "explode" in body["messages"][1]["content"] else Fault("no-finish")
        )
        port = _free_port()
        settings = Settings(home=ui_home, openai_base_url=server.base_url, llm_model="scripted", max_retries=0)
        app = launch(Assistant(settings), port=port, block=False)
        try:
            browser.get(f"http://127.0.0.1:{port}/")
            ask(browser, "Which papers explode?")
            toast = WebDriverWait(browser, 30).until(
                lambda d: next(
                    (t for t in find(d, "[class*='toast-body'], [class*='toast']") if "exploded" in t.text), None
                )
            )
            assert "model <b>exploded</b>" in toast.text and not toast.find_elements(By.TAG_NAME, "b")
            browser.save_screenshot(str(tmp_path / "error-toast.png"))
            ask(browser, "Which papers make LLMs forget a target entity?")
            WebDriverWait(browser, 30).until(lambda d: "incomplete" in d.find_element(By.ID, "pqa-chat").text)
            assert "Paper one studies" in browser.find_element(By.ID, "pqa-chat").text
        finally:
            app.close()


def _last_answer_shown(driver) -> bool:
    """Whether the newest answer's first line is inside the chat's visible area."""
    return driver.execute_script("""
        const bots = document.querySelectorAll('#pqa-chat [data-testid="bot"]');
        const last = bots[bots.length - 1], chat = document.getElementById('pqa-chat');
        if (!last) return false;
        const a = last.getBoundingClientRect(), c = chat.getBoundingClientRect();
        return a.top >= c.top - 1 && a.top < c.bottom;""")


def test_the_chat_follows_each_new_answer_after_long_ones(ui_url, browser):
    # Found in Chromium: after a long streamed list, later answers stayed below the fold (Gradio's own follow lost
    # the bottom; only its "scroll down" arrow showed)
    browser.get(ui_url)
    questions = ["what is retrieval-augmented generation?", "which papers improve it?",
                 "Which papers drop or prune layers of pretrained transformers?", "how much smaller do they get?",
                 "ok thanks, now what about hashing?", "which has more upvotes?"]  # fmt: skip
    for turn, question in enumerate(questions):
        ask(browser, question)
        WebDriverWait(browser, 60).until(lambda d, n=turn: len(find(d, '#pqa-chat [data-testid="bot"]')) > n)
        WebDriverWait(browser, 20).until(_last_answer_shown, f"answer {turn} below the fold")
