"""The running timer loads what it runs (issue 33, item 5): its own scripts and styles stay within a budget as
the page opens, and the share panel, the presenter window, the QR code, the planner and a follower's view
come as parts of their own (W.load in lib/widget.js, extra.widget_parts in mkdocs.yml) when the reader
reaches for them: online, offline after a first visit, and with a Dutch message when a part cannot come."""

from __future__ import annotations

import gzip
import re
import time
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from test_offline import wait_until_offline_ready

KB = 1024
# Our own JS and CSS (the common bundles, the timer's bundle and stylesheet, and what the page asks for by
# itself as it opens; not the search script, which waits for the reader) on the running timer page,
# gzipped: issue 33 asks for at most 25 KB. The session plan, sound, the share panel, the presenter and a
# follower's view, the planner and the rare questions come as parts when they are reached for.
TIMER_BUDGET = 25 * KB
RUNNING = ("timer/?methode=vijfstappenmethode", "timer/?agenda=voorbeeld")
# The parts a running timer must not ask for until the facilitator reaches for them.
LATER = ("qr", "timer-link", "address", "timer-follow", "timer-planner", "plan-fit", "timer-sheet", "group-recent",
         "timer-notices")
PART_FILE = re.compile(r"/intervisie-part-([a-z0-9-]+)\.[0-9a-f]{10}\.js$")


def own_asset(url: str) -> bool:
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    return name.startswith("intervisie") and name.endswith((".js", ".css"))


def parts_asked(requests: list[str]) -> set[str]:
    return {m[1] for url in requests if (m := PART_FILE.search(urlsplit(url).path))}


def record(page) -> tuple[list[str], dict[str, bytes]]:
    """Every URL the page asks for, and the bodies of our own scripts and stylesheets."""
    asked: list[str] = []
    bodies: dict[str, bytes] = {}
    page.on("request", lambda request: asked.append(request.url))

    def keep(response) -> None:
        if own_asset(response.url) and response.ok:
            bodies[response.url] = response.body()

    page.on("response", keep)
    return asked, bodies


@pytest.mark.parametrize("path", RUNNING)
def test_the_running_timer_loads_its_own_js_and_css_within_the_budget(page, path: str) -> None:
    """The weight a phone fetches before the clock runs, counted as the test server's files gzipped (the
    server itself sends them plain); none of the parts for sharing, following or planning comes along."""
    asked, bodies = record(page)
    page.goto(path, wait_until="networkidle")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    expect(page.locator("[data-timer-sheet]")).to_be_hidden()  # the session plan comes when it nears the screen
    weight = sum(len(gzip.compress(body, 9)) for body in bodies.values())
    assert weight <= TIMER_BUDGET, f"{weight / KB:.1f} KB gz of our own JS and CSS: {sorted(bodies)}"
    assert not parts_asked(asked) & set(LATER), sorted(parts_asked(asked))


TWO_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def test_the_session_plan_comes_as_the_reader_scrolls_towards_it_before_it_is_reached(page) -> None:
    """The plan below the controls is a part (timer-sheet, with its style): asked for when it comes within a
    short scroll of the screen, and shown while it is still below the screen's edge."""
    asked, _ = record(page)
    page.goto("timer/?methode=vijfstappenmethode", wait_until="networkidle")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    sheet = page.locator("[data-timer-sheet]")
    sheet.evaluate("""(el) => new MutationObserver(() => {
      if (!el.hidden && window.__shownAt === undefined) window.__shownAt = el.getBoundingClientRect().top - innerHeight;
    }).observe(el, {attributes: true})""")
    assert "timer-sheet" not in parts_asked(asked)
    page.mouse.move(640, 400)
    for _ in range(40):  # the mouse wheel, a notch at a time
        page.mouse.wheel(0, 100)
        page.evaluate(TWO_FRAMES)
        if "timer-sheet" in parts_asked(asked):
            break
    expect(sheet).to_be_visible()
    assert page.evaluate("window.__shownAt") > 0, "shown before the reader reached it"
    expect(page.locator("[data-sheet-rows] > tr").first).to_be_attached()


