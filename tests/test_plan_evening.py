"""An evening of several cases in the session planner: a Tuesday 19:00-21:00, six people, two members with a
case (an incident and a recurring dilemma), a pause and an evaluation. Methods come from the chooser into the
evening being built, blocks get labels that stay in this browser, a step can be left out, the case choice of the
Zevenstappenmethode comes once, the fit is reported per block, a saved plan keeps everything, and the plan
prints on one A4 page.

Every test runs as on the published site: instant navigation on (the test server's sitemap names itself)."""

from __future__ import annotations

import datetime as dt
import json
import re

from playwright.sync_api import expect

import pytest

from helpers import axe_violations, method_data, new_context, seed_storage, show_plan

TUESDAY = dt.datetime(2026, 12, 8, 18, 0, 0)
PLANS, ROLES, EVENING = "intervisie.plannen.v1", "intervisie.rollen.v1", "intervisie.avond.v1"
# Two cases with the Zevenstappenmethode, framed: opening, pause between the cases, evaluation, closing.
TWO_CASES = "agenda=opening,zevenstappenmethode,pauze,zevenstappenmethode,evaluatie,afsluiting"


def items(page) -> list[str]:
    return page.locator("[data-timer-items] > li").evaluate_all("lis => lis.map(li => li.dataset.key)")


def programme(page) -> list[dict]:
    return page.locator("[data-timer-programme] > li").evaluate_all(
        """lis => lis.map(li => ({block: li.dataset.planBlock, name: li.querySelector("strong").textContent,
            label: (li.querySelector(".ih-timer__label") || {}).textContent || ""}))"""
    )


def in_view(page, selector: str) -> bool:
    """Wholly on the screen, below the site's fixed header."""
    return page.locator(selector).evaluate(
        "el => { const r = el.getBoundingClientRect(); const head = document.querySelector('.md-header')"
        ".getBoundingClientRect().bottom; return r.top >= head && r.bottom <= innerHeight; }")


def save_plan(page, name: str, date: str, **roles: str) -> None:
    """Fill the running session plan's date and role names, and keep it under `name` ("Plan bewaren")."""
    page.fill("[data-sheet-date]", date)
    for role, person in roles.items():
        page.fill(f"[data-sheet-role={role}]", person)
    page.fill("[data-sheet-name]", name)
    page.get_by_role("button", name="Plan bewaren").click()
    expect(page.locator("[data-sheet-status]")).to_contain_text(f"Bewaard als „{name}”")


def open_builder(page, query: str) -> None:
    page.goto(f"timer/?{query}&bewerk=1")
    expect(page.locator("[data-timer-builder]")).to_be_visible()


def label(page, index: int, text: str) -> None:
    page.locator("[data-timer-items] > li").nth(index).locator("[data-planner-label]").fill(text)


