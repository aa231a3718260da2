"""Links say what they do (issue 31): a follow link from another version of the handbook is refused in
plain Dutch instead of opening another session, impossible numbers get a note instead of a running
clock, every parameter that is left out or corrected is named, and no plan has more rounds than people.

Every test reads what a user sees: the page's note, the clock, the programme."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from test_timer import T0, open_timer
from test_timer_follow import to36

NOTE = "[data-timer-note]"
TIMER = "[role=timer]"
LONG = ["opening:10", "vijfstappenmethode:45", "pauze:15", "snelle-adviesronde:40", "roddelmethode:30",
        "terugblik:5", "evaluatie:10", "afsluiting:5"]


def fnv(text: str) -> str:
    """The version of a compact link as lib/follow.js makes it: FNV-1a 32, seven base-36 digits."""
    h = 0x811C9DC5
    for ch in text:
        h ^= ord(ch)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return to36(h).rjust(7, "0")


def key_table(site_dir: Path, rename: tuple[str, str] | None = None) -> list[str]:
    """Every method slug and agenda key, sorted: what a compact link counts in. `rename` gives the table
    as it was before a deploy that renamed one method (its old name in place of the new)."""
    methods = json.loads((site_dir / "api/methods.json").read_text(encoding="utf-8"))["methoden"]
    agenda = json.loads((site_dir / "api/agenda.json").read_text(encoding="utf-8"))
    keys = {m["slug"] for m in methods} | {b["sleutel"] for b in agenda["onderdelen"] + agenda["bouwstenen"]}
    if rename:
        keys = (keys - {rename[0]}) | {rename[1]}
    return sorted(keys)


def places(items: list[str], table: list[str]) -> str:
    out = []
    for item in items:
        key, _, minutes = item.partition(":")
        out.append(to36(table.index(key)) + (f":{to36(int(minutes))}" if minutes else ""))
    return ".".join(out)


def stamp(at: dt.datetime) -> str:
    return to36(int(at.timestamp()))


def expect_refused(page, *words: str) -> None:
    """The follower names the problem and runs no clock."""
    note = page.locator(NOTE)
    expect(note).to_be_visible()
    for word in words:
        expect(note).to_contain_text(word)
    expect(page.locator("[data-timer-level]")).not_to_contain_text("Loopt")
    assert not page.locator(TIMER).is_visible() or page.locator(TIMER).inner_text() in ("", "–:––")


def test_a_compact_link_made_before_a_deploy_that_renames_a_method_never_opens_another_session(
    page, site_dir: Path, console_errors: list[str]
) -> None:
    # Before the deploy the method was called "aaa-methode": every key after it sat one place further on.
    # The method renamed is the last key of the table and none the link uses, so the link's keys all moved.
    used = {item.partition(":")[0] for item in LONG}
    moved = next(s for s in reversed(key_table(site_dir)) if s not in used)
    before = key_table(site_dir, rename=(moved, "aaa-methode"))
    assert len(before) == len(key_table(site_dir)), "a rename keeps the length: the old check let it through"
    # The former format (the table's length in front), as a phone scanned it before the deploy.
    old = f"kort={to36(len(before))}~{places(LONG, before)}&minuten=160&volg=1.{stamp(T0)}.3c.0"
    open_timer(page, f"?{old}", runs=False)
    expect_refused(page, "eerdere versie", "Scan de code opnieuw")
    # The current format, made before the deploy: its version does not match what this site expands.
    version = fnv(",".join(LONG))
    new = f"kort={version}~{places(LONG, before)}&minuten=160&volg=1.{stamp(T0)}.3c.0"
    open_timer(page, f"?{new}", runs=False)
    expect_refused(page, "andere versie", "geen andere sessie")
    # The same link made from this site's own table opens, at the phase it names.
    now = key_table(site_dir)
    same = f"kort={version}~{places(LONG, now)}&minuten=160&volg=1.{stamp(T0)}.3c.0"
    open_timer(page, f"?{same}")
    expect(page.locator("[data-timer-context]")).to_contain_text("Fase 2 van")
    expect(page.locator(NOTE)).to_be_hidden()
    assert console_errors == []


def test_impossible_numbers_in_a_follow_link_are_named_instead_of_counted(page, console_errors: list[str]) -> None:
    method = "?methode=vijfstappenmethode"  # five phases
    at = T0 + dt.timedelta(seconds=1)
    cases = [
        # The two screens of the issue: "604661:50:33 Loopt" and "+499070:19:31".
        (f"{method}&volg=1.{stamp(at)}.0.zzzzzz", ["langer"]),
        (f"{method}&volg=1.0.0.0", ["1970", "geleden"]),
        (f"{method}&volg=7.{stamp(at)}.0.0", ["fase 8", "5 fasen"]),
        (f"{method}&volg=1.{stamp(at)}.zzzzzz.0", ["minuten", "zo lang duurt geen sessie"]),
        (f"{method}&volg=1.{stamp(at)}.0.-zz", ["korter"]),
        (f"{method}&volg=1.{stamp(at - dt.timedelta(days=3))}.0.0", ["geleden"]),
        (f"{method}&volg=1.{stamp(at + dt.timedelta(days=300))}.0.0", ["vooruit"]),
    ]
    for query, words in cases:
        open_timer(page, query, runs=False)
        expect_refused(page, *words)
    # A possible state still runs.
    open_timer(page, f"{method}&volg=1.{stamp(at)}.3c.0")
    expect(page.locator("[data-timer-level]")).to_contain_text("Loopt")
    assert console_errors == []


def test_an_agenda_link_keeps_its_good_items_and_names_the_others(page, console_errors: list[str]) -> None:
    open_timer(page, "?agenda=Opening,pauze,")
    expect(page.locator(NOTE)).to_contain_text("„Opening” in de agenda is gelezen als „opening”")
    expect(page.locator(NOTE)).to_contain_text("een leeg onderdeel")  # the trailing comma
    expect(page.locator("[data-timer-programme] > li")).to_have_count(2)
    open_timer(page, "?agenda=opening,onbekend_x,pauze")
    expect(page.locator(NOTE)).to_contain_text("„onbekend_x”")
    expect(page.locator(NOTE)).not_to_contain_text("niet te lezen")
    open_timer(page, "?agenda=" + ",".join(["pauze"] * 20 + ["opening"]))
    expect(page.locator(NOTE)).to_contain_text("„opening”")
    expect(page.locator(NOTE)).to_contain_text("weggelaten")
    open_timer(page, "?kort=1z141z4~1.2", runs=False)
    expect(page.locator(NOTE)).to_contain_text("kort=„1z141z4~1.2”")
    assert console_errors == []


def test_never_more_topics_than_people(page, console_errors: list[str]) -> None:
    open_timer(page, "?methode=snelle-adviesronde&rondes=12&groep=2")
    expect(page.locator(NOTE)).to_contain_text("Met 2 deelnemers zijn er hoogstens 2 onderwerpen")
    expect(page.locator(NOTE)).to_contain_text("in plaats van 12")
    assert "onderwerp 3" not in page.locator("[data-timer-programme]").inner_text()
    open_timer(page, "?methode=snelle-adviesronde&minuten=180&groep=2")
    expect(page.locator(NOTE)).to_be_visible()
    expect(page.locator(NOTE)).not_to_contain_text("6 onderwerpen")
    assert console_errors == []


def test_bad_cards_short_and_round_values_are_named(page, console_errors: list[str]) -> None:
    page.goto("kaarten/?kort=zz&ronde=!!")
    page.locator("[data-cards]:not([aria-busy]) [data-cards-app]:not([hidden])").wait_for()
    note = page.locator("[data-card-note]")
    expect(note).to_contain_text("kort=„zz”")
    expect(note).to_contain_text("„!!” is geen gedeelde ronde")
    assert console_errors == []


def hostile_link_corpus() -> dict[str, list[str]]:
    """A corpus beyond the issue's cases, per class of what a link carries (53 addresses)."""
    s = stamp(T0 + dt.timedelta(seconds=1))
    m = "?methode=vijfstappenmethode"
    return {
        "follow state": [f"{m}&volg={v}" for v in [
            f"0.{s}.0.0", f"4.{s}.0.0", f"5.{s}.0.0.p", f"999.{s}.0.0", f"-1.{s}.0.0", f"1.{s}.0.0.x", "1..0.0",
            f"1.{s}.0", f"1.{s}.0.-zzzzzz", "1.zzzzzzzz.0.0", f"01.{s}.0.0", f"1.{s}.0.0&volg=3.{s}.0.0",
            f"1.{s.upper()}.0.0", f"1.{s}.0.0%00", f"1.{s}.+1.0", "1.1e9.0.0",
        ]],
        "compact agenda": [f"?kort={k}&volg=0.{s}.0.0" for k in [
            "", "~", "zzzzzzz~", "zzzzzzz~0", "0000000~0.0.0", "1z141z4~zzzz", "abc~1:2", "__proto__",
            "zzzzzzz~1_" + "_1" * 40, "zzzzzzz~" + ".".join(["1"] * 41), "a~" + "1." * 50 + "1",
        ]],
        "agenda": [f"?agenda={a}" for a in [
            ",", ",,,opening", "OPENING", "opening:", "opening:00010", "opening:-5", "opening_0", "opening_1.1.1",
            "vijfstappenmethode_99", "vijfstappenmethode_1.2.3.4.5", "opening%2Cpauze", "opening;pauze",
            "a" * 61, "voorbeeld,voorbeeld", "vijfstappenmethode,roddelmethode,balintmethode",
        ]],
        "numbers": [f"{m}&{q}" for q in [
            "rondes=0", "rondes=13", "rondes=2&groep=1", "groep=2&rondes=3", "groep=31", "minuten=1",
            "minuten=600", "minuten=601&rondes=12&groep=30", "start=24:00", "start=7:5", "groep=2.5",
        ]],
    }


