"""/groep/ "Onze groep" (issue 32): the group's year kept in the browser. The example group, its calendar
(.ics parsed with icalendar), the record printed on one A4 page, the group file exported in one browser
and imported in another (also locked), the look-back in the timer and the chooser's "vorige keer
gebruikt", axe in light and dark, and no request leaving the site."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import pytest
from playwright.sync_api import expect

from helpers import axe_violations, new_context

# A Friday in January: the example's cycle runs from November to April, across the change to summer
# time on Sunday 28 March 2027; its last held meeting is Thursday 7 January.
FRIDAY = dt.datetime(2027, 1, 15, 10, 0, 0)
KEY = "intervisie.groep.v1"
ACTIONS = ["Het gesprek voorbereiden met de drie vragen uit de adviesronde",
           "Een voorstel voor de evaluatie van de cyclus rondsturen"]


def open_example(page) -> None:
    page.clock.install(time=FRIDAY)
    page.goto("groep/")
    page.locator("[data-group-example]").click()
    expect(page.locator("[data-group-example-note]")).to_be_visible()


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["data"]


def test_example_group_shows_its_turns_and_last_times_open_actions_and_goes_in_one_step(page, console_errors) -> None:
    open_example(page)
    expect(page.locator("[data-group-members] li")).to_have_count(6)
    expect(page.locator("[data-group-meetings] > li")).to_have_count(6)
    assert page.locator("[data-group-action]").all_inner_texts() == ACTIONS
    expect(page.locator("[data-group-nocase]")).to_contain_text("Nog geen casus ingebracht:")
    expect(page.locator("[data-group-lookback-intro]")).to_have_text("Van de bijeenkomst van donderdag 7 januari 2027.")
    # Turns: the first meeting proposes the first member as facilitator, every proposal can be changed.
    first = page.locator("[data-group-meetings] > li").first
    expect(first.locator("summary")).to_contain_text("donderdag 5 november 2026, 19:00–21:00 · procesbegeleider Anna")
    first.locator("summary").click()
    first.get_by_label("Procesbegeleider").select_option(label="Eva")
    expect(first.locator("summary")).to_contain_text("procesbegeleider Eva")
    page.reload()
    expect(page.locator("[data-group-meetings] > li").first.locator("summary")).to_contain_text("procesbegeleider Eva")

    page.get_by_role("button", name="Voorbeeld verwijderen").click()
    expect(page.locator("[data-group-start]")).to_be_visible()
    expect(page.locator("[data-group-main]")).to_be_hidden()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert console_errors == []


def test_a_ticked_off_action_leaves_the_look_back(page) -> None:
    open_example(page)
    page.locator("[data-group-actions] li").first.get_by_role("checkbox").click()
    assert page.locator("[data-group-action]").all_inner_texts() == ACTIONS[1:]
    assert [a["status"] for a in stored(page)["acties"]] == ["klaar", "open"]


def download_ics(page, tmp_path: Path, name: str) -> icalendar.Calendar:
    with page.expect_download() as info:
        page.locator("[data-group-ics]").click()
    path = tmp_path / name
    info.value.save_as(path)
    raw = path.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), "CRLF line ends only"
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75, "lines folded at 75 octets"
    return icalendar.Calendar.from_ical(raw)


def test_the_calendar_has_every_meeting_once_at_the_same_local_time_and_a_second_download_updates(page, tmp_path: Path) -> None:
    open_example(page)
    cal = download_ics(page, tmp_path, "een.ics")
    events = cal.walk("VEVENT")
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert len(events) == 6
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 6
    starts = [e.decoded("DTSTART") for e in events]
    assert all(s.hour == 19 and s.minute == 0 for s in starts), starts
    assert {s.utcoffset() for s in starts} == {dt.timedelta(hours=1), dt.timedelta(hours=2)}, "winter and summer time"
    assert all(e["DTSTART"].params["TZID"] == "Europe/Amsterdam" for e in events)
    assert str(events[0]["LOCATION"]) == "Vergaderzaal 2"

    # Move the fourth meeting a week on: the same UIDs, that event with its new date and a higher SEQUENCE.
    fourth = page.locator("[data-group-meetings] > li").nth(3)
    fourth.locator("summary").click()
    fourth.get_by_label("Datum").fill("2027-02-11")
    expect(fourth.locator("summary")).to_contain_text("donderdag 11 februari 2027")
    again = download_ics(page, tmp_path, "twee.ics").walk("VEVENT")
    assert sorted(str(e["UID"]) for e in again) == sorted(uids)
    moved = next(e for e in again if str(e["UID"]) == uids[3])
    assert moved.decoded("DTSTART").date() == dt.date(2027, 2, 11)
    assert int(moved["SEQUENCE"]) > int(events[3]["SEQUENCE"])


def export_file(page, tmp_path: Path, passphrase: str = "") -> Path:
    if passphrase:
        page.locator("[data-group-passphrase]").fill(passphrase)
    with page.expect_download() as info:
        page.locator("[data-group-export]").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path


def import_into(browser, base_url: str, path: Path, passphrase: str = "", confirm: bool = True):
    ctx = new_context(browser, base_url)
    page = ctx.new_page()
    page.clock.install(time=FRIDAY)
    page.goto("groep/")
    if passphrase:
        page.locator("[data-group-import-passphrase]").fill(passphrase)
    page.locator("[data-group-import]").set_input_files(str(path))
    if confirm:
        page.locator("[data-group-import-confirm]").click()
    return ctx, page


def test_the_group_file_exported_in_one_browser_gives_the_same_group_in_another(page, browser, base_url: str, tmp_path: Path) -> None:
    open_example(page)
    path = export_file(page, tmp_path)
    assert path.name == "voorbeeldgroep.json"
    original = stored(page)
    ctx, other = import_into(browser, base_url, path)
    try:
        expect(other.locator("[data-group-status]")).to_have_text("Het groepsbestand is ingelezen en samengevoegd.")
        assert stored(other) == original
        assert other.locator("[data-group-action]").all_inner_texts() == ACTIONS
        # Importing the same file again changes nothing and asks nothing.
        other.locator("[data-group-import]").set_input_files(str(path))
        expect(other.locator("[data-group-import-summary]")).to_have_text("In het bestand: 0 nieuw, 0 bijgewerkt.")
    finally:
        ctx.close()


def test_two_edits_of_one_action_are_shown_side_by_side_and_the_chosen_one_stays(page, browser, base_url: str, tmp_path: Path) -> None:
    open_example(page)
    first = export_file(page, tmp_path)
    ctx, other = import_into(browser, base_url, first)
    try:
        # Here the notulist renames the action; there someone ticks it off and adds a member.
        here = page.locator("[data-group-record] [data-key^='act:']").first
        here.fill("Het gesprek voorbereiden, met Bram als oefenpartner")
        here.press("Tab")
        other.locator("[data-group-actions] li").first.get_by_role("checkbox").click()
        other.get_by_label("Nieuw lid").fill("Gijs")
        other.get_by_role("button", name="Voeg toe").first.click()
        theirs = export_file(other, tmp_path)
    finally:
        ctx.close()
    page.locator("[data-group-import]").set_input_files(str(theirs))
    expect(page.locator("[data-group-import-summary]")).to_have_text(re.compile(r"1 nieuw, \d+ bijgewerkt, 1 verschil om te kiezen"))
    conflict = page.locator(".ih-group__conflict")
    expect(conflict).to_contain_text("Zoals het hier staat: Het gesprek voorbereiden, met Bram als oefenpartner")
    expect(conflict).to_contain_text("Zoals het in het bestand staat: Het gesprek voorbereiden met de drie vragen uit de adviesronde")
    conflict.get_by_label(re.compile("Zoals het in het bestand staat")).check()
    page.locator("[data-group-import-confirm]").click()
    expect(page.locator("[data-group-members] li")).to_have_count(7)
    assert page.locator("[data-group-action]").all_inner_texts() == ACTIONS[1:], "the ticked-off version was chosen"


def test_a_locked_file_needs_its_passphrase_and_a_wrong_one_or_a_changed_byte_imports_nothing(page, browser, base_url: str, tmp_path: Path) -> None:
    open_example(page)
    path = export_file(page, tmp_path, passphrase="paard batterij nietje")
    expect(page.locator("[data-group-status]")).to_contain_text("vergrendelde groepsbestand is gedownload")
    text = path.read_text(encoding="utf-8")
    assert "Anna" not in text and "Voorbeeldgroep" not in text
    assert json.loads(text)["iteraties"] >= 600_000
    changed = tmp_path / "veranderd.json"
    locked = json.loads(text)
    locked["inhoud"] = ("B" if locked["inhoud"][10] != "B" else "C").join([locked["inhoud"][:10], locked["inhoud"][11:]])
    changed.write_text(json.dumps(locked), encoding="utf-8")
    ctx = new_context(browser, base_url)
    try:
        other = ctx.new_page()
        other.goto("groep/")
        status = other.locator("[data-group-status]")
        other.locator("[data-group-import]").set_input_files(str(path))
        expect(status).to_have_text("Dit bestand is vergrendeld. Vul de wachtwoordzin in en kies het bestand opnieuw.")
        for passphrase, file in (("paard batterij", path), ("paard batterij nietje", changed)):
            other.locator("[data-group-import]").set_input_files([])
            other.locator("[data-group-import-passphrase]").fill(passphrase)
            other.locator("[data-group-import]").set_input_files(str(file))
            expect(status).to_contain_text("de wachtwoordzin klopt niet, of het bestand is veranderd. Er is niets ingelezen.")
            expect(other.locator("[data-group-import-result]")).to_be_hidden()
            assert other.evaluate(f"localStorage.getItem('{KEY}')") is None
        other.locator("[data-group-import]").set_input_files([])
        other.locator("[data-group-import-passphrase]").fill("paard batterij nietje")
        other.locator("[data-group-import]").set_input_files(str(path))
        other.locator("[data-group-import-confirm]").click()
        expect(other.locator("[data-group-name]")).to_have_text("Voorbeeldgroep")
        assert stored(other) == stored(page)
    finally:
        ctx.close()


def pages_of(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_the_attendance_list_and_report_print_on_one_a4_page(page) -> None:
    open_example(page)
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Presentielijst en verslag afdrukken").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    paper = page.locator("[data-group-paper]")
    expect(paper).to_be_visible()
    expect(page.locator("[data-group-main]")).to_be_hidden()
    expect(page.locator("h1")).to_be_hidden()
    expect(paper).to_contain_text("donderdag 7 januari 2027 · gepland 19:00–21:00 · gehouden 19:00–21:05 (125 minuten)")
    expect(paper).to_contain_text("Methode: Vijfstappenmethode")
    rows = paper.locator("tbody tr")
    expect(rows).to_have_count(6)
    assert [r.split("\t")[0] for r in rows.all_inner_texts()] == ["Anna", "Bram", "Carla", "Daan", "Eva", "Farid"]
    expect(rows.last).to_contain_text("afgemeld")
    expect(paper.locator("thead")).to_contain_text("Handtekening")
    expect(paper).to_contain_text(ACTIONS[0])
    assert pages_of(page.pdf(format="A4")) == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_group_page_has_no_axe_violations(browser, base_url: str, scheme: str) -> None:
    ctx = new_context(browser, base_url, color_scheme=scheme)
    try:
        page = ctx.new_page()
        open_example(page)
        page.locator("[data-group-meetings] summary").first.click()
        # With a shared action plan on show, and the end-of-cycle row in the scores table.
        add_own_plan(page, PLAN)
        page.get_by_label("Mijn actieplan meesturen").check()
        page.get_by_label("Ik ben").select_option(label="Bram")
        with page.expect_download():
            page.locator("[data-group-export]").click()
        expect(page.locator("[data-group-shared]")).to_be_visible()
        form = page.locator("[data-group-eval]")
        form.get_by_label("Bijeenkomst").select_option(label="Einde van de cyclus (terugkijken op het geheel)")
        form.locator("[name='proces.ritme'][value='4']").check()
        form.get_by_role("button", name="Bewaar deze evaluatie").click()
        expect(page.locator("[data-group-chart-table] tbody tr").last).to_contain_text("Einde van de cyclus")
        # From the top, as a reader arrives: scrolled, the sticky header covers whatever passes under it,
        # and axe counts a control half under it as too small a target.
        page.evaluate("window.scrollTo(0, 0)")
        assert axe_violations(page, scheme) == []
    finally:
        ctx.close()


def test_nothing_leaves_the_site_while_a_group_is_made_shared_and_planned(context, base_url: str, tmp_path: Path) -> None:
    own = urlsplit(base_url).netloc
    foreign: list[str] = []
    context.on("request", lambda req: foreign.append(req.url) if urlsplit(req.url).netloc not in (own, "") else None)
    page = context.new_page()
    open_example(page)
    export_file(page, tmp_path, passphrase="geheim genoeg")
    with page.expect_download():
        page.locator("[data-group-ics]").click()
    href = page.locator("[data-group-next-plan]").get_attribute("href")
    for name in ("Anna", "Bram", "Voorbeeld", "gesprek", "Vergaderzaal"):
        assert name not in href
    page.locator("[data-group-next-plan]").click()
    page.wait_for_url(re.compile(r"/timer/\?agenda="))
    page.goto("kiezen/")
    assert foreign == []


def test_the_next_meetings_plan_opens_in_the_timer_with_last_times_open_actions_and_cases(page, console_errors) -> None:
    open_example(page)
    link = page.locator("[data-group-next-plan]")
    assert link.get_attribute("href") == "../timer/?agenda=terugblik,vijfstappenmethode,pauze,evaluatie,afsluiting&start=19:00&groep=6"
    link.click()
    expect(page.locator("[data-timer-phase]")).to_have_text("Terugblik op de vorige keer")
    lookback = page.locator("[data-timer-lookback]")
    expect(lookback).to_be_visible()
    expect(lookback).to_contain_text("Wat is er gebeurd met…?")
    assert page.locator("[data-timer-lookback-list] li").all_inner_texts() == [
        f"{ACTIONS[0]} (Daan)", f"{ACTIONS[1]} (Bram)", "Een lastig gesprek over werkhervatting (Daan)"]
    # Opened afresh (a reload, a bookmark): the timer's page alone, whose look-back comes as a part of its own
    # (group-recent), because this browser keeps a group.
    page.reload()
    expect(lookback).to_be_visible()
    assert page.locator("[data-timer-lookback-list] li").count() == 3
    # The next phase is the method's: the look-back goes.
    page.locator("[data-timer-next]").click()
    expect(lookback).to_be_hidden()
    assert "Daan" not in page.url and "gesprek" not in page.url
    assert console_errors == []


def test_the_timer_shows_no_look_back_without_a_group(page) -> None:
    page.goto("timer/?agenda=terugblik,vijfstappenmethode")
    expect(page.locator("[data-timer-phase]")).to_have_text("Terugblik op de vorige keer")
    expect(page.locator("[data-timer-lookback]")).to_be_hidden()


def test_the_chooser_says_which_methods_the_group_used_recently(page) -> None:
    open_example(page)
    page.goto("kiezen/")
    recent = page.locator(".ih-result__recent")
    expect(recent).to_have_count(1)
    expect(page.locator("li", has=recent).locator("[data-field=link]")).to_have_text("Vijfstappenmethode")
    expect(recent).to_have_text("vorige keer gebruikt")


def test_a_full_storage_says_so_and_deletes_nothing(page) -> None:
    open_example(page)
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    page.evaluate("""() => {
        const real = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
            if (key.startsWith('intervisie.groep')) throw new DOMException('vol', 'QuotaExceededError');
            return real.call(this, key, value);
        };
    }""")
    page.get_by_label("Nieuw lid").fill("Gijs")
    page.get_by_role("button", name="Voeg toe").first.click()
    expect(page.locator("[data-group-status]")).to_contain_text("De opslag van je browser is vol")
    expect(page.locator("[data-group-status]")).to_contain_text("Er is niets gewist")
    expect(page.locator("[data-group-members] li")).to_have_count(7)
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before


def test_two_tabs_keep_each_others_changes(context) -> None:
    first = context.new_page()
    open_example(first)
    second = context.new_page()
    second.clock.install(time=FRIDAY)
    second.goto("groep/")
    expect(second.locator("[data-group-members] li")).to_have_count(6)
    first.get_by_label("Nieuw lid").fill("Gijs")
    first.get_by_role("button", name="Voeg toe").first.click()
    expect(second.locator("[data-group-members] li")).to_have_count(7)
    expect(second.locator("[data-group-status]")).to_have_text("Een ander tabblad heeft de groep bijgewerkt; je ziet nu de nieuwste stand.")
    # A write this tab has not heard of yet (as from another tab whose event is still on its way) stays:
    # a write first reads what is stored and merges.
    second.evaluate(f"""() => {{
        const rec = JSON.parse(localStorage.getItem('{KEY}'));
        rec.data.leden.push({{ id: 'hanna0000001', rev: 'rev000000001', was: [], naam: 'Hanna' }});
        localStorage.setItem('{KEY}', JSON.stringify(rec));
    }}""")
    expect(second.locator("[data-group-members] li")).to_have_count(7)
    second.get_by_label("Nieuw lid").fill("Ilse")
    second.get_by_role("button", name="Voeg toe").first.click()
    expect(second.locator("[data-group-members] li")).to_have_count(9)
    names = [m["naam"] for m in stored(second)["leden"]]
    assert {"Gijs", "Hanna", "Ilse"} <= set(names), names


def evaluate(page, meeting: str, scores: dict[str, int]) -> None:
    """Fill the evaluation form for `meeting` with one level's scores (scale name -> 1..5) and keep it."""
    form = page.locator("[data-group-eval]")
    form.get_by_label("Bijeenkomst").select_option(label=meeting)
    for name, score in scores.items():
        form.locator(f"[name='{name}'][value='{score}']").check()
    form.get_by_role("button", name="Bewaar deze evaluatie").click()
    expect(page.locator("[data-group-status]")).to_have_text("Evaluatie bewaard (1 niveau).")


