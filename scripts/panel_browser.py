#!/usr/bin/env python3
"""Uses the admin panel in a real headless Chromium, as the office would.

Usage: panel_browser.py BASE_URL [overview|sync|pages DIR|audit DIR|reconnect DIR|settings DIR|login DIR PASSWORD_FILE]
  overview: reads the overview in Danish and in English.
  sync: presses "Synkroniser nu" for the units module, waits for the run, then
        forces a second run past the cooldown through "Tving" and its question.
  pages: opens the overview (its pictures), "Venter" and "Konflikter" by the
         navigation's links, and saves a screenshot of each (panel-PAGE.png)
         in SCREENSHOT_DIR.
  audit: opens "Revision" by the navigation, presses "Kør revision nu", waits
         for the page to reload itself with the findings, and saves
         panel-audit.png in SCREENSHOT_DIR.
  reconnect: opens "Forbindelse" by the navigation, presses "Forbind igen",
         follows e-conomic's grant page back to the panel, and saves
         panel-connection.png in DIR.
  settings: opens "Indstillinger" by the navigation, chooses the last layout
         e-conomic offers, types a grouping, says yes to contact persons,
         presses "Gem og aktivér", reads the notice, and saves
         panel-settings.png in DIR.
  login: opens the overview of a panel with a password, is sent to "Log ind",
         types the password (read from PASSWORD_FILE) into the form, sees the
         overview, reads the session cookie's flags, then logs out; saves
         panel-login.png and panel-overview-logged-in.png in SCREENSHOT_DIR.
Prints one JSON object with what the browser saw; exits 1 when the page is not
what an office should see (with the reason on stderr), 0 otherwise.
"""
import json
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait


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


def units_row(driver):
    return driver.find_element(By.CSS_SELECTOR, "#modules tbody tr[data-module='units']")


def wait_for_cooldown(driver, base, seconds=90):
    """Reloads the overview until the units module shows when it may run again (its run ended); returns that text."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        driver.get(base + "/")
        # While the run goes on the page reloads itself: a reload may take the row away midway (stale, or not there yet).
        again = steady(driver, lambda d: [e.text for e in units_row(d).find_elements(By.CSS_SELECTOR, ".again")])
        if again:
            return again[0]
        time.sleep(0.5)
    notices = [notice.text for notice in driver.find_elements(By.CSS_SELECTOR, "p.notice")]
    raise SystemExit(f"the units module's run never ended on the page: {units_row(driver).get_attribute('outerHTML')} {notices}")


def left(page):
    """Whether the browser has left the document `page` belonged to.

    Selenium's staleness_of only counts a stale reference; while a page reloads
    itself, Chromium may instead answer "Node with given id does not belong to
    the document" for the same fact, so any refusal to read the old node counts.
    """
    def predicate(_driver):
        try:
            page.is_enabled()
            return False
        except WebDriverException:
            return True
    return predicate


def click_and_wait(driver, element):
    """Clicks `element` and waits until the page it was on has been left (the form was sent)."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 30).until(left(page))


def steady(driver, read, seconds=30):
    """`read(driver)` on a page that reloads itself: read again when a reload took the nodes away midway."""
    deadline = time.time() + seconds
    while True:
        try:
            return read(driver)
        except WebDriverException:
            if time.time() > deadline:
                raise
            time.sleep(0.2)


def sync_flow(driver, base):
    driver.get(base + "/")
    click_and_wait(driver, units_row(driver).find_element(By.CSS_SELECTOR, "button[type='submit']"))
    again = wait_for_cooldown(driver, base)
    row = units_row(driver)
    seen = {"again": again, "buttonDisabled": row.find_element(By.TAG_NAME, "button").get_attribute("disabled") is not None,
            "lastRun": row.find_elements(By.TAG_NAME, "td")[2].text}
    click_and_wait(driver, row.find_element(By.CSS_SELECTOR, "a.force"))
    seen["question"] = driver.find_element(By.ID, "question").text
    click_and_wait(driver, driver.find_element(By.ID, "confirm"))
    seen["afterForce"] = driver.current_url
    # The forced run: the page shows it running, or finished already.
    wait_for_cooldown(driver, base)
    seen["console"] = [entry["message"] for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    return seen


def console(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]


def pages_flow(driver, base, shots):
    """The overview's pictures, then each page reached through the navigation as the office would, each screenshot saved."""
    driver.set_window_size(1400, 1900)
    driver.get(base + "/")
    chart = driver.find_element(By.ID, "api-calls")
    seen = {"overview": {
        "heading": driver.find_element(By.TAG_NAME, "h1").text,
        "bars": len(driver.find_elements(By.CSS_SELECTOR, "#api-calls rect.calls")),
        "runs": len(driver.find_elements(By.CSS_SELECTOR, "#run-timeline rect.run")),
        "chartWidth": chart.size["width"],
        "label": chart.get_attribute("aria-label"),
        "console": console(driver),
    }}
    driver.save_screenshot(f"{shots}/panel-overview.png")
    for page, table in (("pending", "pending"), ("conflicts", "conflicts")):
        link = driver.find_element(By.CSS_SELECTOR, f"nav a[href^='/{page}?']")
        click_and_wait(driver, link)
        seen[page] = {
            "heading": driver.find_element(By.TAG_NAME, "h1").text,
            "rows": len(driver.find_elements(By.CSS_SELECTOR, f"#{table} tbody tr")),
            "cells": [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, f"#{table} tbody tr:first-child td")],
            "console": console(driver),
        }
        driver.save_screenshot(f"{shots}/panel-{page}.png")
    # The conflicts' date form, sent by the browser: a day after the conflicts shows none.
    day = driver.find_element(By.CSS_SELECTOR, "#dates input[name='from']")
    driver.execute_script("arguments[0].value = '2026-11-03'", day)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#dates button[type='submit']"))
    seen["conflicts"]["laterRows"] = len(driver.find_elements(By.CSS_SELECTOR, "#conflicts tbody tr"))
    seen["conflicts"]["laterUrl"] = driver.current_url
    seen["conflicts"]["console"] += console(driver)
    return seen


