"""The evening's routes in real WebKit (make crossbrowser): Selenium drives WebKitGTK's WebKitWebDriver
(Debian's webkit2gtk-driver) under xvfb-run. Usage: python tools/crossbrowser/webkit.py BASE_URL, the site
served with a sitemap naming the server (tools/crossbrowser/run.py does that). Exits 1 on a failed check."""

from __future__ import annotations

import sys
import time
from urllib.parse import parse_qs, urlsplit

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

# The planner has arrived: a frame after it shows, it scrolls to the top of the screen and takes the focus
# (timer/planner.js). A click before that lands where the link was a moment ago.
ARRIVED = "return !!document.activeElement && !!document.activeElement.closest('[data-timer-builder]')"
TRAP = "window.__errors = []; window.addEventListener('error', (e) => window.__errors.push(String(e.message)));"


class Walk:
    """One WebKit window and the checks made in it."""

    def __init__(self) -> None:
        options = webdriver.WebKitGTKOptions()
        options.add_argument("--automation")
        self.driver = webdriver.WebKitGTK(options=options)
        self.driver.set_window_size(1280, 800)
        self.results: list[tuple[bool, str]] = []

    def ok(self, name: str, passed: bool) -> None:
        self.results.append((bool(passed), name))

    def js(self, script: str, *args: object) -> object:
        return self.driver.execute_script(script, *args)

    def wait(self, script: str, seconds: float = 10) -> None:
        end = time.time() + seconds
        while time.time() < end:
            if self.js(script):
                return
            time.sleep(0.05)
        raise TimeoutError(script)

    def click(self, selector: str) -> None:
        self.driver.find_element(By.CSS_SELECTOR, selector).click()


def evening(walk: Walk, base: str) -> None:
    """Chooser -> 'Voeg toe aan de avond' -> planner in view -> start, edit, start (the bounce of issue 30)."""
    walk.driver.get(base)
    time.sleep(1.5)  # instant navigation starts once the theme has the sitemap
    walk.js("window.__same = true;" + TRAP)
    walk.click(".md-tabs a[href$='kiezen/']")
    walk.wait("return !!document.querySelector('[data-chooser-results] li a[data-field=link]')")
    adds = [a for a in walk.driver.find_elements(By.CSS_SELECTOR, "[data-chooser-results] > li a")
            if a.text.startswith("Voeg toe aan de avond")]
    walk.ok("the chooser offers 'Voeg toe aan de avond'", adds)
    adds[0].click()
    walk.wait("return location.search.includes('bewerk=1') && !document.querySelector('[data-timer-builder]').hidden")
    walk.ok("instant navigation was used", walk.js("return window.__same === true"))
    try:
        walk.wait(ARRIVED)
        walk.ok("the planner has the focus on arrival", True)
    except TimeoutError:
        walk.ok("the planner has the focus on arrival", False)
    for i in (1, 2):
        walk.click("[data-timer-builder-start]")
        walk.wait("const r = document.querySelector('[data-timer-run]'); return r && !r.hidden")
        time.sleep(0.5)  # the theme's bounce came within a few frames
        walk.ok(f"start #{i} stays in the session",
                walk.js("return !document.querySelector('[data-timer-run]').hidden") and "bewerk" not in walk.driver.current_url)
        walk.click("[data-timer-edit-link]")
        walk.wait("const b = document.querySelector('[data-timer-builder]'); return b && !b.hidden && location.search.includes('bewerk')")
        walk.wait(ARRIVED)


def address(walk: Walk, base: str) -> None:
    """150 arrow presses in the chooser: WebKit throws past 100 history writes in 10 s."""
    walk.driver.get(base + "kiezen/?minuten=5")
    walk.wait("return !!document.querySelector('.ih-chooser__out:not([aria-busy])')")
    walk.js(TRAP)
    field = walk.driver.find_element(By.NAME, "minuten")
    field.send_keys(Keys.ARROW_UP * 150)
    shown = field.get_attribute("value")
    time.sleep(1)
    minutes = parse_qs(urlsplit(walk.driver.current_url).query).get("minuten", [None])[0]
    walk.ok(f"the address matches the chooser after 150 presses ({shown})", minutes == shown)
    walk.ok("no page errors", not walk.js("return window.__errors"))


