#!/usr/bin/env python3
"""Reads the admin panel's overview in a real headless Chromium, as the office would.

Usage: panel_browser.py BASE_URL
Prints one JSON object with what the browser saw; exits 1 when the page is not
what an office should see (with the reason on stderr), 0 otherwise.
"""
import json
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def browser():
    """Debian's Chromium and its driver (nothing downloaded), asking for Danish pages as an office's browser does."""
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "da-DK,da"})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))


def read(driver, url):
    driver.get(url)
    rows = driver.find_elements(By.CSS_SELECTOR, "#modules tbody tr")
    header = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "#modules thead th")]
    table = driver.find_element(By.ID, "modules")
    return {
        "lang": driver.find_element(By.TAG_NAME, "html").get_attribute("lang"),
        "title": driver.title,
        "heading": driver.find_element(By.TAG_NAME, "h1").text,
        "header": header,
        "modules": [row.get_attribute("data-module") for row in rows],
        "cells": {row.get_attribute("data-module"): [cell.text for cell in row.find_elements(By.TAG_NAME, "td")] for row in rows},
        # The inline style is allowed by the page's Content-Security-Policy: the browser applied it.
        "borderCollapse": table.value_of_css_property("border-collapse"),
        "console": [entry["message"] for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")],
    }


def main():
    base = sys.argv[1].rstrip("/")
    driver = browser()
    try:
        seen = {"da": read(driver, base + "/"), "en": read(driver, base + "/?lang=en")}
    finally:
        driver.quit()
    print(json.dumps(seen, ensure_ascii=False))
    problems = []
    for language, page in seen.items():
        if page["lang"] != language:
            problems.append(f"{language}: html lang is {page['lang']}")
        if len(page["modules"]) != 8:
            problems.append(f"{language}: {len(page['modules'])} module rows, not 8")
        if page["borderCollapse"] != "collapse":
            problems.append(f"{language}: the page's style was not applied ({page['borderCollapse']})")
        if page["console"]:
            problems.append(f"{language}: the browser complained: {page['console']}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