def test_an_evaluation_adds_its_scores_to_the_chart_and_its_table(page) -> None:
    open_example(page)
    table = page.locator("[data-group-chart-table] tbody tr")
    expect(table).to_have_count(3)
    evaluate(page, "donderdag 4 februari 2027", {"groep.ruimte": 5, "groep.veilig": 4})
    expect(table).to_have_count(4)
    assert table.last.locator("th, td").all_inner_texts() == ["donderdag 4 februari 2027", "–", "4,5", "–"]
    expect(page.locator("[data-group-chart-svg] svg")).to_have_attribute("aria-label", re.compile("4 bijeenkomsten"))


PLAN = "Feedback vragen aan mijn teamleider"


def add_own_plan(page, text: str) -> None:
    form = page.locator("[data-group-plan-add]")
    form.get_by_label("Actie").fill(text)
    form.get_by_role("button", name="Voeg toe").click()
    expect(page.locator("[data-group-plan]")).to_contain_text(text)


def test_an_action_plan_goes_along_only_when_its_member_chooses_and_others_see_it_read_only(page, browser, base_url: str, tmp_path: Path) -> None:
    open_example(page)
    add_own_plan(page, PLAN)
    share = page.get_by_label("Mijn actieplan meesturen")
    expect(share).not_to_be_checked()
    plain = export_file(page, tmp_path)
    assert PLAN not in plain.read_text(encoding="utf-8"), "not shared by default"
    assert json.loads(plain.read_text(encoding="utf-8"))["actieplannen"] == []

    # Ticked without saying who you are: nothing is downloaded, the page asks.
    share.check()
    page.locator("[data-group-export]").click()
    expect(page.locator("[data-group-status]")).to_have_text("Kies eerst wie je bent, dan kan je actieplan onder je naam mee.")
    page.get_by_label("Ik ben").select_option(label="Bram")
    shared = export_file(page, tmp_path)
    plans = json.loads(shared.read_text(encoding="utf-8"))["actieplannen"]
    bram = next(m["id"] for m in stored(page)["leden"] if m["naam"] == "Bram")
    assert [(p["lid"], [a["tekst"] for a in p["acties"]]) for p in plans] == [(bram, [PLAN])]

    ctx = new_context(browser, base_url)
    try:
        other = ctx.new_page()
        other.clock.install(time=FRIDAY)
        other.goto("groep/")
        # This browser's own plan, from before it had the group (the plan's form shows with a group only).
        other.evaluate("""() => localStorage.setItem('intervisie.groep.v1.eigen', JSON.stringify(
            { v: 1, data: { plan: [{ tekst: 'Mijn eigen actie', wanneer: '', feedback: '', klaar: false }] } }))""")
        other.reload()
        other.locator("[data-group-import]").set_input_files(str(shared))
        other.locator("[data-group-import-confirm]").click()
        section = other.locator("[data-group-shared]")
        expect(section).to_be_visible()
        expect(section.locator("h5")).to_have_text(["Bram"])
        expect(section.locator("li")).to_have_text([PLAN])
        expect(section.locator("input, textarea, select, button")).to_have_count(0)
        assert other.locator("[data-group-plan] li").all_inner_texts() == ["Mijn eigen actie"], "the own plan stays as it was"
        expect(other.get_by_label("Mijn actieplan meesturen")).not_to_be_checked()
    finally:
        ctx.close()

    # Unticked again: the next file takes the plan back out, for everyone who reads it.
    expect(share).to_be_checked()
    share.uncheck()
    back = export_file(page, tmp_path)
    assert [p.get("weg") for p in json.loads(back.read_text(encoding="utf-8"))["actieplannen"]] == [True]
    expect(page.locator("[data-group-shared]")).to_be_hidden()