def audit_flow(driver, base, shots, seconds=60):
    """Revision: reached through the navigation, "Kør revision nu" pressed; the page reloads itself until the findings are there."""
    driver.set_window_size(1400, 1200)
    driver.get(base + "/")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "nav a[href^='/audit?']"))
    seen = {"heading": driver.find_element(By.TAG_NAME, "h1").text, "before": len(driver.find_elements(By.ID, "no-audit"))}
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#run-audit button[type='submit']"))
    deadline = time.time() + seconds
    while time.time() < deadline and not steady(driver, lambda d: d.find_elements(By.ID, "audit-of")):
        time.sleep(0.5)  # no reload from here: the page's own refresh brings the result

    def result(driver):
        found = driver.find_elements(By.ID, "audit-of")
        return {"of": found[0].text if found else None,
                "findings": [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
                             for row in driver.find_elements(By.CSS_SELECTOR, "#findings tbody tr")]}
    seen.update(steady(driver, result))
    seen["console"] = console(driver)
    driver.save_screenshot(f"{shots}/panel-audit.png")
    return seen


def reconnect_flow(driver, base, shots):
    """Forbindelse: reached through the navigation, "Forbind igen" pressed; the browser goes to e-conomic's grant page and back."""
    driver.get(base + "/")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "nav a[href^='/connection?']"))
    seen = {"heading": driver.find_element(By.TAG_NAME, "h1").text,
            "expired": [element.text for element in driver.find_elements(By.ID, "token-expired")]}
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#reconnect button[type='submit']"))
    WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.ID, "connection-notice"))
    seen["url"] = driver.current_url
    seen["notice"] = driver.find_element(By.ID, "connection-notice").text
    seen["expiredAfter"] = len(driver.find_elements(By.ID, "token-expired"))
    seen["console"] = console(driver)
    driver.save_screenshot(f"{shots}/panel-connection.png")
    return seen


def login_flow(driver, base, shots, password_file):
    """Logs in through the form as the office would, then out again."""
    with open(password_file, encoding="utf-8") as file:
        password = file.read().rstrip("\r\n")
    driver.set_window_size(1400, 1200)
    driver.get(base + "/")
    seen = {"before": driver.find_element(By.TAG_NAME, "h1").text, "loginUrl": driver.current_url}
    driver.save_screenshot(f"{shots}/panel-login.png")
    driver.find_element(By.ID, "password").send_keys(password)
    click_and_wait(driver, driver.find_element(By.ID, "log-in"))
    seen["after"] = driver.find_element(By.TAG_NAME, "h1").text
    seen["modules"] = len(driver.find_elements(By.CSS_SELECTOR, "#modules tbody tr"))
    cookie = driver.get_cookie("econsync_session") or {}
    seen["httpOnly"] = cookie.get("httpOnly")
    seen["sameSite"] = cookie.get("sameSite")
    driver.save_screenshot(f"{shots}/panel-overview-logged-in.png")
    seen["console"] = console(driver)
    click_and_wait(driver, driver.find_element(By.ID, "log-out"))
    driver.get(base + "/")
    seen["afterLogout"] = driver.find_element(By.TAG_NAME, "h1").text
    seen["passwordShown"] = password in driver.page_source
    return seen