def test_chooser_adds_two_methods_to_the_evening_and_the_planner_opens_where_the_reader_looks(
        page, console_errors) -> None:
    page.goto("kiezen/?casus=incident&minuten=60&groep=6")
    results = page.locator("[data-chooser-results] > li")
    results.first.wait_for()
    first_slug = results.first.locator("a[data-field=link]").get_attribute("href").rstrip("/").split("/")[-1]
    results.first.get_by_role("link", name=re.compile("^Voeg toe aan de avond")).click()
    page.wait_for_url(re.compile(r"timer/\?agenda=.*bewerk=1"))
    builder = page.locator("[data-timer-builder]")
    expect(builder).to_be_visible()
    expect(builder.locator("h2")).to_be_focused()
    assert in_view(page, "[data-timer-builder] h2"), "the planner is scrolled into view"
    assert first_slug in items(page)
    assert "vijfstappenmethode" not in items(page), "the usual frame comes without its own method"

    page.go_back()
    page.wait_for_url(re.compile(r"kiezen/"))
    expect(page.locator(".ih-chooser__out:not([aria-busy])")).to_have_count(1)
    page.locator("[data-chooser] input[name=casus][value=patroon]").check()
    others = page.locator("[data-chooser-results] > li").filter(
        has_not=page.locator(f'a[data-field=link][href$="/{first_slug}/"]'))
    second_slug = others.first.locator("a[data-field=link]").get_attribute("href").rstrip("/").split("/")[-1]
    others.first.get_by_role("link", name=re.compile("^Voeg toe aan de avond")).click()
    page.wait_for_url(re.compile(r"timer/\?agenda=.*bewerk=1"))
    expect(builder.locator("h2")).to_be_focused()
    assert in_view(page, "[data-timer-builder] h2")
    keys = items(page)
    assert [k for k in keys if k in (first_slug, second_slug)] == [first_slug, second_slug], keys
    assert keys[0] == "opening" and keys[-1] == "afsluiting"
    # Arrived by instant navigation, the start link (the same page with another query) still starts.
    page.locator("[data-timer-builder-start]").click()
    expect(page.locator("[data-timer-run]")).to_be_visible()
    assert {first_slug, second_slug} <= {e["block"] for e in programme(page)}
    page.locator("[data-timer-edit-link]").click()
    expect(page.locator("[data-timer-builder] h2")).to_be_focused()
    assert items(page) == keys, "the edit link brings the same evening back"
    assert console_errors == []


def test_the_edit_link_of_a_running_agenda_opens_the_planner_in_view(page) -> None:
    page.goto(f"timer/?{TWO_CASES}")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    page.locator("[data-timer-edit-link]").click()
    page.wait_for_url(re.compile(r"bewerk=1"))
    expect(page.locator("[data-timer-builder] h2")).to_be_focused()
    assert in_view(page, "[data-timer-builder] h2")


def test_labels_show_in_the_programme_and_on_paper_and_never_in_a_link(page) -> None:
    open_builder(page, TWO_CASES)
    label(page, 1, "Casus van Carla")
    label(page, 3, "Casus 2")
    link = page.input_value("[data-timer-link]")
    start = page.locator("[data-timer-builder-start]").get_attribute("href")
    for text in (link, start):
        assert "Carla" not in text and "Casus" not in text, text
    assert "Casus van Carla" in page.locator("[data-timer-builder-print]").inner_text()
    page.locator("[data-timer-builder-start]").click()
    expect(page.locator("[data-timer-run]")).to_be_visible()
    shown = programme(page)
    first = [e["label"] for e in shown if e["block"] == "zevenstappenmethode"]
    assert set(first) == {"Casus van Carla", "Casus 2"}
    assert shown.index(next(e for e in shown if e["label"] == "Casus 2")) > shown.index(
        next(e for e in shown if e["block"] == "pauze")), "the second label is on the second case"
    page.get_by_role("button", name="Deel met de groep").click()
    share_text = page.locator("[data-timer-run]").evaluate(
        "run => Array.from(run.querySelectorAll('input, a')).map(el => el.value || el.href || '').join(' ')")
    assert "Carla" not in share_text
    page.emulate_media(media="print")
    sheet = page.locator("[data-timer-sheet]")
    expect(sheet).to_be_visible()
    expect(sheet.locator(".ih-sheet__label")).to_have_text(["Casus van Carla", "Casus 2"])


