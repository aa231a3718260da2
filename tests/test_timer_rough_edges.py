"""The timer's rough edges (issue 13): Start on a phone's first screen, a sound toggle that shows
its state without changing its name, a projector without the procesbegeleider's hints, and planner
minutes that count while typing and say what was done with what could not be used."""

from __future__ import annotations

from playwright.sync_api import expect

from helpers import reload_once_stored
from test_timer import AGENDA, clock, open_timer


def test_start_is_on_the_first_screen_of_a_phone(page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    open_timer(page, "?methode=basismodel")
    start = page.locator("[data-timer-start]")
    assert start.is_visible()
    assert page.evaluate("window.scrollY") == 0
    box = start.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844, box
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box


def checked(page) -> bool:
    """Whether the check box of the sound toggle shows its check (drawn by its ::after's borders)."""
    return page.locator("[data-timer-mute] .ih-toggle__mark").evaluate(
        "el => { const s = getComputedStyle(el, '::after');"
        " return s.content !== 'none' && parseFloat(s.borderBottomWidth) > 0 && parseFloat(s.height) > 0; }"
    )


def test_sound_toggle_keeps_its_name_and_shows_its_state_as_pressed(page) -> None:
    open_timer(page, "?methode=vijfstappenmethode")
    toggle = page.get_by_role("button", name="Geluid", exact=True)
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert toggle.inner_text().strip() == "Geluid", "the label names the setting, not an action"
    assert checked(page)
    toggle.click()
    toggle = page.get_by_role("button", name="Geluid", exact=True)
    expect(toggle).to_have_attribute("aria-pressed", "false")
    assert toggle.inner_text().strip() == "Geluid"
    assert not checked(page)
    reload_once_stored(page)
    expect(page.locator("[data-timer-run]")).to_be_visible()
    expect(page.get_by_role("button", name="Geluid", exact=True)).to_have_attribute("aria-pressed", "false")


def test_projector_leaves_out_the_procesbegeleiders_hints(page) -> None:
    open_timer(page, "?methode=vijfstappenmethode")
    page.click("[data-timer-start]")
    page.clock.fast_forward("05:10")
    level = page.locator("[data-timer-level]")
    assert "druk op Volgende" in level.inner_text(), "on the laptop the hint is there"
    page.click("[data-timer-projector]")
    assert "ih-timer--projector" in page.locator("[data-timer]").get_attribute("class")
    assert level.inner_text() == "■ Tijd is om"
    page.clock.fast_forward("00:05")
    assert clock(page) == "+0:15" and level.inner_text() == "■ Tijd is om"
    hints = page.get_by_text("druk op", exact=False)
    assert all(not hints.nth(i).is_visible() for i in range(hints.count()))
    page.keyboard.press("Escape")
    assert "druk op Volgende" in level.inner_text()


def test_planner_minutes_count_while_typing_and_say_what_was_done(page) -> None:
    open_timer(page)
    first = page.locator("[data-timer-items] > li").first
    expect(first).to_be_visible()
    key = first.get_attribute("data-key")
    name = next(i["naam"] for i in AGENDA["onderdelen"] + AGENDA["bouwstenen"] if i["sleutel"] == key)
    field = first.locator("input[type=number]")
    total = page.locator("[data-timer-builder-total]")
    report = page.locator("[data-timer-builder-report]")
    others = int(total.inner_text().split()[0]) - int(field.input_value())

    def type_in(text: str) -> None:
        field.press("Control+A")
        if text:
            page.keyboard.type(text)
        else:
            page.keyboard.press("Backspace")

    field.click()
    type_in("25")
    expect(total).to_have_text(f"{others + 25} min")  # before leaving the field
    assert f"{key}:25" in page.input_value("[data-timer-link]")
    assert field.evaluate("el => el === document.activeElement"), "typing keeps the focus"
    assert report.get_attribute("role") == "status", "messages are announced politely"
    type_in("0")
    expect(report).to_have_text(f"Minder dan 1 minuut kan niet: {name} krijgt nu 1 minuut.")
    expect(total).to_have_text(f"{others + 1} min")
    assert field.input_value() == "0", "what is being typed is not changed under the cursor"
    type_in("9999")
    expect(report).to_have_text(f"Meer dan 600 minuten kan niet: {name} krijgt nu 600 minuten.")
    expect(total).to_have_text(f"{others + 600} min")
    type_in("")
    expect(report).to_have_text(f"Bij {name} staat geen aantal minuten; de timer houdt 600 minuten aan.")
    page.keyboard.press("Tab")
    assert field.input_value() == "600", "leaving the field shows what counts"
    field.click()
    type_in("12")
    expect(report).to_be_empty()
    expect(total).to_have_text(f"{others + 12} min")
