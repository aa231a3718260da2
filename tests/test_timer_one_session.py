"""One timer, whatever the clock and the tabs do (issue 15, part 4): several tabs are views of one
session, a correction of the computer's clock does not move the countdown, keys from the address
bar such as "constructor" are just unknown, and an absurd saved state is wiped."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from helpers import reload_once_stored, seed_storage
from test_timer import STORAGE_KEY, T0, clock, method, open_timer

QUERY = "?methode=vijfstappenmethode"  # first phase: 5 minutes


def start_button(page):
    return page.locator("[data-timer-start]")


def second_tab(context, query: str = QUERY):
    """Another tab on the same session; the fake clock, installed on the context, is shared."""
    other = context.new_page()
    other.goto(f"timer/{query}")
    expect(other.locator("[data-timer-run]")).to_be_visible()
    return other


# ---- two tabs, one session


@pytest.mark.parametrize("channel", ["broadcast", "storage-only"])
def test_two_tabs_are_one_session_and_neither_undoes_the_other(
    page, context, channel: str, console_errors: list[str]
) -> None:
    if channel == "storage-only":  # browsers without BroadcastChannel still hear the storage event
        context.add_init_script("delete window.BroadcastChannel;")
    open_timer(page, QUERY)
    other = second_tab(context)
    page.click("[data-timer-start]")
    page.clock.fast_forward("01:00")
    expect(other.locator("[role=timer]")).to_have_text("4:00")
    expect(start_button(other)).to_have_text("Pauze")
    # Pause in tab A: tab B shows it paused.
    page.click("[data-timer-start]")
    expect(start_button(other)).to_have_text("Verder")
    expect(other.locator("[data-timer-level]")).to_contain_text("Gepauzeerd")
    # +1 in tab B: tab A shows the added minute and stays paused.
    other.click("[data-timer-plus]")
    expect(page.locator("[role=timer]")).to_have_text("5:00")
    expect(start_button(page)).to_have_text("Verder")
    page.clock.fast_forward("02:00")
    assert clock(page) == "5:00" and clock(other) == "5:00", "still paused in both tabs"
    # What both agree on is also what a reload finds.
    reload_once_stored(other)
    expect(other.locator("[data-timer-run]")).to_be_visible()
    assert clock(other) == "5:00"
    assert start_button(other).inner_text() == "Verder"
    assert console_errors == []


def test_a_tab_on_another_session_is_left_alone(page, context) -> None:
    open_timer(page, QUERY)
    other = second_tab(context, "?methode=roddelmethode")
    first_of_other = clock(other)
    page.click("[data-timer-start]")
    page.clock.fast_forward("01:00")
    page.click("[data-timer-start]")
    other.clock.fast_forward(300)
    assert clock(other) == first_of_other
    assert start_button(other).inner_text() == "Start"


def test_revisions_settle_on_the_same_state_in_every_tab(page) -> None:
    open_timer(page)
    pairs = page.evaluate(
        """() => {
            const newer = Intervisie.timer.isNewer;
            return [
                newer({rev: 3, tab: "a"}, {rev: 2, tab: "z"}),
                newer({rev: 2, tab: "z"}, {rev: 3, tab: "a"}),
                newer({rev: 3, tab: "b"}, {rev: 3, tab: "a"}),
                newer({rev: 3, tab: "a"}, {rev: 3, tab: "b"}),
                newer({rev: 3, tab: "a"}, {rev: 3, tab: "a"}),
            ];
        }"""
    )
    assert pairs == [True, False, True, False, False]


# ---- the computer's clock


def test_a_clock_correction_does_not_move_the_countdown(page) -> None:
    open_timer(page, QUERY)
    page.click("[data-timer-start]")
    page.clock.fast_forward("01:00")
    assert clock(page) == "4:00"
    # Date.now() jumps an hour ahead; performance.now() does not (as when the computer's clock is set).
    page.clock.set_system_time(T0 + dt.timedelta(hours=1, minutes=1, seconds=1))
    page.clock.fast_forward("00:10")
    assert clock(page) == "3:50"
    # ... and two hours back.
    page.clock.set_system_time(T0 - dt.timedelta(hours=1))
    page.clock.fast_forward("00:10")
    assert clock(page) == "3:40"
    assert page.locator("[data-timer-level]").inner_text() == "Loopt"


def test_the_page_clock_follows_the_monotonic_clock_and_the_wall_clock_only_when_asked(page) -> None:
    open_timer(page)
    seen = page.evaluate(
        """() => {
            let wall = 1000000, mono = 5;
            const c = Intervisie.timer.steadyClock(() => wall, () => mono);
            const out = [c.now()];
            mono += 250; wall += 250 + 3600000; // 250 ms on, and the clock set an hour ahead
            out.push(c.now(), c.ahead());
            wall -= 7200000;                     // set back two hours: never followed
            out.push(c.now());
            wall += 7200000 + 600000;            // ten minutes of sleep the monotonic clock missed
            c.catchUp(c.ahead());                // counted only when the page is told to
            out.push(c.now());
            return out;
        }"""
    )
    assert seen == [1_000_000, 1_000_250, 3_600_000, 1_000_250, 1_000_000 + 250 + 3_600_000 + 600_000]


# ---- keys from the address bar

# In the page, a name that is a well-formed key and one that is not; tests/js/timer.test.js and
# plan.test.js give every inherited name to the logic that reads them.
PROTOTYPE_KEYS = ["constructor", "__proto__"]


@pytest.mark.parametrize("key", PROTOTYPE_KEYS)
def test_prototype_names_are_just_unknown_methods(page, key: str, console_errors: list[str]) -> None:
    open_timer(page, f"?methode={key}", runs=False)
    note = page.locator("[data-timer-note]")
    expect(note).to_be_visible()
    assert f"„{key}” staat niet in dit handboek" in note.inner_text()
    expect(page.locator("[data-timer-builder]")).to_be_visible()
    expect(page.locator("[data-timer-run]")).to_be_hidden()
    assert page.locator("[data-timer-items] > li").count() >= 1, "the planner has its start session"
    assert console_errors == []


@pytest.mark.parametrize("key", PROTOTYPE_KEYS)
def test_prototype_names_in_an_agenda_are_unknown_items(page, key: str, console_errors: list[str]) -> None:
    open_timer(page, f"?agenda={key}", runs=False)
    expect(page.locator("[data-timer-note]")).to_be_visible()
    expect(page.locator("[data-timer-builder]")).to_be_visible()
    expect(page.locator("[data-timer-run]")).to_be_hidden()
    # Next to a real item, the session runs without it.
    page.goto(f"timer/?agenda=opening:5,{key}")
    expect(page.locator("[data-timer-note]")).to_be_visible()
    if key == "constructor":  # the only one that is a well-formed key
        expect(page.locator("[data-timer-run]")).to_be_visible()
        assert page.locator("[data-timer-programme] > li").count() == 1
        assert "overgeslagen" in page.locator("[data-timer-note]").inner_text()
    # The example agenda with such a method in its slot, and the planner opened on such an agenda.
    page.goto(f"timer/?agenda=voorbeeld&methode={key}")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    assert "staat niet in dit handboek" in page.locator("[data-timer-note]").inner_text()
    page.goto(f"timer/?agenda={key}&bewerk=1")
    expect(page.locator("[data-timer-builder]")).to_be_visible()
    assert console_errors == []


# ---- absurd saved state


def saved_state(site_dir: Path, **changes: object) -> dict:
    """A paused state of the Vijfstappenmethode with 3:00 left in its first phase, as the timer saves it."""
    steps = method(site_dir, "vijfstappenmethode")["stappen"]
    phases = [
        {"naam": s["naam"], "wat": s["wat"], "wie": s.get("wie") or "", "groep": "Vijfstappenmethode",
         "ms": s["minuten"] * 60_000, "plan": s["minuten"] * 60_000}
        for s in steps
    ]
    state = {
        "v": 1, "key": "methode=vijfstappenmethode", "title": "Vijfstappenmethode", "phases": phases,
        "index": 0, "running": False, "endsAt": None, "left": 180_000, "spent": [], "started": True,
        "done": False, "auto": False, "signalled": -1, "warned": -1, "rev": 4, "tab": "abc",
    }
    state.update(changes)
    return state


def with_phase(site_dir: Path, **changes: object) -> list[dict]:
    phases = saved_state(site_dir)["phases"]
    phases[0] = {**phases[0], **changes}
    return phases


ABSURD = {
    "phase of 1e300 ms": lambda d: {"phases": with_phase(d, ms=1e300)},
    "plan of 1e300 ms": lambda d: {"phases": with_phase(d, plan=1e300)},
    "negative phase": lambda d: {"phases": with_phase(d, ms=-60_000)},
    "no number": lambda d: {"phases": with_phase(d, ms=None)},
    "a million added minutes": lambda d: {"phases": with_phase(d, ms=300_000 + 10**6 * 60_000)},
    "left 1e300": lambda d: {"left": 1e300},
    "left -1e300": lambda d: {"left": -1e300},
    "ends in 1e300": lambda d: {"running": True, "endsAt": 1e300},
    "index outside": lambda d: {"index": 99},
    "index not whole": lambda d: {"index": 0.5},
    "too many phases": lambda d: {"phases": saved_state(d)["phases"] * 100},
    "spent 1e300": lambda d: {"spent": [1e300]},
    "signalled 1e300": lambda d: {"signalled": 1e300},
    "negative revision": lambda d: {"rev": -1},
    "huge title": lambda d: {"title": "x" * 100_000},
}


def test_absurd_but_well_typed_saved_states_are_refused(page, site_dir: Path) -> None:
    open_timer(page)
    cases = {"valid": saved_state(site_dir)} | {name: saved_state(site_dir, **make(site_dir)) for name, make in ABSURD.items()}
    results = page.evaluate(
        """async (cases) => {
            await Intervisie.widget.load(["timer-v1"]);  // the first form's reading, a part (timer/older.js)
            return Object.fromEntries(Object.entries(cases).map(([name, state]) => {
                const r = Intervisie.timer.restore(JSON.stringify({v: 1, state}), Date.now());
                return [name, r.discarded];
            }));
        }""",
        cases,
    )
    assert results == {"valid": False} | {name: True for name in ABSURD}


def test_whatever_the_buttons_do_the_saved_state_stays_valid(page) -> None:
    """Adding a minute a few thousand times stops at a day, so the timer never saves what it would refuse."""
    open_timer(page, QUERY)
    result = page.evaluate(
        """async () => {
            await Intervisie.widget.load(["timer-v1"]);  // restore() reads a state by the first form's rules
            const t = Intervisie.timer;
            const q = t.parseQuery("?methode=vijfstappenmethode");
            return Promise.all(["../api/methods.json", "../api/agenda.json"].map((u) => fetch(u).then((r) => r.json())))
                .then(([api, agenda]) => {
                    let s = t.create(t.buildSession(q, api, agenda).session);
                    const now = Date.now();
                    s = t.start(s, now);
                    for (let i = 0; i < 3000; i += 1) s = t.adjust(s, 60000, now);
                    const back = t.restore(t.serialize(s), now);
                    return [s.phases[0].ms, back.discarded];
                });
        }"""
    )
    assert result == [24 * 60 * 60_000, False]


def test_a_saved_phase_of_1e300_seconds_is_wiped_with_a_note(page, site_dir: Path, console_errors: list[str]) -> None:
    state = saved_state(site_dir, phases=with_phase(site_dir, ms=1e303))
    seed_storage(page, STORAGE_KEY, json.dumps({"v": 1, "state": state}))
    open_timer(page, QUERY)
    assert "gewist" in page.locator("[data-timer-note]").inner_text()
    assert clock(page) == "5:00"
    assert start_button(page).inner_text() == "Start"
    assert console_errors == []


def test_a_sane_saved_state_resumes_without_a_note(page, site_dir: Path) -> None:
    seed_storage(page, STORAGE_KEY, json.dumps({"v": 1, "state": saved_state(site_dir)}))
    open_timer(page, QUERY)
    assert clock(page) == "3:00"
    assert start_button(page).inner_text() == "Verder"
    assert page.locator("[data-timer-note]").is_hidden()


def test_a_session_kept_in_the_first_form_stays_untouched_when_its_part_cannot_come(page, site_dir: Path) -> None:
    """Moving the first form (v1) in is a part of its own (timer/older.js): without it the timer starts fresh
    and the kept session is neither moved nor lost, so a later visit still resumes it."""
    kept = json.dumps({"v": 1, "state": saved_state(site_dir)})
    page.route("**/intervisie-part-timer-v1.*.js", lambda route: route.abort())
    seed_storage(page, STORAGE_KEY, kept)
    open_timer(page, QUERY)
    assert clock(page) == "5:00" and start_button(page).inner_text() == "Start"
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == kept
    page.unroute("**/intervisie-part-timer-v1.*.js")
    page.reload()
    expect(page.locator("[data-timer-run]")).to_be_visible()
    assert clock(page) == "3:00" and start_button(page).inner_text() == "Verder"
