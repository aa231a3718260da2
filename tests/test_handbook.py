"""The handbook as a reader gets it: chapters from data/handbook.yml in the navigation, the table of contents
and the previous/next links; every rule, phase and list entry of data/ on its page; a change in data shows up
on every page that uses it; bad input stops the build with a plain message; the glossary as tooltips and as a page.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import ROOT, build_fails_plainly, copy_project, load_fails_plainly, run_build

DATA = ROOT / "data"


def load(name: str) -> dict:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


CHAPTERS = load("handbook.yml")["hoofdstukken"]
RULES = [rule for group in load("rules.yml")["groepen"] for rule in group["regels"]]
PHASES = load("phases.yml")["fasen"]
LISTS = load("handbook_lists.yml")
PRACTICAL = load("practical.yml")
SOURCES = load("sources.yml")


@functools.lru_cache(maxsize=None)
def soup(path: Path) -> BeautifulSoup:
    """Parsed once per file: many tests read the same pages (read-only)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def page(site: Path, url: str) -> BeautifulSoup:
    return soup(site / url / "index.html")


def flat(text: str) -> str:
    """Text as a reader sees it: one space between words, whatever the HTML around them."""
    return re.sub(r"\s+", " ", text).strip()


def text_of(node) -> str:  # noqa: ANN001 - a bs4 Tag
    return flat(node.get_text(""))


def article(site: Path, url: str) -> BeautifulSoup:
    return page(site, url).select_one("article")


def handbook_nav(html: BeautifulSoup) -> list[tuple[str, str]]:
    """(title, href) of the chapters under 'Handboek' in the primary navigation."""
    nav = html.select_one("nav.md-nav--primary")
    for item in nav.select("li.md-nav__item--nested"):
        if flat(item.get_text(" ")).startswith("Handboek"):
            links = item.select("nav a.md-nav__link[href]")
            return [(flat(a.get_text(" ")), a["href"]) for a in links if not a["href"].startswith(("#", "./"))]
    raise AssertionError("no 'Handboek' section in the navigation")


# --- chapters -------------------------------------------------------------------------------------


def test_every_chapter_is_in_the_navigation_in_data_order(site_dir: Path) -> None:
    entries = handbook_nav(page(site_dir, "handboek"))
    chapters = entries
    assert [title for title, _ in chapters] == [c["titel"] for c in CHAPTERS]
    assert [href.rstrip("/").split("/")[-1] for _, href in chapters] == [c["slug"] for c in CHAPTERS]


@pytest.mark.parametrize("number,chapter", list(enumerate(CHAPTERS, start=1)), ids=[c["slug"] for c in CHAPTERS])
def test_chapter_page_shows_title_description_and_content(site_dir: Path, number: int, chapter: dict) -> None:
    html = page(site_dir, f"handboek/{chapter['slug']}")
    body = html.select_one("article")
    assert flat(body.h1.get_text("")).rstrip("¶") == chapter["titel"]
    assert text_of(body.select_one(".ih-kicker")) == f"Hoofdstuk {number} van {len(CHAPTERS)}"
    assert text_of(body.select_one("p.ih-lead")) == chapter["beschrijving"]
    assert len(body.select("h2")) >= 2, "a chapter has sections"
    assert "{{" not in body.get_text() and "{%" not in body.get_text(), "a macro was not rendered"
    assert html.title.get_text().startswith(chapter["titel"])


def test_table_of_contents_lists_every_chapter_with_its_description(site_dir: Path) -> None:
    toc = article(site_dir, "handboek").select_one("[data-handbook-toc] ol")
    items = toc.find_all("li", recursive=False)
    assert [text_of(li.a) for li in items] == [c["titel"] for c in CHAPTERS]
    assert [li.a["href"] for li in items] == [f"{c['slug']}/" for c in CHAPTERS]
    for li, chapter in zip(items, CHAPTERS):
        assert chapter["beschrijving"] in text_of(li)


