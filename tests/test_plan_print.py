"""The printed session plan and the plans a browser keeps (issue 11): a facilitator plans the session,
prints one A4 page with clock times and the roles' names, saves the plan, opens it the next day and
runs it; the privacy page erases the plans and the names."""

from __future__ import annotations

import datetime as dt
import json
import re

from playwright.sync_api import expect

from helpers import new_context, seed_storage, show_plan

MONDAY = dt.datetime(2025, 3, 3, 18, 30, 0)
# The "done when": opening, Snelle adviesronde for 3 topics, pause, evaluation, from 19:00, 90 minutes, 7 people.
SESSION = "agenda=opening,snelle-adviesronde,pauze,evaluatie&minuten=90&groep=7&rondes=3&start=19:00"
NAMES = {"procesbegeleider": "Anouk", "casusinbrenger": "Bram", "notulist": "Dirk"}
PLANS, ROLES = "intervisie.plannen.v1", "intervisie.rollen.v1"


def stub_print(page) -> None:
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")


def pages_of(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_facilitator_prints_a_one_page_plan_with_clock_times_and_the_roles_names(page, console_errors) -> None:
    page.clock.install(time=MONDAY)
    page.goto(f"timer/?{SESSION}")
    sheet = page.locator("[data-timer-sheet]")
    show_plan(page)
    assert page.input_value("[data-sheet-date]") == "2025-03-03", "the date is today's"
    for role, name in NAMES.items():
        page.fill(f"[data-sheet-role={role}]", name)
    stub_print(page)
    page.get_by_role("button", name="Sessieplan afdrukken").click()
    assert page.evaluate("window.__printed") == 1

    page.emulate_media(media="print")
    expect(sheet).to_be_visible()
    assert sheet.locator("[data-sheet-title]").inner_text() == "Eigen sessie"
    assert "maandag 3 maart 2025" in sheet.locator(".ih-sheet__meta").inner_text()
    rows = sheet.locator("[data-sheet-rows] > tr")
    assert rows.first.locator("th").inner_text() == "19:00"
    assert rows.first.get_attribute("data-plan-block") == "opening"
    texts = rows.all_inner_texts()
    assert any(t.startswith("20:08") and "Pauze" in t for t in texts), texts
    assert any("Onderwerp 3" in t for t in texts)
    assert "Einde 20:30" in sheet.locator("tfoot").inner_text()
    for role, name in NAMES.items():
        field = page.locator(f"[data-sheet-role={role}]")
        expect(field).to_be_visible()
        assert field.input_value() == name
    assert page.locator("button:visible, .md-button:visible, input[type=date]:visible").count() == 0
    expect(page.locator("[data-timer-run]")).to_be_hidden()
    expect(page.locator("h1")).to_be_hidden()
    assert pages_of(page.pdf(format="A4")) == 1, "the plan fits one A4 page"
    assert console_errors == []


def test_printing_before_the_plan_has_fully_appeared_prints_all_of_it(page) -> None:
    """The session plan below the clock comes one part a frame; a facilitator who prints at once (before
    the last part came) still gets the whole plan on paper."""
    page.clock.install(time=MONDAY)
    page.clock.pause_at(MONDAY + dt.timedelta(minutes=1))
    page.goto(f"timer/?{SESSION}")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    sheet = page.locator("[data-timer-sheet]")
    page.locator("[data-timer-sheet-mark]").evaluate("(el) => el.scrollIntoView()")
    for _ in range(10):  # frame by frame until the sheet's first part shows
        if sheet.is_visible():
            break
        page.clock.run_for(17)
    expect(page.locator("[data-sheet-date]")).to_be_visible()
    expect(sheet.locator("table")).to_be_hidden()
    page.emulate_media(media="print")
    expect(sheet.locator("[data-sheet-rows] > tr").first).to_be_visible()
    expect(page.locator("[data-sheet-role=notulist]")).to_be_visible()
    assert pages_of(page.pdf(format="A4")) == 1


def test_ctrl_p_before_the_plan_came_waits_for_it_and_prints_all_of_it(page, console_errors) -> None:
    """The plan comes when it nears the screen; a facilitator who presses Ctrl+P at once (the plan a screen
    away, its part not asked for yet) gets it on paper all the same: the page brings it, then prints."""
    page.clock.install(time=MONDAY)
    page.goto(f"timer/?{SESSION}")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    expect(page.locator("[data-timer-sheet]")).to_be_hidden()
    page.evaluate("""() => { window.__printed = []; window.print = () => {
      window.__printed.push(document.querySelectorAll("[data-sheet-rows] > tr").length); }; }""")
    page.keyboard.press("Control+p")
    page.wait_for_function("() => window.__printed.length === 1")
    assert page.evaluate("window.__printed[0]") > 5, "the rows were there when the page printed"
    page.emulate_media(media="print")
    expect(page.locator("[data-sheet-role=notulist]")).to_be_visible()
    assert pages_of(page.pdf(format="A4")) == 1
    page.emulate_media(media="screen")
    # From now on Ctrl+P is the browser's own (a synthetic key: a real one would open its print dialog).
    left_alone = page.evaluate("""() => document.dispatchEvent(new KeyboardEvent("keydown",
      { key: "p", ctrlKey: true, bubbles: true, cancelable: true }))""")
    assert left_alone and page.evaluate("window.__printed.length") == 1, "the browser prints by itself now"
    assert console_errors == []


def test_printing_from_the_menu_before_the_plan_came_prints_the_agenda(page) -> None:
    """The browser's menu does not wait: the agenda with its clock times goes on paper, and the plan comes
    for the next print."""
    page.goto(f"timer/?{SESSION}")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator("[data-timer-programme] li").first).to_have_text(re.compile(r"^19:00 Opening"))
    expect(page.locator("[data-timer-clock]")).to_be_hidden()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator("[data-sheet-rows] > tr").first).to_be_visible()


