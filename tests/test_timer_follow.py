"""The whole group follows the session on its own screens (issue 12): a QR code on the projector that a
phone decodes into the follower's view, a presenter window that follows the control window, and a
follower that says how old its state is instead of guessing.

"Another device" is a second browser context: no shared storage, no BroadcastChannel, only the link.
Both contexts run Playwright's fake clock at the same time, as two devices whose clocks agree."""

from __future__ import annotations

import datetime as dt
import io
import re
import time

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from helpers import assert_readable_from_the_back, axe_violations, new_context
from test_timer import T0, clock, open_timer, phase

QUERY = "?methode=vijfstappenmethode"  # phases of 5, 10, 20, 15 and 10 minutes (see data/methods)
LONG_AGENDA = ("?agenda=opening:10,vijfstappenmethode:45,pauze:15,snelle-adviesronde:40,roddelmethode:30,"
               "terugblik:5,evaluatie:10,afsluiting:5&minuten=160&start=19:00")


def seconds(text: str) -> int:
    """ "4:05" or "1:04:05" as seconds; overtime "+0:12" as -12."""
    sign = -1 if text.startswith("+") else 1
    total = 0
    for part in text.lstrip("+").split(":"):
        total = total * 60 + int(part)
    return sign * total


def now_of(page) -> dt.datetime:
    return dt.datetime.fromtimestamp(page.evaluate("Date.now()") / 1000)


def open_share(page) -> str:
    page.click("[data-timer-share]")
    expect(page.locator("[data-timer-share-qr] svg")).to_be_visible()
    return page.locator("[data-timer-follow-link]").get_attribute("href")


def scanned(page) -> str:
    """What a phone's camera reads from the QR code on the screen."""
    png = page.locator("[data-timer-share-qr]").screenshot()
    codes = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert len(codes) == 1, f"expected one QR code, read {len(codes)}"
    assert codes[0].format == zxingcpp.BarcodeFormat.QRCode
    return codes[0].text


def phone(browser, base_url: str, at: dt.datetime, **options):
    """Another device at the same time: its own profile, its own (fake) clock."""
    ctx = new_context(browser, base_url, viewport={"width": 390, "height": 844}, **options)
    page = ctx.new_page()
    page.clock.install(time=at - dt.timedelta(seconds=1))
    page.clock.pause_at(at)
    return ctx, page


def expect_follower(page) -> None:
    expect(page.locator("[data-timer-run]")).to_be_visible()
    expect(page.locator("[data-timer-phase]")).not_to_be_empty()
    expect(page.locator("[data-timer-start]")).to_be_hidden()
    expect(page.locator("[data-timer-next]")).to_be_hidden()


def test_a_phone_opens_the_scanned_code_and_shows_the_same_phase_and_time(
    page, browser, base_url: str, console_errors: list[str]
) -> None:
    open_timer(page, QUERY)
    page.click("[data-timer-start]")
    page.clock.fast_forward("01:10")
    page.click("[data-timer-next]")
    page.clock.fast_forward("00:25")
    link = open_share(page)
    url = scanned(page)
    assert url == link
    assert "volg=" in url and "methode=vijfstappenmethode" in url
    ctx, follower = phone(browser, base_url, now_of(page))
    try:
        follower.goto(url)
        expect_follower(follower)
        assert phase(follower) == phase(page)
        assert abs(seconds(clock(follower)) - seconds(clock(page))) <= 2
        expect(follower.locator("[data-timer-context]")).to_have_text("Vijfstappenmethode · Fase 2 van 5")
        left = dt.timedelta(seconds=seconds(follower.locator("[data-timer-total]").inner_text()))
        expect(follower.locator("[data-timer-end]")).to_have_text(f"om {now_of(follower) + left:%H:%M}")
        # The page's explanation is for the procesbegeleider; the participant gets the clock first.
        expect(follower.locator(".md-content__inner > p").first).to_be_hidden()
        box = follower.locator("[role=timer]").bounding_box()
        assert box["y"] + box["height"] < 844 * 0.75, "the clock is well on the phone's first screen"
        expect(follower.locator("[data-timer-follow-age]")).to_contain_text("scan dan opnieuw")
        # Both devices count on by themselves, and stay together.
        page.clock.fast_forward("02:00")
        follower.clock.fast_forward("02:00")
        assert phase(follower) == phase(page)
        assert abs(seconds(clock(follower)) - seconds(clock(page))) <= 2
        assert follower.locator("[data-timer-follow-strip] [aria-current=step]").inner_text() == phase(page)
    finally:
        ctx.close()
    assert console_errors == []


def test_pause_next_and_a_minute_change_the_code_at_once(page) -> None:
    open_timer(page, QUERY)
    page.click("[data-timer-start]")
    page.clock.fast_forward("00:30")
    first = open_share(page)
    page.clock.fast_forward("00:30")
    assert page.locator("[data-timer-follow-link]").get_attribute("href") == first, "a running clock keeps its code"
    seen = {first}
    for action in ["[data-timer-start]", "[data-timer-plus]", "[data-timer-next]"]:
        before = page.locator("[data-timer-share-qr]").inner_html()
        page.click(action)
        link = page.locator("[data-timer-follow-link]").get_attribute("href")
        assert link not in seen, action
        assert page.locator("[data-timer-share-qr]").inner_html() != before, action
        assert scanned(page) == link
        seen.add(link)
    assert re.search(r"volg=1\.[0-9a-z]+\.0\.0\.p$", link), "the next phase, paused, nothing spent yet"