def settings_flow(driver, base, shots):
    """Indstillinger: reached through the navigation; the order template chosen from e-conomic's layouts (the last
    one offered) and the grouping chosen from its values, then "Gem og aktivér" pressed; the page comes back with its notice."""
    driver.set_window_size(1400, 2600)
    driver.get(base + "/")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "nav a[href^='/settings?']"))
    seen = {"heading": driver.find_element(By.TAG_NAME, "h1").text,
            "steps": [legend.text for legend in driver.find_elements(By.CSS_SELECTOR, "#settings legend")]}
    layout = Select(driver.find_element(By.CSS_SELECTOR, "select[name='orders.layout']"))
    seen["layouts"] = [option.get_attribute("value") for option in layout.options]
    layout.select_by_index(len(layout.options) - 1)
    seen["layout"] = layout.first_selected_option.get_attribute("value")
    grouping = Select(driver.find_element(By.CSS_SELECTOR, "select[name='orders.grouping']"))
    seen["groupings"] = [[option.get_attribute("value"), option.text] for option in grouping.options]
    grouping.select_by_value("date")
    Select(driver.find_element(By.CSS_SELECTOR, "select[name='customers.syncContacts']")).select_by_value("true")
    click_and_wait(driver, driver.find_element(By.ID, "activate"))
    seen["url"] = driver.current_url
    seen["notice"] = driver.find_element(By.ID, "settings-notice").text if driver.find_elements(By.ID, "settings-notice") else None
    seen["layoutAfter"] = Select(driver.find_element(By.CSS_SELECTOR, "select[name='orders.layout']")).first_selected_option.get_attribute("value")
    seen["groupingAfter"] = Select(driver.find_element(By.CSS_SELECTOR, "select[name='orders.grouping']")).first_selected_option.get_attribute("value")
    seen["console"] = console(driver)
    driver.save_screenshot(f"{shots}/panel-settings.png")
    return seen


def pages_problems(seen):
    problems = [f"{page}: the browser complained: {value['console']}" for page, value in seen.items() if value["console"]]
    if seen["conflicts"]["laterRows"] != 0:
        problems.append(f"the date form did not filter: {seen['conflicts']}")
    return problems


# Each scenario: what the browser does (with the arguments after the scenario's name), and what is wrong with what it saw.
def orders_flow(driver, base, shots, untick):
    """Ordrer: reached through the navigation, a project chosen, one registration unticked, the lines
    previewed, then exported; the orders page says the draft order's number."""
    driver.set_window_size(1400, 1200)
    driver.get(base + "/")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "nav a[href^='/orders?']"))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#projects tbody tr a"))
    seen = {"ticked": len(driver.find_elements(By.CSS_SELECTOR, "#registrations input[type='checkbox']:checked"))}
    driver.find_element(By.CSS_SELECTOR, f"#registrations input[value='{untick}']").click()
    click_and_wait(driver, driver.find_element(By.ID, "preview"))
    seen["previewed"] = [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
                         for row in driver.find_elements(By.CSS_SELECTOR, "#lines tbody tr")]
    driver.save_screenshot(f"{shots}/panel-order-preview.png")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#export button[type='submit']"))
    seen["exported"] = driver.find_element(By.ID, "exported").text if driver.find_elements(By.ID, "exported") else None
    seen["console"] = console(driver)
    driver.save_screenshot(f"{shots}/panel-orders.png")
    return seen


SCENARIOS = {
    "sync": (lambda driver, base, args: sync_flow(driver, base),
             lambda seen: [] if seen["buttonDisabled"] and not seen["console"] else [f"unexpected: {seen}"]),
    "login": (lambda driver, base, args: login_flow(driver, base, args[0], args[1]),
              lambda seen: [] if seen["modules"] == 8 and not seen["console"] and not seen["passwordShown"] else [f"unexpected: {seen}"]),
    "pages": (lambda driver, base, args: pages_flow(driver, base, args[0]), pages_problems),
    "reconnect": (lambda driver, base, args: reconnect_flow(driver, base, args[0]),
                  lambda seen: [] if not seen["console"] else [f"the browser complained: {seen['console']}"]),
    "audit": (lambda driver, base, args: audit_flow(driver, base, args[0]),
              lambda seen: [] if seen["of"] and not seen["console"] else [f"the audit never showed, or the browser complained: {seen}"]),
    "orders": (lambda driver, base, args: orders_flow(driver, base, args[0], args[1]),
               lambda seen: [] if seen["exported"] and seen["previewed"] and not seen["console"] else [f"no order exported, or the browser complained: {seen}"]),
    "settings": (lambda driver, base, args: settings_flow(driver, base, args[0]),
                 lambda seen: [] if seen["notice"] and not seen["console"] else [f"no notice after saving, or the browser complained: {seen}"]),
}


def main():
    base = sys.argv[1].rstrip("/")
    scenario = sys.argv[2] if len(sys.argv) > 2 else "overview"
    driver = browser()
    try:
        if scenario in SCENARIOS:
            flow, check = SCENARIOS[scenario]
            seen = flow(driver, base, sys.argv[3:])
            print(json.dumps(seen, ensure_ascii=False))
            problems = check(seen)
            for problem in problems:
                print(problem, file=sys.stderr)
            return 1 if problems else 0
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