def test_previous_and_next_links_follow_the_chapter_order(site_dir: Path) -> None:
    titles = ["Handboek"] + [c["titel"] for c in CHAPTERS]
    for i, chapter in enumerate(CHAPTERS, start=1):
        footer = page(site_dir, f"handboek/{chapter['slug']}")
        prev = footer.select_one("a.md-footer__link--prev")
        assert prev["aria-label"] == f"Vorige: {titles[i - 1]}"
        if i < len(CHAPTERS):
            assert footer.select_one("a.md-footer__link--next")["aria-label"] == f"Volgende: {titles[i + 1]}"


# --- rules, phases, practical figures, lists ------------------------------------------------------


def test_rules_of_both_sources_are_complete_and_merged_without_repeats() -> None:
    # The Schatkist has ten rules, Begeleide intervisie eight; a rule both give is listed once, with both.
    assert sum("schatkist" in r["bronnen"] for r in RULES) == 10
    assert sum("begeleid" in r["bronnen"] for r in RULES) == 8
    texts = [r["regel"].casefold() for r in RULES]
    assert len(texts) == len(set(texts))


def test_every_rule_appears_numbered_with_its_sources(site_dir: Path) -> None:
    items = article(site_dir, "handboek/spelregels").select("[data-rules] > li[data-rule]")
    assert len(items) == len(RULES)
    for li, rule in zip(items, RULES):
        shown = text_of(li)
        assert shown.startswith(rule["regel"])
        if rule.get("uitleg"):
            assert flat(rule["uitleg"]) in shown
        credit = li.select_one(".ih-credit")
        assert [text_of(a) for a in credit.select("a")] == [SOURCES[key]["titel"] for key in rule["bronnen"]]
        assert [a["href"] for a in credit.select("a")] == [f"../../verantwoording/#{key}" for key in rule["bronnen"]]
    starts = [int(ol.get("start", 1)) for ol in article(site_dir, "handboek/spelregels").select("ol[data-rules]")]
    assert starts[0] == 1 and starts == sorted(starts), "numbering runs on across the groups"


def test_guided_intervisie_chapter_shows_exactly_the_rules_of_its_source(site_dir: Path) -> None:
    items = article(site_dir, "handboek/begeleide-intervisie").select("[data-rules] > li[data-rule]")
    expected = [r["regel"] for r in RULES if "begeleid" in r["bronnen"]]
    assert [text_of(li.strong) for li in items] == expected


def test_every_phase_appears_with_its_minutes_and_the_total(site_dir: Path) -> None:
    body = article(site_dir, "handboek/uitvoering")
    rows = body.select("[data-phases] tbody tr")
    assert len(rows) == len(PHASES) + 1
    for n, (row, phase) in enumerate(zip(rows, PHASES), start=1):
        cells = [text_of(td) for td in row.find_all("td")]
        minutes = phase["minuten"]
        assert cells == [f"{n}. {phase['naam']}", f"{minutes['van']}–{minutes['tot']} min"]
        section = body.select_one(f'[data-phase="{n}"]')
        assert text_of(section.h3).rstrip("¶") == f"Fase {n}: {phase['naam']}"
        assert text_of(section.select_one("[data-phase-minutes]")) == f"{minutes['van']}–{minutes['tot']} min"
        assert flat(phase["wat"]) in text_of(section)
        for question in phase.get("vragen", []):
            assert question in text_of(section)
    low = sum(p["minuten"]["van"] for p in PHASES)
    high = sum(p["minuten"]["tot"] for p in PHASES)
    assert [text_of(td) for td in rows[-1].find_all("td")] == ["Samen", f"{low}–{high} min"]
    assert f"{low} tot {high} minuten" in text_of(body)
    assert f"{low} tot {high} minuten" in text_of(article(site_dir, "handboek/organisatie"))