def test_a_step_left_out_is_gone_from_the_plan_and_the_timer_but_not_from_the_method_page(
        page) -> None:
    steps = method_data("vijfstappenmethode")["stappen"]
    left_out = steps[1]["naam"]
    open_builder(page, "agenda=opening,vijfstappenmethode,evaluatie")
    method = page.locator('[data-timer-items] > li[data-key="vijfstappenmethode"]')
    method.locator("summary").click()
    method.get_by_role("checkbox", name=re.compile(re.escape(left_out))).uncheck()
    assert "vijfstappenmethode_2" in page.input_value("[data-timer-link]")
    assert f"zonder {left_out}" in page.locator("[data-timer-builder-print]").inner_text()
    total = sum(s["minuten"] for s in steps) - steps[1]["minuten"]
    assert method.locator("input[type=number]").input_value() == str(total)
    page.locator("[data-timer-builder-start]").click()
    expect(page.locator("[data-timer-run]")).to_be_visible()
    names = [e["name"] for e in programme(page) if e["block"] == "vijfstappenmethode"]
    assert names == [s["naam"] for s in steps if s["naam"] != left_out]
    page.emulate_media(media="print")
    expect(page.locator("[data-timer-sheet] [data-sheet-rows]")).to_contain_text(f"zonder {left_out}")
    page.emulate_media(media="screen")
    page.goto("methoden/vijfstappenmethode/")
    assert left_out in page.locator("article").inner_text(), "the method's own page keeps every step"


def test_the_zevenstappenmethode_twice_chooses_the_case_once_at_the_first(page) -> None:
    page.goto(f"timer/?{TWO_CASES}")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    shown = programme(page)
    choosing = [i for i, e in enumerate(shown) if e["name"] == "Casus kiezen"]
    first_case = next(i for i, e in enumerate(shown) if e["block"] == "zevenstappenmethode")
    assert choosing == [first_case], shown


def test_the_fit_is_reported_per_block_as_a_list(page) -> None:
    open_builder(page, TWO_CASES)
    label(page, 3, "Casus van Bram")
    page.fill("[data-timer-fit-minutes]", "120")
    page.get_by_role("button", name="Inpassen").click()
    report = page.locator("[data-timer-builder-report]")
    expect(report.locator("ul > li").first).to_be_visible()
    lines = report.locator("ul > li").all_inner_texts()
    assert len(lines) == 6, lines
    assert all(re.search(r"\d+ → \d+ min|\d+ min, blijft gelijk", line) for line in lines), lines
    assert any(line.startswith("Zevenstappenmethode (Casus van Bram): ") for line in lines), lines
    assert ".." not in report.inner_text()
    assert page.locator("[data-timer-builder-total]").inner_text() == "120 min"


def test_a_saved_plan_keeps_name_date_start_labels_and_roles(context, console_errors) -> None:
    page = context.new_page()
    page.clock.install(time=TUESDAY)
    open_builder(page, f"{TWO_CASES}&start=19:00")
    label(page, 1, "Casus van Carla")
    label(page, 3, "Casus van Bram")
    page.locator("[data-timer-builder-start]").click()
    show_plan(page)
    save_plan(page, "Dinsdagavond december", "2026-12-15", procesbegeleider="Anouk", notulist="Dirk")
    # What the browser keeps besides the plan changes meanwhile: the plan must bring back its own.
    page.evaluate(f"() => {{ localStorage.removeItem('{ROLES}'); localStorage.removeItem('{EVENING}'); }}")
    page.close()

    later = context.new_page()
    later.on("pageerror", lambda exc: console_errors.append(str(exc)))
    later.clock.install(time=TUESDAY + dt.timedelta(days=2))
    later.goto("timer/")
    later.locator("[data-timer-saved]").get_by_role("link", name="Dinsdagavond december").click()
    expect(later.locator("[data-timer-run]")).to_be_visible()
    assert later.locator("[data-timer-context]").inner_text().startswith("Dinsdagavond december ·")
    show_plan(later)
    expect(later.locator("[data-sheet-title]")).to_have_text("Dinsdagavond december")
    assert later.input_value("[data-sheet-date]") == "2026-12-15"
    assert later.input_value("[data-sheet-start]") == "19:00"
    assert later.input_value("[data-sheet-role=procesbegeleider]") == "Anouk"
    assert later.input_value("[data-sheet-role=notulist]") == "Dirk"
    assert {e["label"] for e in programme(later)} >= {"Casus van Carla", "Casus van Bram"}
    assert "Carla" not in later.url
    assert console_errors == []


