"""Content a careful reader can trust: rounds marked in the data and shown as such, statements
that are ours marked as ours, facts that match the sources, and Dutch that reads well."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from helpers import ROOT, copy_project, load_fails_plainly

ROUNDS = "snelle-adviesronde"
ROUNDS_FILE = f"data/methods/{ROUNDS}.yml"
METHODS = sorted((ROOT / "data/methods").glob("*.yml"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def text_of(node) -> str:  # noqa: ANN001
    return " ".join(node.get_text(" ").split())


def article(site_dir: Path, page: str) -> BeautifulSoup:
    return soup(site_dir / page / "index.html").select_one("article")


# --- rounds: once-only steps plus steps per topic ------------------------------------------------


def _round_minutes(slug: str) -> tuple[int, int]:
    """(once, per topic) from the method's own file: the steps marked per_ronde repeat for each topic."""
    steps = _method(slug)["stappen"]
    return (sum(s["minuten"] for s in steps if not s.get("per_ronde")),
            sum(s["minuten"] for s in steps if s.get("per_ronde")))


def test_api_carries_the_once_only_and_per_round_minutes(site_dir: Path) -> None:
    methods = {m["slug"]: m for m in json.loads((site_dir / "api/methods.json").read_text(encoding="utf-8"))["methoden"]}
    rounds = methods[ROUNDS]
    assert rounds["tijd"]["per_onderwerp"] is True
    assert [s["per_ronde"] for s in rounds["stappen"]] == [bool(s.get("per_ronde")) for s in _method(ROUNDS)["stappen"]]
    assert any(s["per_ronde"] for s in rounds["stappen"]) and not all(s["per_ronde"] for s in rounds["stappen"])
    assert (rounds["minuten_eenmalig"], rounds["minuten_per_ronde"]) == _round_minutes(ROUNDS)
    plain = methods["vijfstappenmethode"]
    assert (plain["minuten_eenmalig"], plain["minuten_per_ronde"]) == (plain["totaal_minuten"], 0)


def test_the_length_of_a_method_with_rounds_reads_once_plus_per_topic(site_dir: Path) -> None:
    once, per = _round_minutes(ROUNDS)
    length = f"{once} min + {per} per onderwerp"
    page = article(site_dir, f"methoden/{ROUNDS}")
    assert text_of(page.select_one("[data-total-minutes]")) == length
    assert length in text_of(page.select_one(".ih-timebar__caption"))
    note = text_of(page)
    assert (f"Eén onderwerp kost dus {once + per} min, twee {once + 2 * per} min en drie {once + 3 * per} min"
            in note)
    # The source's 15 minutes are the time of one round, not a total that disagrees with the steps.
    assert not [t for t in page.select(".admonition-title") if "De bron noemt" in t.get_text()]
    row = next(tr for tr in article(site_dir, "methoden").select("tr") if "Snelle adviesronde" in tr.get_text())
    assert length in text_of(row)
    assert f"{once + per} min" not in text_of(row)
    timer = article(site_dir, "timer")
    row = timer.select_one(f'[data-timer-method="{ROUNDS}"]')
    assert length in text_of(row)
    option = timer.select_one(f'option[value="{ROUNDS}"]')
    assert option is None or length in text_of(option)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("  per_onderwerp: true\n", "", ["'tijd'", "stap 2 heeft 'per_ronde: true'", "per_onderwerp"]),
        ("    per_ronde: true\n", "", ["'tijd'", "per_onderwerp is true", "geen enkele stap"]),
    ],
    ids=["per_ronde_without_per_onderwerp", "per_onderwerp_without_per_ronde"],
)
def test_rounds_must_be_marked_both_ways(tmp_path: Path, old: str, new: str, expected: list[str]) -> None:
    project = copy_project(tmp_path / "project")
    path = project / ROUNDS_FILE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    load_fails_plainly(project, ROUNDS_FILE, *expected)


# --- facts from the sources, our own judgments marked as ours -------------------------------------