def test_session_chapter_links_the_basismodel_and_the_timer(site_dir: Path) -> None:
    body = article(site_dir, "handboek/uitvoering")
    hrefs = [a["href"] for a in body.select("a[href]")]
    assert "../../methoden/basismodel/" in hrefs
    assert "../../timer/" in hrefs and "../../timer/?methode=basismodel" in hrefs
    method = yaml.safe_load((DATA / "methods/basismodel.yml").read_text(encoding="utf-8"))
    rows = body.select('[data-method-steps="basismodel"] tbody tr')
    assert [text_of(r.td).replace(" (mag vervallen)", "") for r in rows[:-1]] == [s["naam"] for s in method["stappen"]]
    assert f"{sum(s['minuten'] for s in method['stappen'])} min" in text_of(rows[-1])


def test_methods_chapter_links_the_chooser_and_the_overview(site_dir: Path) -> None:
    hrefs = [a["href"] for a in article(site_dir, "handboek/methodieken").select("a[href]")]
    assert "../../kiezen/" in hrefs and "../../methoden/" in hrefs
    for key in load("case_types.yml"):
        assert f"../../kiezen/?casus={key}" in hrefs


def test_online_chapter_links_the_innovative_methods(site_dir: Path) -> None:
    hrefs = [a["href"] for a in article(site_dir, "handboek/online-en-hybride").select("a[href]")]
    assert "../../methoden/narratieve-intervisie/" in hrefs
    assert "../../methoden/creatieve-technieken/" in hrefs


def test_organisation_chapter_shows_where_the_sources_disagree(site_dir: Path) -> None:
    body = article(site_dir, "handboek/organisatie")
    table = body.select_one(".admonition [data-practical] table")
    shown = text_of(table)
    for key, figures in PRACTICAL.items():
        assert figures["naam"] in shown
        group, weeks = figures["groepsgrootte"], figures["weken"]
        assert f"{group['van']}–{group['tot']} personen" in shown
        assert f"elke {weeks['van']}–{weeks['tot']} weken" in shown
    assert "1,5 tot 2 uur" in shown and "2 tot 2,5 uur" in shown
    assert "5 tot 6 personen, elke 6 tot 8 weken en sessies van 2 uur" in text_of(body)


@pytest.mark.parametrize("key", sorted(LISTS))
def test_every_list_entry_appears_on_its_page(site_dir: Path, key: str) -> None:
    pages = [
        (path, node)
        for path in sorted((site_dir / "handboek").glob("*/index.html"))
        for node in soup(path).select(f'article [data-list="{key}"]')
    ]
    assert pages, f"the list '{key}' of data/handbook_lists.yml is on no chapter"
    for path, node in pages:
        items = node.select(":scope > ul > li, :scope > ol > li")
        assert len(items) == len(LISTS[key]["items"]), path
        for li, item in zip(items, LISTS[key]["items"]):
            expected = f"{item['kop']}: {flat(item['tekst'])}" if item.get("kop") else flat(item["tekst"])
            assert text_of(li) == expected, path


