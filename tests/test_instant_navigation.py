"""Every link of the helpers works under Material's instant navigation, as on the published site.

The test server hands out a sitemap that names itself (tests/helpers.py), so instant navigation is on in
every browser test, as on GitHub Pages. Material takes a link that changes only the query of the page
for a jump within it: it added a history entry and went back again, so "Start deze sessie" after
"Deze agenda aanpassen", a saved plan and "Andere methode of sessie" bounced back (issue 30). Each test
walks one route from a page reached by instant navigation, checks that it did not reload what it
should not, and that Back and Forward show what the address says."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from helpers import show_plan

TIMER_TAB = ".md-tabs a:text-is('Timer')"


def arrive_by_menu(page, tab: str, ready: str) -> None:
    """Open the home page, wait until Material has its sitemap, and follow a tab of the menu to a helper."""
    page.goto("", wait_until="networkidle")  # instant navigation starts once Material has the sitemap
    page.evaluate("window.__samePage = true")
    page.locator(f".md-tabs a:text-is('{tab}')").click()
    page.locator(ready).first.wait_for()
    assert page.evaluate("window.__samePage === true"), "the menu should use instant navigation"


def test_an_edited_agenda_starts_and_runs_also_after_editing_it_again(page, console_errors) -> None:
    arrive_by_menu(page, "Timer", "[data-timer-items] > li")
    page.locator("[data-timer-builder-start]").click()
    run = page.locator("[data-timer-run]")
    expect(run).to_be_visible()
    page.wait_for_url(re.compile(r"timer/\?agenda="))
    expect(page.locator("[data-timer-builder]")).to_be_hidden()
    for _ in range(2):  # twice, as the facilitator did
        page.locator("[data-timer-edit-link]").click()
        expect(page.locator("[data-timer-builder]")).to_be_visible()
        page.wait_for_url(re.compile(r"bewerk=1"))
        page.locator("[data-timer-builder-start]").click()
        expect(run).to_be_visible()
        expect(page.locator("[data-timer-builder]")).to_be_hidden()
        assert "bewerk" not in page.url
        page.wait_for_timeout(300)  # Material's bounce went back within a few frames
        expect(run).to_be_visible()
        assert "bewerk" not in page.url
    assert console_errors == []


def test_a_saved_plan_opens_after_arriving_through_the_menu(page, console_errors) -> None:
    page.goto("timer/?agenda=opening,vijfstappenmethode,pauze&start=19:00")
    show_plan(page)
    page.fill("[data-sheet-name]", "Dinsdaggroep")
    page.get_by_role("button", name="Plan bewaren").click()
    expect(page.locator("[data-sheet-status]")).to_contain_text("Dinsdaggroep")

    arrive_by_menu(page, "Timer", "[data-saved-plan]")
    page.locator("[data-timer-saved]").get_by_role("link", name="Dinsdaggroep").click()
    page.wait_for_url(re.compile(r"timer/\?agenda=opening,vijfstappenmethode,pauze"))
    expect(page.locator("[data-timer-run]")).to_be_visible()
    page.wait_for_timeout(300)
    assert "agenda=" in page.url, "the plan should not bounce back to /timer/"
    expect(page.locator("[data-timer-run]")).to_be_visible()
    assert console_errors == []


def test_another_method_or_session_leads_to_the_choice_and_back_returns_to_the_session(page, console_errors) -> None:
    arrive_by_menu(page, "Kiezen", "[data-chooser-results] li")
    page.locator("[data-chooser-results] [data-field=timer]").first.click()
    run = page.locator("[data-timer-run]")
    expect(run).to_be_visible()  # chooser -> timer by instant navigation
    assert page.evaluate("window.__samePage === true")
    method = page.locator("[data-timer-phase]").inner_text()
    session_url = page.url
    assert "methode=" in session_url

    page.locator("[data-timer-choose-link]").click()
    expect(page.locator("[data-timer-choose]")).to_be_visible()
    page.wait_for_timeout(300)
    expect(page.locator("[data-timer-choose]")).to_be_visible()
    assert page.url.endswith("/timer/"), page.url

    page.go_back()
    expect(run).to_be_visible()
    assert page.url == session_url
    assert page.locator("[data-timer-phase]").inner_text() == method
    page.go_forward()
    expect(page.locator("[data-timer-choose]")).to_be_visible()
    page.go_back()
    # The session page comes back from the back/forward cache; the second Back may only be sent once it is
    # the active page again, or Chromium answers "Not attached to an active page" (seen once in CI).
    expect(run).to_be_visible()
    page.wait_for_url(session_url)
    page.go_back()
    expect(page.locator("[data-chooser-results] li").first).to_be_visible()
    assert "/kiezen/" in page.url
    assert console_errors == []


def test_the_deck_links_of_the_cards_appendix_open_their_deck_each_time(page, console_errors) -> None:
    arrive_by_menu(page, "Bijlagen", "article h1")
    page.locator("nav a", has_text="Reflectiekaarten").first.click()
    page.wait_for_url("**/bijlagen/reflectiekaarten/")
    decks = page.locator("a.md-button", has_text="Trek een kaart uit deze stapel")
    decks.first.wait_for()
    for i in range(2):
        link = decks.nth(i)
        deck = re.search(r"stapel=([\w-]+)", link.get_attribute("href")).group(1)
        link.click()
        page.wait_for_url(f"**/kaarten/?stapel={deck}*")
        checked = page.locator(f"[data-card-decks] input[value='{deck}']")
        expect(checked).to_be_checked()
        page.locator("[data-card-draw]").click()
        page.wait_for_url(re.compile(r"kaart="))
        page.go_back()
        page.wait_for_url("**/bijlagen/reflectiekaarten/")
        expect(decks.nth(i)).to_be_visible()
    assert console_errors == []
