"""Content a careful reader can trust: rounds marked in the data and shown as such, statements
that are ours marked as ours, facts that match the sources, and Dutch that reads well."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, build_fails_plainly, copy_project

ROUNDS = "snelle-adviesronde"
ROUNDS_FILE = f"data/methods/{ROUNDS}.yml"
METHODS = sorted((ROOT / "data/methods").glob("*.yml"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text_of(node) -> str:  # noqa: ANN001
    return " ".join(node.get_text(" ").split())


def article(site_dir: Path, page: str) -> BeautifulSoup:
    return soup(site_dir / page / "index.html").select_one("article")


# --- rounds: once-only steps plus steps per topic ------------------------------------------------


def test_api_carries_the_once_only_and_per_round_minutes(site_dir: Path) -> None:
    methods = {m["slug"]: m for m in json.loads((site_dir / "api/methods.json").read_text(encoding="utf-8"))["methoden"]}
    rounds = methods[ROUNDS]
    assert rounds["tijd"]["per_onderwerp"] is True
    assert [s["per_ronde"] for s in rounds["stappen"]] == [False, True, True, True, True, True]
    assert (rounds["minuten_eenmalig"], rounds["minuten_per_ronde"]) == (5, 15)
    plain = methods["vijfstappenmethode"]
    assert (plain["minuten_eenmalig"], plain["minuten_per_ronde"]) == (plain["totaal_minuten"], 0)


def test_the_length_of_a_method_with_rounds_reads_once_plus_per_topic(site_dir: Path) -> None:
    page = article(site_dir, f"methoden/{ROUNDS}")
    assert text_of(page.select_one("[data-total-minutes]")) == "5 min + 15 per onderwerp"
    assert "5 min + 15 per onderwerp" in text_of(page.select_one(".ih-timebar__caption"))
    note = text_of(page)
    assert "Eén onderwerp kost dus 20 min, twee 35 min en drie 50 min" in note
    # The source's 15 minutes are the time of one round, not a total that disagrees with the steps.
    assert not [t for t in page.select(".admonition-title") if "De bron noemt" in t.get_text()]
    row = next(tr for tr in article(site_dir, "methoden").select("tr") if "Snelle adviesronde" in tr.get_text())
    assert "5 min + 15 per onderwerp" in text_of(row)
    assert "20 min" not in text_of(row)


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
    build_fails_plainly(project, tmp_path / "site", ROUNDS_FILE, *expected)