def test_on_a_phone_the_plan_fits_the_screen_and_the_page_keeps_the_screen_width(browser, base_url) -> None:
    """Five columns of Dutch compounds are wider than a phone: there each row of the plan is a block (time,
    part and minutes on a line, what happens below; tests/test_visual_defects.py measures it), so neither
    the plan's box nor the page becomes wider than the screen (a phone would then zoom the whole page out,
    and lay it all out again). The box keeps its name and its place in the tab order."""
    context = new_context(browser, base_url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                          device_scale_factor=2)
    page = context.new_page()
    page.goto(f"timer/?{SESSION}")
    show_plan(page)
    box = page.get_by_role("region", name="Schema van de sessie")
    expect(box).to_be_visible()
    assert page.evaluate("[innerWidth, document.documentElement.scrollWidth]") == [390, 390]
    assert box.evaluate("(el) => el.scrollWidth <= el.clientWidth"), "the plan fits the phone"
    assert box.get_attribute("tabindex") == "0"
    phase = page.locator("[data-timer-phase]").inner_text()
    box.focus()
    page.keyboard.press("ArrowRight")
    assert page.locator("[data-timer-phase]").inner_text() == phase, "arrows in the plan scroll it, not the timer"
    right = box.evaluate("(el) => el.getBoundingClientRect().right")
    minutes = page.locator(".ih-sheet__plan tbody td:nth-child(5)")
    assert max(minutes.evaluate_all("(cells) => cells.map((c) => c.getBoundingClientRect().right)")) <= right + 1
    context.close()


