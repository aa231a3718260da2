"""Defects seen in screenshots, each measured as a reader meets it: the session plan on a phone, contrast of the
pressed share button, the borders of the time fields, the sound checkbox beside its label, the chapter kicker
above its title and the underline of a link holding a glossary term."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from helpers import new_context, show_plan

SESSION = "agenda=opening,snelle-adviesronde,pauze,evaluatie&minuten=90&groep=7&rondes=3&start=19:00"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, base_url):
    ctx = new_context(browser, base_url, viewport=PHONE, is_mobile=True, has_touch=True)
    pg = ctx.new_page()
    yield pg
    ctx.close()


def test_the_session_plan_reads_as_a_list_on_a_phone(phone) -> None:
    phone.goto(f"timer/?{SESSION}")
    show_plan(phone)
    plan = phone.locator(".ih-sheet__plan")
    expect(phone.locator(".ih-sheet__scroll")).to_be_visible()
    plan.scroll_into_view_if_needed()
    rows = plan.locator("tbody > tr")
    assert rows.count() > 5
    # What happens in each part is the longest text: it gets (nearly) the whole width, not a column of one
    # word a line.
    widths = plan.locator("tbody td:nth-child(3)").evaluate_all(
        "cells => cells.filter(c => c.textContent.trim()).map(c => c.getBoundingClientRect().width)")
    assert widths and min(widths) >= 250, widths
    # Time, part and minutes of a row share its first line.
    first = rows.nth(1)
    tops = [first.locator(sel).bounding_box()["y"] for sel in ("th", "td:nth-child(2)", "td:nth-child(5)")]
    assert max(tops) - min(tops) < 2, tops
    # Nothing scrolls sideways, neither the plan's box nor the page.
    box = phone.locator(".ih-sheet__scroll")
    assert box.evaluate("el => el.scrollWidth <= el.clientWidth"), "the plan scrolls sideways"
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # Still a table to a screen reader: rows of cells under their column heads.
    tree = plan.aria_snapshot()
    assert "- table" in tree and "- row" in tree and "- columnheader \"Wat gebeurt er?\"" in tree, tree


def test_the_session_plan_does_not_scroll_sideways_on_a_small_tablet(browser, base_url) -> None:
    ctx = new_context(browser, base_url, viewport={"width": 640, "height": 900})
    page = ctx.new_page()
    try:
        page.goto(f"timer/?{SESSION}")
        show_plan(page)
        box = page.locator(".ih-sheet__scroll")
        expect(box).to_be_visible()
        assert box.evaluate("el => el.scrollWidth <= el.clientWidth"), "the plan scrolls sideways"
    finally:
        ctx.close()


def test_the_session_plan_stays_a_table_on_a_wide_screen(page) -> None:
    page.goto(f"timer/?{SESSION}")
    show_plan(page)
    plan = page.locator(".ih-sheet__plan")
    expect(page.locator(".ih-sheet__scroll")).to_be_visible()
    assert plan.evaluate("el => getComputedStyle(el).display") == "table"
    expect(plan.locator("thead")).to_be_visible()


# --- colours, borders and alignment ------------------------------------------------------------------------


def _rgba(text: str) -> tuple[float, float, float, float]:
    parts = [float(p) for p in text[text.index("(") + 1:-1].replace("/", ",").split(",")]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def _over(top: str, below: str) -> tuple[float, float, float]:
    """A colour with transparency as it shows over an opaque one."""
    r, g, b, a = _rgba(top)
    br, bg, bb, _ = _rgba(below)
    return (r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a))


def contrast(one: str, other: str, background: str = "rgb(255, 255, 255)") -> float:
    """WCAG contrast ratio of two CSS colours (either may be translucent over `background`)."""

    def luminance(rgb: tuple[float, float, float]) -> float:
        lin = [(c / 255 / 12.92) if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    back = _over(background, "rgb(255, 255, 255)")
    a, b = luminance(_over(one, f"rgb{back}")), luminance(_over(other, f"rgb{back}"))
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


# The background an element is painted on: its own, else the nearest ancestor's that is not transparent.
BACKGROUND = """el => { let p = el, bg = 'rgba(0, 0, 0, 0)';
  while (p && (bg = getComputedStyle(p).backgroundColor).endsWith(', 0)')) p = p.parentElement;
  return p ? bg : getComputedStyle(document.body).backgroundColor; }"""


def settled(page) -> None:
    """Wait until every CSS transition has ended: Material fades a button's colours on focus and hover."""
    page.evaluate("() => Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition)"
                  ".map((a) => a.finished.catch(() => null)))")


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, browser, base_url):
    ctx = new_context(browser, base_url, color_scheme=request.param)
    pg = ctx.new_page()
    yield pg
    ctx.close()


