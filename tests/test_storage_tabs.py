"""What this browser keeps, under accidents (issue 31, the storage part): two tabs of one browser merge their
saved plans and role names instead of overwriting each other, a full localStorage is said in Dutch where the
reader is looking and deletes nothing older, and thousands of saved plans are all kept and listed.

Two pages of one browser context are two tabs: one localStorage, and each hears the other's writes through
the `storage` event."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from helpers import show_plan

PLANS, ROLES, EVENING = "intervisie.plannen.v1", "intervisie.rollen.v1", "intervisie.avond.v1"
WARN, MUTED = "intervisie.timer.v1.signaal", "intervisie.timer.v1.stil"
SESSION = "agenda=opening,snelle-adviesronde,pauze,evaluatie&minuten=90&groep=7&rondes=3&start=19:00"

# Fills localStorage with filler keys, halving the piece each time setItem refuses, until not one more
# character fits. Returns how many characters went in.
FILL = """() => {
  let size = 1 << 21, i = 0, total = 0;
  while (size >= 1) {
    try { localStorage.setItem(`test.vol.${i}`, "x".repeat(size)); i += 1; total += size; }
    catch (e) { size = Math.floor(size / 2); }
  }
  return total;
}"""
FREE = "() => { for (const k of Object.keys(localStorage)) if (k.startsWith('test.vol.')) localStorage.removeItem(k); }"


def plan(naam: str, link: str = "?methode=vijfstappenmethode", dag: str = "2026-12-01") -> dict:
    return {"naam": naam, "link": link, "dag": dag}


def stored(page, key: str):
    text = page.evaluate("(k) => localStorage.getItem(k)", key)
    return None if text is None else json.loads(text)["data"]


def put(page, key: str, data) -> None:
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps({"v": 1, "data": data})])


def saved_names(page) -> list[str]:
    return page.locator("[data-saved-plan]").evaluate_all("lis => lis.map(li => li.dataset.savedPlan)")


def open_sheet(page) -> None:
    page.goto(f"timer/?{SESSION}")
    show_plan(page)
    expect(page.locator("[data-sheet-role=notulist]")).to_be_visible()


def test_a_plan_saved_in_one_tab_survives_a_delete_in_the_other(context, console_errors) -> None:
    """Tab B lists the saved plans, tab A saves one more, B deletes an older one: A's plan stays, and B's
    list shows it without a reload."""
    a, b = context.new_page(), context.new_page()
    for tab in (a, b):
        tab.on("pageerror", lambda exc: console_errors.append(str(exc)))
    a.goto("404.html")
    put(a, PLANS, [plan("Maandag"), plan("Dinsdag")])
    b.goto("timer/")
    expect(b.locator("[data-saved-plan]")).to_have_count(2)

    open_sheet(a)
    a.fill("[data-sheet-name]", "Woensdag")
    a.get_by_role("button", name="Plan bewaren").click()
    expect(a.locator("[data-sheet-status]")).to_contain_text("Bewaard als „Woensdag”")
    # B hears of it: the new plan is listed first, without a reload.
    expect(b.locator("[data-saved-plan]")).to_have_count(3)
    assert saved_names(b)[0] == "Woensdag"

    b.get_by_role("button", name="Plan „Maandag” verwijderen").click()
    expect(b.locator("[data-saved-status]")).to_have_text("Het plan „Maandag” is verwijderd.")
    assert [p["naam"] for p in stored(b, PLANS)] == ["Woensdag", "Dinsdag"]
    assert saved_names(b) == ["Woensdag", "Dinsdag"]

    # A saves again (the list it read when its page opened still held Maandag): Maandag stays deleted.
    a.fill("[data-sheet-name]", "Donderdag")
    a.get_by_role("button", name="Plan bewaren").click()
    expect(a.locator("[data-sheet-status]")).to_contain_text("Bewaard als „Donderdag”")
    assert [p["naam"] for p in stored(a, PLANS)] == ["Donderdag", "Woensdag", "Dinsdag"]
    expect(b.locator("[data-saved-plan]")).to_have_count(3)
    assert console_errors == []


def test_role_names_typed_in_two_tabs_are_both_kept(context, console_errors) -> None:
    a, b = context.new_page(), context.new_page()
    for tab in (a, b):
        tab.on("pageerror", lambda exc: console_errors.append(str(exc)))
    open_sheet(a)
    open_sheet(b)
    a.fill("[data-sheet-role=procesbegeleider]", "Anouk")
    # B shows A's name as soon as A typed it.
    expect(b.locator("[data-sheet-role=procesbegeleider]")).to_have_value("Anouk")
    b.fill("[data-sheet-role=notulist]", "Dirk")
    expect(a.locator("[data-sheet-role=notulist]")).to_have_value("Dirk")
    # The same role in both tabs: the last one typed wins, the other roles stay.
    a.fill("[data-sheet-role=notulist]", "Daan")
    assert stored(a, ROLES) == {"procesbegeleider": "Anouk", "notulist": "Daan"}
    b.reload()
    expect(b.locator("[data-sheet-role=notulist]")).to_have_value("Daan")
    expect(b.locator("[data-sheet-role=procesbegeleider]")).to_have_value("Anouk")
    assert console_errors == []


def test_full_storage_is_said_in_dutch_and_nothing_older_is_gone(page, console_errors) -> None:
    page.goto("404.html")
    older = {
        PLANS: [plan("Oud plan")],
        ROLES: {"procesbegeleider": "Anouk"},
        MUTED: True,
    }
    for key, data in older.items():
        put(page, key, data)
    open_sheet(page)
    assert page.evaluate(FILL) > 0

    # A role name that cannot be kept says so next to the names.
    page.fill("[data-sheet-role=notulist]", "Dirk")
    roles_status = page.locator("[data-sheet-roles-status]")
    expect(roles_status).to_be_visible()
    expect(roles_status).to_contain_text("niet bewaard")
    # Saving a plan says so too (it did before), and keeps the older plans.
    page.fill("[data-sheet-name]", "Nieuw plan")
    page.get_by_role("button", name="Plan bewaren").click()
    expect(page.locator("[data-sheet-status]")).to_contain_text("Bewaren lukte niet")
    # A setting of the timer (one not stored yet: "true" in place of "false" would still fit).
    page.locator("[data-timer-warnsound]").check()
    settings_status = page.locator("[data-timer-settings-status]")
    expect(settings_status).to_be_visible()
    expect(settings_status).to_contain_text("niet bewaard")
    # An evening in the planner.
    page.goto(f"timer/?{SESSION}&bewerk=1")
    expect(page.locator("[data-timer-builder]")).to_be_visible()
    page.locator("[data-timer-add-select]").select_option("pauze")
    page.locator("[data-timer-add]").click()
    expect(page.locator("[data-timer-builder-report]")).to_contain_text("niet bewaard")

    # A round of reflection cards.
    page.goto("kaarten/?stapel=verhelderend")
    page.locator("[data-card-draw]:not([disabled])").click()
    expect(page.locator("[data-card-note]")).to_contain_text("niet bewaard")

    page.goto(f"timer/?{SESSION}&bewerk=1")
    page.evaluate(FREE)
    page.reload()
    expect(page.locator("[data-timer-builder]")).to_be_visible()
    for key, data in older.items():
        assert stored(page, key) == data, key
    assert console_errors == []


def test_five_thousand_saved_plans_are_all_kept_and_listed_newest_first(page, console_errors) -> None:
    page.goto("404.html")
    many = [plan(f"Plan {n}", dag="2026-11-30") for n in range(5000, 0, -1)]  # newest first, as saved
    put(page, PLANS, many)
    page.goto("timer/")
    saved = page.locator("[data-timer-saved]")
    expect(saved).to_be_visible()
    expect(saved.locator("[data-saved-plan]").first).to_have_attribute("data-saved-plan", "Plan 5000")
    shown = saved.locator("[data-saved-plan]").count()
    assert 10 <= shown <= 50, f"a usable first list, not {shown} rows"
    expect(saved.locator("[data-saved-status]")).not_to_contain_text("overgeslagen")
    assert len(stored(page, PLANS)) == 5000, "opening the page deletes nothing"
    more = saved.get_by_role("button", name="Toon alle 5000 plannen")
    more.click()
    expect(saved.locator("[data-saved-plan]")).to_have_count(5000)
    assert saved_names(page)[-1] == "Plan 1"
    # One more is saved, and all stay.
    open_sheet(page)
    page.fill("[data-sheet-name]", "Plan 5001")
    page.get_by_role("button", name="Plan bewaren").click()
    expect(page.locator("[data-sheet-status]")).to_contain_text("Bewaard als „Plan 5001”")
    names = [p["naam"] for p in stored(page, PLANS)]
    assert len(names) == 5001 and names[0] == "Plan 5001"
    assert console_errors == []


def test_a_form_open_in_two_tabs_keeps_the_answers_of_both(context, console_errors) -> None:
    a, b = context.new_page(), context.new_page()
    for tab in (a, b):
        tab.on("pageerror", lambda exc: console_errors.append(str(exc)))
        tab.goto("bijlagen/casusinbrengformulier/")
    a.fill('[name="naam"]', "Anouk")
    expect(b.locator('[name="naam"]')).to_have_value("Anouk")
    b.fill('[name="kernvraag"]', "Hoe zeg ik nee?")
    expect(a.locator('[name="kernvraag"]')).to_have_value("Hoe zeg ik nee?")
    a.fill('[name="naam"]', "Anouk de Vries")
    saved = stored(a, "intervisie.formulier.casusinbreng.v1")["antwoorden"]
    assert saved == {"naam": "Anouk de Vries", "kernvraag": "Hoe zeg ik nee?"}
    b.reload()
    expect(b.locator('[name="naam"]')).to_have_value("Anouk de Vries")
    expect(b.locator('[name="kernvraag"]')).to_have_value("Hoe zeg ik nee?")
    assert console_errors == []


def test_the_privacy_page_shows_what_another_tab_keeps_and_erases(context) -> None:
    privacy, timer = context.new_page(), context.new_page()
    privacy.goto("privacy/")
    row = privacy.locator("tr", has=privacy.locator(f'[data-storage-key="{ROLES}"]'))
    expect(row.locator("[data-storage-state]")).to_have_text("leeg")
    open_sheet(timer)
    timer.fill("[data-sheet-role=notulist]", "Dirk")
    timer.keyboard.press("Tab")  # on to the next name: the field being typed in is left alone
    expect(row.locator("[data-storage-state]")).to_have_text("nu bewaard")
    privacy.get_by_role("button", name="Wis alles wat deze site bewaart").click()
    privacy.get_by_role("button", name="Ja, wis alles").click()
    # The open timer hears of it: the name it showed is gone there too.
    expect(timer.locator("[data-sheet-role=notulist]")).to_have_value("")


def test_an_evening_changed_in_another_tab_is_said_and_can_be_shown(context, console_errors) -> None:
    a, b = context.new_page(), context.new_page()
    for tab in (a, b):
        tab.on("pageerror", lambda exc: console_errors.append(str(exc)))
    a.goto("timer/?agenda=opening,vijfstappenmethode,evaluatie&bewerk=1")
    expect(a.locator("[data-timer-builder]")).to_be_visible()
    b.goto("timer/?agenda=opening,zevenstappenmethode,afsluiting&bewerk=1")
    expect(b.locator("[data-timer-builder]")).to_be_visible()
    notice = a.locator("[data-timer-other-evening]")
    expect(notice).to_contain_text("In een ander tabblad is de avond veranderd")
    notice.get_by_role("button", name="Toon die avond").click()
    expect(a.locator("[data-timer-items] > li")).to_have_count(3)
    keys = a.locator("[data-timer-items] > li").evaluate_all("lis => lis.map(li => li.dataset.key)")
    assert keys == ["opening", "zevenstappenmethode", "afsluiting"]
    expect(a.locator("[data-timer-other-evening]")).to_have_count(0)
    assert console_errors == []


def test_saved_plans_this_page_cannot_read_are_kept_and_said(page, console_errors) -> None:
    page.goto("404.html")
    newer = json.dumps({"v": 2, "data": [plan("Van later")]})
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [PLANS, newer])
    page.goto("timer/")
    expect(page.locator("[data-saved-status]")).to_contain_text("niet te lezen")
    open_sheet(page)
    page.get_by_role("button", name="Plan bewaren").click()
    expect(page.locator("[data-sheet-status]")).to_contain_text("Niet bewaard")
    assert page.evaluate("(k) => localStorage.getItem(k)", PLANS) == newer
    assert console_errors == []