def test_every_page_has_its_own_description(site_dir: Path) -> None:
    site_description = yaml.safe_load(
        re.search(r"^site_description:.*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(0)
    )["site_description"]
    missing = []
    for path in sorted(site_dir.rglob("index.html")):
        meta = soup(path).select_one('meta[name="description"]')
        if meta is None or not meta.get("content") or meta["content"] == site_description:
            missing.append(str(path.relative_to(site_dir)))
    assert not missing, f"pages without their own description: {missing}"


# --- home and glossary ----------------------------------------------------------------------------


def test_home_offers_four_large_entry_points(site_dir: Path) -> None:
    body = article(site_dir, ".")
    cards = body.select(".ih-entries > ul > li")
    assert [c.a["href"] for c in cards] == ["handboek/", "kiezen/", "timer/", "kaarten/"]
    assert len(body.select("p.ih-lead")) == 1


def glossary_terms() -> list[tuple[str, str]]:
    lines = (ROOT / "docs/_snippets/begrippen.md").read_text(encoding="utf-8").splitlines()
    return [(m["t"], m["u"]) for m in (re.match(r"^\*\[(?P<t>[^\]]+)\]:\s*(?P<u>.+)$", ln) for ln in lines) if m]


def test_glossary_page_shows_every_term_of_the_snippet_once(site_dir: Path) -> None:
    terms = glossary_terms()
    assert len(terms) >= 10
    shown = {
        text_of(div.dt): text_of(div.dd) for div in article(site_dir, "begrippen").select("[data-glossary] > div")
    }
    assert shown == dict(terms)
    assert not (site_dir / "_snippets").exists(), "the snippet is part of pages, not a page"


def test_terms_get_their_explanation_as_a_tooltip_on_any_page(site_dir: Path) -> None:
    explanations = dict(glossary_terms())
    for url, term in [("handboek/uitvoering", "casusinbrenger"), ("methoden/basismodel", "procesbegeleider")]:
        abbrs = article(site_dir, url).select("abbr[title]")
        assert any(a.get_text() == term and a["title"] == explanations[term] for a in abbrs), url


# --- one change in data, every page agrees --------------------------------------------------------


def _edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CHANGED_PHASE = next(p for p in PHASES if p["naam"] == "Reflectie en feedback")
# The phase's minutes move by one at the low end and three at the high end, and so do the totals.
CHANGED_MINUTES = (CHANGED_PHASE["minuten"]["van"] + 1, CHANGED_PHASE["minuten"]["tot"] + 3)
LOW, HIGH = sum(p["minuten"]["van"] for p in PHASES), sum(p["minuten"]["tot"] for p in PHASES)


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with one phase, one rule, one list entry and the chapter order changed."""
    project = copy_project(tmp_path_factory.mktemp("changed") / "project")
    phases_file = project / "data/phases.yml"
    phases = yaml.safe_load(phases_file.read_text(encoding="utf-8"))
    phase = next(p for p in phases["fasen"] if p["naam"] == CHANGED_PHASE["naam"])
    phase["naam"] = "Samen reflecteren"
    phase["minuten"] = {"van": CHANGED_MINUTES[0], "tot": CHANGED_MINUTES[1]}
    phases_file.write_text(yaml.safe_dump(phases, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _edit(
        project, "data/rules.yml",
        "regel: Wat in de groep gezegd wordt, blijft in de groep.", "regel: Alles wat je hoort, houd je voor je.",
    )
    _edit(project, "data/handbook_lists.yml", "tekst: Het speelt nu, of", "tekst: Het is nu aan de orde, of")
    _edit(
        project, "data/handbook.yml",
        "  - slug: basisprincipes\n    titel: Basisprincipes\n",
        "  - slug: basisprincipes\n    titel: De basis\n",
    )
    handbook = project / "data/handbook.yml"
    chapters = yaml.safe_load(handbook.read_text(encoding="utf-8"))
    order = chapters["hoofdstukken"]
    order[1], order[2] = order[2], order[1]  # Spelregels before De basis
    handbook.write_text(yaml.safe_dump(chapters, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_changed_phase_shows_on_every_page_that_uses_it(changed_site: Path) -> None:
    using = []
    for path in sorted(changed_site.rglob("*.html")):
        text = text_of(soup(path))
        assert f"{LOW} tot {HIGH} minuten" not in text and "Reflectie en feedback" not in text, path
        for row in soup(path).select("[data-phases] tbody tr"):
            if "Samen reflecteren" in text_of(row):
                assert f"{CHANGED_MINUTES[0]}–{CHANGED_MINUTES[1]} min" in text_of(row), path
                using.append(path.relative_to(changed_site).as_posix())
    assert "handboek/uitvoering/index.html" in using
    for url in ("handboek/uitvoering", "handboek/organisatie"):
        assert f"{LOW + 1} tot {HIGH + 3} minuten" in text_of(article(changed_site, url))


def test_changed_rule_shows_on_every_page_that_uses_it(changed_site: Path) -> None:
    for url in ("handboek/spelregels", "handboek/begeleide-intervisie"):
        rules = [text_of(li.strong) for li in article(changed_site, url).select("li[data-rule]")]
        assert "Alles wat je hoort, houd je voor je." in rules, url
    for path in changed_site.rglob("*.html"):
        assert "Wat in de groep gezegd wordt, blijft in de groep." not in text_of(soup(path)), path


def test_changed_list_entry_shows_on_every_page_that_uses_it(changed_site: Path) -> None:
    for url in ("handboek/inleiding", "handboek/organisatie"):
        node = article(changed_site, url).select_one('[data-list="vraag-criteria"]')
        assert "Het is nu aan de orde, of" in text_of(node), url


def test_changed_chapter_order_and_title_drive_navigation_contents_and_links(changed_site: Path) -> None:
    titles = [t for t, _ in handbook_nav(page(changed_site, "handboek")) if t != "Handboek"]
    assert titles[:3] == ["Inleiding", "Spelregels", "De basis"]
    toc = [text_of(li.a) for li in article(changed_site, "handboek").select("[data-handbook-toc] ol > li")]
    assert toc[:3] == ["Inleiding", "Spelregels", "De basis"]
    basis = page(changed_site, "handboek/basisprincipes")
    assert flat(basis.select_one("article h1").get_text("")).rstrip("¶") == "De basis"
    assert text_of(basis.select_one(".ih-kicker")) == f"Hoofdstuk 3 van {len(CHAPTERS)}"
    assert basis.select_one("a.md-footer__link--prev")["aria-label"] == "Vorige: Spelregels"


# --- bad input stops the build with a plain message -----------------------------------------------

BAD = {
    "unknown_key": (
        "data/handbook.yml", "    beschrijving: Wat intervisie", "    omschrijving: Wat intervisie",
        ["data/handbook.yml", "'hoofdstukken[1].omschrijving'", "bestaat niet", "'hoofdstukken[1].beschrijving'",
         "ontbreekt"],
    ),
    "missing_field": (
        "data/phases.yml", "    wie: De casusinbrenger\n", "",
        ["data/phases.yml", "'fasen[2].wie'", "ontbreekt"],
    ),
    "wrong_type": (
        "data/phases.yml", "minuten: {van: 5, tot: 10}", "minuten: {van: vijf, tot: 10}",
        ["data/phases.yml", "'fasen[1].minuten.van'", "heel getal", "'vijf'"],
    ),
    "unknown_source": (
        "data/rules.yml", "bronnen: [schatkist, begeleid]", "bronnen: [schatkist, folder]",
        ["data/rules.yml", "'groepen[1].regels[1].bronnen'", "'folder' is onbekend", "data/sources.yml"],
    ),
    "list_typo": (
        "data/handbook_lists.yml", "      tekst: Je kijkt kritisch", "      text: Je kijkt kritisch",
        ["data/handbook_lists.yml (sleutel 'doelen')", "'items[1].text'", "bestaat niet"],
    ),
    "chapter_without_page": (
        "data/handbook.yml", "  - slug: spelregels\n", "  - slug: spelregel\n",
        ["data/handbook.yml", "'hoofdstukken[3].slug'", "geen pagina docs/handboek/spelregel.md"],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_handbook_data_stops_build_with_plain_message(case: str, tmp_path: Path) -> None:
    rel, old, new, expected = BAD[case]
    project = copy_project(tmp_path / "project")
    _edit(project, rel, old, new)
    load_fails_plainly(project, *expected)


def test_a_bad_glossary_line_stops_the_build_with_a_plain_message(tmp_path: Path) -> None:
    # The glossary is a snippet of docs/, read while the pages are rendered, not with data/: a whole build.
    project = copy_project(tmp_path / "project")
    _edit(project, "docs/_snippets/begrippen.md", "*[casus]:", "[casus]:")
    build_fails_plainly(project, tmp_path / "site", "docs/_snippets/begrippen.md", "regel 1", "*[begrip]: uitleg")