def room(walk: Walk, base: str) -> None:
    """The share part arrives with its QR code, and a follower shows a level and the plan ahead."""
    walk.driver.get(base + "timer/?methode=vijfstappenmethode")
    walk.wait("return !document.querySelector('[data-timer-run]').hidden")
    walk.click("[data-timer-start]")
    walk.click("[data-timer-share]")
    walk.wait("return !!document.querySelector('[data-timer-share-qr] svg')")
    link = walk.js("return document.querySelector('[data-timer-follow-link]').href")
    walk.ok("the share panel shows its QR code", "volg=" in link)
    walk.ok("the share panel has its part's style",
            walk.js("return getComputedStyle(document.querySelector('[data-timer-share-panel]')).display") == "flex")
    # Sound and the wake lock came with the start (the part timer-run), on the context made in the press.
    walk.ok("the start brought the sound's part", walk.js("return typeof Intervisie.timer.createSound === 'function'"))
    before = walk.js("return !document.querySelector('[data-timer-sheet]').hidden")
    walk.js("document.querySelector('[data-timer-sheet-mark]').scrollIntoView()")
    walk.wait("return !!document.querySelector('[data-sheet-rows] > tr')")
    walk.ok("the session plan comes when scrolled to", not before and walk.js("return !document.querySelector('[data-timer-sheet]').hidden"))
    walk.driver.get(link)
    walk.wait("const r = document.querySelector('[data-timer-run]'); return r && !r.hidden"
              " && document.querySelector('[data-timer-phase]').textContent.length > 0")
    level = walk.js("const el = document.querySelector('[data-timer-run]').closest('[data-level]');"
                    " return el && el.dataset.level")
    walk.ok(f"the follower shows a level ({level})", level in ("ok", "warn", "alert", "over"))
    walk.ok("the follower shows the plan ahead", walk.js("return document.querySelectorAll('[data-timer-programme] > li').length") > 1)


def search(walk: Walk, base: str) -> None:
    """The header search's script comes at the first "/", and what is typed at once is searched; a timer
    that fits to minutes asks for the fit first (the part plan-fit)."""
    walk.driver.get(base + "handboek/")
    walk.wait("return document.readyState === 'complete'")
    walk.js(TRAP)
    early = walk.js("return performance.getEntriesByType('resource').some((r) => r.name.includes('part-search'))")
    walk.driver.find_element(By.TAG_NAME, "body").send_keys("/")
    walk.driver.switch_to.active_element.send_keys("spiegelen")
    walk.wait("return !!document.querySelector('[data-search-result]')")
    first = walk.js("return document.querySelector('[data-search-result]').innerText.trim().split('\\n')[0]")
    walk.ok(f"search comes at the first reach and finds ({first[:40]})", not early)
    walk.ok("the results have their part's style",
            walk.js("return getComputedStyle(document.querySelector('[data-search-result]')).display") == "block")
    walk.driver.get(base + "timer/?methode=vijfstappenmethode&minuten=40")
    walk.wait("return !document.querySelector('[data-timer-run]').hidden")
    walk.ok("a timer in 40 minutes runs", walk.js("return document.querySelector('[data-timer-total]').textContent") == "40:00")
    walk.ok("no page errors on search", not walk.js("return window.__errors"))


def main() -> int:
    base = sys.argv[1]
    results: list[tuple[bool, str]] = []
    for route in (evening, address, room, search):
        walk = Walk()  # a fresh profile for each route
        try:
            route(walk, base)
        except Exception as error:  # noqa: BLE001 - a route that breaks is a failed check, said as such
            walk.ok(f"{route.__name__}: {type(error).__name__}", False)
        finally:
            walk.driver.quit()
            results += walk.results
    for passed, name in results:
        print(("ok  " if passed else "FAIL") + " " + name)
    return 0 if all(passed for passed, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
