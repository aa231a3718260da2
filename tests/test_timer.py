"""The phase timer at /timer/ and the example agenda, in real Chromium with Playwright's fake clock.

The clock is installed and paused before the page loads, so nothing moves unless a test moves
it with fast_forward (which, like a sleeping laptop or a background tab, jumps and fires each
due timer at most once).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from helpers import ROOT, copy_project, load_fails_plainly, reload_once_stored, seed_storage

T0 = dt.datetime(2025, 3, 3, 9, 0, 0)
STORAGE_KEY = "intervisie.timer.v1"
AGENDA = yaml.safe_load((ROOT / "data/agenda.yml").read_text(encoding="utf-8"))
# The Basismodel (about 115 minutes) is the session the "done when" names.
RUN_THROUGH = "basismodel" if (ROOT / "data/methods/basismodel.yml").exists() else "vijfstappenmethode"


def api(site_dir: Path) -> dict:
    return json.loads((site_dir / "api/methods.json").read_text(encoding="utf-8"))


def method(site_dir: Path, slug: str) -> dict:
    return next(m for m in api(site_dir)["methoden"] if m["slug"] == slug)


def open_timer(page, query: str = "", runs: bool = True) -> None:
    page.clock.install(time=T0)
    page.clock.pause_at(T0 + dt.timedelta(seconds=1))
    page.goto(f"timer/{query}")
    if runs and ("methode=" in query or "agenda=" in query):
        expect(page.locator("[data-timer-run]")).to_be_visible()


def clock(page) -> str:
    return page.locator("[role=timer]").inner_text()


def phase(page) -> str:
    return page.locator("[data-timer-phase]").inner_text()


def programme(page) -> list[tuple[str, int]]:
    items = page.locator("[data-timer-programme] > li")
    return [
        (items.nth(i).locator("strong").inner_text(), int(items.nth(i).get_attribute("data-minutes")))
        for i in range(items.count())
    ]


def chimes(page) -> int:
    return page.evaluate("Intervisie.timer.chimes")


# ---- what the timer runs


def test_method_phases_and_minutes_match_the_api(page, site_dir: Path, console_errors: list[str]) -> None:
    data = method(site_dir, RUN_THROUGH)
    open_timer(page, f"?methode={RUN_THROUGH}")
    assert programme(page) == [(s["naam"], s["minuten"]) for s in data["stappen"]]
    assert phase(page) == data["stappen"][0]["naam"]
    assert clock(page) == f"{data['stappen'][0]['minuten']}:00"
    assert data["titel"] in page.locator("[data-timer-context]").inner_text()
    total = data["totaal_minuten"]
    shown = f"{total // 60}:{total % 60:02d}:00" if total >= 60 else f"{total}:00"
    assert page.locator("[data-timer-total]").inner_text() == shown
    # Every method, through the same code the page uses to turn the API into phases.
    built = page.evaluate(
        """async () => {
            const [api, agenda] = await Promise.all(["../api/methods.json", "../api/agenda.json"]
                .map((u) => fetch(u).then((r) => r.json())));
            return api.methoden.map((m) => {
                const q = Intervisie.timer.parseQuery(`?methode=${m.slug}`);
                const s = Intervisie.timer.buildSession(q, api, agenda).session;
                return [m.slug, s.phases.map((p) => [p.naam, p.minuten])];
            });
        }"""
    )
    expected = {m["slug"]: [[s["naam"], s["minuten"]] for s in m["stappen"]] for m in api(site_dir)["methoden"]}
    assert dict(built) == expected
    assert console_errors == []


def test_example_agenda_runs_in_the_timer_with_a_method_in_its_slot(page, site_dir: Path) -> None:
    open_timer(page, "?agenda=voorbeeld")
    assert programme(page) == [(item["naam"], item["minuten"]) for item in AGENDA["onderdelen"]]
    page.goto("timer/?agenda=voorbeeld&methode=vijfstappenmethode")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    steps = [s["naam"] for s in method(site_dir, "vijfstappenmethode")["stappen"]]
    names = [name for name, _ in programme(page)]
    # The method brings its own case, questions, reflection and advice: the agenda's parts for those go.
    kept = [item for item in AGENDA["onderdelen"] if not item.get("binnen_methode")]
    assert names == [kept[0]["naam"], *steps, *(item["naam"] for item in kept[1:])]
    entries = page.locator("[data-timer-programme] > li")
    blocks = [entries.nth(i).get_attribute("data-plan-block") for i in range(entries.count())]
    assert blocks == [kept[0]["sleutel"], *["vijfstappenmethode"] * len(steps), *(i["sleutel"] for i in kept[1:])]


# ---- time


def test_phase_end_chimes_and_waits_for_volgende(page, site_dir: Path) -> None:
    first, second = method(site_dir, "vijfstappenmethode")["stappen"][:2]
    open_timer(page, "?methode=vijfstappenmethode")
    page.click("[data-timer-start]")
    page.clock.fast_forward(first["minuten"] * 60_000 + 30_000)
    assert phase(page) == first["naam"]
    assert clock(page) == "+0:30"
    assert "Tijd is om" in page.locator("[data-timer-level]").inner_text()
    assert page.locator("[data-timer]").get_attribute("data-level") == "over"
    assert chimes(page) == 1
    assert page.locator("[data-timer]").get_attribute("data-timer-chimed") == "1"
    page.clock.fast_forward("02:00")
    assert clock(page) == "+2:30", "overtime counts up"
    assert chimes(page) == 1, "one chime per phase end"
    page.click("[data-timer-next]")
    assert phase(page) == second["naam"]
    assert clock(page) == f"{second['minuten']}:00"
    assert page.locator("[data-timer-upcoming]").inner_text().startswith(
        method(site_dir, "vijfstappenmethode")["stappen"][2]["naam"]
    )


def test_auto_advance_moves_to_the_next_phase_at_the_end(page, site_dir: Path) -> None:
    first, second = method(site_dir, "vijfstappenmethode")["stappen"][:2]
    open_timer(page, "?methode=vijfstappenmethode")
    page.check("[data-timer-auto]")
    page.click("[data-timer-start]")
    page.clock.fast_forward(first["minuten"] * 60_000 - 1_000)
    assert phase(page) == first["naam"] and clock(page) == "0:01"
    assert chimes(page) == 0
    page.clock.fast_forward("00:02")
    assert phase(page) == second["naam"]
    assert clock(page) == f"{second['minuten'] - 1}:59"
    assert chimes(page) == 1


def test_muted_timer_does_not_chime(page) -> None:
    open_timer(page, "?methode=vijfstappenmethode")
    page.click("[data-timer-mute]")
    assert page.locator("[data-timer-mute]").get_attribute("aria-pressed") == "false"
    page.click("[data-timer-start]")
    page.clock.fast_forward("06:00")
    assert clock(page) == "+1:00"
    assert chimes(page) == 0


def test_warnings_show_by_text_and_shape_not_colour_alone(page) -> None:
    open_timer(page, "?methode=vijfstappenmethode")  # first phase: 5 minutes
    page.keyboard.press("Space")
    root = page.locator("[data-timer]")
    page.clock.fast_forward("03:50")  # 1:10 left, more than 20%
    assert root.get_attribute("data-level") == "ok"
    page.clock.fast_forward("00:20")  # 0:50 left, under 20%
    assert root.get_attribute("data-level") == "warn"
    assert "Bijna tijd" in page.locator("[data-timer-level]").inner_text()
    style = page.locator("[data-timer-clockbox]").evaluate("el => getComputedStyle(el).borderTopStyle")
    assert style == "dashed"
    page.clock.fast_forward("00:40")  # 0:10 left, under 5%
    assert root.get_attribute("data-level") == "alert"
    assert "Rond af" in page.locator("[data-timer-level]").inner_text()
    assert page.locator("[data-timer-clockbox]").evaluate("el => getComputedStyle(el).borderTopStyle") == "double"


def test_pause_freezes_remaining_time_across_ten_minutes(page) -> None:
    open_timer(page, "?methode=vijfstappenmethode")
    page.keyboard.press("Space")
    page.clock.fast_forward("01:00")
    assert clock(page) == "4:00"
    page.keyboard.press("Space")
    assert page.locator("[data-timer-start]").inner_text() == "Verder"
    page.clock.fast_forward("10:00")
    assert clock(page) == "4:00"
    assert "Gepauzeerd" in page.locator("[data-timer-level]").inner_text()
    page.keyboard.press("Space")
    page.clock.fast_forward("00:30")
    assert clock(page) == "3:30"


def test_plus_one_minute_extends_the_current_phase(page, site_dir: Path) -> None:
    first = method(site_dir, "vijfstappenmethode")["stappen"][0]
    open_timer(page, "?methode=vijfstappenmethode")
    page.click("[data-timer-start]")
    page.clock.fast_forward("01:00")
    page.click("[data-timer-plus]")
    assert clock(page) == f"{first['minuten']}:00"
    assert page.locator("[data-timer-drift]").inner_text() == "1 min achter op de agenda"
    page.clock.fast_forward(first["minuten"] * 60_000 - 1_000)
    assert clock(page) == "0:01" and chimes(page) == 0
    page.clock.fast_forward("00:01")
    assert clock(page) == "0:00" and chimes(page) == 1
    page.click("[data-timer-minus]")
    assert clock(page) == "0:00", "taking time away stops at zero"


def test_reload_resumes_running_phase(page, site_dir: Path) -> None:
    third = method(site_dir, "vijfstappenmethode")["stappen"][2]
    open_timer(page, "?methode=vijfstappenmethode")
    page.keyboard.press("Space")
    page.click("[data-timer-next]")
    page.click("[data-timer-next]")
    assert phase(page) == third["naam"]
    page.clock.fast_forward("06:00")
    assert clock(page) == f"{third['minuten'] - 6}:00"
    reload_once_stored(page)
    expect(page.locator("[data-timer-run]")).to_be_visible()
    assert phase(page) == third["naam"]
    assert clock(page) == f"{third['minuten'] - 6}:00"
    page.clock.fast_forward("01:00")
    assert clock(page) == f"{third['minuten'] - 7}:00", "still running after the reload"
    assert page.locator("[data-timer-note]").is_hidden()


def test_two_hour_session_moved_forward_in_big_jumps_ends_on_the_right_second(page) -> None:
    # 10 + 75 + 15 + 15 + 5 = 120 minutes; the method's 60 minutes are fitted to 75.
    open_timer(page, "?agenda=opening:10,vijfstappenmethode:75,pauze:15,evaluatie:15,afsluiting:5")
    assert sum(minutes for _, minutes in programme(page)) == 120
    page.check("[data-timer-auto]")
    page.click("[data-timer-start]")
    elapsed = 0
    for jump in (433, 1862, 2705, 1111, 999):  # seconds, as a background tab or sleeping laptop would
        page.clock.fast_forward(jump * 1000)
        elapsed += jump
    assert elapsed == 7110  # 1:58:30
    assert phase(page) == "Afsluiting en check-out"
    assert clock(page) == "1:30"
    page.clock.fast_forward(89_000)
    assert clock(page) == "0:01"
    assert page.locator("[data-timer-total]").inner_text() == "0:01"
    page.clock.fast_forward(1_000)
    assert clock(page) == "0:00"
    assert page.locator("[data-timer-total]").inner_text() == "0:00"
    assert page.locator("[data-timer-drift]").inner_text() == "precies op schema"
    assert page.locator("[data-timer-bar]").get_attribute("aria-valuenow") == "100"


def test_a_session_jumped_into_the_middle_shows_the_right_phase(page, site_dir: Path) -> None:
    open_timer(page, "?agenda=opening:10,vijfstappenmethode:75,pauze:15")
    steps = [s["naam"] for s in method(site_dir, "vijfstappenmethode")["stappen"]]
    shown = programme(page)
    # opening 10, then the method's steps fitted to 75 minutes, then the break of 15.
    assert [name for name, _ in shown[1:-1]] == steps and sum(m for _, m in shown[1:-1]) == 75
    assert (shown[0][1], shown[-1][1]) == (10, 15)
    page.check("[data-timer-auto]")
    page.click("[data-timer-start]")
    page.clock.fast_forward("50:00")
    ends = [sum(m for _, m in shown[: i + 1]) for i in range(len(shown))]
    current = next(i for i, end in enumerate(ends) if end > 50)
    assert phase(page) == shown[current][0]
    assert clock(page) == f"{ends[current] - 50}:00"


def test_a_sleep_the_monotonic_clock_missed_is_counted_only_when_the_facilitator_says_so(page) -> None:
    """Hidden tab, wall clock three minutes on, performance.now() not (a sleep on macOS or Linux, and
    also a forward correction): the countdown stays, and a question offers to count the gap."""
    open_timer(page, "?methode=vijfstappenmethode")
    page.keyboard.press("Space")
    page.clock.set_system_time(T0 + dt.timedelta(seconds=1, minutes=3))
    assert clock(page) == "5:00"
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    assert clock(page) == "5:00"
    slept = page.locator("[data-timer-slept]")
    expect(slept).to_be_visible()
    assert "3 min" in slept.inner_text()
    slept.get_by_role("button", name="3 min meetellen").click()
    expect(slept).to_be_hidden()
    assert clock(page) == "2:00"


def test_a_sleep_the_monotonic_clock_counted_needs_no_question(page) -> None:
    """Windows keeps performance.now() ticking in sleep (as the spec asks): both clocks move, nothing to ask."""
    open_timer(page, "?methode=vijfstappenmethode")
    page.keyboard.press("Space")
    page.clock.fast_forward("03:00")
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    assert clock(page) == "2:00"
    expect(page.locator("[data-timer-slept]")).to_have_count(0)


def test_phase_changes_and_last_minute_are_announced_politely_not_every_second(page, site_dir: Path) -> None:
    first, second = method(site_dir, "vijfstappenmethode")["stappen"][:2]
    open_timer(page, "?methode=vijfstappenmethode")
    live = page.locator("[data-timer-live]")
    assert live.get_attribute("aria-live") == "polite"
    assert page.locator("[role=timer]").get_attribute("aria-live") is None
    page.keyboard.press("Space")
    page.clock.fast_forward("03:00")
    assert live.inner_text() == ""
    page.clock.fast_forward("01:01")  # 0:59 left
    page.clock.fast_forward(100)
    assert live.inner_text() == f"Nog 1 minuut voor {first['naam']}."
    page.evaluate(
        """() => {
            window.__liveChanges = 0;
            new MutationObserver(() => { window.__liveChanges += 1; }).observe(
                document.querySelector("[data-timer-live]"), {childList: true, characterData: true, subtree: true});
        }"""
    )
    for _ in range(10):
        page.clock.fast_forward(1_000)
    assert page.evaluate("window.__liveChanges") == 0, "the live region is quiet between announcements"
    assert clock(page) == "0:49"
    page.click("[data-timer-next]")
    page.clock.fast_forward(100)
    assert live.inner_text().startswith(f"Fase 2 van 5: {second['naam']}")


def test_screen_stays_awake_while_running_and_is_released_on_pause(page) -> None:
    page.add_init_script(
        """
        window.__wake = {requests: 0, releases: 0};
        Object.defineProperty(navigator, "wakeLock", {configurable: true, value: {
            request: async () => {
                window.__wake.requests += 1;
                const lock = new EventTarget();
                lock.release = async () => { window.__wake.releases += 1; };
                return lock;
            },
        }});
        """
    )
    open_timer(page, "?methode=vijfstappenmethode")
    page.clock.fast_forward(100)
    assert page.evaluate("window.__wake") == {"requests": 0, "releases": 0}, "only once it runs"
    page.keyboard.press("Space")  # the wake lock comes with the part timer-run, at the first start
    page.wait_for_function("() => window.__wake.requests === 1")
    page.keyboard.press("Space")
    page.clock.fast_forward(100)
    assert page.evaluate("window.__wake") == {"requests": 1, "releases": 1}


def test_projector_mode_fills_the_screen_with_a_huge_clock(page) -> None:
    open_timer(page, "?methode=vijfstappenmethode")
    page.click("[data-timer-projector]")
    root = page.locator("[data-timer]")
    assert "ih-timer--projector" in root.get_attribute("class")
    assert page.locator("[data-timer-projector]").get_attribute("aria-pressed") == "true"
    box = root.bounding_box()
    assert box["width"] == 1280 and box["height"] == 800
    size = float(page.locator("[role=timer]").evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))
    assert size >= 300
    expect(page.locator("[data-timer-programme]")).to_be_hidden()
    page.keyboard.press("Escape")
    assert "ih-timer--projector" not in root.get_attribute("class")


# ---- fitting to the time available


def test_fit_to_45_minutes_totals_exactly_45_within_each_steps_floor(page, site_dir: Path) -> None:
    open_timer(page, "?methode=vijfstappenmethode&minuten=45")
    steps = method(site_dir, "vijfstappenmethode")["stappen"]
    minutes = [m for _, m in programme(page)]
    assert sum(minutes) == 45
    # The floor is the data's min_minuten, or half the step rounded up (at least 1): see Verantwoording.
    assert all(m >= (s.get("min_minuten") or max(1, -(-s["minuten"] // 2))) for m, s in zip(minutes, steps))
    report = page.locator("[data-timer-fitreport]")
    expect(report).to_be_visible()
    was = method(site_dir, "vijfstappenmethode")["totaal_minuten"]
    assert "45 minuten" in report.inner_text() and f"was {was}" in report.inner_text()
    assert report.locator("li").count() >= 1, "the page says which steps changed"
    # The same fit for every method: exactly 45, or the usual times with what is possible instead.
    results = page.evaluate(
        """async () => {
            const [methods, agenda] = await Promise.all(["../api/methods.json", "../api/agenda.json"]
                .map((u) => fetch(u).then((r) => r.json())));
            const P = Intervisie.plan;
            return methods.methoden.map((m) => {
                const r = P.build({ agenda: [m.slug], minuten: 45 }, { methods, agenda });
                return [m.slug, r.fit.ok, P.total(r.plan), r.fit.min, r.fit.max, r.notes];
            });
        }"""
    )
    for slug, ok, total, low, high, notes in results:
        if ok:
            assert total == 45, slug
        else:
            assert not (low <= 45 <= high), slug
            assert any("minstens" in n or "hoogstens" in n for n in notes), (slug, notes)


def test_fit_keeps_proportions_down_to_each_steps_floor(page) -> None:
    open_timer(page)
    result = page.evaluate(
        """() => {
            const P = Intervisie.plan;
            const stappen = [10, 20, 30].map((m, i) => ({ naam: String(i), minuten: m, wat: "", wie: "" }));
            const data = { methods: { methoden: [{ slug: "proef", titel: "Proef", advies: true, tijd: {}, stappen }] },
                agenda: {} };
            const plan = P.compose(["proef"], data);
            return [P.fit(plan, 30), P.fit(plan, 29)];
        }"""
    )
    half, below = result
    assert [s["minutes"] for s in half["plan"]["blocks"][0]["steps"]] == [5, 10, 15]
    assert half["changes"][:3] == ["0: 10 → 5 min", "1: 20 → 10 min", "2: 30 → 15 min"]
    assert not below["ok"] and "minstens 30 minuten" in below["advice"]


# ---- friendly notes


@pytest.mark.parametrize(
    ("query", "fragments", "runs"),
    [
        ("?methode=bestaat-niet", ["bestaat-niet", "staat niet in dit handboek"], False),
        ("?methode=vijfstappenmethode&minuten=veel", ["veel", "geen heel getal"], True),
        ("?methode=vijfstappenmethode&minuten=0", ["geen heel getal"], True),
        # Not a plan of 3 one-minute steps: the usual times, and what is possible.
        ("?methode=vijfstappenmethode&minuten=3", ["ingekort minstens", "Kies meer minuten"], True),
        ("?agenda=opening:10;;pauze", ["niet te lezen"], False),
        ("?agenda=opening:10,onzin,pauze:5", ["onzin", "overgeslagen"], True),
    ],
)
def test_unknown_method_or_malformed_minutes_give_a_friendly_note(
    page, site_dir: Path, query: str, fragments: list[str], runs: bool, console_errors: list[str]
) -> None:
    open_timer(page, query, runs=runs)
    note = page.locator("[data-timer-note]")
    expect(note).to_be_visible()
    for fragment in fragments:
        assert fragment in note.inner_text()
    if runs:
        expect(page.locator("[data-timer-run]")).to_be_visible()
        if "methode=vijfstappenmethode" in query:
            normal = method(site_dir, "vijfstappenmethode")["totaal_minuten"]
            assert sum(m for _, m in programme(page)) == normal, "the normal times are used"
    else:
        expect(page.locator("[data-timer-builder]")).to_be_visible()
        expect(page.locator("[data-timer-run]")).to_be_hidden()
    assert console_errors == []


@pytest.mark.parametrize(
    "saved",
    [
        "{kapot",
        json.dumps({"v": 0, "state": {"index": 2}}),
        json.dumps({"v": 1, "state": {"v": 1, "key": "methode=vijfstappenmethode", "phases": [], "index": 9}}),
    ],
    ids=["not-json", "old-version", "impossible"],
)
def test_corrupt_saved_state_is_set_aside_with_a_note(page, saved: str, console_errors: list[str]) -> None:
    seed_storage(page, STORAGE_KEY, saved)
    open_timer(page, "?methode=vijfstappenmethode")
    assert "apart gezet" in page.locator("[data-timer-note]").inner_text()
    assert clock(page) == "5:00"
    page.keyboard.press("Space")
    kept = page.evaluate("() => ({aside: localStorage.getItem('intervisie.timer.v2.defect'), "
                         "sessions: localStorage.getItem('intervisie.timer.v2')})")
    assert json.loads(kept["aside"]) == [saved], "what could not be read is kept, not wiped"
    stored = json.loads(kept["sessions"])
    assert stored["v"] == 2 and stored["data"]["sessions"][0]["running"] is True
    assert console_errors == []


# ---- running a whole session by keyboard and "volgende" only


def test_basismodel_runs_start_to_end_with_only_space_and_volgende(page, site_dir: Path) -> None:
    steps = method(site_dir, RUN_THROUGH)["stappen"]
    open_timer(page, f"?methode={RUN_THROUGH}")
    page.keyboard.press("Space")
    for number, step in enumerate(steps, start=1):
        assert phase(page) == step["naam"]
        assert f"Fase {number} van {len(steps)}" in page.locator("[data-timer-context]").inner_text()
        if number == 2:
            # Space after clicking "volgende" pauses; it must not press the button again.
            page.clock.fast_forward("01:00")
            page.keyboard.press("Space")
            page.clock.fast_forward("03:00")
            assert phase(page) == step["naam"] and clock(page) == f"{step['minuten'] - 1}:00"
            page.keyboard.press("Space")
            page.clock.fast_forward((step["minuten"] - 1) * 60_000)
        else:
            page.clock.fast_forward(step["minuten"] * 60_000)
        assert clock(page) == "0:00"
        assert chimes(page) == number
        page.click("[data-timer-next]")
    expect(page.locator("[data-timer-done]")).to_be_visible()
    assert "klaar" in page.locator("[data-timer-done]").inner_text()
    assert f"gepland: {sum(s['minuten'] for s in steps)} minuten" in page.locator("[data-timer-done]").inner_text()
    assert page.locator("[data-timer-start]").is_disabled()


def test_space_is_left_alone_in_form_fields(page) -> None:
    open_timer(page, "?methode=vijfstappenmethode")
    page.focus("[data-timer-auto]")
    page.keyboard.press("Space")
    assert page.is_checked("[data-timer-auto]")
    assert page.locator("[data-timer-start]").inner_text() == "Start", "the timer did not start"


def test_running_session_survives_instant_navigation_away_and_back(page) -> None:
    open_timer(page, "?methode=vijfstappenmethode")
    page.keyboard.press("Space")
    page.clock.fast_forward("01:00")
    page.click(".md-tabs a[href$='kiezen/']")
    expect(page).to_have_url(re.compile(r"/kiezen/$"))
    page.click(".md-tabs a[href$='timer/']")
    resume = page.locator("[data-timer-resume-link]")
    expect(resume).to_be_visible()
    resume.click()
    expect(page.locator("[data-timer-run]")).to_be_visible()
    page.clock.fast_forward("01:00")
    assert clock(page) == "3:00"
    # One keydown listener after two visits: one Space pauses (two would cancel out).
    page.keyboard.press("Space")
    assert page.locator("[data-timer-start]").inner_text() == "Verder"
    page.clock.fast_forward("01:00")
    assert clock(page) == "3:00"


# ---- the session planner


def test_planner_reorders_fits_and_shares_a_working_link(page) -> None:
    open_timer(page)
    items = page.locator("[data-timer-items] > li")
    expect(items.first).to_be_visible()
    start_keys = AGENDA["startsessie"]
    assert [items.nth(i).get_attribute("data-key") for i in range(items.count())] == start_keys
    items.first.get_by_role("button", name="omlaag").click()
    assert [items.nth(i).get_attribute("data-key") for i in range(2)] == [start_keys[1], start_keys[0]]
    items.nth(1).get_by_role("button", name="omhoog").click()
    assert items.first.get_attribute("data-key") == start_keys[0]
    page.fill("[data-timer-fit-minutes]", "75")
    page.click("[data-timer-fit]")
    assert page.locator("[data-timer-builder-total]").inner_text() == "75 min"
    assert "75 minuten" in page.locator("[data-timer-builder-report]").inner_text()
    link = page.input_value("[data-timer-link]")
    assert "?agenda=" in link and "," in link
    assert "Samen" in page.locator("[data-timer-builder-print]").inner_text(), "a table for printing"
    page.goto(link)
    expect(page.locator("[data-timer-run]")).to_be_visible()
    assert sum(m for _, m in programme(page)) == 75
    assert programme(page)[0][0] == AGENDA["onderdelen"][0]["naam"]


def test_planner_allows_at_most_two_methods(page) -> None:
    open_timer(page)
    expect(page.locator("[data-timer-items] > li").first).to_be_visible()
    for _ in range(2):
        page.select_option("[data-timer-add-select]", "vijfstappenmethode")
        page.click("[data-timer-add]")
    assert "hoogstens 2 methoden" in page.locator("[data-timer-builder-report]").inner_text()


def test_agenda_string_round_trips(page) -> None:
    open_timer(page)
    text = "opening:10,vijfstappenmethode,pauze:15"
    assert page.evaluate("t => Intervisie.timer.formatAgenda(Intervisie.timer.parseAgenda(t))", text) == text
    # One reader with the planner's (issue 31): nothing usable is no agenda; a usable item stays, and what
    # was left out or corrected is named (readAgenda's notes), instead of refusing the whole agenda.
    for bad in ["", ",,", "opening:abc", "-opening"]:
        assert page.evaluate("t => Intervisie.timer.parseAgenda(t)", bad) is None, bad
    for odd, kept in [("opening:0", "opening"), ("Opening", "opening"), ("opening:10,,pauze", "opening:10,pauze")]:
        read = page.evaluate("t => Intervisie.timer.readAgenda(t)", odd)
        assert page.evaluate("i => Intervisie.timer.formatAgenda(i)", read["items"]) == kept, odd
        assert read["notes"] or odd == "opening:10,,pauze", odd


# ---- without JavaScript, and the built data


def test_without_javascript_the_timer_page_shows_the_agenda_and_methods_as_tables(site_dir: Path) -> None:
    page = BeautifulSoup((site_dir / "timer/index.html").read_text(encoding="utf-8"), "lxml")
    root = page.select_one("[data-timer]")
    assert root["data-src"] == "../api/methods.json"
    assert root.select_one("[data-timer-run]").has_attr("hidden")
    rows = root.select("[data-agenda-table] tbody tr")
    assert len(rows) == len(AGENDA["onderdelen"])
    assert all(i["naam"] in r.select("td")[0].get_text(" ", strip=True) for r, i in zip(rows, AGENDA["onderdelen"]))
    assert [int(r["data-minutes"]) for r in rows] == [i["minuten"] for i in AGENDA["onderdelen"]]
    links = {a["href"] for a in root.select("[data-timer-methods] a")}
    assert links == {f"?methode={m['slug']}" for m in api(site_dir)["methoden"]}
    form = root.select_one("form.ih-timer__pick")
    assert form["method"] == "get" and form.select_one("select[name=methode]") is not None
    assert "style=" not in str(root) and "<script" not in str(root)


def test_example_agenda_page_shows_the_agenda_from_data_with_a_timer_link(site_dir: Path) -> None:
    page = BeautifulSoup((site_dir / "bijlagen/voorbeeldagenda/index.html").read_text(encoding="utf-8"), "lxml")
    rows = page.select("[data-agenda-table] tbody tr")
    assert [r["data-agenda-item"] for r in rows] == [i["sleutel"] for i in AGENDA["onderdelen"]]
    for row, item in zip(rows, AGENDA["onderdelen"]):
        cells = [c.get_text(" ", strip=True) for c in row.select("td")]
        assert item["naam"] in cells[0] and cells[1] == f"{item['minuten']} min"
        assert cells[2] == f"{item['van']}–{item['tot']} min"
    slot = [r for r in rows if "hier komt de gekozen methode" in r.get_text()]
    assert len(slot) == 1
    total = sum(i["minuten"] for i in AGENDA["onderdelen"])
    assert page.select_one("[data-agenda-total]").get_text() == f"{total} min"
    assert page.select_one("a[data-agenda-timer-link]")["href"] == "../../timer/?agenda=voorbeeld"


def test_api_exports_the_agenda_for_the_timer(site_dir: Path) -> None:
    agenda = json.loads((site_dir / "api/agenda.json").read_text(encoding="utf-8"))
    assert agenda["versie"] == 1
    assert [i["sleutel"] for i in agenda["onderdelen"]] == [i["sleutel"] for i in AGENDA["onderdelen"]]
    assert agenda["totaal_minuten"] == sum(i["minuten"] for i in agenda["onderdelen"])
    assert sum(1 for i in agenda["onderdelen"] if i["methode"]) == 1
    assert {"pauze", "evaluatie", "afsluiting"} <= {b["sleutel"] for b in agenda["bouwstenen"]}


def test_bad_agenda_file_stops_the_build_with_a_plain_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data/agenda.yml"
    original = path.read_text(encoding="utf-8")
    # A key that is also a method slug would make shared links ambiguous.
    path.write_text(original.replace("sleutel: pauze", "sleutel: vijfstappenmethode", 1), encoding="utf-8")
    load_fails_plainly(project, "data/agenda.yml", "'vijfstappenmethode'", "slug van een methode")
    # Minutes outside the range the source gives.
    path.write_text(original.replace("minuten: 25\n", "minuten: 45\n", 1), encoding="utf-8")
    load_fails_plainly(project, "data/agenda.yml", "niet tussen")


def test_timer_inputs_and_script_use_the_same_limits(site_dir: Path) -> None:
    """The limits live in macros/limits.py: the inputs show them and data-limits hands them to the script."""
    html = BeautifulSoup((site_dir / "timer/index.html").read_text(encoding="utf-8"), "lxml")
    limits = json.loads(html.select_one("[data-timer]")["data-limits"])
    for field in html.select("#ih-timer-minuten, #ih-timer-fit"):
        assert limits["minuten"] == [int(field["min"]), int(field["max"])], field["id"]
    assert re.fullmatch(limits["sleutel"], "vijfstappenmethode") and not re.fullmatch(limits["sleutel"], "a--b")


def test_one_method_loads_its_own_file_and_not_every_method(page) -> None:
    """Issue 14: a phone that opens the timer for one method downloads 2 KB of it, not all of /api."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url.split("/api/", 1)[-1]))
    open_timer(page, "?methode=vijfstappenmethode")
    assert phase(page) == "Vraag introduceren"
    assert "methods/vijfstappenmethode.json" in requested
    assert "methods.json" not in requested
    # An agenda names several methods: those come from the whole file.
    requested.clear()
    open_timer(page, "?agenda=opening:10,vijfstappenmethode,afsluiting:5")
    assert "methods.json" in requested
