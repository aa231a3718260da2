"""The group's screens tell the truth: the presenter window (the projector) and the phones that follow a
link show what the facilitator's laptop shows, fit the screen they are on, and catch up after sleep.

Published conditions: every page gets the sitemap for this server first, so Material's instant navigation
is on as on the published site. "Another device" is a second browser context with its own fake clock."""

from __future__ import annotations

import datetime as dt
import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from helpers import (
    assert_readable_from_the_back,
    axe_violations,
    method_data,
    new_context,
)
from test_timer import T0, clock, phase
from test_timer_follow import LONG_AGENDA, QUERY, now_of, seconds, to36

STEPS = [(s["naam"], s["minuten"]) for s in method_data("vijfstappenmethode")["stappen"]]
FIRST_MINUTES = STEPS[0][1]
SIZES = [(1280, 720), (1366, 768), (1920, 1080)]
# What only a phone (scan again, the link's moment) or only the facilitator needs: never on the projector.
NOT_FOR_THE_ROOM = ["hangt af", "scan dan opnieuw", "scan de code opnieuw", "stand van", "procesbegeleider", "Volgende", "Stel hem bij"]


def laptop(context, query: str = QUERY):
    """The facilitator's timer, with the fake clock paused at T0 + 1 s."""
    page = context.new_page()
    page.clock.install(time=T0)
    page.clock.pause_at(T0 + dt.timedelta(seconds=1))
    page.goto(f"timer/{query}")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    return page


def present(page):
    """Open the presenter window from the laptop, as the share panel's button does."""
    with page.context.expect_page() as opened:
        page.click("[data-timer-present]")
    presenter = opened.value
    expect(presenter.locator("[data-timer-phase]")).to_have_text(phase(page))
    return presenter


