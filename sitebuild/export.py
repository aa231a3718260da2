"""Open data: the JSON of the files under /api/, for the widgets and for other programs."""

from __future__ import annotations

import json
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
