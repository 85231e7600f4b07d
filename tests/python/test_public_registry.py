"""The public registry in a real headless browser (Debian's chromium and chromium-driver, Selenium): find a
processing by its CNDP number, follow its link, read the Arabic page right to left, and check both pages with
axe-core (axe-selenium-python) for serious or critical WCAG violations, on a 360-px-wide phone screen.
Screenshots are kept under data/run/screenshots."""

import os
import shutil

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from conftest import ROOT, ThiqaProcess, check_prerequisites

SCREENSHOTS = os.path.join(ROOT, "data", "run", "screenshots")
DEMO = os.path.join(ROOT, "config", "registry", "demo.yaml")
NUMBER = "DEMO-0001/2026"


def chromium_paths():
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
    if not browser or not driver:
        pytest.fail("chromium and chromium-driver are needed (make deps installs them with apt-get)", pytrace=False)
    return browser, driver


@pytest.fixture(scope="module")
def registry_server():
    check_prerequisites()
    process = ThiqaProcess("registry")
    token = process.cli("staff", "create", "--name", "DPO de démonstration", "--role", "dpo", "--quiet").strip()
    plan = process.cli("registry", "apply", DEMO, "--token", token)
    assert "+ use case demo/civil-status-assistant → declared" in plan, plan
    again = process.cli("registry", "apply", DEMO, "--token", token)
    assert "nothing to change" in again, again
    process.start()
    try:
        yield process
    finally:
        process.kill()
        shutil.rmtree(process.workdir, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    binary, driver_path = chromium_paths()
    options = Options()
    options.binary_location = binary
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=360,800", "--lang=fr"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_window_size(360, 800)
    try:
        yield driver
    finally:
        driver.quit()


def serious_violations(driver):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    return [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]


def test_find_a_processing_by_its_number_and_read_it_in_french_and_arabic(registry_server, browser):
    os.makedirs(SCREENSHOTS, exist_ok=True)
    browser.get(registry_server.base_url + "/registry")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "ltr"
    box = browser.find_element(By.ID, "q")
    box.send_keys(NUMBER)
    box.submit()
    links = browser.find_elements(By.CSS_SELECTOR, "ul.entries a")
    assert [link.text for link in links] == ["Assistant état civil"]
    assert NUMBER in browser.find_element(By.TAG_NAME, "main").text
    browser.save_screenshot(os.path.join(SCREENSHOTS, "registry-search-fr.png"))
    assert serious_violations(browser) == []
    # Nothing overflows a 360-px screen.
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 360

    links[0].click()
    assert browser.current_url.endswith("/registry/demo/civil-status-assistant")
    main = browser.find_element(By.TAG_NAME, "main").text
    for expected in ["Commune de démonstration", "Répondre aux questions des citoyens", NUMBER, "déclaré", "limité", "applied from"]:
        assert expected in main, expected
    browser.save_screenshot(os.path.join(SCREENSHOTS, "registry-entry-fr.png"))
    assert serious_violations(browser) == []
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 360

    browser.find_element(By.CSS_SELECTOR, "header a[hreflang='ar']").click()
    html = browser.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("dir") == "rtl"
    assert html.get_attribute("lang") == "ar"
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "الغاية" in main and "مصرح به" in main and NUMBER in main
    browser.save_screenshot(os.path.join(SCREENSHOTS, "registry-entry-ar.png"))
    assert serious_violations(browser) == []
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 360


def test_the_json_api_finds_the_same_entry_without_a_key(registry_server):
    import json
    import urllib.parse
    import urllib.request

    query = urllib.parse.quote("commune demonstration")
    with urllib.request.urlopen(f"{registry_server.base_url}/registry/v1/entries?q={query}", timeout=10) as r:
        entries = json.load(r)["entries"]
    assert [e["cndp_number"] for e in entries] == [NUMBER]
    with urllib.request.urlopen(registry_server.base_url + "/registry/v1/entries/demo/civil-status-assistant", timeout=10) as r:
        entry = json.load(r)
    assert entry["status"] == "declared" and entry["tier"] == "limited"
    assert entry["url"].endswith("/registry/demo/civil-status-assistant")
    assert all("principal" not in item for item in entry["history"]), "no staff member in the public history"
