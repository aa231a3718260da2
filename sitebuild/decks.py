"""The card decks of /kaarten/, built while loading so that a clash of keys stops the build early.

Decks come from data/cards.yml (one per theme), data/questions.yml (one per kind of helping
question) and the methods' example questions (one per method, key `methode-<slug>`).
A card's id is its deck key plus the first words of its question, so a shared link keeps
working when cards are added or reordered: ids never depend on list positions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from . import schema
from .errors import DataError

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


def build_decks(
    card_themes: Mapping[str, schema.CardTheme],
    question_kinds: Mapping[str, schema.QuestionKind],
    methods: Mapping[str, schema.Method],
    files: Mapping[str, str],
) -> tuple[Deck, ...]:
    """All decks in page order; raises DataError when two decks or two cards share a key."""
    decks = [
        _deck(key, theme.naam, "reflectie", theme.uitleg, theme.vragen, f"data/cards.yml (sleutel '{key}')")
        for key, theme in card_themes.items()
    ]
    decks += [
        _deck(key, kind.naam, "vragen", kind.doel, kind.vragen, f"data/questions.yml (sleutel '{key}')")
        for key, kind in question_kinds.items()
    ]
    for slug, method in sorted(methods.items()):
        if method.voorbeeldvragen:
            where = files.get(slug, f"data/methods/{slug}.yml")
            uitleg = f"Voorbeeldvragen bij de methode {method.titel}."
            decks.append(
                _deck(f"methode-{slug}", method.titel, "methode", uitleg, method.voorbeeldvragen, where,
                      field="voorbeeldvragen")
            )
    _check_unique(decks)
    return tuple(decks)


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