def test_sound_and_the_wake_lock_come_with_the_first_start_on_the_context_made_in_the_press(page) -> None:
    """A running session's sound and wake lock are the part timer-run, asked for at the first start. Browsers
    (Safari most strictly) let a page start sound only within a gesture: the AudioContext is made in the
    press itself, and the chime the part schedules is on that one."""
    page.add_init_script("""(() => {
      const Real = window.AudioContext;
      window.__audio = { made: [], tones: 0 };
      window.AudioContext = class extends Real {
        constructor(...args) { super(...args); window.__audio.made.push(window.event ? window.event.type : null); }
        createOscillator() { window.__audio.tones += 1; return super.createOscillator(); }
      };
    })()""")
    asked, _ = record(page)
    page.goto("timer/?methode=vijfstappenmethode", wait_until="networkidle")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    assert "timer-run" not in parts_asked(asked)
    page.click("[data-timer-start]")
    expect(page.locator("[data-timer-start]")).to_have_text("Pauze")
    page.wait_for_function("() => window.__audio.tones > 0")  # the phase's end is scheduled
    assert "timer-run" in parts_asked(asked)
    assert page.evaluate("window.__audio.made") == ["click"], "one context, made within the press"


@pytest.mark.parametrize(("path", "minutes"), [
    ("timer/?methode=vijfstappenmethode&minuten=40", "40:00"),
    ("timer/?agenda=opening,vijfstappenmethode:40,afsluiting", None),
])
def test_a_timer_that_fits_to_minutes_brings_the_fit_first(page, path: str, minutes: str | None) -> None:
    """The fit (lib/fit.js) is a part: a link with minuten= or an item's own minutes runs once it is here."""
    asked, _ = record(page)
    page.goto(path)
    expect(page.locator("[data-timer-run]")).to_be_visible()
    assert "plan-fit" in parts_asked(asked)
    if minutes:
        expect(page.locator("[data-timer-total]")).to_have_text(minutes)


def test_share_and_the_presenter_window_work_once_their_part_arrives(page, context) -> None:
    asked, _ = record(page)
    page.goto("timer/?methode=vijfstappenmethode")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    page.click("[data-timer-start]")
    assert not parts_asked(asked) & {"qr", "timer-link"}
    page.click("[data-timer-share]")
    expect(page.locator("[data-timer-share-panel]")).to_be_visible()
    expect(page.locator("[data-timer-share-qr] svg")).to_be_visible()
    expect(page.locator("[data-timer-follow-link]")).to_contain_text("volg=")
    assert {"qr", "timer-link"} <= parts_asked(asked)
    page.click("[data-timer-share-close]")
    expect(page.locator("[data-timer-share-panel]")).to_be_hidden()
    with context.expect_page() as opened:
        page.click("[data-timer-present]")
    presenter = opened.value
    expect(presenter.locator("[data-timer-run]")).to_be_visible()
    expect(presenter.locator("[data-timer-phase]")).to_have_text(page.locator("[data-timer-phase]").inner_text())
    expect(presenter.locator("[data-timer-start]")).to_be_hidden()


def test_the_presenter_window_opens_at_the_first_press_before_any_part_is_here(page, context) -> None:
    """The first press may be the presenter's own: the window opens within the press, and follows."""
    page.goto("timer/?methode=vijfstappenmethode")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    with context.expect_page() as opened:
        page.click("[data-timer-present]")
    presenter = opened.value
    expect(presenter).to_have_url(re.compile(r"volg="))
    expect(presenter.locator("[data-timer-phase]")).to_have_text(page.locator("[data-timer-phase]").inner_text())
    # The code the presenter window shows on request needs the QR part, which it loaded itself.
    presenter.click("[data-timer-follow-showcode]")
    expect(presenter.locator("[data-timer-follow-qr] svg")).to_be_visible()


def test_a_follower_loads_the_follow_part_and_nothing_of_the_facilitators(page, browser, base_url: str) -> None:
    page.goto("timer/?methode=vijfstappenmethode")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    page.click("[data-timer-share]")
    expect(page.locator("[data-timer-share-qr] svg")).to_be_visible()
    link = page.locator("[data-timer-follow-link]").get_attribute("href")
    phone = browser.new_context(base_url=base_url, service_workers="block", viewport={"width": 390, "height": 844})
    try:
        follower = phone.new_page()
        asked, _ = record(follower)
        follower.goto(link, wait_until="networkidle")
        expect(follower.locator("[data-timer-phase]")).to_have_text(page.locator("[data-timer-phase]").inner_text())
        expect(follower.locator("[data-timer-start]")).to_be_hidden()
        # The fit comes too: a follow link may carry minutes (timer/view.js, followParts).
        assert parts_asked(asked) == {"plan-fit", "timer-link", "address", "timer-follow"}
    finally:
        phone.close()


def test_the_planner_arrives_on_the_choosing_page(page) -> None:
    asked, _ = record(page)
    page.goto("timer/")
    expect(page.locator("[data-timer-items] > li").first).to_be_visible()
    page.click("[data-timer-add]")
    assert {"address", "timer-planner"} <= parts_asked(asked)
    assert not parts_asked(asked) & {"qr", "timer-link", "timer-follow"}