def test_a_plan_saved_in_the_old_form_still_opens_under_its_name(page) -> None:
    old = {"naam": "Oude groep", "link": "?agenda=opening,vijfstappenmethode,evaluatie&start=19:30", "dag": "2025-03-03"}
    seed_storage(page, PLANS, json.dumps({"v": 1, "data": [old]}))
    page.goto("timer/")
    page.locator("[data-timer-saved]").get_by_role("link", name="Oude groep").click()
    expect(page.locator("[data-timer-run]")).to_be_visible()
    show_plan(page)
    expect(page.locator("[data-sheet-title]")).to_have_text("Oude groep")
    assert page.input_value("[data-sheet-start]") == "19:30"


def pages_of(pdf: bytes) -> int:
    try:
        from pypdf import PdfReader
    except ImportError:
        return len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    import io

    return len(PdfReader(io.BytesIO(pdf)).pages)


def test_an_evening_of_two_methods_with_its_frame_prints_on_one_a4_page_roles_included(
        page) -> None:
    page.clock.install(time=TUESDAY)
    open_builder(page, "agenda=opening,zevenstappenmethode,pauze,incidentenmethode,evaluatie,afsluiting&start=19:00")
    label(page, 1, "Casus van Carla")
    label(page, 3, "Casus van Bram")
    page.locator("[data-timer-builder-start]").click()
    show_plan(page)
    for role, name in {"procesbegeleider": "Anouk", "casusinbrenger": "Carla en Bram", "notulist": "Dirk"}.items():
        page.fill(f"[data-sheet-role={role}]", name)
    page.emulate_media(media="print")
    expect(page.locator("[data-sheet-role=notulist]")).to_be_visible()
    assert pages_of(page.pdf(format="A4")) == 1, "the whole evening and its roles fit one A4 page"


def test_the_planners_print_button_prints_the_plan_without_the_saved_plans(page) -> None:
    seed_storage(page, PLANS, json.dumps({"v": 1, "data": [
        {"naam": "Groep A", "link": "?agenda=opening,vijfstappenmethode,evaluatie", "dag": "2025-03-03"}]}))
    open_builder(page, f"{TWO_CASES}&start=19:00")
    expect(page.locator("[data-timer-saved]")).to_be_visible()
    page.evaluate("() => { window.print = () => {}; }")
    page.locator("[data-timer-builder] [data-timer-print]").click()
    page.emulate_media(media="print")
    expect(page.locator("[data-timer-builder-print]")).to_be_visible()
    expect(page.locator("[data-timer-saved]")).to_be_hidden()
    # The columns keep apart: between the text of one cell and the next there is white space.
    gaps = page.locator("[data-timer-builder-print] tr").evaluate_all("""rows => rows.flatMap(row => {
        const texts = Array.from(row.cells).map(cell => { const r = document.createRange();
            r.selectNodeContents(cell); return r.getBoundingClientRect(); });
        return texts.slice(1).map((box, i) => box.left - texts[i].right); })""")
    assert gaps and min(gaps) >= 8, gaps
    assert pages_of(page.pdf(format="A4")) == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_planner_with_labels_steps_and_a_fit_report_has_no_axe_violations(
        browser, base_url, scheme) -> None:
    context = new_context(browser, base_url, color_scheme=scheme)
    page = context.new_page()
    open_builder(page, TWO_CASES)
    label(page, 1, "Casus van Carla")
    page.locator('[data-timer-items] > li[data-key="zevenstappenmethode"]').nth(1).locator("summary").click()
    page.fill("[data-timer-fit-minutes]", "120")
    page.get_by_role("button", name="Inpassen").click()
    expect(page.locator("[data-timer-builder-report] li").first).to_be_visible()
    assert axe_violations(page, scheme, "[data-timer-builder]") == []
    context.close()
