"""The card table of /kaarten/ and the two appendices that list the same questions.

The decks themselves are built while loading (sitebuild/decks.py), so a clash of keys stops the
build before any page is made.
"""

from __future__ import annotations

from sitebuild.decks import KINDS, Deck
from sitebuild.load import SiteData

from . import markup


# --- HTML and Markdown for the pages (macros/templates/cards/) ------------------------------


def _groups(site: SiteData) -> list[tuple[str, str, list[Deck]]]:
    """(kind, its label, its decks) for every kind of deck that has any, in the order of KINDS."""
    by_kind = [(soort, label, [d for d in site.decks if d.soort == soort]) for soort, label in KINDS.items()]
    return [group for group in by_kind if group[2]]


def widget(site: SiteData) -> str:
    """The card table on /kaarten/, with a check box for every deck."""
    return markup.html("cards/widget.html", groups=_groups(site))


def deck_list(site: SiteData) -> str:
    """Every card by deck, folded per deck: what a group uses without JavaScript (or on paper)."""
    return markup.html("cards/deck_list.html", groups=_groups(site))


def reflection_cards(site: SiteData) -> str:
    """Appendix Reflectiekaarten: every theme with its questions."""
    sections = [
        {"key": key, "naam": theme.naam, "heading": theme.naam, "about": theme.uitleg, "questions": theme.vragen}
        for key, theme in site.card_themes.items()
    ]
    return markup.html("cards/appendix.md", sections=sections)


def helping_questions(site: SiteData) -> str:
    """Appendix Helpende vragen: the kinds in their order, each with its purpose and questions."""
    sections = [
        {"key": key, "naam": kind.naam, "heading": f"{number}. {kind.naam}", "about": kind.doel,
         "questions": kind.vragen}
        for number, (key, kind) in enumerate(site.question_kinds.items(), start=1)
    ]
    return markup.html("cards/appendix.md", sections=sections)


def register(env, site: SiteData) -> None:  # noqa: ANN001 - mkdocs-macros passes its own env type
    """Add this module's {{ ... }} functions to mkdocs-macros."""

    @env.macro
    def cards_widget() -> str:
        return widget(site)

    @env.macro
    def cards_deck_list() -> str:
        return deck_list(site)

    @env.macro
    def reflection_cards_appendix() -> str:
        return reflection_cards(site)

    @env.macro
    def helping_questions_appendix() -> str:
        return helping_questions(site)

    @env.macro
    def card_count() -> int:
        return sum(len(d.cards) for d in site.decks)

    @env.macro
    def deck_count() -> int:
        return len(site.decks)
