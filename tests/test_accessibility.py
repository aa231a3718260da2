"""axe-core finds no WCAG 2.2 A/AA violations on any page type in light mode, and none of what colours decide
in dark mode (the same markup; see helpers.AXE_COLOUR_RULES)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from helpers import PAGE_KINDS, axe_violations, new_context, show_plan


# A page is ready for axe when its widget has its data: nothing is busy any more, and the timer shows its
# session. (Waiting for the network to be idle instead costs half a second per page and says less.)
READY = """() => !document.querySelector('[aria-busy="true"]')
  && (!document.querySelector('[data-timer]') || !!document.querySelector('[data-timer-run]:not([hidden])'))"""


@pytest.fixture(scope="module", params=["light", "dark"])
def scheme_page(request, browser, base_url: str):
    """One browser profile per colour scheme, shared by the page types (axe reads, it changes nothing):
    the page and its scheme."""
    context = new_context(browser, base_url, color_scheme=request.param)
    yield context.new_page(), request.param
    context.close()


@pytest.mark.parametrize("name", PAGE_KINDS)
def test_page_type_has_no_axe_violations(scheme_page, name: str) -> None:
    page, scheme = scheme_page
    page.goto(PAGE_KINDS[name], wait_until="load")
    page.wait_for_function(READY)
    assert axe_violations(page, scheme) == []


def test_running_timer_has_no_axe_violations(scheme_page) -> None:
    """The running timer is a page state of its own: large countdown, warnings, controls, and the session
    plan below them, which comes when the reader scrolls to it."""
    page, scheme = scheme_page
    page.goto("timer/?methode=basismodel", wait_until="load")
    page.wait_for_function(READY)
    page.locator("[data-timer-start]").first.click()
    expect(page.locator("[data-timer-start]").first).to_have_text("Pauze")  # it runs
    show_plan(page)
    assert axe_violations(page, scheme) == []