CONTRACT = {
    "Wat willen we leren?": "Beter doorvragen voordat we advies geven.",
    "Aanwezigheid": "We komen alle zes de keren; wie niet kan, meldt zich een week vooraf af.",
    "Vertrouwelijkheid": "Wat hier besproken wordt, blijft in deze kamer.",
}


def print_contract(page) -> None:
    contract = page.locator("[data-group-contract]")
    for label, text in CONTRACT.items():
        area = contract.get_by_label(label)
        area.fill(text)
        area.press("Tab")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="Verwachtingen en contract afdrukken").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")


def test_the_expectations_and_contract_print_on_one_a4_page_with_room_to_write_and_sign(page) -> None:
    open_example(page)
    print_contract(page)
    paper = page.locator("[data-group-paper]")
    expect(paper).to_be_visible()
    expect(page.locator("[data-group-main]")).to_be_hidden()
    expect(paper.locator("h2")).to_have_text("Verwachtingen en groepscontract: Voorbeeldgroep")
    for label, text in CONTRACT.items():
        expect(paper).to_contain_text(label)
        expect(paper).to_contain_text(text)
    # Every question is on the sheet, the empty ones with room to write by hand rather than a stray dot.
    expect(paper.locator("[data-paper-question]")).to_have_count(8)
    expect(paper.locator("[data-paper-question] .ih-group__write")).to_have_count(5)
    assert "…" not in paper.inner_text()
    # A contract is agreed by everyone: a line per member to sign.
    rows = paper.locator("table tbody tr")
    expect(rows).to_have_count(6)
    assert [r.split("\t")[0] for r in rows.all_inner_texts()] == ["Anna", "Bram", "Carla", "Daan", "Eva", "Farid"]
    pdf = page.pdf(format="A4")
    assert pages_of(pdf) == 1