def test_a_follower_says_it_is_paused_or_behind_instead_of_guessing(page, browser, base_url: str) -> None:
    open_timer(page, QUERY)
    page.click("[data-timer-start]")
    page.clock.fast_forward("01:00")
    running = open_share(page)
    page.click("[data-timer-start]")  # pause
    paused = page.locator("[data-timer-follow-link]").get_attribute("href")
    at = now_of(page)
    ctx, follower = phone(browser, base_url, at)
    try:
        follower.goto(paused)
        expect_follower(follower)
        assert clock(follower) == "4:00"
        follower.clock.fast_forward("03:00")
        assert clock(follower) == "4:00", "a paused state does not count down"
        assert "Gepauzeerd volgens de stand van" in follower.locator("[data-timer-level]").inner_text()
        # The running link, long after its phase ended: same phase, overtime, and the advice to scan again.
        follower.goto(running)
        expect_follower(follower)
        follower.clock.fast_forward("06:00")
        expect(follower.locator("[data-timer-phase]")).to_have_text(phase(page))
        assert clock(follower).startswith("+")
        assert "scan de code opnieuw" in follower.locator("[data-timer-level]").inner_text()
        stamp = follower.locator("[data-timer-follow-age]").inner_text()
        assert f"stand van {at:%H:%M}" in stamp
    finally:
        ctx.close()


def test_a_long_agenda_gets_a_compact_code_that_a_phone_expands(page, browser, base_url: str) -> None:
    open_timer(page, LONG_AGENDA)
    page.click("[data-timer-start]")
    page.clock.fast_forward("02:00")
    url = open_share(page)
    assert "kort=" in url and "agenda=" not in url, url
    assert scanned(page) == url
    ctx, follower = phone(browser, base_url, now_of(page))
    try:
        follower.goto(url)
        expect_follower(follower)
        assert phase(follower) == phase(page)
        assert abs(seconds(clock(follower)) - seconds(clock(page))) <= 2
        assert follower.locator("[data-timer-programme] > li").count() == page.locator("[data-timer-programme] > li").count()
    finally:
        ctx.close()


def test_presenter_window_follows_next_and_pause_within_a_second(page, context, console_errors: list[str]) -> None:
    open_timer(page, QUERY)
    page.click("[data-timer-start]")
    page.clock.fast_forward("00:40")
    with context.expect_page() as opened:
        page.click("[data-timer-present]")
    presenter = opened.value
    presenter.on("pageerror", lambda exc: console_errors.append(str(exc)))
    expect_follower(presenter)
    # It follows the laptop itself: no note about how old its state is (that is for a phone).
    expect(presenter.locator("[data-timer-follow-age]")).to_be_hidden()
    assert phase(presenter) == phase(page)
    page.click("[data-timer-next]")
    expect(presenter.locator("[data-timer-phase]")).to_have_text(phase(page), timeout=1000)
    expect(presenter.locator("[role=timer]")).to_have_text(clock(page), timeout=1000)
    page.click("[data-timer-start]")  # pause
    expect(presenter.locator("[data-timer-level]")).to_have_text("Gepauzeerd", timeout=1000)
    frozen = clock(presenter)
    page.clock.fast_forward("01:00")
    assert clock(presenter) == frozen == clock(page)
    page.click("[data-timer-plus]")
    expect(presenter.locator("[role=timer]")).to_have_text(clock(page), timeout=1000)
    # Its address holds the latest state, so reloading the presenter window finds it too.
    presenter.reload()
    expect_follower(presenter)
    assert clock(presenter) == clock(page)
    assert console_errors == []


def test_the_code_on_a_projector_can_be_read_from_the_back_of_the_room(browser, base_url: str) -> None:
    ctx = new_context(browser, base_url, viewport={"width": 1920, "height": 1080})
    try:
        page = ctx.new_page()
        open_timer(page, LONG_AGENDA)
        page.click("[data-timer-start]")
        page.click("[data-timer-projector]")
        open_share(page)
        assert_readable_from_the_back(page, "[data-timer-share-qr]")
        assert page.locator("[data-timer-clock]").bounding_box()["y"] >= 0
    finally:
        ctx.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_follower_view_has_no_axe_violations(browser, base_url: str, scheme: str) -> None:
    # The real clock: axe waits on timers of its own, which a paused fake clock would never fire.
    ctx = new_context(browser, base_url, color_scheme=scheme)
    try:
        follower = ctx.new_page()
        follower.goto(f"timer/{QUERY}&volg=1.{to36(int(time.time()) - 30)}.0.0")
        expect_follower(follower)
        assert axe_violations(follower, scheme) == []
        # On a phone, the view itself (Material's own menu repeats a landmark there, on every page).
        follower.set_viewport_size({"width": 390, "height": 844})
        assert axe_violations(follower, scheme, context="[data-timer]") == []
    finally:
        ctx.close()


def to36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = digits[r] + out
    return out or "0"
