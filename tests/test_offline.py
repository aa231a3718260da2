"""Offline: after one visit the timer, the cards and the handbook work without a network."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from macros.offline import precache_list


def test_service_worker_precaches_pages_assets_and_api(site_dir: Path) -> None:
    script = (site_dir / "sw.js").read_text(encoding="utf-8")
    files = json.loads(script.split("const FILES = ", 1)[1].split(";\n", 1)[0])
    assert files == precache_list(site_dir)
    for needed in ("./", "timer/", "kaarten/", "kiezen/", "methoden/basismodel/", "api/methods.json",
                   "search/search_index.json"):
        assert needed in files, needed
    assert not any(f.endswith(".map") for f in files)
    assert not any("lunr.de" in f for f in files), "only the Dutch search stemmer is needed"


@pytest.mark.browser
def test_timer_and_cards_work_offline_after_one_visit(context, console_errors: list[str]) -> None:
    page = context.new_page()
    page.goto("", wait_until="load")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null || caches.keys().then(k => k.length > 0)")
    page.wait_for_function(
        "caches.keys().then(keys => Promise.all(keys.map(k => caches.open(k).then(c => c.keys()))))"
        ".then(lists => lists.flat().length > 20)"
    )
    context.set_offline(True)
    page.goto("timer/?methode=basismodel", wait_until="load")
    page.wait_for_selector("[data-timer-phase]")
    assert page.locator("[data-timer-phase]").first.inner_text().strip() != ""
    page.goto("kaarten/", wait_until="load")
    page.locator("[data-card-draw]").first.click()
    assert page.locator("[data-card-question]").first.inner_text().strip() != ""
    page.goto("handboek/inleiding/", wait_until="load")
    assert page.locator("h1").first.inner_text().strip() != ""
