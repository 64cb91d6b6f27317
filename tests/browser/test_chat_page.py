"""A visitor chats on the real page in Debian's chromium, driven by Playwright."""
from __future__ import annotations

import shutil
import threading

import pytest

from web.serve import serve

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def chat_page(running_assistant):
    server = serve(0, running_assistant["rasa"])
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_FLAGS)
        yield launched
        launched.close()


def bot_messages(page):
    return page.locator(".msg--bot").all_inner_texts()


def send(page, text, expected_bot_messages):
    page.fill("#input", text)
    page.click("#send")
    page.wait_for_function(f"document.querySelectorAll('.msg--bot').length >= {expected_bot_messages}", timeout=30000)


def test_a_french_visitor_chats_in_french_and_answers_with_a_button(browser, chat_page, tmp_path):
    page = browser.new_page(locale="fr-FR")
    page.goto(f"{chat_page}/?source=website")
    page.wait_for_function("document.getElementById('send').textContent === 'Envoyer'", timeout=10000)
    send(page, "bonjour", 2)
    assert any("entreprise" in text for text in bot_messages(page))
    page.locator(".buttons button", has_text="Pour mon entreprise").click()
    page.wait_for_function("document.querySelectorAll('.msg--bot').length >= 3", timeout=30000)
    assert "pays" in " ".join(bot_messages(page)) or "recherchez" in " ".join(bot_messages(page))
    page.screenshot(path=str(tmp_path / "chat-fr.png"))
    page.close()


def test_the_page_says_so_when_the_assistant_cannot_be_reached(browser, tmp_path):
    server = serve(0, "http://127.0.0.1:9")  # nothing listens there
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_page(locale="de-DE")
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        page.fill("#input", "hallo")
        page.click("#send")
        page.wait_for_selector("#error:not([hidden])", timeout=15000)
        assert "nicht erreichbar" in page.inner_text("#error")
        page.close()
    finally:
        server.shutdown()
