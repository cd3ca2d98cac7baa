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


def test_export_new_chat_and_corpus_view(ui_url, browser, tmp_path):
    browser.get(ui_url)
    ask(browser, "What approaches to learned sparse retrieval are covered?")
    wait_answered(browser, 0)
    browser.find_element(By.ID, "pqa-export").click()
    link = WebDriverWait(browser, 20).until(lambda d: d.find_element(By.CSS_SELECTOR, "#pqa-download a"))
    assert link.get_attribute("href").endswith("paperqa-conversation.md")
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
