"""A facilitator with only a keyboard goes chooser -> method -> timer -> cards, and always
sees where the focus is."""

from __future__ import annotations


FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {tag: el.tagName, outline: style.outlineStyle, width: parseFloat(style.outlineWidth), shadow: style.boxShadow};
}"""


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until `selector` has the focus, checking on the way that focus is visible."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            focus = page.evaluate(FOCUS_STYLE)
            assert (focus["outline"] != "none" and focus["width"] > 0) or focus["shadow"] != "none", focus
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_only_walk_from_chooser_to_cards(page, console_errors: list[str]) -> None:
    page.clock.install()
    page.goto("kiezen/")
    # The form is in the built page; the address follows it only once the script listens (under load, the
    # keys came first once in a full run and the address never changed).
    page.locator(".ih-chooser__out:not([aria-busy])").wait_for(state="attached")
    tab_to(page, "input[name='casus']")
    # Arrow keys move through a radio group: from "Weet ik nog niet" to "Incident".
    page.keyboard.press("ArrowDown")
    page.wait_for_function("() => location.search.includes('casus=incident')")
    tab_to(page, "[data-chooser-results] li a[href*='methoden/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/methoden/incidentenmethode/")

    tab_to(page, "a[data-run-timer]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/timer/?methode=incidentenmethode")
    page.wait_for_selector("[data-timer-phase]")
    before = page.locator("[role='timer']").first.inner_text()
    tab_to(page, "[data-timer-start]")
    page.keyboard.press("Space")
    page.clock.run_for(5_000)
    assert page.locator("[role='timer']").first.inner_text() != before
    tab_to(page, "[data-timer-next]")
    phase = page.locator("[data-timer-phase]").first.inner_text()
    page.keyboard.press("Enter")
    assert page.locator("[data-timer-phase]").first.inner_text() != phase

    page.goto("kaarten/")
    page.locator("[data-cards]:not([aria-busy])").wait_for()  # the draw button works once the decks are in
    tab_to(page, "[data-card-draw]")
    page.keyboard.press("Enter")
    first = page.locator("[data-card-question]").first.get_attribute("data-card-id")
    assert first
    page.keyboard.press("Enter")
    assert page.locator("[data-card-question]").first.get_attribute("data-card-id") != first
    assert console_errors == []