def test_the_opened_share_button_is_readable_in_both_schemes(scheme_page) -> None:
    """After a click the button keeps the focus while its panel is open: Material's focus colours gave it
    4.2:1 in light and 1.2:1 in dark (the link colour on the accent)."""
    page = scheme_page
    page.goto("timer/?methode=basismodel")
    share = page.locator("[data-timer-share]")
    share.click()
    expect(share).to_have_attribute("aria-expanded", "true")
    page.mouse.move(2, 2)  # the pointer leaves: the button shows its focus, not its hover
    settled(page)
    colours = share.evaluate("el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]")
    background = share.evaluate(BACKGROUND)
    ratio = contrast(colours[0], colours[1] if not colours[1].endswith(", 0)") else background, background)
    assert ratio >= 4.5, (colours, ratio)
    share.hover()
    settled(page)
    colours = share.evaluate("el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]")
    assert contrast(colours[0], colours[1], background) >= 4.5, colours


def _assert_visible_border(field) -> None:
    style = field.evaluate("el => { const s = getComputedStyle(el); return [s.borderBottomWidth, s.borderBottomStyle,"
                           " s.borderBottomColor, s.borderLeftWidth, s.borderLeftStyle] }")
    background = field.evaluate(BACKGROUND)
    assert float(style[0][:-2]) >= 1 and style[1] != "none", style
    assert float(style[3][:-2]) >= 1 and style[4] != "none", style
    assert contrast(style[2], background, background) >= 3, (style, background)


def test_every_start_time_field_has_a_border_like_the_other_fields(scheme_page) -> None:
    page = scheme_page
    page.goto("timer/?agenda=opening,snelle-adviesronde,pauze&bewerk=1")
    begin = page.locator("[data-timer-begin]")
    expect(begin).to_be_visible()
    _assert_visible_border(begin)
    _assert_visible_border(page.locator("#ih-timer-fit"))  # the field beside it, for comparison
    page.goto("timer/?agenda=opening,snelle-adviesronde,pauze&start=19:00")
    show_plan(page)
    sheet_start = page.locator("[data-sheet-start]")
    expect(sheet_start).to_be_visible()
    _assert_visible_border(sheet_start)
    page.goto("timer/")
    _assert_visible_border(page.locator("#ih-timer-pick-start"))


# The centre of a toggle's drawn box and of its label's text.
CENTRES = """b => { const m = b.querySelector('.ih-toggle__mark').getBoundingClientRect();
  const r = document.createRange(); r.selectNodeContents(b.lastChild); const t = r.getBoundingClientRect();
  return [m.top + m.height / 2, t.top + t.height / 2, m.right <= t.left + 1]; }"""


@pytest.mark.parametrize("width", [1280, 390])
def test_the_toggles_box_is_centred_on_its_label(browser, base_url, width: int) -> None:
    ctx = new_context(browser, base_url, viewport={"width": width, "height": 800})
    page = ctx.new_page()
    try:
        page.goto("timer/?methode=basismodel")
        for handle in ("data-timer-mute", "data-timer-projector"):
            box, text, beside = page.locator(f"[{handle}]").evaluate(CENTRES)
            assert abs(box - text) <= 1, (handle, box, text)
            assert beside, f"{handle}: the label stands beside its box, not under it"
    finally:
        ctx.close()


def test_the_chapter_kicker_keeps_a_gap_above_the_title_on_a_phone(phone) -> None:
    phone.goto("handboek/inleiding/")
    kicker = phone.locator(".ih-kicker")
    expect(kicker).to_have_text("Hoofdstuk 1 van 10")
    gap = phone.evaluate("""() => {
      const text = (el) => { const r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect(); };
      return text(document.querySelector('h1')).top - text(document.querySelector('.ih-kicker')).bottom; }""")
    assert gap >= 4, gap


def test_a_link_holding_a_glossary_term_is_underlined_once(page) -> None:
    page.goto("handboek/spelregels/")
    term = page.locator(".md-content a abbr[title]").first
    expect(term).to_have_text("groepscontract")
    lines = term.evaluate("""el => { const s = getComputedStyle(el), a = getComputedStyle(el.closest('a'));
      return [a.textDecorationLine.includes('underline'),
              parseFloat(s.borderBottomWidth) > 0 && s.borderBottomStyle !== 'none',
              s.textDecorationLine.includes('underline')]; }""")
    assert lines.count(True) == 1, lines
    # A term outside a link keeps its dotted line: the sign that it has an explanation.
    page.goto("handboek/inleiding/")
    alone = page.locator(".md-content p abbr[title]").first
    assert alone.evaluate("el => el.closest('a')") is None
    assert alone.evaluate("el => getComputedStyle(el).borderBottomStyle") == "dotted"