def test_a_meeting_can_have_two_case_bringers_proposed_in_turn(page) -> None:
    open_example(page)
    meeting = page.locator("[data-group-meetings] > li").nth(4)
    summary = meeting.locator("summary")
    expect(summary).to_contain_text(re.compile(r"casus [A-Z][a-z]+, notulist"))
    summary.click()
    count = meeting.get_by_label("Aantal casussen")
    expect(count).to_have_value("1")
    count.fill("2")
    count.press("Tab")
    expect(summary).to_contain_text(re.compile(r"casus [A-Z][a-z]+ en [A-Z][a-z]+, notulist"))
    assert [m["aantal_casussen"] for m in stored(page)["bijeenkomsten"]][4] == 2


def test_the_end_of_the_cycle_has_its_own_evaluation_beside_the_meetings(page) -> None:
    open_example(page)
    evaluate(page, "Einde van de cyclus (terugkijken op het geheel)", {"proces.ritme": 4, "proces.methode": 3})
    rows = page.locator("[data-group-chart-table] tbody tr")
    expect(rows).to_have_count(4)
    assert rows.last.locator("th, td").all_inner_texts() == ["Einde van de cyclus", "–", "–", "3,5"]
    # The chart stays a line over the meetings; the cycle as a whole is a row of the table.
    expect(page.locator("[data-group-chart-svg] svg")).to_have_attribute("aria-label", re.compile("3 bijeenkomsten"))
