"""The address bar always matches the screen, also after a quick run of changes.

WebKit (Safari) lets a page call history.replaceState 100 times in 10 seconds and throws a SecurityError
after that; Chromium silently drops calls near 200. Chromium runs these tests, so an init script gives its
replaceState WebKit's limit: a widget that wrote its address on every change threw, and from then on a
shared link or a reload showed something else than the screen."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit


# WebKit's rule, on the page's own clock (Playwright's fake clock once installed): more than 100 calls within
# 10 s throw, as in Safari, and are not carried out.
WEBKIT_LIMIT = """
(() => {
  const real = History.prototype.replaceState;
  const calls = [];
  window.__replaceCalls = 0;
  History.prototype.replaceState = function (...args) {
    const now = Date.now();
    while (calls.length && calls[0] <= now - 10000) calls.shift();
    if (calls.length >= 100) {
      throw new DOMException("Attempt to use history.replaceState() more than 100 times per 10 seconds",
        "SecurityError");
    }
    calls.push(now);
    window.__replaceCalls += 1;
    return real.apply(this, args);
  };
})();
"""


def query(page) -> dict[str, str]:
    """The parameters the address bar holds now (what a shared link or a reload would get)."""
    search = page.evaluate("location.search")
    return {key: values[0] for key, values in parse_qs(search.lstrip("?")).items()}


def open_with_webkit_limit(page, path: str, ready: str) -> None:
    page.add_init_script(WEBKIT_LIMIT)
    page.clock.install()
    page.goto(path)
    page.locator(ready).wait_for()
    # From here the page's clock stands still unless a test moves it: every change below falls within the
    # same moment as far as the page can tell, however slowly this machine sends the keys.
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)


CHOOSER_READY = ".ih-chooser__out:not([aria-busy])"
CARDS_READY = "[data-cards]:not([aria-busy])"


def test_holding_an_arrow_key_in_the_chooser_keeps_the_address_right(page, base_url, site_dir,
                                                                      console_errors: list[str]) -> None:
    open_with_webkit_limit(page, "kiezen/?minuten=5", CHOOSER_READY)
    minutes = page.get_by_label("Hoeveel minuten hebben jullie?")
    minutes.focus()
    # A key held down repeats ~30 times a second: 150 changes within a few seconds.
    for _ in range(115):
        page.keyboard.press("ArrowUp")
    for _ in range(35):
        page.keyboard.press("ArrowDown")
    assert minutes.input_value() == str(5 + 80 * 5)
    assert console_errors == [], "a refused address write must never reach the reader as an error"
    page.clock.run_for(1000)
    assert query(page).get("minuten") == minutes.input_value(), "within a second the address shows the minutes"
    assert page.evaluate("window.__replaceCalls") <= 50
    page.reload()
    page.locator(CHOOSER_READY).wait_for()
    assert page.get_by_label("Hoeveel minuten hebben jullie?").input_value() == "405", "a reload shows the same"
    assert console_errors == []


def test_drawing_many_cards_keeps_the_address_right(page, base_url, site_dir, console_errors: list[str]) -> None:
    open_with_webkit_limit(page, "kaarten/", CARDS_READY)
    page.evaluate("document.activeElement.blur()")  # space on the page itself draws
    for _ in range(150):
        page.keyboard.press(" ")
    shown = page.locator("[data-card-question]").get_attribute("data-card-id")
    assert shown
    assert console_errors == []
    page.clock.run_for(1000)
    assert query(page).get("kaart") == shown, "within a second the address names the card on the table"
    assert console_errors == []


def test_a_link_followed_in_a_burst_gets_no_address_of_the_page_left(page, base_url, site_dir,
                                                                      console_errors: list[str]) -> None:
    """Material's instant navigation puts the next page's address in place before this page is left: a write
    still waiting then must not land on the next page, and the chooser's own history entry keeps its answers."""
    open_with_webkit_limit(page, "kiezen/?minuten=5", CHOOSER_READY)
    minutes = page.get_by_label("Hoeveel minuten hebben jullie?")
    minutes.focus()
    for _ in range(20):
        page.keyboard.press("ArrowUp")
    page.locator(".md-tabs a", has_text="Timer").click()
    page.wait_for_url("**/timer/")
    page.locator("[data-timer]").first.wait_for(state="attached")
    page.clock.run_for(3000)
    assert urlsplit(page.url).path.endswith("/timer/")
    assert urlsplit(page.url).query == "", "the chooser's answers did not land on the timer's address"
    page.go_back()
    page.wait_for_url("**/kiezen/**")
    assert query(page).get("minuten") == "105", "the chooser's entry kept its last answer"
    assert console_errors == []