def test_plan_saved_under_a_name_is_listed_the_next_day_opens_and_runs(context, console_errors) -> None:
    page = context.new_page()
    page.clock.install(time=MONDAY)
    page.goto(f"timer/?{SESSION}")
    show_plan(page)
    page.fill("[data-sheet-role=notulist]", "Dirk")
    page.fill("[data-sheet-name]", "Dinsdaggroep")
    page.get_by_role("button", name="Plan bewaren").click()
    expect(page.locator("[data-sheet-status]")).to_contain_text("Bewaard als „Dinsdaggroep”")
    page.close()

    tomorrow = context.new_page()
    tomorrow.on("pageerror", lambda exc: console_errors.append(str(exc)))
    tomorrow.clock.install(time=MONDAY + dt.timedelta(days=1))
    tomorrow.goto("timer/")
    saved = tomorrow.locator("[data-timer-saved]")
    expect(saved).to_be_visible()
    item = saved.locator("[data-saved-plan]")
    expect(item).to_have_count(1)
    assert "bewaard op maandag 3 maart 2025" in item.inner_text()
    item.get_by_role("link", name="Dinsdaggroep").click()
    tomorrow.wait_for_url(re.compile(r"timer/\?agenda=opening,snelle-adviesronde,pauze,evaluatie&.*start=19:00"))
    run = tomorrow.locator("[data-timer-run]")
    expect(run).to_be_visible()
    minutes = tomorrow.locator("[data-timer-programme] > li").evaluate_all(
        "items => items.map(li => Number(li.dataset.planMinutes))")
    assert sum(minutes) == 90
    show_plan(tomorrow)
    assert tomorrow.input_value("[data-sheet-role=notulist]") == "Dirk", "the names stay in this browser"
    assert tomorrow.input_value("[data-sheet-date]") == "2025-03-03", "the plan keeps the date of its session"
    expect(tomorrow.locator("[data-sheet-title]")).to_have_text("Dinsdaggroep")
    tomorrow.clock.pause_at(MONDAY + dt.timedelta(days=1, minutes=1))
    tomorrow.click("[data-timer-start]")
    tomorrow.clock.fast_forward("01:01")
    assert tomorrow.locator("[data-timer-phase]").inner_text() == "Opening en check-in"
    assert tomorrow.locator("[role=timer]").inner_text() == f"{minutes[0] - 2}:59"
    assert console_errors == []


def test_a_saved_plan_can_be_deleted_and_garbage_in_storage_does_not_break_the_page(page, console_errors) -> None:
    good = {"naam": "Groep A", "link": f"?{SESSION}", "dag": "2025-03-03"}
    junk = [good, {"naam": "Kwaad", "link": "javascript:alert(1)"}, None, {"naam": "Groep B", "link": "?methode=vijfstappenmethode"}]
    seed_storage(page, PLANS, json.dumps({"v": 1, "data": junk}))
    seed_storage(page, ROLES, "{kapot")
    page.goto("timer/")
    saved = page.locator("[data-timer-saved]")
    expect(saved).to_be_visible()
    assert saved.locator("[data-saved-plan]").all_inner_texts()[0].startswith("Groep A")
    assert saved.locator("a[data-saved-open]").evaluate_all("as => as.map(a => a.getAttribute('href'))") == [
        f"?{SESSION}", "?methode=vijfstappenmethode"]
    assert "overgeslagen" in saved.locator("[data-saved-status]").inner_text()
    saved.get_by_role("button", name="Plan „Groep A” verwijderen").click()
    expect(saved.locator("[data-saved-plan]")).to_have_count(1)
    expect(saved.locator("[data-saved-status]")).to_have_text("Het plan „Groep A” is verwijderd.")
    assert page.evaluate("document.activeElement.dataset.savedDelete") == ""
    stored = json.loads(page.evaluate(f"localStorage.getItem('{PLANS}')"))
    assert [p["naam"] for p in stored["data"]] == ["Groep B"]
    # Broken role names: the sheet just starts empty.
    page.goto(f"timer/?{SESSION}")
    show_plan(page)
    assert page.input_value("[data-sheet-role=procesbegeleider]") == ""
    assert console_errors == []


def test_erasing_on_the_privacy_page_removes_saved_plans_and_names(page) -> None:
    page.goto(f"timer/?{SESSION}")
    show_plan(page)
    page.fill("[data-sheet-role=procesbegeleider]", "Anouk")
    page.get_by_role("button", name="Plan bewaren").click()
    expect(page.locator("[data-sheet-status]")).to_contain_text("Bewaard als „Eigen sessie”")
    page.goto("privacy/")
    for key in (PLANS, ROLES):
        row = page.locator("tr", has=page.locator(f'[data-storage-key="{key}"]'))
        expect(row.locator("[data-storage-state]")).to_have_text("nu bewaard")
    page.get_by_role("button", name="Wis alles wat deze site bewaart").click()
    page.get_by_role("button", name="Ja, wis alles").click()
    expect(page.locator("[data-storage-status]")).to_contain_text("gewist")
    assert page.evaluate(f"[localStorage.getItem('{PLANS}'), localStorage.getItem('{ROLES}')]") == [None, None]
    page.goto("timer/")
    expect(page.locator("[data-timer-builder]")).to_be_visible()
    expect(page.locator("[data-timer-saved]")).to_be_hidden()
    page.goto(f"timer/?{SESSION}")
    show_plan(page)
    assert page.input_value("[data-sheet-role=procesbegeleider]") == ""
