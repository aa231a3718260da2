"""The card decks of /kaarten/ and the two appendices that list the same questions.

Decks come from data/cards.yml (one per theme), data/questions.yml (one per kind of helping
question) and the methods' example questions (one per method, key `methode-<slug>`).
A card's id is its deck key plus the first words of its question, so a shared link keeps
working when cards are added or reordered: ids never depend on list positions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from . import state
from .data import DataError

if TYPE_CHECKING:
    from .data import SiteData

ID_WORDS = 6
KINDS = {
    "reflectie": "Reflectiekaarten",
    "vragen": "Helpende vragen",
    "methode": "Voorbeeldvragen bij methoden",
}


@dataclass(frozen=True)
class Card:
    id: str
    vraag: str
    where: str  # file and field, for error messages


@dataclass(frozen=True)
class Deck:
    key: str
    naam: str
    soort: str  # a key of KINDS
    uitleg: str
    cards: tuple[Card, ...]
    where: str


def slug_words(text: str, limit: int = ID_WORDS) -> str:
    """The first `limit` words of `text` as a URL slug: 'Wat voel je nú?' -> 'wat-voel-je-nu'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain)[:limit])


def card_id(deck_key: str, question: str) -> str:
    words = slug_words(question)
    return f"{deck_key}-{words}" if words else deck_key


def _deck(
    key: str, naam: str, soort: str, uitleg: str, questions: list[str], where: str, field: str = "vragen"
) -> Deck:
    cards = tuple(
        Card(card_id(key, q), q, f"{where}, veld '{field}[{i}]'") for i, q in enumerate(questions, start=1)
    )
    return Deck(key, naam, soort, uitleg, cards, where)


def build_decks(site: SiteData) -> list[Deck]:
    """All decks in page order; raises DataError when two decks or two cards share a key."""
    decks = [
        _deck(key, theme.naam, "reflectie", theme.uitleg, theme.vragen, f"data/cards.yml (sleutel '{key}')")
        for key, theme in site.card_themes.items()
    ]
    decks += [
        _deck(key, kind.naam, "vragen", kind.doel, kind.vragen, f"data/questions.yml (sleutel '{key}')")
        for key, kind in site.question_kinds.items()
    ]
    for slug, method in sorted(site.methods.items()):
        if method.voorbeeldvragen:
            where = site.files.get(slug, f"data/methods/{slug}.yml")
            uitleg = f"Voorbeeldvragen bij de methode {method.titel}."
            decks.append(
                _deck(f"methode-{slug}", method.titel, "methode", uitleg, method.voorbeeldvragen, where,
                      field="voorbeeldvragen")
            )
    _check_unique(decks)
    return decks


def _check_unique(decks: list[Deck]) -> None:
    deck_keys: dict[str, str] = {}
    for deck in decks:
        if deck.key in deck_keys:
            raise DataError(
                f"Fout in {deck.where}: de sleutel '{deck.key}' is ook de sleutel van een stapel in "
                f"{deck_keys[deck.key]}. Elke stapel op de kaartenpagina heeft een eigen sleutel; kies een andere."
            )
        deck_keys[deck.key] = deck.where
    card_ids: dict[str, Card] = {}
    for deck in decks:
        for card in deck.cards:
            if card.id in card_ids:
                raise DataError(
                    f"Fout in {card.where}: deze kaart krijgt de code '{card.id}', net als de kaart in "
                    f"{card_ids[card.id].where}. Een kaart krijgt zijn code uit de sleutel van de stapel en de "
                    f"eerste {ID_WORDS} woorden van de vraag; laat de vraag anders beginnen."
                )
            card_ids[card.id] = card


# --- HTML and Markdown for the pages -------------------------------------------------------


def _checkbox(deck: Deck) -> str:
    return (
        f'<label class="ih-cards__deck"><input type="checkbox" name="stapel" value="{escape(deck.key)}">'
        f' <span>{escape(deck.naam)} <span class="ih-cards__count">({len(deck.cards)})</span></span></label>'
    )


def _deck_group(soort: str, decks: list[Deck]) -> str:
    boxes = "\n".join(_checkbox(d) for d in decks)
    group = f'<fieldset class="ih-cards__group"><legend>{KINDS[soort]}</legend>\n{boxes}\n</fieldset>'
    if soort != "methode":
        return group
    # Many methods: folded away so the choice stays short; the script opens it when one is chosen.
    return (
        f'<details class="ih-cards__more" data-card-more><summary>{KINDS[soort]} ({len(decks)} stapels)</summary>\n'
        f"{group}\n</details>"
    )


