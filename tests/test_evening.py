"""A real evening, end to end, on the published site: a Tuesday 19:00-21:00 with six people and two cases.

The facilitator picks two methods in the chooser and adds both to the evening, fits it to 120 minutes
from 19:00, names the cases, saves the plan with its date and name, reopens it through the menu, prints
it (one A4 page) and runs it; a presenter window at 1280x720 and a phone (another device: its own browser
context and clock) follow, show the warning levels at the same moments as the laptop, and the phone
sleeps and catches up. Instant navigation is on, as on GitHub Pages (the test server's sitemap names it)."""

from __future__ import annotations

import datetime as dt
import re

from playwright.sync_api import expect

from helpers import new_context, show_plan
from test_plan_evening import items, label, pages_of, programme, save_plan

TUESDAY = dt.datetime(2026, 12, 8, 18, 30, 0)  # half an hour before the group arrives


def add_to_evening(page, case: str) -> str:
    """Answer the chooser for one case and add its best method that is not in the evening yet."""
    page.locator(f"[data-chooser] input[name=casus][value={case}]").check()
    expect(page.locator(".ih-chooser__out:not([aria-busy])")).to_have_count(1)
    first = page.locator("[data-chooser-results] > li").first
    slug = first.locator("a[data-field=link]").get_attribute("href").rstrip("/").split("/")[-1]
    first.get_by_role("link", name=re.compile("^Voeg toe aan de avond")).click()
    page.wait_for_url(re.compile(r"timer/\?agenda=.*bewerk=1"))
    expect(page.locator("[data-timer-builder] h2")).to_be_focused()
    return slug


def test_a_tuesday_evening_of_two_cases_from_the_chooser_to_the_end(context, browser, base_url, console_errors) -> None:
    page = context.new_page()
    page.on("pageerror", lambda exc: console_errors.append(str(exc)))
    page.clock.install(time=TUESDAY)

    # The chooser, reached through the menu: two cases, two methods into one evening.
    page.goto("", wait_until="networkidle")
    page.locator(".md-tabs a:text-is('Kiezen')").click()
    page.locator("[data-chooser] input[name=groep]").fill("6")
    first = add_to_evening(page, "incident")
    page.go_back()
    page.wait_for_url(re.compile(r"kiezen/"))
    second = add_to_evening(page, "patroon")
    assert first in items(page) and second in items(page), items(page)

    # Fitted to 120 minutes from 19:00, the cases named.
    page.fill("[data-timer-begin]", "19:00")
    page.locator("[data-timer-begin]").dispatch_event("change")
    page.fill("[data-timer-fit-minutes]", "120")
    page.get_by_role("button", name="Inpassen").click()
    expect(page.locator("[data-timer-builder-total]")).to_have_text("120 min")
    methods = [i for i, key in enumerate(items(page)) if key in (first, second)]
    label(page, methods[0], "Casus van Carla")
    label(page, methods[1], "Casus van Bram")
    printed = page.locator("[data-timer-builder-print]").inner_text()
    assert printed.lstrip().startswith("19:00") and "Einde om 21:00" in printed, printed

    # Started, then saved with its date and name.
    page.locator("[data-timer-builder-start]").click()
    expect(page.locator("[data-timer-run]")).to_be_visible()
    show_plan(page)
    save_plan(page, "Dinsdagavond", "2026-12-08", procesbegeleider="Anouk", notulist="Dirk")

    # Reopened through the menu, as the facilitator does at 19:00.
    page.goto("", wait_until="networkidle")
    page.locator(".md-tabs a:text-is('Timer')").click()
    page.locator("[data-timer-saved]").get_by_role("link", name="Dinsdagavond").click()
    run = page.locator("[data-timer-run]")
    expect(run).to_be_visible()
    show_plan(page)
    expect(page.locator("[data-sheet-title]")).to_have_text("Dinsdagavond")
    assert page.input_value("[data-sheet-date]") == "2026-12-08"
    assert page.input_value("[data-sheet-start]") == "19:00"
    shown = programme(page)
    assert {e["label"] for e in shown if e["label"]} == {"Casus van Carla", "Casus van Bram"}

    # The plan on paper: one A4 page, roles included.
    expect(page.locator("[data-sheet-role=notulist]")).to_be_visible()
    assert pages_of(page.pdf(format="A4")) == 1

    # 19:00: the session starts; the projector and a phone follow.
    page.clock.pause_at(dt.datetime(2026, 12, 8, 19, 0, 0))
    page.click("[data-timer-start]")
    page.click("[data-timer-share]")
    expect(page.locator("[data-timer-share-qr] svg")).to_be_visible()
    link = page.locator("[data-timer-follow-link]").get_attribute("href")
    page.click("[data-timer-share-close]")
    with context.expect_page() as opened:
        page.click("[data-timer-present]")
    presenter = opened.value
    presenter.set_viewport_size({"width": 1280, "height": 720})
    expect(presenter.locator("[data-timer-phase]")).to_have_text(page.locator("[data-timer-phase]").inner_text())

    phone_ctx = new_context(browser, base_url, viewport={"width": 390, "height": 844})
    try:
        phone = phone_ctx.new_page()
        phone.clock.install(time=dt.datetime(2026, 12, 8, 19, 0, 0))
        phone.clock.pause_at(dt.datetime(2026, 12, 8, 19, 0, 1))
        phone.goto(link)
        expect(phone.locator("[data-timer-phase]")).to_have_text(page.locator("[data-timer-phase]").inner_text())

        # The first phase's warning levels, on all three screens at the same moments.
        minutes = page.locator("[data-timer-programme] > li").first.evaluate("li => Number(li.dataset.planMinutes)")
        warn_at = minutes * 60 * 4 // 5 + 1  # at most a fifth left
        alert_at = minutes * 60 * 19 // 20 + 1  # at most a twentieth left
        seen = []
        for at, expected in ((warn_at, "warn"), (alert_at, "alert"), (minutes * 60 + 2, "over")):
            target = dt.datetime(2026, 12, 8, 19, 0, 0) + dt.timedelta(seconds=at)
            page.clock.pause_at(target)
            phone.clock.pause_at(target)
            for name, screen in (("laptop", page), ("presenter", presenter), ("phone", phone)):
                expect(screen.locator("[data-timer-run]").locator("xpath=ancestor-or-self::*[@data-level]").first,
                       f"{name} at {expected}").to_have_attribute("data-level", expected, timeout=2000)
            seen.append(expected)
        assert seen == ["warn", "alert", "over"]

        # The phone sleeps five minutes and is right the moment it is shown again.
        asleep = phone.locator("[role=timer]").inner_text()
        phone.clock.set_system_time(dt.datetime(2026, 12, 8, 19, 0, 0) + dt.timedelta(seconds=minutes * 60 + 302))
        phone.evaluate("() => document.dispatchEvent(new Event('visibilitychange'))")
        assert phone.locator("[role=timer]").inner_text() != asleep
        assert phone.locator("[role=timer]").inner_text().startswith("+5:"), "five minutes more overtime"
    finally:
        phone_ctx.close()
    assert console_errors == []
