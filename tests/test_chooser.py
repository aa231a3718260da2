"""The method chooser at /kiezen/: scoring, the shareable URL, bad input and the page without JavaScript."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from helpers import ROOT, copy_project, load_fails_plainly, new_context
from sitebuild.finish.bundle import minified_js

CASE_TYPES = yaml.safe_load((ROOT / "data/case_types.yml").read_text(encoding="utf-8"))
RESULTS = "[data-chooser-results] > li"
WEAKER = "[data-chooser-weaker] li.ih-result"


def open_chooser(page, query: str = "") -> None:
    page.goto(f"kiezen/{query}")
    page.wait_for_function("() => !document.querySelector('[data-chooser-count]').textContent.includes('laden')")


def ranked(page, selector: str = RESULTS) -> list[str]:
    hrefs = page.locator(f"{selector} .ih-result__title a").evaluate_all("links => links.map(a => a.href)")
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs]


# ---- scenarios with the real methods, as a facilitator uses the page ----
# (The scoring function itself, with made-up methods and weights, is tested without a browser:
# tests/js/chooser.test.js.)

SCENARIOS = [
    ("?casus=incident", "incidentenmethode", 1),
    ("?casus=overtuigingen", "dominante-ideeen", 3),
    ("?minuten=20&groep=8&advies=ja", "snelle-adviesronde", 1),
    ("?casus=waarden", "socratische-methode", 3),
]


@pytest.mark.parametrize(("query", "slug", "top"), SCENARIOS)
def test_scenario_puts_the_expected_method_at_the_top(page, console_errors: list[str], query, slug, top) -> None:
    open_chooser(page, query)
    assert slug in ranked(page)[:top]
    assert console_errors == []


def test_each_result_explains_the_fit_and_starts_in_the_timer(page) -> None:
    open_chooser(page, "?casus=incident&minuten=60")
    first = page.locator(RESULTS).first
    assert "past bij incidenten" in first.locator(".ih-fit").all_inner_texts()
    assert first.locator(".ih-result__meta").inner_text().endswith("personen")
    slug = ranked(page)[0]
    # A method longer than 60 minutes that can be shortened within its floors fits, and says so.
    shortened = page.locator(RESULTS, has=page.locator(".ih-fit", has_text="ingekort tot 60 min"))
    assert shortened.count() > 0, "a method longer than 60 minutes says it is shortened"
    assert "incidentenmethode" in ranked(page), "70 minutes, shortened to 60"
    first.get_by_role("link", name="Start in de timer").click()
    # The link carries the answers it was chosen with: the timer fits the method to the 60 minutes.
    page.wait_for_url(f"**/timer/?methode={slug}&minuten=60")


def test_answers_round_trip_through_the_url(page) -> None:
    open_chooser(page)
    page.locator("label.ih-option", has=page.locator('input[name="casus"][value="waarden"]')).click()
    page.get_by_label("Hoeveel minuten hebben jullie?").fill("90")
    page.get_by_label("Met hoeveel personen zijn jullie?").fill("6")
    page.locator("label.ih-option", has_text="Gevorderden").click()
    page.locator("label.ih-option", has_text="Nee, alleen reflectie").click()
    assert page.url.endswith("kiezen/?casus=waarden&minuten=90&groep=6&ervaring=gevorderden&advies=nee")
    before = ranked(page), ranked(page, WEAKER)
    page.goto(page.url)
    open_chooser(page, "?casus=waarden&minuten=90&groep=6&ervaring=gevorderden&advies=nee")
    assert page.locator('input[name="casus"][value="waarden"]').is_checked()
    assert page.get_by_label("Hoeveel minuten hebben jullie?").input_value() == "90"
    assert page.locator('input[name="advies"][value="nee"]').is_checked()
    assert (ranked(page), ranked(page, WEAKER)) == before
    page.get_by_role("button", name="Alles wissen").click()
    assert page.url.endswith("/kiezen/")


def test_malformed_link_shows_a_friendly_note_and_all_methods(page, console_errors: list[str]) -> None:
    open_chooser(page, "?minuten=abc&groep=-3&casus=onbekend")
    note = page.locator("[data-chooser-note]")
    assert note.is_visible()
    assert note.locator("li").count() == 3
    assert "abc" in note.inner_text() and "-3" in note.inner_text() and "onbekend" in note.inner_text()
    api = json.loads(page.request.get("api/methods.json").text())
    # A handbook variant is listed with its method (".ih-result__variant"), not in a place of its own.
    variants = page.locator(f"{RESULTS} .ih-result__variant a").evaluate_all("links => links.map(a => a.href)")
    shown = ranked(page) + [href.rstrip("/").rsplit("/", 1)[-1] for href in variants]
    assert sorted(shown) == sorted(m["slug"] for m in api["methoden"])
    assert len(shown) == len(set(shown))
    assert page.get_by_label("Hoeveel minuten hebben jullie?").input_value() == ""
    assert console_errors == []
    page.locator("label.ih-option", has_text="Beginners").click()
    assert not note.is_visible(), "the note goes once the form holds only good answers"


def test_failed_download_still_explains_the_link_and_points_to_the_table(page) -> None:
    page.route("**/api/methods-index.json", lambda route: route.abort())
    page.goto("kiezen/?minuten=abc")
    count = page.locator("[data-chooser-count]")
    page.wait_for_function("() => document.querySelector('[data-chooser-count]').textContent.includes('niet')")
    assert "tabel" in count.inner_text()
    assert "abc" in page.locator("[data-chooser-note]").inner_text()
    assert page.locator("[data-chooser-table] tbody tr").count() == len(CASE_TYPES)


def test_good_link_shows_no_note(page) -> None:
    open_chooser(page, "?casus=incident&minuten=60&groep=6&ervaring=beginners&advies=ja")
    assert not page.locator("[data-chooser-note]").is_visible()


def test_keyboard_user_keeps_focus_and_hears_the_count(page) -> None:
    open_chooser(page)
    count = page.locator("[data-chooser-count]")
    assert count.get_attribute("aria-live") == "polite"
    minutes = page.get_by_label("Hoeveel minuten hebben jullie?")
    minutes.focus()
    page.keyboard.type("20")
    assert page.evaluate("document.activeElement.name") == "minuten"
    assert "minder goed" in count.inner_text()
    page.locator('input[name="casus"][value=""]').focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == "incident"
    expect(page).to_have_url(re.compile(r"casus=incident"))


def test_instant_navigation_sets_the_chooser_up_again(page, console_errors: list[str]) -> None:
    page.goto("")
    page.locator(".md-tabs a", has_text="Kiezen").click()
    page.wait_for_url("**/kiezen/")
    page.locator(RESULTS).first.wait_for()
    total = page.locator(RESULTS).count()
    page.locator(".md-tabs a", has_text="Timer").click()
    page.wait_for_url("**/timer/")
    page.go_back()
    # The list is in the built page already; the chooser is set up once it is no longer busy.
    page.locator(f".ih-chooser__out:not([aria-busy]) {RESULTS}").first.wait_for()
    assert page.locator(RESULTS).count() == total
    page.get_by_label("Hoeveel minuten hebben jullie?").fill("20")
    expect(page).to_have_url(re.compile(r"minuten=20"))  # the address follows the form a moment later
    assert console_errors == []


# ---- the built page and data ----

def test_without_javascript_the_page_shows_the_case_table_instead_of_the_form(browser, base_url: str) -> None:
    context = new_context(browser, base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("kiezen/")
    assert not page.locator("[data-chooser-form]").is_visible()
    assert page.locator("[data-chooser-nojs]").is_visible()
    assert page.locator("[data-chooser-table] tbody tr").count() == len(CASE_TYPES)
    context.close()


def test_case_table_lists_every_case_type_with_the_methods_made_for_it_first(site_dir: Path) -> None:
    html = BeautifulSoup((site_dir / "kiezen/index.html").read_text(encoding="utf-8"), "lxml")
    rows = html.select("[data-chooser-table] tbody tr")
    assert [r.find("strong").get_text() for r in rows] == [c["naam"] for c in CASE_TYPES.values()]
    api = json.loads((site_dir / "api/methods.json").read_text(encoding="utf-8"))
    for key, row in zip(CASE_TYPES, rows):
        slugs = [a["href"].split("/")[-2] for a in row.select("a")]
        suited = [m for m in api["methoden"] if key in m["casustypen"]]
        assert sorted(slugs) == sorted(m["slug"] for m in suited), key
        made_for = {m["slug"] for m in suited if m["casustypen"][0] == key}
        assert set(slugs[: len(made_for)]) == made_for, key
        for slug in slugs:
            assert (site_dir / "methoden" / slug / "index.html").exists()


def test_weights_are_exported_from_the_data_file(site_dir: Path) -> None:
    exported = json.loads((site_dir / "api/chooser.json").read_text(encoding="utf-8"))
    assert exported == yaml.safe_load((ROOT / "data/chooser.yml").read_text(encoding="utf-8"))


def test_bad_weight_stops_the_build_with_a_plain_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data/chooser.yml"
    text = path.read_text(encoding="utf-8")
    assert "  punten: 10\n" in text
    path.write_text(text.replace("  punten: 10\n", "  punten: tien\n", 1), encoding="utf-8")
    load_fails_plainly(project, "data/chooser.yml", "'casus.punten'", "heel getal")


def test_chooser_script_stays_small(site_dir: Path) -> None:
    # The chooser's own modules within 5 KB (as the single chooser.js was before the split), and the
    # bundle as served, with the widget library every widget shares, within 8 KB, plus what it shares with
    # the timer: lib/plan.js and lib/fit.js (both fit a method the same way) and group/recent.js (the group's
    # recent methods for "vorige keer gebruikt", its look-back for the timer).
    own = [ROOT / "docs/assets/javascripts/chooser" / name for name in ("rank.js", "view.js")]
    minified = ";\n".join(minified_js(path.name, path.read_text(encoding="utf-8")) for path in own)
    assert len(gzip.compress(minified.encode("utf-8"))) < 5 * 1024
    (bundle,) = (site_dir / "assets/javascripts").glob("intervisie-chooser.*.js")
    shared = ";\n".join(minified_js(name, (ROOT / "docs/assets/javascripts" / name).read_text(encoding="utf-8"))
                        for name in ("lib/plan.js", "lib/fit.js", "group/recent.js"))
    assert len(gzip.compress(bundle.read_bytes())) < 8 * 1024 + len(gzip.compress(shared.encode("utf-8")))


def test_form_and_script_use_the_same_limits(site_dir: Path) -> None:
    """The limits live in macros/limits.py: the form shows them and data-limits hands them to the script."""
    html = BeautifulSoup((site_dir / "kiezen/index.html").read_text(encoding="utf-8"), "lxml")
    limits = json.loads(html.select_one("[data-chooser]")["data-limits"])
    for name in ("minuten", "groep"):
        field = html.select_one(f'[data-chooser-form] input[name="{name}"]')
        assert limits[name] == [int(field["min"]), int(field["max"])], name


def test_the_chooser_ranks_on_the_compact_index(page) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url.split("/api/", 1)[-1]))
    open_chooser(page, "?minuten=60&casus=incident")
    assert ranked(page)[0] == "incidentenmethode"
    assert "methods-index.json" in requested and "methods.json" not in requested