def widget(site: SiteData) -> str:
    """The card table on /kaarten/. It takes its place from the first paint, so nothing moves when
    cards.js arrives; it stays busy (buttons disabled) until the decks are loaded. Without
    JavaScript (.ih-needs-js) it is hidden and the card list below the table does the job."""
    by_kind = {soort: [d for d in site.decks if d.soort == soort] for soort in KINDS}
    groups = "\n".join(_deck_group(soort, decks) for soort, decks in by_kind.items() if decks)
    return f"""<div class="ih-cards" data-cards data-src="../api/cards.json" aria-busy="true">
<p class="ih-nojs" data-cards-nojs>De kaartentafel heeft JavaScript nodig. Kies zonder JavaScript zelf een vraag uit de stapels hieronder.</p>
<p class="ih-cards__note" data-card-note role="note" hidden
   data-text-corrupt="De bewaarde ronde kon niet worden gelezen en is gewist. Er begint een nieuwe ronde."
   data-text-reshuffled="Alle kaarten zijn geweest. De stapel is opnieuw geschud: een nieuwe ronde begint."
   data-text-last="Dit was de laatste kaart van deze ronde. Bij de volgende kaart wordt opnieuw geschud."
   data-text-none="Kies minstens één stapel om kaarten te trekken."
   data-text-failed="De kaarten konden niet worden geladen. Kies een vraag uit de lijst onderaan deze pagina."
   data-text-unknown-deck="De stapel {{namen}} bestaat niet (meer)."
   data-text-unknown-decks="De stapels {{namen}} bestaan niet (meer)."
   data-text-unknown-card="De kaart {{naam}} bestaat niet (meer). Trek gerust een nieuwe kaart."></p>
<div class="ih-cards__app ih-needs-js" data-cards-app>
<section class="ih-cards__stage" data-card-stage aria-label="Kaartentafel">
<div class="ih-card" data-card>
<p class="ih-card__theme" data-card-theme>Reflectiekaarten</p>
<p class="ih-card__question" data-card-question data-card-id=""
   data-empty-text="Trek een kaart om te beginnen.">Trek een kaart om te beginnen.</p>
</div>
<div class="ih-cards__controls">
<button type="button" class="md-button md-button--primary" data-card-draw disabled>Trek een kaart</button>
<button type="button" class="md-button" data-card-prev disabled>Vorige</button>
<button type="button" class="md-button" data-card-next disabled>Volgende</button>
<button type="button" class="md-button" data-card-projector
        data-label-on="Projectie sluiten" data-label-off="Projectiemodus">Projectiemodus</button>
</div>
<p class="ih-cards__left">Kaarten over in deze ronde: <strong data-card-left>0</strong></p>
<p class="ih-cards__hint">Trekken kan ook met de spatiebalk of door op de kaart te tikken.</p>
<p class="ih-visually-hidden" aria-live="polite" data-card-live></p>
</section>
<fieldset class="ih-cards__decks" data-card-decks>
<legend>Kies een of meer stapels</legend>
{groups}
</fieldset>
</div>
</div>"""


def deck_list(site: SiteData) -> str:
    """Every card by deck, folded per deck: what a group uses without JavaScript (or on paper)."""
    parts: list[str] = []
    for soort, label in KINDS.items():
        decks = [d for d in site.decks if d.soort == soort]
        if not decks:
            continue
        parts.append(f"### {label} {{#kaarten-{soort}}}\n")
        for deck in decks:
            items = "\n".join(f'<li data-card-item="{escape(c.id)}">{escape(c.vraag)}</li>' for c in deck.cards)
            about = escape(deck.uitleg)
            if deck.soort == "methode":
                slug = deck.key.removeprefix("methode-")
                about += f' <a href="../methoden/{slug}/">Naar de methode</a>'
            parts.append(
                f'<details class="ih-deck" id="stapel-{escape(deck.key)}" data-deck="{escape(deck.key)}">\n'
                f"<summary>{escape(deck.naam)} ({len(deck.cards)} kaarten)</summary>\n"
                f'<p class="ih-deck__about">{about}</p>\n<ol>\n{items}\n</ol>\n</details>\n'
            )
    return "\n".join(parts)


def _draw_link(key: str, naam: str) -> str:
    return (
        f'<p class="ih-actions"><a class="md-button" href="../../kaarten/?stapel={escape(key)}">'
        f'Trek een kaart uit deze stapel<span class="ih-visually-hidden"> ({escape(naam)})</span></a></p>'
    )


def reflection_cards(site: SiteData) -> str:
    """Appendix Reflectiekaarten: every theme with its questions."""
    sections = []
    for key, theme in site.card_themes.items():
        questions = "\n".join(f"- {q}" for q in theme.vragen)
        link = _draw_link(key, theme.naam)
        sections.append(f"## {theme.naam} {{#{key}}}\n\n{theme.uitleg}\n\n{questions}\n\n{link}")
    return "\n\n".join(sections)


def helping_questions(site: SiteData) -> str:
    """Appendix Helpende vragen: the kinds in their order, each with its purpose and questions."""
    sections = []
    for number, (key, kind) in enumerate(site.question_kinds.items(), start=1):
        questions = "\n".join(f"- {q}" for q in kind.vragen)
        link = _draw_link(key, kind.naam)
        sections.append(f"## {number}. {kind.naam} {{#{key}}}\n\n{kind.doel}\n\n{questions}\n\n{link}")
    return "\n\n".join(sections)


def register(env) -> None:  # noqa: ANN001 - mkdocs-macros passes its own env type
    """Add this module's {{ ... }} functions to mkdocs-macros."""

    @env.macro
    def cards_widget() -> str:
        return widget(state.current())

    @env.macro
    def cards_deck_list() -> str:
        return deck_list(state.current())

    @env.macro
    def reflection_cards_appendix() -> str:
        return reflection_cards(state.current())

    @env.macro
    def helping_questions_appendix() -> str:
        return helping_questions(state.current())

    @env.macro
    def card_count() -> int:
        return sum(len(d.cards) for d in state.current().decks)

    @env.macro
    def deck_count() -> int:
        return len(state.current().decks)
