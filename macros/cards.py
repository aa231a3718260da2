"""The card table of /kaarten/ and the two appendices that list the same questions.

The decks themselves are built while loading (sitebuild/decks.py), so a clash of keys stops the
build before any page is made.
"""

from __future__ import annotations

from html import escape

from sitebuild.decks import KINDS, Deck
from sitebuild.load import SiteData


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