def _method(slug: str) -> dict:
    return yaml.safe_load((ROOT / f"data/methods/{slug}.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", METHODS, ids=lambda p: p.stem)
def test_every_method_says_its_level_is_our_choice(path: Path) -> None:
    # No source gives a level, so the Verantwoording page must say it is ours.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert any(f"niveau ({data['niveau']})" in item.lower() or "niveau" in item.lower() for item in data["redactie"])


@pytest.mark.parametrize("path", METHODS, ids=lambda p: p.stem)
def test_every_method_justifies_its_level_once(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    about_level = [item for item in data["redactie"]
                   if "niveau" in item.lower() or "groep met enige ervaring" in item.lower()]
    assert len(about_level) == 1, about_level


NUMBER_WORDS = {1: "één", 2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht", 9: "negen"}


def test_the_methods_chapter_counts_the_sources_the_methods_come_from(site_dir: Path) -> None:
    used = {credit["document"] for path in METHODS for credit in yaml.safe_load(path.read_text(encoding="utf-8"))["bronnen"]}
    sources = yaml.safe_load((ROOT / "data/sources.yml").read_text(encoding="utf-8"))
    # Today four of five: begeleide intervisie describes no method.
    counted = (f"uit alle {NUMBER_WORDS[len(sources)]} bronnen" if used == set(sources)
               else f"uit {NUMBER_WORDS[len(used)]} van de {NUMBER_WORDS[len(sources)]} bronnen")
    assert counted in text_of(article(site_dir, "handboek/methodieken"))


def test_suggested_minutes_follow_the_phases_of_the_handbook() -> None:
    phases = {p["naam"]: p["minuten"] for p in yaml.safe_load((ROOT / "data/phases.yml").read_text(encoding="utf-8"))["fasen"]}
    reflection, questions = phases["Reflectie en feedback"], phases["Verhelderende vragen"]
    steps = {s["naam"]: s["minuten"] for s in _method("creatieve-technieken")["stappen"]}
    assert reflection["van"] <= steps["Verbeelden"] + steps["Beelden bespreken"] <= reflection["tot"]
    steps = {s["naam"]: s["minuten"] for s in _method("zevenstappenmethode")["stappen"]}
    assert questions["van"] <= steps["Beeldvorming"] <= questions["tot"]
    assert reflection["van"] <= steps["Oordeelsvorming"] + steps["Roddelronde"] <= reflection["tot"]


def test_the_roles_rule_names_the_roles_of_its_source(site_dir: Path) -> None:
    rule = next(li for li in article(site_dir, "handboek/spelregels").select("li") if "elke rol" in li.get_text())
    assert all(role in text_of(rule) for role in ("notulist", "casusinbrenger", "deelnemer"))
    assert "vragensteller" not in text_of(rule)


def test_the_basismodel_is_explained_against_the_length_of_a_session(site_dir: Path) -> None:
    steps = _method("basismodel")["stappen"]
    total, core = sum(s["minuten"] for s in steps), sum(s["minuten"] for s in steps if not s.get("optioneel"))
    for page in ("handboek/uitvoering", "handboek/organisatie"):
        text = text_of(article(site_dir, page))
        assert f"{total} minuten" in text and f"{core} minuten" in text, page
    assert "1,5 tot 2 uur" in text_of(article(site_dir, "handboek/uitvoering"))


# --- words a reader trusts ------------------------------------------------------------------------

WRONG = ["hier in staat", "open staat voor", "tijd te sparen", "nieuwe kijkjes", "gesprek dieper te maken",
         "Zelfde opbouw", "Zelfde werkwijze", "in hetzelfde vastloopt", "verloren gegaan", "met de minuten uit het handboek",
         "Lidwien Kamp", "Made with",
         # issue 34, second reading
         "ongemakkelijk voelen", "net zolang", "iets dat niet", "nieuwe blikken", "in een kringetje",
         "vast patroon schiet", "een vijfde van de tijd", "van hoe laat", "Methoden laden", "Met een groepsgrootte",
         "De namen van de rollen", "Na een paar sessies", "ook buiten de sessies", "als hij ingewikkeld",
         "gevoelens komen later", "Passend maken op"]

# The same slips in the widgets' messages, which only a script shows.
WRONG_IN_SCRIPTS = ["werkt zonder adviezen", "(gewoon ", "op alfabet", "Passend gemaakt"]


def test_no_page_uses_the_corrected_wordings_or_the_printed_chapter_numbers(site_dir: Path) -> None:
    found = []
    for path in sorted(site_dir.rglob("index.html")):
        page = soup(path)
        text = text_of(page.select_one("article")) + " " + text_of(page.select_one("footer"))
        where = path.relative_to(site_dir).as_posix()
        found += [f"{where}: {w!r}" for w in WRONG if w in text]
        # 'Hoofdstuk 3 van 10' is the site's own numbering; 'hoofdstuk 5 van de bron' cites the source.
        found += [f"{where}: {m.group(0)!r}" for m in re.finditer(r"hoofdstuk \d+\b(?! van)", text, re.IGNORECASE)]
    assert not found, "\n".join(found)


def test_no_widget_message_uses_the_corrected_wordings(site_dir: Path) -> None:
    found = [f"{path.relative_to(site_dir).as_posix()}: {w!r}" for path in sorted(site_dir.rglob("*.js"))
             for w in WRONG_IN_SCRIPTS if w in path.read_text(encoding="utf-8")]
    assert not found, "\n".join(found)


def test_the_footer_credits_the_theme_in_dutch(site_dir: Path) -> None:
    footer = text_of(soup(site_dir / "index.html").select_one("footer"))
    assert "Gemaakt met Material for MkDocs" in footer


# --- roles: only the roles of the sources, where the sources give them ----------------------------

ROLES = yaml.safe_load((ROOT / "data/roles.yml").read_text(encoding="utf-8"))


def test_the_printed_plan_names_only_roles_of_the_roles_appendix(site_dir: Path) -> None:
    # 000 appendix 1 has no timekeeper: the procesbegeleider keeps the time.
    timer = article(site_dir, "timer")
    keys = [el["data-sheet-role"] for el in timer.select("[data-sheet-role]")]
    assert keys and set(keys) <= set(ROLES), keys
    labels = [text_of(label) for label in timer.select(".ih-sheet__roles label")]
    assert labels == [ROLES[key]["naam"] for key in keys]
    # The script keeps the names per role: the same keys, none other.
    script = (ROOT / "docs/assets/javascripts/timer/sheet.js").read_text(encoding="utf-8")
    listed = re.search(r"const ROLES = \[([^\]]*)\]", script)
    assert listed and re.findall(r'"([a-z]+)"', listed.group(1)) == keys
    privacy = text_of(article(site_dir, "privacy"))
    named = re.search(r"rollen op het sessieplan in de timer typt \(([^)]*)\)", privacy)
    assert named and [n.strip() for n in named.group(1).split(",")] == keys


def test_no_page_names_a_timekeeper(site_dir: Path) -> None:
    found = [path.relative_to(site_dir).as_posix() for path in sorted(site_dir.rglob("*.html"))
             if "tijdbewaker" in path.read_text(encoding="utf-8").lower()]
    assert not found, found


def test_a_method_without_questions_lists_no_questioner(site_dir: Path) -> None:
    # 001 #3 has only advice rounds, and the page says there is no time for questions.
    assert "vragensteller" not in _method(ROUNDS)["rollen"]
    page = text_of(article(site_dir, f"methoden/{ROUNDS}"))
    assert "Vragensteller" not in page, page


def test_the_balint_steps_name_no_procesbegeleider_before_one_is_chosen() -> None:
    # 001 #14 chooses the one who leads the talk in its step 4 (our step 3); steps before it have none.
    steps = _method("balintmethode")["stappen"]
    chosen = next(i for i, s in enumerate(steps) if "procesbegeleider" in s["naam"].lower())
    early = [s["naam"] for s in steps[:chosen] if "procesbegeleider" in (s["wat"] + s.get("wie", "")).lower()]
    assert not early, early


# --- the Zevenstappenmethode: one choice, then steps 2-7 per case ---------------------------------

SEVEN = "zevenstappenmethode"


def test_the_zevenstappenmethode_does_steps_two_to_seven_per_case() -> None:
    # 002: the first step settles which case comes first and which second; the rest is done per case.
    steps = _method(SEVEN)["stappen"]
    assert steps[0].get("kiest_casus") and not steps[0].get("per_ronde")
    assert all(s.get("per_ronde") for s in steps[1:]), [s["naam"] for s in steps[1:] if not s.get("per_ronde")]
    assert _method(SEVEN)["tijd"]["per_onderwerp"] is True


def test_the_timer_plans_the_second_case_of_the_zevenstappenmethode(page) -> None:  # noqa: ANN001
    page.goto(f"timer/?methode={SEVEN}&rondes=2")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    shown = page.locator("[data-timer-programme] > li").evaluate_all(
        """items => items.map(li => [li.querySelector("strong").textContent,
                                     (li.querySelector(".ih-timer__round") || {}).textContent || ""])""")
    names = [name for name, _ in shown]
    steps = _method(SEVEN)["stappen"]
    assert names.count(steps[0]["naam"]) == 1, "the cases are chosen once, for the whole evening"
    for step in steps[1:]:
        assert names.count(step["naam"]) == 2, step["naam"]
    assert {label for _, label in shown} >= {"(onderwerp 1)", "(onderwerp 2)"}
    once, per = _round_minutes(SEVEN)
    assert sum(page.locator("[data-timer-programme] > li").evaluate_all(
        "items => items.map(li => Number(li.dataset.planMinutes))")) == once + 2 * per


# --- what is ours is marked as ours where a reader meets it ---------------------------------------


def _marked_ours(site_dir: Path, slug: str) -> dict[str, bool]:
    """Per h2 of a method page: whether the paragraph right under it says the part is ours."""
    page = article(site_dir, f"methoden/{slug}")
    marks = {}
    for h2 in page.select("h2"):
        first = h2.find_next_sibling()
        marks[text_of(h2).rstrip(" ¶")] = bool(first and first.name == "p" and "onze aanvulling" in text_of(first).lower())
    return marks


def test_parts_the_schatkist_does_not_give_are_marked_ours_on_the_method_page(site_dir: Path) -> None:
    marks = _marked_ours(site_dir, "vissenkom")
    for part in ("Wanneer gebruik je deze methode?", "Voorbeeldvragen", "Materialen", "Opmerkingen"):
        assert marks[part], part
    assert not marks["Doel"] and not marks["Verloop"]
    seven = _marked_ours(site_dir, SEVEN)
    assert seven["Voorbeeldvragen"] and not seven["Wanneer gebruik je deze methode?"]
    assert not _marked_ours(site_dir, "incidentenmethode")["Voorbeeldvragen"]
    assert _marked_ours(site_dir, "basismodel")["Voorbeeldvragen"], "the Basismodel's questions are partly ours"
    head = article(site_dir, "methoden/vissenkom").select_one(".ih-facts")
    assert "Soort casus (onze indeling)" in text_of(head) and "Niveau (onze keuze)" in text_of(head)