# One test per class, so that the two test workers share the corpus's 53 page loads.
@pytest.mark.parametrize("kind", ["follow state", "compact agenda", "agenda", "numbers"])
def test_hostile_link_corpus_never_runs_an_impossible_clock(page, console_errors: list[str], kind: str) -> None:
    """Each address either runs a sane session or says why not."""
    queries = hostile_link_corpus()[kind]
    gave: dict[str, int] = {}
    for query in queries:
        open_timer(page, query, runs=False)
        page.locator("[data-timer][data-timer-shown]").wait_for(state="attached")
        shown = page.locator(TIMER).is_visible()
        text = page.locator(TIMER).inner_text() if shown else ""
        note = page.locator(NOTE).inner_text() if page.locator(NOTE).is_visible() else ""
        if shown and text not in ("", "–:––"):
            # A clock that runs is within one session: at most ten hours and some minutes, either way.
            hours = int(text.lstrip("+").split(":")[0]) if text.count(":") == 2 else 0
            assert hours <= 12, (kind, query, text)
            outcome = "runs, with a note" if note else "runs"
        else:
            assert note or page.locator("[data-timer-choose]").is_visible(), (kind, query)
            outcome = "no clock, a note" if note else "the choice"
        gave[outcome] = gave.get(outcome, 0) + 1
    assert sum(gave.values()) == len(queries)
    print(f"\nhostile link corpus, {kind}: {len(queries)} addresses", json.dumps(gave, ensure_ascii=False))
    assert console_errors == []


def test_the_hostile_link_corpus_keeps_its_size() -> None:
    assert {kind: len(q) for kind, q in hostile_link_corpus().items()} == {
        "follow state": 16, "compact agenda": 11, "agenda": 15, "numbers": 11}


def test_the_planner_keeps_the_group_and_caps_the_rounds(page, console_errors: list[str]) -> None:
    open_timer(page, "?agenda=opening,snelle-adviesronde&rondes=12&groep=2&bewerk=1", runs=False)
    start = page.locator("[data-timer-builder-start]")
    expect(start).to_have_attribute("href", re.compile(r"groep=2"))
    page.locator("[data-timer-rounds]").fill("5")
    page.locator("[data-timer-rounds]").dispatch_event("change")
    expect(page.locator("[data-timer-builder-report]")).to_contain_text("Met 2 deelnemers")
    start.click()
    expect(page.locator("[data-timer-run]")).to_be_visible()
    assert "onderwerp 3" not in page.locator("[data-timer-programme]").inner_text()
    assert console_errors == []