def phone(browser, base_url: str, at: dt.datetime, scheme: str = "light"):
    ctx = new_context(browser, base_url, viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = ctx.new_page()
    page.clock.install(time=at - dt.timedelta(seconds=1))
    page.clock.pause_at(at)
    return ctx, page


def follow_link(page) -> str:
    page.click("[data-timer-share]")
    expect(page.locator("[data-timer-share-qr] svg")).to_be_visible()
    return page.locator("[data-timer-follow-link]").get_attribute("href")


def level(page) -> tuple[str, str]:
    return page.locator("[data-level]").first.get_attribute("data-level"), page.locator("[data-timer-level]").inner_text()


# ---- warning levels


def test_laptop_presenter_and_phone_warn_and_alert_at_the_same_moments(context, browser, base_url, site_dir) -> None:
    page = laptop(context)
    page.click("[data-timer-start]")
    page.clock.fast_forward("00:10")
    link = follow_link(page)
    page.click("[data-timer-share-close]")
    presenter = present(page)
    ctx, follower = phone(browser, base_url, now_of(page))
    try:
        follower.goto(link)
        expect(follower.locator("[data-timer-phase]")).to_have_text(STEPS[0][0])
        screens = {"laptop": page, "presenter": presenter, "phone": follower}
        # 5 minutes: a fifth is left after 4:00, a twentieth after 4:45, nothing after 5:00.
        moments = [("03:40", "ok", None), ("00:15", "warn", "Bijna tijd"), ("00:45", "alert", "Rond af"),
                   ("00:15", "over", re.compile("tijd (van deze fase )?is om", re.I))]
        for step, expected, words in moments:
            page.clock.fast_forward(step)
            follower.clock.fast_forward(step)
            for name, screen in screens.items():
                expect(screen.locator("[data-timer-run]").locator("xpath=ancestor-or-self::*[@data-level]").first,
                       f"{name} at {expected}").to_have_attribute("data-level", expected, timeout=1000)
                if words:
                    expect(screen.locator("[data-timer-level]"), name).to_contain_text(words, timeout=1000)
                else:
                    expect(screen.locator("[data-timer-level]"), name).not_to_contain_text(re.compile("tijd|Rond af"))
    finally:
        ctx.close()


def test_a_paused_follower_in_its_last_fifth_still_says_so(browser, base_url, site_dir) -> None:
    ctx, follower = phone(browser, base_url, T0)
    try:
        stamp = to36(int(T0.timestamp()))
        follower.goto(f"timer/{QUERY}&volg=0.{stamp}.{to36(FIRST_MINUTES * 60 - 40)}.0.p")
        expect(follower.locator("[data-timer-phase]")).to_have_text(STEPS[0][0])
        assert level(follower)[0] == "warn"
        assert "Bijna tijd" in level(follower)[1] and "Gepauzeerd" in level(follower)[1]
    finally:
        ctx.close()


# ---- the presenter window


def parts_of_the_presenter(presenter) -> dict[str, object]:
    facts = presenter.locator(".ih-timer__facts")
    return {
        "klok": presenter.locator("[data-timer-clock]"),
        "fase": presenter.locator("[data-timer-phase]"),
        "Hierna": facts.locator("div", has_text="Hierna"),
        "Nog in totaal": facts.locator("div", has_text="Nog in totaal"),
        "Einde": facts.locator("div", has_text="Einde"),
        "Volledig scherm": presenter.locator("[data-timer-follow-full]"),
        "Code tonen": presenter.locator("[data-timer-follow-showcode]"),
    }


def assert_fits(presenter, width: int, height: int, what: str) -> None:
    for name, part in parts_of_the_presenter(presenter).items():
        expect(part, f"{name} ({what})").to_be_visible()
        box = part.bounding_box()
        assert box["x"] >= 0 and box["y"] >= 0, (name, what, box)
        assert box["x"] + box["width"] <= width + 0.5 and box["y"] + box["height"] <= height + 0.5, (name, what, box)
    scroll = presenter.evaluate("""() => {
        const doc = document.scrollingElement;
        const stage = document.querySelector('.ih-timer');
        return [doc.scrollHeight - doc.clientHeight, stage.scrollHeight - stage.clientHeight,
                stage.scrollWidth - stage.clientWidth];
    }""")
    assert scroll == [0, 0, 0], f"{what}: the presenter scrolls {scroll}"


@pytest.mark.parametrize(("width", "height", "query"),
                         [(w, h, QUERY) for w, h in SIZES] + [(1280, 720, LONG_AGENDA)])
def test_the_presenter_fits_a_projector_without_scrolling(browser, base_url, site_dir, width: int, height: int,
                                                          query: str) -> None:
    """Every part on the screen, in a warning, in overtime and with the code beside the clock; the long
    agenda has the longest code (compact, up to version 10) and longer names."""
    ctx = new_context(browser, base_url, viewport={"width": width, "height": height})
    try:
        page = laptop(ctx, query)
        minutes = int(page.locator("[data-timer-programme] > li").first.get_attribute("data-minutes"))
        page.click("[data-timer-start]")
        presenter = present(page)
        page.clock.fast_forward((minutes - 1) * 60_000 + 30_000)
        expect(presenter.locator("[data-level]").first).to_have_attribute("data-level", re.compile("warn|alert"))
        assert_fits(presenter, width, height, "warn")
        page.clock.fast_forward("01:10")
        expect(presenter.locator("[data-timer-clock]")).to_contain_text("+")
        assert_fits(presenter, width, height, "over")
        presenter.click("[data-timer-follow-showcode]")
        assert_fits(presenter, width, height, "with the code")
        assert_readable_from_the_back(presenter, "[data-timer-follow-qr]")
    finally:
        ctx.close()


@pytest.mark.parametrize(("width", "height"), [(390, 844), (844, 390)])
def test_a_phone_in_full_screen_keeps_a_large_clock(browser, base_url, width: int, height: int) -> None:
    """The presenter's fit-the-window layout is for the presenter: on a phone the clock must not shrink away."""
    ctx = new_context(browser, base_url, viewport={"width": width, "height": height})
    try:
        follower = ctx.new_page()
        follower.clock.install(time=T0)
        follower.goto(f"timer/{QUERY}&volg=1.{to36(int(T0.timestamp()))}.0.0")
        expect(follower.locator("[data-timer-phase]")).to_have_text(STEPS[1][0])
        follower.click("[data-timer-follow-full]")
        box = follower.locator("[data-timer-clock]").bounding_box()
        assert box["height"] >= 0.25 * min(width, height) and box["y"] + box["height"] <= height, box
    finally:
        ctx.close()


def test_a_paused_presenter_speaks_to_the_room(context, base_url, site_dir) -> None:
    page = laptop(context)
    page.click("[data-timer-start]")
    page.clock.fast_forward("01:00")
    presenter = present(page)
    page.click("[data-timer-start]")  # pause
    expect(presenter.locator("[data-timer-level]")).to_have_text("Gepauzeerd", timeout=1000)
    seen = presenter.locator("[data-timer-stage]").inner_text()
    for words in NOT_FOR_THE_ROOM:
        assert words.lower() not in seen.lower(), f"{words!r} on the projector:\n{seen}"
    # The end moves while the group pauses, as on the laptop: now plus what is left.
    expect(presenter.locator("[data-timer-end]")).to_have_text(page.locator("[data-timer-end]").inner_text())


def test_a_presenter_window_on_its_link_alone_still_speaks_to_the_room(browser, base_url) -> None:
    """A presenter window whose laptop is gone (another browser, storage cleared) has only its link: it still
    gives the room the end as the laptop would, not a phone's advice."""
    ctx = new_context(browser, base_url, viewport={"width": 1280, "height": 720})
    try:
        presenter = ctx.new_page()
        presenter.add_init_script("window.name = 'ih-presentatie';")
        presenter.clock.install(time=T0)
        presenter.clock.pause_at(T0 + dt.timedelta(seconds=1))
        presenter.goto(f"timer/{QUERY}&volg=0.{to36(int(T0.timestamp()))}.{to36(60)}.0.p")
        expect(presenter.locator("[data-timer-level]")).to_have_text("Gepauzeerd")
        left = dt.timedelta(minutes=sum(m for _, m in STEPS) - 1, seconds=1)
        expect(presenter.locator("[data-timer-end]")).to_have_text(f"om {T0 + left:%H:%M}")
        seen = presenter.locator("[data-timer-stage]").inner_text()
        for words in NOT_FOR_THE_ROOM:
            assert words.lower() not in seen.lower(), f"{words!r} on the projector:\n{seen}"
    finally:
        ctx.close()


# ---- a phone that slept


@pytest.mark.parametrize("event", ["visibilitychange", "pageshow", "resume"])
def test_a_follower_that_slept_is_right_the_moment_it_is_shown(browser, base_url, site_dir, event: str) -> None:
    ctx, follower = phone(browser, base_url, T0)
    try:
        follower.goto(f"timer/{QUERY}&volg=1.{to36(int(T0.timestamp()))}.0.0")
        expect(follower.locator("[data-timer-phase]")).to_have_text(STEPS[1][0])
        follower.clock.run_for(2000)
        left = seconds(clock(follower))
        # Asleep: the wall clock moves on, the page runs nothing and its monotonic clock stands still.
        follower.clock.set_system_time(T0 + dt.timedelta(minutes=5, seconds=2))
        follower.evaluate(f"""() => {{
            const target = {'document' if event != 'pageshow' else 'window'};
            target.dispatchEvent(new Event({event!r}));
        }}""")
        assert seconds(clock(follower)) == left - 300
        expect(follower.locator("[data-timer-total]")).to_have_text(
            re.compile(rf"^{(sum(m for _, m in STEPS[1:]) * 60 - 302) // 60}:"))
    finally:
        ctx.close()


# ---- the plan ahead on a phone


def test_a_follower_shows_the_phases_to_come_with_their_clock_times(context, browser, base_url, site_dir) -> None:
    page = laptop(context)
    page.click("[data-timer-start]")  # at 09:00:01
    page.clock.fast_forward("06:00")
    page.click("[data-timer-next]")  # phase 2 starts at 09:06:01
    link = follow_link(page)
    ctx, follower = phone(browser, base_url, now_of(page))
    try:
        follower.goto(link)
        items = follower.locator("[data-timer-programme] > li")
        expect(items).to_have_count(len(STEPS))
        start = T0 + dt.timedelta(minutes=6, seconds=1) + dt.timedelta(minutes=STEPS[1][1])
        for i in range(2, len(STEPS)):
            expect(items.nth(i).locator(".ih-timer__when")).to_have_text(f"{start:%H:%M}")
            expect(items.nth(i)).to_contain_text(STEPS[i][0])
            start += dt.timedelta(minutes=STEPS[i][1])
        expect(follower.locator("[data-timer-hint]")).to_contain_text("hoe laat")
        # The phase that is over has no time: it is not ahead.
        expect(items.nth(0).locator(".ih-timer__when")).to_have_text("")
    finally:
        ctx.close()


# ---- the current code on the projector


def scanned(page, selector: str) -> str:
    png = page.locator(selector).screenshot()
    codes = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert len(codes) == 1, f"expected one QR code, read {len(codes)}"
    return codes[0].text


def volg(url: str) -> str:
    return parse_qs(urlsplit(url).query)["volg"][0]


def test_the_presenter_shows_the_current_code_on_request(browser, base_url, site_dir) -> None:
    ctx = new_context(browser, base_url, viewport={"width": 1280, "height": 720})
    try:
        page = laptop(ctx)
        page.click("[data-timer-start]")
        page.clock.fast_forward("01:00")
        presenter = present(page)
        code = presenter.locator("[data-timer-follow-qr]")
        expect(code).to_be_hidden()
        button = presenter.locator("[data-timer-follow-showcode]")
        expect(button).to_have_attribute("aria-expanded", "false")
        button.click()
        expect(button).to_have_attribute("aria-expanded", "true")
        expect(code.locator("svg")).to_be_visible()
        assert_readable_from_the_back(presenter, "[data-timer-follow-qr]")
        first = scanned(presenter, "[data-timer-follow-qr]")
        assert re.fullmatch(r"0\.[0-9a-z]+\.[0-9a-z]+\.0", volg(first)), first
        assert "methode=vijfstappenmethode" in first
        # Each change the laptop makes is in the code at once.
        page.click("[data-timer-next]")
        expect(presenter.locator("[data-timer-phase]")).to_have_text(STEPS[1][0], timeout=1000)
        assert re.fullmatch(r"1\.[0-9a-z]+\.0\.0", volg(scanned(presenter, "[data-timer-follow-qr]")))
        page.click("[data-timer-start]")  # pause
        expect(presenter.locator("[data-timer-level]")).to_have_text("Gepauzeerd", timeout=1000)
        assert re.fullmatch(r"1\.[0-9a-z]+\.0\.0\.p", volg(scanned(presenter, "[data-timer-follow-qr]")))
        page.click("[data-timer-plus]")
        expect(presenter.locator("[role=timer]")).to_have_text(clock(page), timeout=1000)
        assert re.fullmatch(r"1\.[0-9a-z]+\.0\.1o\.p", volg(scanned(presenter, "[data-timer-follow-qr]")))
        # The code is the laptop's own follow link, so a phone that scans it opens the same state.
        assert scanned(presenter, "[data-timer-follow-qr]") == follow_link(page)
        button.click()
        expect(code).to_be_hidden()
    finally:
        ctx.close()


# ---- overtime digits that can be read


CONTRAST = """(sel) => {
  // Every animation at its midpoint, where a pulse is at its faintest.
  for (const a of document.getAnimations()) { a.pause(); a.currentTime = (a.effect.getTiming().duration || 0) / 2; }
  const rgba = (text) => { const n = text.match(/[\\d.]+/g).map(Number); return [n[0], n[1], n[2], n.length > 3 ? n[3] : 1]; };
  const el = document.querySelector(sel);
  let opacity = 1;
  for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
  let bg = null;
  for (let e = el; e && !bg; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c[3] > 0) bg = c;
  }
  bg = bg || [255, 255, 255, 1];
  const fg = rgba(getComputedStyle(el).color);
  const a = fg[3] * opacity;
  const shown = [0, 1, 2].map((i) => a * fg[i] + (1 - a) * bg[i]);
  const lum = (c) => { const l = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
  const [hi, lo] = [lum(shown), lum(bg)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_overtime_digits_are_readable_on_phone_and_projector(browser, base_url, site_dir, scheme: str) -> None:
    ctx, follower = phone(browser, base_url, T0, scheme)
    room = new_context(browser, base_url, viewport={"width": 1280, "height": 720}, color_scheme=scheme)
    try:
        follower.emulate_media(reduced_motion="no-preference")
        follower.goto(f"timer/{QUERY}&volg=0.{to36(int(T0.timestamp()) - FIRST_MINUTES * 60 - 30)}.0.0")
        expect(follower.locator("[data-timer-clock]")).to_contain_text("+")
        assert follower.evaluate(CONTRAST, "[data-timer-clock]") >= 4.5
        page = laptop(room)
        page.click("[data-timer-start]")
        presenter = present(page)
        page.clock.fast_forward(f"0{FIRST_MINUTES}:30")
        expect(presenter.locator("[data-timer-clock]")).to_contain_text("+", timeout=1000)
        assert presenter.evaluate(CONTRAST, "[data-timer-clock]") >= 4.5
    finally:
        room.close()
        ctx.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_presenter_with_its_code_has_no_axe_violations(browser, base_url, scheme: str) -> None:
    # The real clock: axe waits on timers of its own, which a paused fake clock would never fire.
    ctx = new_context(browser, base_url, viewport={"width": 1280, "height": 720}, color_scheme=scheme)
    try:
        page = ctx.new_page()
        page.goto(f"timer/{QUERY}")
        expect(page.locator("[data-timer-run]")).to_be_visible()
        page.click("[data-timer-start]")
        presenter = present(page)
        presenter.click("[data-timer-follow-showcode]")
        expect(presenter.locator("[data-timer-follow-qr] svg")).to_be_visible()
        assert axe_violations(presenter, scheme, context="[data-timer]") == []
    finally:
        ctx.close()
