"""Open data: the JSON of the files under /api/, for the widgets and for other programs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .decks import KINDS
from .load import SiteData
from .schema import Method


def method_schema() -> dict[str, Any]:
    """JSON Schema of one method file, for editors (VS Code via yaml-language-server)."""
    schema = Method.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Intervisiemethode"
    return schema


GROUP_SCHEMA = Path(__file__).with_name("group.schema.json")


def group_schema() -> dict[str, Any]:
    """JSON Schema of the group file of /groep/ (its one definition: sitebuild/group.schema.json, which the
    page's script checks an imported file against and tests/js/group.test.js reads too)."""
    return json.loads(GROUP_SCHEMA.read_text(encoding="utf-8"))


def methods_json(site: SiteData) -> dict[str, Any]:
    """All methods with computed totals, plus the case types they refer to."""
    return {
        "versie": 1,
        "casustypen": {key: case.model_dump() for key, case in site.case_types.items()},
        "methoden": [
            {"slug": slug, **method.model_dump(mode="json")}
            for slug, method in sorted(site.methods.items())
        ],
    }


# What the chooser ranks on and the planner fits with (lib/plan.js fitsIn): no prose.
INDEX_FIELDS = ("slug", "titel", "casustypen", "advies", "niveau", "groepsgrootte", "tijd", "totaal_minuten",
                "minuten_eenmalig", "minuten_per_ronde", "kern_minuten")
INDEX_STEP_FIELDS = ("naam", "minuten", "optioneel", "per_ronde", "min_minuten", "max_minuten", "vast")


def title_order(title: str) -> str:
    """Alphabetical as every list of methods on the site sorts (macros/: `titel.casefold()`), decided at
    build time: the browser's collator costs a slow phone about 100 ms to load before the chooser shows."""
    return title.casefold()


def methods_index_json(site: SiteData) -> dict[str, Any]:
    """The chooser's compact index of /api/methods.json: per method what it ranks on, the steps' minutes,
    and `volgorde`, its place in alphabetical order of titles."""
    full = methods_json(site)
    order = {m["slug"]: i for i, m in enumerate(sorted(full["methoden"], key=lambda m: title_order(m["titel"])))}
    return {
        "versie": 1,
        "casustypen": full["casustypen"],
        "methoden": [
            {**{key: m[key] for key in INDEX_FIELDS}, "volgorde": order[m["slug"]],
             "stappen": [{key: step[key] for key in INDEX_STEP_FIELDS} for step in m["stappen"]]}
            for m in full["methoden"]
        ],
    }


def method_files(site: SiteData) -> dict[str, dict[str, Any]]:
    """/api/methods/<slug>.json: one method as methods.json gives it, in the same shape (a list of one),
    for the timer, which runs one method and needs no other."""
    full = methods_json(site)
    files = {}
    for m in full["methoden"]:
        cases = {key: full["casustypen"][key] for key in m["casustypen"]}
        files[m["slug"]] = {"versie": 1, "casustypen": cases, "methoden": [m]}
    return files


def agenda_json(site: SiteData) -> dict[str, Any]:
    """The example agenda and the timer's planner blocks; method steps stay in methods.json."""
    return {"versie": 1, **site.agenda.model_dump(mode="json")}


def chooser_json(site: SiteData) -> dict[str, Any]:
    """The chooser's weights, as data/chooser.yml gives them."""
    return site.chooser.model_dump()


def cards_json(site: SiteData) -> dict[str, Any]:
    """Every card deck with its cards, in page order, for the cards widget on /kaarten/."""
    return {
        "versie": 1,
        "soorten": KINDS,
        "stapels": [
            {
                "sleutel": deck.key,
                "naam": deck.naam,
                "soort": deck.soort,
                "uitleg": deck.uitleg,
                "kaarten": [{"id": card.id, "vraag": card.vraag} for card in deck.cards],
            }
            for deck in site.decks
        ],
    }


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def dumps_compact(value: Any) -> str:
    """For the files only the widgets read: no indentation to download and parse."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
