"""The timer's running session is never lost (issue 31): every session is kept under its own key and a
second one asks before anything happens; what is saved is a reference and progress, never the method's
text; what cannot be read is set aside; other tabs' messages are checked; and tabs opened on either side
of a correction of the computer's clock agree."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from helpers import copy_project, new_context, reload_once_stored, run_build, seed_storage, served
from test_timer import STORAGE_KEY, T0, clock, open_timer, phase

FIVE = "?methode=vijfstappenmethode"  # first phase 5 minutes
GOSSIP = "?methode=roddelmethode"
SESSIONS_KEY = "intervisie.timer.v2"
DEFECT_KEY = "intervisie.timer.v2.defect"


def start(page):
    return page.locator("[data-timer-start]")


def stored(page) -> dict:
    return json.loads(page.evaluate("key => localStorage.getItem(key)", SESSIONS_KEY))


# ---- one session never silently replaces another


def test_a_second_session_in_the_same_tab_asks_and_back_returns_to_the_first(page, console_errors) -> None:
    open_timer(page, FIVE)
    page.click("[data-timer-start]")
    page.clock.run_for("01:00")
    assert clock(page) == "4:00"
    page.goto(f"timer/{GOSSIP}")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    other = page.locator("[data-timer-other]")
    expect(other).to_be_visible()
    assert "Vijfstappenmethode staat in fase 1 van 5 en loopt (nog 4:00)" in other.inner_text()
    assert "blijft bewaard" in other.inner_text()
    # Back: the first session, still running where it was.
    page.go_back()
    expect(page.locator("[data-timer-context]")).to_contain_text("Vijfstappenmethode")
    expect(page.locator("[role=timer]")).to_have_text("4:00")
    expect(start(page)).to_have_text("Pauze")
    page.clock.run_for("00:10")
    assert clock(page) == "3:50"
    # Forward again and "Terug naar ...": the same, through the question's own link.
    page.go_forward()
    expect(page.locator("[data-timer-other]")).to_be_visible()
    page.locator("[data-timer-other-back]").click()
    expect(page).to_have_url(re.compile(re.escape(FIVE) + "$"))
    expect(page.locator("[role=timer]")).to_have_text("3:50")
    reload_once_stored(page)
    expect(page.locator("[role=timer]")).to_have_text("3:50")
    expect(start(page)).to_have_text("Pauze")
    assert console_errors == []


def test_a_second_session_in_another_tab_keeps_both(page, context) -> None:
    open_timer(page, FIVE)
    page.click("[data-timer-start]")
    page.clock.run_for("01:00")
    other = context.new_page()
    other.goto(f"timer/{GOSSIP}")
    expect(other.locator("[data-timer-other]")).to_be_visible()
    other.locator("[data-timer-other-here]").click()
    expect(other.locator("[data-timer-other]")).to_have_count(0)
    other.click("[data-timer-start]")
    page.clock.run_for("00:30")
    # Neither tab took the other's session, and both are kept for a reload.
    assert clock(page) == "3:30"
    assert "Roddelmethode" in other.locator("[data-timer-context]").inner_text()
    keys = [r["key"] for r in stored(page)["data"]["sessions"]]
    assert sorted(keys) == ["methode=roddelmethode", "methode=vijfstappenmethode"]
    reload_once_stored(page)
    expect(page.locator("[role=timer]")).to_have_text("3:30")
    # /timer/ without a session offers both, newest first.
    page.goto("timer/")
    resume = page.locator("[data-timer-resume]")
    expect(resume).to_be_visible()
    links = resume.locator("a")
    assert links.count() == 2
    assert links.nth(0).inner_text().startswith("Roddelmethode, verder bij ")
    assert links.nth(1).inner_text().startswith("Vijfstappenmethode, verder bij ")
    assert links.nth(1).get_attribute("href") == FIVE
    assert page.locator("[data-timer-resume-link]").inner_text().startswith("Roddelmethode")


def test_opening_a_session_no_one_started_stores_nothing_and_asks_nothing(page) -> None:
    open_timer(page, FIVE)
    page.goto(f"timer/{GOSSIP}")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    expect(page.locator("[data-timer-other]")).to_have_count(0)
    assert page.evaluate("key => localStorage.getItem(key)", SESSIONS_KEY) is None


# ---- references, not copies


def long_method(steps: int, text: int) -> dict:
    return {
        "titel": "Lange methode", "samenvatting": "Een methode om de grenzen van de timer te proeven.",
        "doel": "Zien dat lange gegevens blijven werken.", "wanneer": "Alleen in deze test.",
        "casustypen": ["complex"], "advies": False, "niveau": "beginners", "groepsgrootte": {"min": 3, "max": 8},
        "stappen": [
            {"naam": f"Stap {i + 1}", "minuten": 1, "wie": "de groep",
             "wat": ("Lange uitleg " * (text // 13 + 1))[:text] if i == 0 else "Kort."}
            for i in range(steps)
        ],
    }


@pytest.fixture(scope="module")
def long_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("long") / "project")
    template = yaml.safe_load((project / "data/methods/vijfstappenmethode.yml").read_text(encoding="utf-8"))
    method = {**{k: v for k, v in template.items() if k != "stappen"}, **long_method(250, 5000)}
    method["titel"] = "Lange methode"
    (project / "data/methods/lange-methode.yml").write_text(yaml.safe_dump(method, allow_unicode=True), encoding="utf-8")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def long_url(long_site: Path, tmp_path_factory: pytest.TempPathFactory):
    with served(long_site, tmp_path_factory.mktemp("longwww")) as url:
        yield url


def test_a_step_text_of_5000_characters_and_250_steps_survive_a_reload(browser, long_url: str) -> None:
    context = new_context(browser, long_url)
    try:
        page = context.new_page()
        open_timer(page, "?methode=lange-methode")
        assert page.locator("[data-timer-programme] > li").count() == 250
        assert len(page.locator("[data-timer-what]").inner_text()) >= 5000
        page.click("[data-timer-start]")
        page.clock.run_for("00:20")
        page.click("[data-timer-start]")  # paused at 0:40
        page.click("[data-timer-next]")
        page.click("[data-timer-next]")
        reload_once_stored(page)
        expect(page.locator("[data-timer-run]")).to_be_visible()
        assert page.locator("[data-timer-note]").is_hidden(), page.locator("[data-timer-note]").inner_text()
        assert phase(page) == "Stap 3"
        assert start(page).inner_text() == "Verder"
        assert page.evaluate("() => localStorage.getItem('intervisie.timer.v2').length") < 10_000
        assert "Lange uitleg" not in page.evaluate("() => localStorage.getItem('intervisie.timer.v2')")
    finally:
        context.close()


def test_a_readable_v1_state_is_moved_to_the_new_form(page, site_dir: Path) -> None:
    from test_timer_one_session import saved_state

    seed_storage(page, STORAGE_KEY, json.dumps({"v": 1, "data": saved_state(site_dir)}))
    open_timer(page, FIVE)
    assert clock(page) == "3:00"
    assert start(page).inner_text() == "Verder"
    assert page.locator("[data-timer-note]").is_hidden()
    record = stored(page)["data"]["sessions"][0]
    assert record["key"] == "methode=vijfstappenmethode" and record["left"] == 180_000
    assert "phases" not in record and "Vraag introduceren" not in json.dumps(record)


# ---- unreadable: set aside, said, erasable


def test_an_unreadable_saved_list_is_set_aside_and_listed_on_the_privacy_page(page) -> None:
    garbage = '{"v": 2, "data": {"sessions": "kapot"}}'
    page.add_init_script(
        f"if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', '1'); "
        f"localStorage.setItem({json.dumps(SESSIONS_KEY)}, {json.dumps(garbage)}); }}"
    )
    open_timer(page, FIVE)
    note = page.locator("[data-timer-note]")
    assert "niet te lezen" in note.inner_text() and "apart gezet" in note.inner_text()
    assert json.loads(page.evaluate("key => localStorage.getItem(key)", DEFECT_KEY)) == [garbage]
    # Once set aside, a reload has nothing more to say.
    reload_once_stored(page)
    expect(page.locator("[data-timer-run]")).to_be_visible()
    assert page.locator("[data-timer-note]").is_hidden()
    page.goto("privacy/")
    row = page.locator(f"[data-storage-key='{DEFECT_KEY}']")
    expect(row).to_have_count(1)
    expect(row.locator("xpath=..").locator("[data-storage-state]")).to_have_text("nu bewaard")


# ---- messages from other tabs


# A message as the timer itself sent it, with its revision replaced.
TAMPER = """([text, rev]) => {
    const msg = JSON.parse(text);
    msg.data.rev = rev === "NaN" ? NaN : rev;
    const channel = new BroadcastChannel("intervisie-timer");
    channel.postMessage(JSON.stringify(msg).replace('"rev":null', '"rev":NaN'));
    channel.close();
}"""


def paused_message(page, context) -> tuple[object, str]:
    """Run FIVE for a minute and pause it (at 4:00), with another page of the origin listening on the tabs'
    channel: that page and the message the pause sent, to replay or tamper with."""
    open_timer(page, FIVE)
    spy = context.new_page()
    spy.goto("404.html")
    spy.evaluate("""() => {
        window.heard = [];
        new BroadcastChannel("intervisie-timer").onmessage = (e) => window.heard.push(e.data);
    }""")
    page.click("[data-timer-start]")
    page.clock.run_for("01:00")
    page.click("[data-timer-start]")
    spy.wait_for_function("() => window.heard.length >= 2")
    return spy, spy.evaluate("window.heard[window.heard.length - 1]")


EXTREME_REVISIONS = [1e308, -1, 2**53, 2**53 - 1, 2**52, "NaN", "7", 0.5]


def test_an_extreme_revision_from_another_page_is_refused(page, context, console_errors) -> None:
    """Each revision in turn replays the paused state (one page: eight set-ups cost 14 s of the suite)."""
    spy, paused = paused_message(page, context)
    page.click("[data-timer-start]")  # running again
    page.clock.run_for("00:10")
    for n, rev in enumerate(EXTREME_REVISIONS, start=1):
        spy.evaluate(TAMPER, [paused, rev])
        page.clock.run_for("00:01")
        expect(start(page), f"revision {rev!r}").to_have_text("Pauze")
        assert clock(page) == f"3:{50 - n}", rev
    # The page goes on, and what it stores stays readable for the next tab and the next reload.
    page.click("[data-timer-plus]")
    next_tab = context.new_page()
    next_tab.goto(f"timer/{FIVE}")
    expect(next_tab.locator("[data-timer-run]")).to_be_visible()
    expect(next_tab.locator("[role=timer]")).to_have_text("4:42")
    reload_once_stored(page)
    expect(page.locator("[role=timer]")).to_have_text("4:42")
    assert page.locator("[data-timer-note]").is_hidden()
    assert console_errors == []


def test_revisions_are_bounded(page) -> None:
    open_timer(page)
    seen = page.evaluate("""() => [1e308, -1, 2**53, 2**53 - 1, 2**31, 2**31 + 1, NaN, "7", 0, 12]
        .map((r) => Intervisie.timer.isRevision(r))""")
    assert seen == [False, False, False, False, True, False, False, False, True, True]


# ---- the computer's clock


def test_a_forward_correction_then_hiding_and_showing_keeps_the_countdown(page) -> None:
    open_timer(page, FIVE)
    page.click("[data-timer-start]")
    page.clock.run_for("00:59")
    assert clock(page) == "4:01"
    page.clock.set_system_time(T0 + dt.timedelta(minutes=31))  # the wall clock 30 minutes on
    page.clock.run_for("00:01")
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    page.clock.run_for("00:01")
    assert clock(page) == "3:59"
    assert page.locator("[data-timer-level]").inner_text() == "Loopt"
    # The question names the gap; leaving the timer as it is keeps the countdown.
    page.locator("[data-timer-slept]").get_by_role("button", name="Laat de timer zo").click()
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    expect(page.locator("[data-timer-slept]")).to_have_count(0)
    assert clock(page) == "3:59"


def test_tabs_opened_on_either_side_of_a_correction_agree_and_share_a_pause(page, context) -> None:
    open_timer(page, FIVE)
    page.click("[data-timer-start]")
    page.clock.run_for("00:30")
    assert clock(page) == "4:30"
    page.clock.set_system_time(T0 + dt.timedelta(minutes=11))  # ten minutes on
    other = context.new_page()
    other.goto(f"timer/{FIVE}")
    expect(other.locator("[data-timer-run]")).to_be_visible()
    expect(other.locator("[role=timer]")).to_have_text("4:30")
    # Until the live tab answered, the storage said the phase was long over: nothing may have said so.
    assert other.locator("[data-timer-live]").inner_text() == ""
    assert other.locator("[data-timer-level]").inner_text() == "Loopt"
    page.clock.run_for("00:05")
    assert clock(page) == clock(other) == "4:25"
    page.click("[data-timer-start]")
    expect(start(other)).to_have_text("Verder")
    assert clock(other) == "4:25"
    other.click("[data-timer-start]")
    expect(start(page)).to_have_text("Pauze")
    page.clock.run_for("00:05")
    assert clock(page) == clock(other) == "4:20"
    # A reload after the correction reads the fresh stamp the live tab wrote when asked.
    reload_once_stored(other)
    expect(other.locator("[role=timer]")).to_have_text("4:20")


def test_no_unfinished_session_is_dropped_without_a_word(page) -> None:
    """Twenty unfinished sessions are kept; starting a twenty-first drops the oldest, and the page says which."""
    open_timer(page, FIVE)
    page.evaluate("""() => {
        const t = Intervisie.timer;
        const now = Date.now();
        const sessions = Array.from({length: 20}, (_, i) => t.toRecord(
            t.start(t.create({key: `methode=oud${i}`, title: `Oude sessie ${i}`, phases: [{naam: "Stap", minuten: 5}]}), now),
            now, now - (i + 1) * 60000));
        localStorage.setItem("intervisie.timer.v2", JSON.stringify({v: 2, data: {sessions}}));
    }""")
    reload_once_stored(page)
    expect(page.locator("[data-timer-run]")).to_be_visible()
    page.locator("[data-timer-other-here]").click()
    page.click("[data-timer-start]")
    note = page.locator("[data-timer-note]")
    expect(note).to_be_visible()
    assert "Oude sessie 19" in note.inner_text() and "20" in note.inner_text()
    keys = [r["key"] for r in stored(page)["data"]["sessions"]]
    assert len(keys) == 20 and "methode=vijfstappenmethode" in keys and "methode=oud19" not in keys


def visibility(page, state: str) -> None:
    page.evaluate("""(state) => {
        Object.defineProperty(document, "visibilityState", {value: state, configurable: true});
        document.dispatchEvent(new Event("visibilitychange"));
    }""", state)


def test_a_correction_seen_while_visible_is_not_asked_about_after_hiding(page) -> None:
    open_timer(page, FIVE)
    page.click("[data-timer-start]")
    page.clock.run_for("00:30")
    page.clock.set_system_time(T0 + dt.timedelta(minutes=20))  # corrected while the page is in sight
    page.clock.run_for("00:01")
    visibility(page, "hidden")
    page.clock.run_for("00:10")
    visibility(page, "visible")
    page.clock.run_for("00:01")
    assert clock(page) == "4:18"
    expect(page.locator("[data-timer-slept]")).to_have_count(0)
    # A jump while out of sight is asked about.
    visibility(page, "hidden")
    page.clock.set_system_time(T0 + dt.timedelta(minutes=40))
    visibility(page, "visible")
    expect(page.locator("[data-timer-slept]")).to_be_visible()
    assert clock(page) == "4:18"


def test_an_unreadable_list_that_cannot_be_set_aside_is_not_written_over(page) -> None:
    """Storage full: the copy aside fails, so the unreadable text stays where it is, whatever the timer does."""
    garbage = "kapot " * 400
    open_timer(page, "")
    page.evaluate("""(garbage) => {
        localStorage.setItem("intervisie.timer.v2", garbage);
        const chunk = "x".repeat(256 * 1024);
        let i = 0;
        for (const size of [chunk, "x".repeat(4096), "x".repeat(64), "x"]) {
            try { for (;;) localStorage.setItem(`vulsel.${i++}`, size); } catch (e) { /* full at this size */ }
        }
    }""", garbage)
    page.goto(f"timer/{FIVE}")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    page.click("[data-timer-start]")
    page.clock.run_for("00:05")
    page.click("[data-timer-start]")
    assert page.evaluate("() => localStorage.getItem('intervisie.timer.v2')") == garbage
    assert page.evaluate("() => localStorage.getItem('intervisie.timer.v2.defect')") is None


# Messages no tab of this timer sends: each is refused without a trace and without an error.
HOSTILE = """(paused) => {
    const msg = JSON.parse(paused);
    const data = msg.data;
    const variants = [
        "{kapot", "", "null", "[]", "42", JSON.stringify({v: 2}), JSON.stringify({v: 2, data: null}),
        JSON.stringify({v: 2, data: [data]}), JSON.stringify({v: 3, data: {...data, rev: data.rev + 5}}),
        JSON.stringify({v: 1, data: {...data, rev: data.rev + 5}}),
        JSON.stringify({v: 2, data: {...data, rev: data.rev + 5, key: "methode=roddelmethode"}}),
        JSON.stringify({v: 2, data: {...data, rev: data.rev + 5, plan: "0-0"}}),
        JSON.stringify({v: 2, data: {...data, rev: data.rev + 5, ms: data.ms.slice(1)}}),
        JSON.stringify({v: 2, data: {...data, rev: data.rev + 5, left: 1e308}}),
        JSON.stringify({v: 2, data: {...data, rev: data.rev + 5, index: -1}}),
        JSON.stringify({v: 2, data: {...data, rev: data.rev + 5, at: -1}}),
        JSON.stringify({v: 2, data: {...data, rev: data.rev + 5, title: "x".repeat(301)}}),
        JSON.stringify({v: 2, data: {...data, rev: data.rev + 5, tab: "<img>"}}),
        JSON.stringify({v: 2, data: {...data, rev: data.rev + 5, running: 1}}),
        JSON.stringify({v: 2, data: {...data, rev: data.rev + 5, spent: [1e308]}}),
        JSON.stringify({v: 2, ask: 7}), JSON.stringify({v: 2, ask: "methode=vijfstappenmethode", data: null}),
        '{"v": 2, "data": {"__proto__": {"rev": 99}}}',
        JSON.stringify({v: 2, data: {...data, rev: data.rev + 5}}).padEnd(3000000, " "),
    ];
    const channel = new BroadcastChannel("intervisie-timer");
    for (const text of variants) channel.postMessage(text);
    channel.postMessage({v: 2, data: {...data, rev: data.rev + 5}}); // not even text
    channel.postMessage(null);
    channel.close();
    return variants.length + 2;
}"""


def test_hostile_messages_from_another_page_are_refused(page, context, console_errors) -> None:
    spy, paused = paused_message(page, context)
    page.click("[data-timer-start]")
    page.clock.run_for("00:10")
    sent = spy.evaluate(HOSTILE, paused)
    assert sent == 26
    page.clock.run_for("00:01")
    expect(start(page)).to_have_text("Pauze")
    assert clock(page) == "3:49"
    reload_once_stored(page)
    expect(page.locator("[role=timer]")).to_have_text("3:49")
    assert page.locator("[data-timer-note]").is_hidden()
    assert console_errors == []
