"""The built site as a reader gets it: one page and one overview row per method file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import ROOT

METHOD_FILES = sorted((ROOT / "data/methods").glob("*.yml"))
SLUGS = sorted(p.stem for p in METHOD_FILES)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


@pytest.mark.parametrize("slug", SLUGS)
def test_every_method_file_has_a_page_whose_steps_add_up(site_dir: Path, slug: str) -> None:
    data = yaml.safe_load((ROOT / f"data/methods/{slug}.yml").read_text(encoding="utf-8"))
    page = soup(site_dir / "methoden" / slug / "index.html")
    assert page.h1.get_text(strip=True).rstrip("¶") == data["titel"]
    steps = page.select("[data-steps] > li[data-step]")
    assert [s.select_one(".ih-step__head strong").get_text() for s in steps] == [s["naam"] for s in data["stappen"]]
    shown = [int(s["data-minutes"]) for s in steps]
    assert shown == [s["minuten"] for s in data["stappen"]]
    # '60 min', or with rounds '5 min + 15 per onderwerp': the parts add up to the steps.
    assert sum(map(int, re.findall(r"\d+", page.select_one("[data-total-minutes]").get_text()))) == sum(shown)
    assert page.select_one("[data-timebar]")["data-total"] == str(sum(shown))
    assert page.select_one('a[data-run-timer]')["href"] == f"../../timer/?methode={slug}"


def test_overview_lists_every_method_once(site_dir: Path) -> None:
    table = soup(site_dir / "methoden/index.html").select_one("[data-methods-table] table")
    links = [a["href"] for a in table.select("tbody tr td:first-child a")]
    assert sorted(links) == sorted(f"{slug}/" for slug in SLUGS)


def test_api_exports_every_method_with_computed_total(site_dir: Path) -> None:
    api = json.loads((site_dir / "api/methods.json").read_text(encoding="utf-8"))
    by_slug = {m["slug"]: m for m in api["methoden"]}
    assert sorted(by_slug) == SLUGS
    for method in by_slug.values():
        assert method["totaal_minuten"] == sum(step["minuten"] for step in method["stappen"])
    schema = json.loads((site_dir / "api/method.schema.json").read_text(encoding="utf-8"))
    assert "stappen" in schema["properties"] and "totaal_minuten" not in schema["properties"]


def test_committed_json_schema_matches_the_models() -> None:
    from sitebuild.export import method_schema

    committed = json.loads((ROOT / "data/schema/method.schema.json").read_text(encoding="utf-8"))
    assert committed == method_schema(), "run 'make schema' after changing sitebuild/schema.py"


def test_every_method_file_points_editors_at_the_schema() -> None:
    for path in METHOD_FILES:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/method.schema.json", path.name


def test_every_page_is_dutch(site_dir: Path) -> None:
    pages = list(site_dir.rglob("*.html"))
    assert len(pages) > len(SLUGS)
    for path in pages:
        assert soup(path).html.get("lang") == "nl", path


def test_method_pages_are_not_in_the_navigation(site_dir: Path) -> None:
    nav = soup(site_dir / "index.html").select_one("nav.md-nav--primary")
    hrefs = [a.get("href", "") for a in nav.select("a")]
    assert not any(re.search(r"methoden/[a-z0-9-]+/$", h) for h in hrefs)


def test_tables_are_published_in_the_theme_wrapper_and_its_script_skips_them(site_dir: Path) -> None:
    """sitebuild/finish/theme/ writes the wrapper the theme's script would add by moving each table; the row
    'tables-already-wrapped' of the patch table makes the script skip them (tests/test_theme_wall.py checks
    the row against the installed theme)."""
    from sitebuild.finish.theme.patches import TABLE_QUERY

    built = sorted((site_dir / "assets/javascripts").glob("bundle.*.min.js"))
    assert built and all(TABLE_QUERY[1] in p.read_text(encoding="utf-8") for p in built)
    tables = soup(site_dir / "kiezen/index.html").select("article table:not([class])")
    assert tables
    for table in tables:
        assert table.parent.get("class") == ["md-typeset__table"], table.parent
        assert table.parent.parent.get("class") == ["md-typeset__scrollwrap"]


def test_the_published_palette_stylesheet_has_no_rule_for_the_switching_mark(site_dir: Path) -> None:
    """The patch table (row palette-switching-rule) takes it out; if Material drops the rule itself, the row can go."""
    import material

    theme = Path(material.__file__).parent / "templates/assets/stylesheets"
    assert any("data-md-color-switching" in p.read_text(encoding="utf-8") for p in theme.glob("palette.*.min.css"))
    built = sorted((site_dir / "assets/stylesheets").glob("palette.*.min.css"))
    assert built and not any("data-md-color-switching" in p.read_text(encoding="utf-8") for p in built)
