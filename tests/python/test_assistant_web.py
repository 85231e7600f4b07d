"""The citizen web chat at / in a real headless browser (Debian's chromium and chromium-driver, Selenium) on a
360-px phone screen: ask in Darija (Latin letters), French and Arabic, check the streamed answer, its citations
and official links, the AI disclosure shown once as the conversation's first message, right to left for Arabic,
the Tifinagh font, axe-core (no serious or critical violation), a keyboard-only walk-through, and that the whole
page with its three answers transfers under 150 KB. Screenshots are kept under data/run/screenshots."""

import json
import os
import shutil
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, ThiqaProcess, check_prerequisites
from test_public_registry import SCREENSHOTS, DEMO, browser, serious_violations  # noqa: F401  (browser is a fixture)

KNOWLEDGE = os.path.join(ROOT, "knowledge", "procedures")
BUDGET_BYTES = 150 * 1024


@pytest.fixture(scope="module")
def chat_server():
    """A server whose web chat speaks for the declared demo use case (disclosure required), with the knowledge base."""
    check_prerequisites()
    process = ThiqaProcess("assistant-web")
    token = process.cli("staff", "create", "--name", "DPO de démonstration", "--role", "dpo", "--quiet").strip()
    process.cli("registry", "apply", DEMO, "--token", token)
    key = process.cli("keys", "create", "--tenant", "demo", "--use-case", "civil-status-assistant", "--quiet").strip()
    key_file = os.path.join(process.workdir, "web.key")
    with open(key_file, "w") as f:
        f.write(key)
    with open(process.config) as f:
        config = json.load(f)
    config["assistant"] = {"knowledgePath": KNOWLEDGE, "web": {"keyFile": key_file, "rateLimitPerMinute": 1000}}
    with open(process.config, "w") as f:
        json.dump(config, f)
    process.start()
    try:
        yield process
    finally:
        process.kill()
        shutil.rmtree(process.workdir, ignore_errors=True)


