"""Session plans in the pages (issue 11): the timer plans, fits and clocks a whole session with
lib/plan.js, and the chooser offers what that fit can shorten, with links that keep the answers."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

T0 = dt.datetime(2025, 3, 3, 19, 0, 0)
# The "done when": opening, Snelle adviesronde for 3 topics, pause, evaluation, from 19:00, 90 minutes, 7 people.
SESSION = "agenda=opening,snelle-adviesronde,pauze,evaluatie&minuten=90&groep=7&rondes=3&start=19:00"


def entries(page) -> list[dict]:
    return page.locator("[data-timer-programme] > li").evaluate_all(
        """items => items.map(li => ({
            block: li.dataset.planBlock, minutes: Number(li.dataset.planMinutes),
            name: li.querySelector("strong").textContent, when: li.querySelector(".ih-timer__when").textContent,
            round: (li.querySelector(".ih-timer__round") || {}).textContent || ""}))"""
    )


def test_facilitator_plans_three_topics_from_seven_pm_sees_clock_times_and_changes(page) -> None:
    page.clock.install(time=T0)
    page.clock.pause_at(T0 + dt.timedelta(seconds=1))
    page.goto(f"timer/?{SESSION}")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    shown = entries(page)
    assert [e["block"] for e in shown][0] == "opening" and shown[-1]["block"] == "evaluatie"
    assert sum(e["minutes"] for e in shown) == 90
    assert {e["round"] for e in shown if e["block"] == "snelle-adviesronde"} == {
        "", "(onderwerp 1)", "(onderwerp 2)", "(onderwerp 3)"}
    assert next(e for e in shown if e["block"] == "pauze")["minutes"] == 10, "a pause keeps its minutes"
    assert shown[0]["when"] == "19:00"
    assert "20:30" in page.locator("[data-timer-hint]").inner_text()
    report = page.locator("[data-timer-fitreport]")
    expect(report).to_be_visible()
    assert "90 minuten" in report.inner_text() and report.locator("li").count() >= 1
    assert page.locator("[data-timer-end]").inner_text() == "gepland om 20:30"
    # Running, then a phase in overtime: the total says so, the end moves.
    page.click("[data-timer-start]")
    page.clock.fast_forward(f"{shown[0]['minutes'] + 3}:00")
    assert "loopt 3:00 uit" in page.locator("[data-timer-total]").inner_text()
    assert page.locator("[data-timer-end]").inner_text() == "gepland om 20:30, nu om 20:33"


def test_the_planner_offers_rounds_and_a_start_time_and_prints_clock_times(page) -> None:
    page.goto(f"timer/?{SESSION}&bewerk=1")
    expect(page.locator("[data-timer-builder]")).to_be_visible()
    assert page.locator("[data-timer-rounds]").is_visible() and page.input_value("[data-timer-rounds]") == "3"
    assert page.input_value("[data-timer-begin]") == "19:00"
    assert page.locator("[data-timer-builder-total]").inner_text() == "90 min"
    table = page.locator("[data-timer-builder-print]")
    assert table.locator("tr").first.locator("td").first.inner_text().startswith("19:00–")
    assert "Einde om 20:30" in table.inner_text()
    link = page.input_value("[data-timer-link]")
    assert "rondes=3" in link and "start=19:00" in link
    # Without a method with rounds the field goes (and is not sent).
    page.goto("timer/?agenda=opening,vijfstappenmethode,pauze&bewerk=1")
    expect(page.locator("[data-timer-builder]")).to_be_visible()
    assert page.locator("[data-timer-rounds]").is_hidden()
    assert "rondes" not in page.input_value("[data-timer-link]")


def test_chooser_offers_the_incidentenmethode_shortened_to_sixty_and_its_links_keep_the_answers(page) -> None:
    page.goto("kiezen/?casus=incident&minuten=60&groep=6")
    results = page.locator("[data-chooser-results] > li")
    results.first.wait_for()
    item = results.filter(has=page.locator('a[href$="methoden/incidentenmethode/"]'))
    expect(item).to_have_count(1)
    assert "past, ingekort tot 60 min" in item.locator(".ih-fit").all_inner_texts()[-1] or any(
        "ingekort tot 60 min" in t for t in item.locator(".ih-fit").all_inner_texts())
    timers = page.locator("[data-chooser] a[data-field=timer]").evaluate_all("links => links.map(a => a.href)")
    assert timers and all("minuten=" in href and "groep=6" in href for href in timers)
    jumps = page.locator("[data-chooser-jump]").evaluate_all("links => links.map(a => a.href)")
    assert jumps and all("casus=incident&minuten=60&groep=6#" in href for href in jumps)
    item.get_by_role("link", name="Start in de timer").click()
    page.wait_for_url("**/timer/?methode=incidentenmethode&minuten=60&groep=6")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    assert sum(e["minutes"] for e in entries(page)) == 60
