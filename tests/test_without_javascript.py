"""Every page makes sense without JavaScript: no control is shown that only the script can make work,
and the widget pages say what to use instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import new_context, page_paths

# Buttons always need the script; form fields are fine where a reader fills them in to print.
SHOWN = """(selector) => [...document.querySelectorAll(selector)]
  .filter((el) => el.checkVisibility()).map((el) => el.textContent.trim() || el.name)"""


@pytest.fixture
def plain_page(browser, base_url: str):
    context = new_context(browser, base_url, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_no_page_shows_a_button_that_needs_the_script(plain_page, site_dir: Path) -> None:
    buttons: dict[str, list[str]] = {}
    fields: dict[str, list[str]] = {}
    for path in page_paths(site_dir):
        plain_page.goto(path)
        if shown := plain_page.evaluate(SHOWN, ".md-content button"):
            buttons[path] = shown
        if shown := plain_page.evaluate(SHOWN, ".md-content input, .md-content textarea, .md-content select"):
            fields[path] = shown
    assert buttons == {}
    # Only the forms meant to be filled in on screen and printed show fields without the script.
    assert sorted(fields) == ["bijlagen/casusinbrengformulier/", "bijlagen/reflectieformulier/"]


@pytest.mark.parametrize(
    "path,instead,still",
    [
        ("kaarten/", "[data-cards-nojs]", "details.ih-deck[data-deck]"),
        ("timer/", "[data-timer-nojs]", "table"),
        ("kiezen/", "[data-chooser-nojs]", "[data-chooser-table] tbody tr"),
    ],
)
def test_widget_pages_say_what_to_use_instead(plain_page, path: str, instead: str, still: str) -> None:
    plain_page.goto(path)
    assert "JavaScript" in plain_page.locator(instead).inner_text()
    assert plain_page.locator(still).first.is_visible()


def test_with_javascript_the_notes_for_readers_without_it_stay_away(page,
                                                                     console_errors: list[str]) -> None:
    """Instant navigation parses the next page with scripting off; the notes must not come back then."""
    page.goto("", wait_until="networkidle")  # instant navigation starts once Material has the sitemap
    page.evaluate("window.__samePage = true")
    for tab, url in [("Kiezen", "**/kiezen/"), ("Timer", "**/timer/"), ("Kaarten", "**/kaarten/")]:
        page.locator(".md-tabs a", has_text=tab).click()
        page.wait_for_url(url)
        page.locator(".ih-needs-js").first.wait_for(state="visible")
        assert page.evaluate("window.__samePage === true"), "the tab link should use instant navigation"
        assert page.evaluate(SHOWN, ".ih-nojs") == [], tab
    assert console_errors == []  # a CSP violation is reported as a console error