def answers(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#log > .msg.assistant")


def ask(driver, text, count_before):
    box = driver.find_element(By.ID, "message")
    box.send_keys(text)
    box.send_keys(Keys.ENTER)
    # Done when the answer's sources are shown (they come after the last streamed chunk).
    WebDriverWait(driver, 60).until(lambda d: len(answers(d)) > count_before and answers(d)[-1].find_elements(By.CSS_SELECTOR, "nav.sources a"))
    return answers(driver)[-1]


def transferred(driver):
    """Bytes transferred for the page and everything it fetched (Resource Timing's transferSize)."""
    return driver.execute_script(
        "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
        ".reduce(function (sum, e) { return sum + (e.transferSize || e.encodedBodySize || 0); }, 0);"
    )


def test_streamed_endpoint_sends_disclosure_then_chunks(chat_server):
    request = urllib.request.Request(
        chat_server.base_url + "/web/v1/chat",
        data=json.dumps({"conversation_id": "raw-1", "message": "kifach n9ad passport?"}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=60) as r:
        assert r.headers["Content-Type"].startswith("text/event-stream")
        body = r.read().decode()
    blocks = [b for b in body.split("\n\n") if b.strip()]
    assert blocks[0].startswith("event: disclosure"), blocks[0]
    disclosure = json.loads(blocks[0].split("data: ", 1)[1])
    assert disclosure["registry_url"].endswith("/registry/demo/civil-status-assistant")
    chunks = [json.loads(b[6:]) for b in blocks[1:] if b.startswith("data: ") and b != "data: [DONE]"]
    assert len(chunks) > 10, "the answer streams in pieces"
    assert chunks[0]["thiqa"]["sources"][0]["procedure_id"] == "passport"
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks if c.get("choices"))
    assert text.startswith("Salam!") and "https://www.passeport.ma/" in text
    assert chunks[-1]["thiqa"]["receipt"].startswith("rcp_")
    # The second turn of the same conversation has no disclosure: it is shown once.
    request = urllib.request.Request(
        chat_server.base_url + "/web/v1/chat",
        data=json.dumps({"conversation_id": "raw-1", "message": "w bchhal?"}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=60) as r:
        second = r.read().decode()
    assert "event: disclosure" not in second
    assert "500 DH" in "".join(json.loads(b[6:])["choices"][0]["delta"].get("content", "")
                               for b in second.split("\n\n") if b.startswith("data: {") and json.loads(b[6:]).get("choices"))


def test_ask_in_darija_french_and_arabic(chat_server, browser):
    os.makedirs(SCREENSHOTS, exist_ok=True)
    browser.get(chat_server.base_url + "/")
    assert browser.find_element(By.ID, "log").get_attribute("aria-live") == "polite"

    # Darija in Latin letters: the passport procedure in Darija, steps quoted from the French text, official link.
    darija = ask(browser, "kifach n9ad passport?", 0)
    assert darija.get_attribute("lang") == "ary-Latn"
    assert darija.get_attribute("dir") == "ltr"
    text = darija.text
    assert text.startswith(browser.find_element(By.CSS_SELECTOR, "#log > .msg.assistant .who").text)
    assert "Salam!" in text and "l-fransawiya" in text and "Remplir la pré-demande" in text
    links = darija.find_elements(By.CSS_SELECTOR, "nav.sources a")
    assert [a.get_attribute("data-procedure") for a in links] == ["passport"]
    assert links[0].get_attribute("href") == "https://www.passeport.ma/"
    # The AI disclosure is the conversation's first message, once.
    first = browser.find_elements(By.CSS_SELECTOR, "#log > .msg")[0]
    assert "disclosure" in first.get_attribute("class").split()
    assert first.find_element(By.TAG_NAME, "a").get_attribute("href").endswith("/registry/demo/civil-status-assistant")
    browser.save_screenshot(os.path.join(SCREENSHOTS, "assistant-darija.png"))

    # A follow-up in the same conversation: the fees of the same procedure, no second disclosure.
    follow = ask(browser, "w bchhal?", 1)
    assert "500 DH" in follow.text
    assert len(browser.find_elements(By.CSS_SELECTOR, "#log > .msg.disclosure")) == 1

    # French.
    french = ask(browser, "Comment obtenir un extrait du casier judiciaire ?", 2)
    assert french.get_attribute("lang") == "fr"
    assert "Bonjour" in french.text
    assert french.find_element(By.CSS_SELECTOR, "nav.sources a").get_attribute("data-procedure") == "criminal-record-extract"

    # Arabic, with the interface switched to Arabic: right to left, page and answer.
    from selenium.webdriver.support.ui import Select
    Select(browser.find_element(By.ID, "language")).select_by_value("ar")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    arabic = ask(browser, "كيف أحصل على شهادة السكنى؟", 3)
    assert arabic.get_attribute("dir") == "rtl"
    assert arabic.get_attribute("lang") == "ar"
    assert arabic.find_element(By.CSS_SELECTOR, "nav.sources a").get_attribute("data-procedure") == "residence-certificate"
    assert "المصادر" in arabic.text
    browser.save_screenshot(os.path.join(SCREENSHOTS, "assistant-arabic.png"))

    assert serious_violations(browser) == []
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 360

    # Tifinagh: the answer is rendered with the served font, which covers it.
    Select(browser.find_element(By.ID, "language")).select_by_value("zgh-Tfng")
    tifinagh = ask(browser, "ⵎⴰⵎⴽ ⴰⴷ ⴰⵎⵥⵖ ⴰⴱⴰⵙⴱⵓⵔ", 4)
    assert tifinagh.get_attribute("lang") == "zgh-Tfng" and "ⴰⵣⵓⵍ" in tifinagh.text
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.fonts.check('16px \"Thiqa Tifinagh\"', 'ⴰⵣⵓⵍ')"))
    browser.save_screenshot(os.path.join(SCREENSHOTS, "assistant-tifinagh.png"))

    total = transferred(browser)
    print(f"web chat: {total} bytes transferred for the page, its assets and five answers")
    assert total < BUDGET_BYTES, f"{total} bytes transferred"


def test_keyboard_only(chat_server, browser):
    browser.get(chat_server.base_url + "/")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    order = []
    for _ in range(4):
        active = browser.switch_to.active_element
        order.append(active.get_attribute("id"))
        active.send_keys(Keys.TAB)
    assert order == ["language", "new", "message", "send"], order
    # Back to the question box, type, Enter: the answer streams in.
    browser.find_element(By.ID, "message").click()
    active = browser.switch_to.active_element
    assert active.get_attribute("id") == "message"
    active.send_keys("kifach n9ad passport?")
    active.send_keys(Keys.ENTER)
    WebDriverWait(browser, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#log > .msg.assistant .why-link"))
    # Focus returns to the question box; tabbing backwards reaches "why this answer", Enter opens it.
    assert browser.switch_to.active_element.get_attribute("id") == "message"
    reached = None
    for _ in range(30):
        browser.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)
        active = browser.switch_to.active_element
        if "why-link" in (active.get_attribute("class") or ""):
            reached = active
            break
    assert reached is not None, "the 'why this answer' link is reachable by keyboard"
    reached.send_keys(Keys.ENTER)
    assert reached.get_attribute("aria-expanded") == "true"
    panel = browser.find_element(By.ID, reached.get_attribute("aria-controls"))
    WebDriverWait(browser, 20).until(lambda d: "rcp_" in panel.text)
    WebDriverWait(browser, 20).until(lambda d: "assistant:extractive" in panel.text)
    browser.save_screenshot(os.path.join(SCREENSHOTS, "assistant-why.png"))
    assert serious_violations(browser) == []
