"""Defects seen in screenshots, each measured as a reader meets it: the session plan on a phone, contrast of the
pressed share button, the borders of the time fields, the sound checkbox beside its label, the chapter kicker
above its title and the underline of a link holding a glossary term."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from helpers import new_context, serve_sitemap_for_this_server

SESSION = "agenda=opening,snelle-adviesronde,pauze,evaluatie&minuten=90&groep=7&rondes=3&start=19:00"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, base_url, site_dir):
    ctx = new_context(browser, base_url, viewport=PHONE, is_mobile=True, has_touch=True)
    pg = ctx.new_page()
    serve_sitemap_for_this_server(pg, base_url, site_dir)
    yield pg
    ctx.close()


def test_the_session_plan_reads_as_a_list_on_a_phone(phone) -> None:
    phone.goto(f"timer/?{SESSION}")
    plan = phone.locator(".ih-sheet__plan")
    expect(phone.locator(".ih-sheet__scroll")).to_be_visible()
    plan.scroll_into_view_if_needed()
    rows = plan.locator("tbody > tr")
    assert rows.count() > 5
    # What happens in each part is the longest text: it gets (nearly) the whole width, not a column of one
    # word a line.
    widths = plan.locator("tbody td:nth-child(3)").evaluate_all(
        "cells => cells.filter(c => c.textContent.trim()).map(c => c.getBoundingClientRect().width)")
    assert widths and min(widths) >= 250, widths
    # Time, part and minutes of a row share its first line.
    first = rows.nth(1)
    tops = [first.locator(sel).bounding_box()["y"] for sel in ("th", "td:nth-child(2)", "td:nth-child(5)")]
    assert max(tops) - min(tops) < 2, tops
    # Nothing scrolls sideways, neither the plan's box nor the page.
    box = phone.locator(".ih-sheet__scroll")
    assert box.evaluate("el => el.scrollWidth <= el.clientWidth"), "the plan scrolls sideways"
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # Still a table to a screen reader: rows of cells under their column heads.
    tree = plan.aria_snapshot()
    assert "- table" in tree and "- row" in tree and "- columnheader \"Wat gebeurt er?\"" in tree, tree


def test_the_session_plan_stays_a_table_on_a_wide_screen(page) -> None:
    page.goto(f"timer/?{SESSION}")
    plan = page.locator(".ih-sheet__plan")
    expect(page.locator(".ih-sheet__scroll")).to_be_visible()
    assert plan.evaluate("el => getComputedStyle(el).display") == "table"
    expect(plan.locator("thead")).to_be_visible()