def test_share_and_planner_work_offline_after_a_first_visit(offline_context) -> None:
    page = offline_context.new_page()
    page.goto("", wait_until="load")
    wait_until_offline_ready(page)
    offline_context.set_offline(True)
    page.goto("timer/?methode=vijfstappenmethode", wait_until="load")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    page.click("[data-timer-share]")
    expect(page.locator("[data-timer-share-qr] svg")).to_be_visible()
    page.goto("timer/", wait_until="load")
    expect(page.locator("[data-timer-items] > li").first).to_be_visible()


def test_a_parts_style_comes_with_it_and_again_after_instant_navigation(page) -> None:
    """The share panel's style is the part's own (stylesheets/timer/share.css): it comes with the press, the
    panel is never seen without it, and it is there again when instant navigation brings the page back
    (the theme drops from the head what the next page lacks)."""
    asked, _ = record(page)
    page.goto("timer/?methode=vijfstappenmethode", wait_until="networkidle")
    page.evaluate("window.__samePage = true")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    assert not [url for url in asked if "/intervisie-part-timer-link." in url]

    def slow(route) -> None:  # the style arrives after the script: the panel still waits for it
        time.sleep(0.4)
        route.continue_()

    page.route(re.compile(r".*/intervisie-part-timer-link\.[0-9a-f]+\.css$"), slow)
    panel = page.locator("[data-timer-share-panel]")
    display = "(el) => getComputedStyle(el).display"
    # How the panel looks at the moment it is shown, not a moment later.
    panel.evaluate("""(el) => new MutationObserver(() => {
      if (!el.hidden) window.__shownAs = window.__shownAs || getComputedStyle(el).display;
    }).observe(el, {attributes: true})""")
    page.click("[data-timer-share]")
    panel.wait_for()
    assert page.evaluate("window.__shownAs") == "flex", "visible only once styled"
    assert [url for url in asked if re.search(r"/intervisie-part-timer-link\.[0-9a-f]{10}\.css$", url)]
    page.locator(".md-tabs a:text-is('Kaarten')").click()
    expect(page.locator("[data-cards]")).to_be_visible()
    page.go_back()
    expect(page.locator("[data-timer-run]")).to_be_visible()
    assert page.evaluate("window.__samePage === true"), "instant navigation, not a new page"
    page.click("[data-timer-share]")
    expect(panel).to_be_visible()
    assert panel.evaluate(display) == "flex"
    expect(page.locator("[data-timer-share-qr] svg")).to_be_visible()


@pytest.mark.parametrize("kind", ["js", "css"])
def test_a_part_that_cannot_come_is_said_in_dutch_and_the_clock_runs_on(page, kind: str) -> None:
    page.route(re.compile(rf".*/intervisie-part-timer-link\.[0-9a-f]+\.{kind}$"), lambda route: route.abort())
    page.goto("timer/?methode=vijfstappenmethode")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    page.click("[data-timer-share]")
    # Said beside the button, where the reader looks after the press.
    status = page.locator("[data-timer-share] ~ [data-timer-part-status], :has(> [data-timer-share]) + [data-timer-part-status]")
    expect(status).to_be_visible()
    expect(status).to_have_text("Dit onderdeel kon niet worden geladen. Controleer de verbinding en probeer het opnieuw.")
    expect(page.locator("[data-timer-share-panel]")).to_be_hidden()
    # Nothing else broke: the clock starts, and a second press tries again once the part can come.
    before = page.locator("[role=timer]").inner_text()
    page.click("[data-timer-start]")
    expect(page.locator("[data-timer-start]")).to_have_text("Pauze")
    expect(page.locator("[role=timer]")).not_to_have_text(before, timeout=3000)
    page.unroute(re.compile(rf".*/intervisie-part-timer-link\.[0-9a-f]+\.{kind}$"))
    page.click("[data-timer-share]")
    expect(page.locator("[data-timer-share-qr] svg")).to_be_visible()
    expect(status).to_be_hidden()


def test_a_planner_that_cannot_come_leaves_the_simple_form_working(page) -> None:
    page.route(re.compile(r".*/intervisie-part-timer-planner\.[0-9a-f]+\.js$"), lambda route: route.abort())
    page.goto("timer/")
    note = page.locator("[data-timer-note]")
    expect(note).to_contain_text("kon niet worden geladen")
    expect(page.locator("[data-timer-builder]")).to_be_hidden()
    page.select_option(".ih-timer__pick [name=methode]", "vijfstappenmethode")
    page.locator(".ih-timer__pick [type=submit]").click()
    expect(page.locator("[data-timer-run]")).to_be_visible()
