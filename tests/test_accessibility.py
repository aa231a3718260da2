"""axe-core finds no WCAG 2.2 A/AA violations on any page type, in light and dark mode."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from helpers import new_context

AXE = Axe()
RULES = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
PAGE_TYPES = {
    "home": "",
    "chapter": "handboek/inleiding/",
    "handbook contents": "handboek/",
    "method page": "methoden/basismodel/",
    "overview": "methoden/",
    "chooser": "kiezen/?casus=incident&minuten=60",
    "timer idle": "timer/?methode=basismodel",
    "cards": "kaarten/",
    "form": "bijlagen/casusinbrengformulier/",
    "roles": "bijlagen/rollen/",
    "glossary": "begrippen/",
    "verantwoording": "verantwoording/",
}


def violations(page) -> list[str]:
    found = AXE.run(page, options=RULES).response["violations"]
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in found]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_types_have_no_axe_violations(browser, base_url: str, scheme: str) -> None:
    context = new_context(browser, base_url, color_scheme=scheme)
    page = context.new_page()
    problems = {}
    for name, path in PAGE_TYPES.items():
        page.goto(path, wait_until="networkidle")
        found = violations(page)
        if found:
            problems[name] = found
    # The running timer is a page state of its own: large countdown, warnings, controls.
    page.goto("timer/?methode=basismodel", wait_until="networkidle")
    page.locator("[data-timer-start]").first.click()
    page.wait_for_timeout(300)
    found = violations(page)
    if found:
        problems["timer running"] = found
    context.close()
    assert problems == {}, problems
