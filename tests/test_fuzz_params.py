"""Hostile and odd URL parameters never inject anything, never throw, and get a friendly note."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

HOSTILE = [
    "<script>window.__pwned=1</script>",
    '"><img src=x onerror="window.__pwned=1">',
    "'; window.__pwned=1; '",
    "javascript:window.__pwned=1",
    "ÿ̴̡͓̈́́🙂\u202e\u0000",
    "9" * 400,
    "-1e309",
    "x" * 5000,
    "%E0%A4%A",
]

# Inline scripts as built: the page may run these and nothing that a parameter brings in.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>")

WIDGETS = {
    "chooser": ("kiezen/", ["casus", "minuten", "groep", "ervaring", "advies"], "[data-chooser-note]"),
    "timer": ("timer/", ["methode", "minuten"], "[data-timer-note]"),
    "cards": ("kaarten/", ["stapel", "kaart"], "[data-card-note]"),
}


@pytest.mark.parametrize("widget", sorted(WIDGETS))
def test_hostile_parameters_are_shown_as_a_note_and_never_run(widget: str, page, site_dir,
                                                             console_errors: list[str]) -> None:
    """Every parameter of the widget gets the hostile value in the same address: one page load per value,
    and one note per parameter, so a parameter that is skipped or breaks the others shows."""
    path, params, note = WIDGETS[widget]
    inline = INLINE_SCRIPT.findall((site_dir / path / "index.html").read_text(encoding="utf-8"))
    assert inline, "the theme's own inline scripts"
    for value in HOSTILE:
        page.goto(f"{path}?" + "&".join(f"{name}={quote(value, safe='%')}" for name in params), wait_until="load")
        page.wait_for_timeout(50)
        assert page.evaluate("window.__pwned") is None, value
        assert page.locator("script:not([src]):not([type='application/json'])").count() == len(inline)
        assert page.locator("img[src='x']").count() == 0
        notes = page.locator(note)
        assert notes.count() >= 1 and notes.first.is_visible(), f"{widget}: no visible note for {value[:40]!r}"
        assert notes.first.inner_text().strip() != ""
        if widget == "chooser":  # one line per answer it could not use
            assert notes.first.locator("li").count() == len(params), value[:40]
    assert console_errors == []


# Names every plain JavaScript object inherits: as a value they must be just an unknown answer, deck or card.
INHERITED = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]
WORKING = {
    "chooser": "[data-chooser-results] li",  # the ranked methods
    "cards": "[data-cards]:not([aria-busy]) [data-cards-app]:not([hidden])",  # the card table, decks loaded
}


@pytest.mark.parametrize("widget", sorted(WORKING))
def test_inherited_object_names_are_unknown_values_with_the_normal_note(widget: str, page,
                                                                       console_errors: list[str]) -> None:
    path, params, note = WIDGETS[widget]
    for value in INHERITED:
        # The chooser reads every answer on its own and gives a line per answer it cannot use, so one
        # address can carry the value in all its parameters; a card is looked up in its deck, so one each.
        each = [f"{name}={value}" for name in params]
        queries = ["&".join(each)] if widget == "chooser" else each
        for query in queries:
            page.goto(f"{path}?{query}", wait_until="load")
            page.locator(WORKING[widget]).first.wait_for()
            notes = page.locator(note)
            assert notes.first.is_visible(), f"{widget}: no note for {query}"
            lines = notes.first.locator("li").all_inner_texts() if widget == "chooser" else [notes.first.inner_text()]
            assert len(lines) == query.count("=") and all(value in line for line in lines), (query, lines)
    assert console_errors == []
