"""What valid data looks like: pydantic models for every file in data/.

Field names are Dutch because content editors write them; the models are the single
place that defines them. `extra="forbid"` turns a typo such as `stapen` into an error.
"""

from __future__ import annotations

import html
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, computed_field, field_validator, model_validator

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_STEP_MINUTES = 120

# Text in data/ is content, never code. It may use Markdown, but no HTML (a tag, comment or
# declaration: `<` directly followed by a letter, `/`, `!` or `?`), no Jinja (the pages are templates),
# and links only to http(s), mailto or a relative address. Refusing such text at load time names the
# file and field; escaping it later would silently show markup to the reader.
_HTML = re.compile(r"<\s*[A-Za-z/!?]")
_JINJA = re.compile(r"\{[{%#]|[}%#]\}")
# attr_list would turn `{ onclick=... }` or `{: .class }` after a paragraph into HTML attributes.
_ATTRIBUTES = re.compile(r"\{\s*(?:[:.]|[\w-]+\s*=)")
_LINK_TARGET = re.compile(
    r"(?P<image>!?)\[[^\]]*\]\(\s*<?(?P<inline>[^)\s>]*)|^\s*\[[^\]]+\]:\s*<?(?P<ref>\S+?)>?(?:\s|$)", re.M
)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def text_problem(text: str) -> str | None:
    """Why `text` may not appear on a page, or None when it is plain text or Markdown."""
    if (found := _HTML.search(text)) is not None:
        snippet = re.match(r"<\s*[/!?]?[A-Za-z-]*", text[found.start() :]).group()
        return (f"bevat HTML ({snippet!r}...); schrijf gewone tekst of Markdown, "
                "zoals **vet** of [tekst](https://voorbeeld.nl)")
    if (found := _JINJA.search(text)) is not None:
        return f"bevat '{found.group()}', dat hier als sjablooncode zou gelden; laat de accolades weg"
    if (found := _ATTRIBUTES.search(text)) is not None:
        return f"bevat '{found.group()}', dat HTML-attributen zou maken; laat de accolades weg"
    for match in _LINK_TARGET.finditer(text):
        target = html.unescape(match["inline"] or match["ref"] or "")
        target = "".join(ch for ch in target if ch.isprintable() and not ch.isspace())
        scheme = _SCHEME.match(target)
        if match["image"] and (scheme or target.startswith("//")):
            return "toont een afbeelding van een andere site; de site laadt niets van buiten"
        if scheme and scheme.group(1).casefold() not in SAFE_SCHEMES:
            return (f"linkt naar '{scheme.group(1)}:'; alleen links naar http, https, mailto of een pagina "
                    "van de site zijn toegestaan")
    return None


def _ordinal(index: int) -> str:
    return f"{index + 1}e"


class Strict(BaseModel):
    """Base for every data model: unknown fields and silent type coercion are errors, text is inert, and a
    loaded model is read-only (the stages after loading only read it)."""

    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True, frozen=True)

    @field_validator("*", mode="after")
    @classmethod
    def _inert_text(cls, value: Any, info: ValidationInfo) -> Any:
        # Nested models check their own fields; here only this model's strings and lists of strings.
        if isinstance(value, str):
            problem = text_problem(value)
            if problem:
                raise ValueError(problem)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, str) and (problem := text_problem(item)):
                    raise ValueError(f"het {_ordinal(index)} item {problem}")
        return value


class CaseType(Strict):
    """A kind of case a group can bring in (`data/case_types.yml`)."""

    naam: str = Field(min_length=1, description="Korte naam, zoals 'Incident'.")
    beschrijving: str = Field(min_length=1, description="Waaraan herken je dit soort casus?")
    voorbeeld: str = Field(min_length=1, description="Een herkenbaar voorbeeld uit de praktijk.")
    kort: str = Field(min_length=1, description="Bijvoeglijk, voor de kiezer: 'past bij <kort>'.")


class Source(Strict):
    """A source document (`data/sources.yml`)."""

    titel: str = Field(min_length=1)
    maker: str = Field(min_length=1, description="Auteur of organisatie.")
    soort: str = Field(min_length=1, description="Bijvoorbeeld 'handboek' of 'presentatie'.")
    beschrijving: str = Field(min_length=1)


class Step(Strict):
    naam: str = Field(min_length=1, description="Naam van de stap, zoals 'Verhelderende vragen'.")
    minuten: int = Field(description="Minuten voor deze stap, een heel getal van 1 tot en met 120.")
    wat: str = Field(min_length=1, description="Wat er in deze stap gebeurt, in eigen woorden.")
    wie: str = Field(min_length=1, description="Wie er actief is, zoals 'de groep' of 'de casusinbrenger'.")
    optioneel: bool = Field(default=False, description="Waar als de stap kan vervallen bij weinig tijd.")
    per_ronde: bool = Field(
        default=False,
        description="Waar als je deze stap herhaalt per onderwerp (per ronde); dan moet tijd.per_onderwerp waar zijn.",
    )
    min_minuten: int | None = Field(
        default=None, ge=1, le=MAX_STEP_MINUTES,
        description="Korter dan dit maakt de planner de stap nooit; zonder dit veld de helft van de stap (minstens 1).",
    )
    max_minuten: int | None = Field(
        default=None, ge=1, le=MAX_STEP_MINUTES, description="Langer dan dit maakt de planner de stap nooit; zonder dit veld het dubbele."
    )
    vast: bool = Field(default=False, description="Waar als de planner de minuten van deze stap nooit verandert.")
    kiest_casus: bool = Field(
        default=False,
        description=(
            "Waar als de groep in deze stap kiest welke casus eerst komt en welke daarna. Staat de methode twee keer "
            "in een sessie, dan zet de planner deze stap alleen bij de eerste."
        ),
    )

    @model_validator(mode="after")
    def _choice_not_per_round(self) -> Step:
        if self.kiest_casus and self.per_ronde:
            raise ValueError(
                "kiest_casus en per_ronde gaan niet samen: de casus kies je één keer, voor alle rondes; "
                "haal een van de twee weg"
            )
        return self

    @field_validator("minuten")
    @classmethod
    def _minutes_in_range(cls, value: int) -> int:
        if value < 1:
            raise ValueError("moet minstens 1 minuut zijn")
        if value > MAX_STEP_MINUTES:
            raise ValueError(f"is onwaarschijnlijk groot; een stap duurt hoogstens {MAX_STEP_MINUTES} minuten")
        return value

    @field_validator("min_minuten")
    @classmethod
    def _floor_not_above_minutes(cls, value: int | None, info: ValidationInfo) -> int | None:
        minutes = info.data.get("minuten")
        if value is not None and minutes is not None and value > minutes:
            raise ValueError(f"{value} is meer dan de {minutes} minuten van de stap; de ondergrens mag er niet boven liggen")
        return value

    @field_validator("max_minuten")
    @classmethod
    def _ceiling_not_below_minutes(cls, value: int | None, info: ValidationInfo) -> int | None:
        minutes = info.data.get("minuten")
        if value is not None and minutes is not None and value < minutes:
            raise ValueError(f"{value} is minder dan de {minutes} minuten van de stap; de bovengrens mag er niet onder liggen")
        return value


class GroupSize(Strict):
    min: int = Field(ge=2, le=30, description="Kleinste aantal deelnemers, casusinbrenger inbegrepen.")
    max: int = Field(ge=2, le=30, description="Grootste aantal deelnemers, casusinbrenger inbegrepen.")

    @model_validator(mode="after")
    def _ordered(self) -> "GroupSize":
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is groter dan max ({self.max})")
        return self


class Credit(Strict):
    document: str = Field(min_length=1, description="Sleutel uit data/sources.yml.")
    herkomst: str | None = Field(
        default=None, description="Van wie de methode komt volgens het document, zoals 'Vannimwegen'."
    )
    plaats: str | None = Field(default=None, description="Waar in het document, zoals 'methode 4'.")


class TimeNote(Strict):
    """How the minutes relate to the source."""

    herkomst: Literal["bron", "suggestie"] = Field(
        description="'bron' als de minuten uit de bron komen, 'suggestie' als wij ze voorstellen."
    )
    bron_totaal: int | None = Field(
        default=None, ge=1, description="Het totaal dat de bron noemt, als dat afwijkt van de som van de stappen."
    )
    toelichting: str | None = Field(default=None, description="Uitleg bij de tijden, voor de lezer.")
    per_onderwerp: bool = Field(
        default=False,
        description=(
            "Waar als de methode rondes heeft die je per onderwerp herhaalt (zoals bij de snelle adviesronde); "
            "de stappen van zo'n ronde hebben per_ronde: true."
        ),
    )


class Related(Strict):
    methode: str = Field(min_length=1, description="Slug van een verwante methode.")
    verschil: str = Field(min_length=1, description="Hoe deze methode verschilt.")


class Method(Strict):
    """One intervisie method (`data/methods/<slug>.yml`)."""

    titel: str = Field(min_length=1, description="Naam van de methode.")
    samenvatting: str = Field(min_length=1, description="Eén of twee zinnen: wat doe je en wat levert het op.")
    doel: str = Field(min_length=1, description="Waartoe dient de methode?")
    wanneer: str = Field(min_length=1, description="Wanneer kies je deze methode?")
    casustypen: list[str] = Field(
        min_length=1, description="Sleutels uit data/case_types.yml; de eerste is waar de methode het best bij past."
    )
    advies: bool = Field(description="Waar als de casusinbrenger adviezen of tips krijgt.")
    niveau: Literal["beginners", "gevorderden"] = Field(
        description="'beginners' als een nieuwe groep de methode aankan, anders 'gevorderden'."
    )
    groepsgrootte: GroupSize
    stappen: list[Step] = Field(min_length=1)
    rollen: list[str] = Field(min_length=1, description="Sleutels uit data/roles.yml.")
    voorbeeldvragen: list[str] = Field(default_factory=list)
    materialen: list[str] = Field(default_factory=list, description="Zoals flap-over, post-its, stoelen.")
    bronnen: list[Credit] = Field(min_length=1)
    tijd: TimeNote
    verwant: list[Related] = Field(default_factory=list)
    notities: list[str] = Field(default_factory=list, description="Praktische opmerkingen voor de lezer.")
    redactie: list[str] = Field(
        default_factory=list,
        description=(
            "Keuzes van de redactie, voor de pagina Verantwoording: gekozen naam, voorgestelde minuten, "
            "samengevoegde stappen, verschillen tussen bronnen."
        ),
    )

    @field_validator("stappen")
    @classmethod
    def _one_case_choice(cls, steps: list[Step]) -> list[Step]:
        choosing = [n for n, step in enumerate(steps, start=1) if step.kiest_casus]
        if len(choosing) > 1:
            raise ValueError(
                f"stap {choosing[0]} en stap {choosing[1]} hebben allebei 'kiest_casus: true'; "
                "een methode kiest haar casus in één stap"
            )
        return steps

    @field_validator("tijd")
    @classmethod
    def _rounds_marked_both_ways(cls, tijd: TimeNote, info: ValidationInfo) -> TimeNote:
        steps = info.data.get("stappen")
        if steps is None:  # the steps themselves are wrong; that error is reported already
            return tijd
        in_round = [n for n, step in enumerate(steps, start=1) if step.per_ronde]
        if tijd.per_onderwerp and not in_round:
            raise ValueError(
                "per_onderwerp is true, maar geen enkele stap heeft 'per_ronde: true'; "
                "zet dat bij de stappen die je per onderwerp herhaalt"
            )
        if in_round and not tijd.per_onderwerp:
            raise ValueError(
                f"stap {in_round[0]} heeft 'per_ronde: true', maar per_onderwerp staat niet op true; "
                "zet 'per_onderwerp: true' onder tijd, of haal per_ronde weg"
            )
        gap = next((n for n in range(in_round[0], in_round[-1] + 1) if n not in in_round), None) if in_round else None
        if gap is not None:
            raise ValueError(
                f"de stappen met 'per_ronde: true' staan niet aaneen (stap {gap} zit ertussen zonder); de timer "
                "herhaalt ze als één blok per onderwerp, dus zet ze direct na elkaar of geef stap "
                f"{gap} ook 'per_ronde: true'"
            )
        return tijd

    @computed_field  # type: ignore[prop-decorator]
    @property
    def totaal_minuten(self) -> int:
        """Total time, always the sum of the steps (never typed by hand); with rounds, for one round."""
        return sum(step.minuten for step in self.stappen)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def minuten_eenmalig(self) -> int:
        """Minutes of the steps done once, whatever the number of topics (all steps without rounds)."""
        return sum(step.minuten for step in self.stappen if not step.per_ronde)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def minuten_per_ronde(self) -> int:
        """Minutes each topic adds (the steps with per_ronde); 0 for a method without rounds."""
        return sum(step.minuten for step in self.stappen if step.per_ronde)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def kern_minuten(self) -> int:
        """Total time without the optional steps."""
        return sum(step.minuten for step in self.stappen if not step.optioneel)


class Role(Strict):
    """A role in a session (`data/roles.yml`)."""

    naam: str = Field(min_length=1)
    ook_genoemd: list[str] = Field(default_factory=list, description="Andere namen voor deze rol in de bronnen.")
    beschrijving: str = Field(min_length=1)
    verantwoordelijkheden: list[str] = Field(min_length=1)
    vragen: list[str] = Field(default_factory=list, description="Vragen die deze rol helpen.")
    vragen_kop: str = Field(
        default="Helpende vragen", min_length=1, description="Kopje boven de vragen, zoals 'Voorbeelden van reflecties'."
    )
    optioneel: bool = Field(default=False, description="Waar als een groep deze rol ook kan weglaten.")


class ChooserCriterion(Strict):
    """Points for one answer in the method chooser (`data/chooser.yml`)."""

    punten: int = Field(ge=0, le=100, description="Pluspunten als de methode bij dit antwoord past.")
    strafpunten: int = Field(ge=0, le=100, description="Minpunten als de methode niet bij dit antwoord past.")


class ChooserCase(ChooserCriterion):
    hoofdtype: int = Field(
        ge=0, le=100, description="Extra pluspunten als de gekozen soort casus de eerste is die de methode noemt."
    )


class ChooserTime(ChooserCriterion):
    zonder_optioneel: int = Field(
        ge=0, le=100, description="Pluspunten als de methode alleen past door de optionele stappen over te slaan."
    )
    speling: int = Field(ge=0, le=60, description="Zoveel minuten mag een methode uitlopen en toch 'krap' passen.")
    strafpunten_krap: int = Field(ge=0, le=100, description="Minpunten voor een methode die krap past.")


class Chooser(Strict):
    """Scoring of the method chooser at /kiezen/ (`data/chooser.yml`)."""

    casus: ChooserCase
    minuten: ChooserTime
    groep: ChooserCriterion
    ervaring: ChooserCriterion
    advies: ChooserCriterion
    minder_goed_vanaf: int = Field(
        ge=1, le=1000, description="Vanaf zoveel minpunten staat een methode onder 'past minder goed'."
    )


class AgendaItem(Strict):
    """One part of a session agenda (`data/agenda.yml`); its key is used in shared timer links."""

    sleutel: str = Field(min_length=1, description="Korte sleutel voor in een link, zoals 'opening'.")
    naam: str = Field(min_length=1, description="Naam van het onderdeel, zoals 'Opening en check-in'.")
    minuten: int = Field(description="Minuten in de timer, een heel getal van 1 tot en met 120.")
    van: int | None = Field(default=None, ge=1, le=MAX_STEP_MINUTES, description="Kleinste aantal minuten dat de bron noemt.")
    tot: int | None = Field(default=None, ge=1, le=MAX_STEP_MINUTES, description="Grootste aantal minuten dat de bron noemt.")
    wat: str = Field(min_length=1, description="Wat er in dit onderdeel gebeurt, in eigen woorden.")
    methode: bool = Field(default=False, description="Waar als hier de methode komt die de groep kiest.")
    binnen_methode: bool = Field(
        default=False,
        description="Waar als een methode dit onderdeel zelf al doet (zoals de casus inbrengen); "
        "de planner laat het dan weg zodra er een methode in het plan staat.",
    )
    advies: bool = Field(
        default=False, description="Waar als hier adviezen gegeven worden; valt weg naast een methode zonder adviezen."
    )
    pauze: bool = Field(default=False, description="Waar voor een pauze: de planner verandert de minuten nooit.")

    @field_validator("minuten")
    @classmethod
    def _minutes_in_range(cls, value: int) -> int:
        return Step._minutes_in_range(value)

    @field_validator("sleutel")
    @classmethod
    def _key_is_slug(cls, value: str) -> str:
        if not SLUG_RE.match(value):
            raise ValueError(f"'{value}' is geen geldige sleutel; gebruik kleine letters, cijfers en streepjes")
        return value

    @model_validator(mode="after")
    def _minutes_within_source_range(self) -> "AgendaItem":
        low = self.van if self.van is not None else self.minuten
        high = self.tot if self.tot is not None else self.minuten
        if not low <= self.minuten <= high:
            raise ValueError(f"minuten ({self.minuten}) ligt niet tussen van ({low}) en tot ({high})")
        return self


class Agenda(Strict):
    """The handbook's example agenda and the building blocks of the timer's session planner (`data/agenda.yml`)."""

    titel: str = Field(min_length=1)
    onderdelen: list[AgendaItem] = Field(min_length=1, description="De voorbeeldagenda, in volgorde.")
    bouwstenen: list[AgendaItem] = Field(
        default_factory=list, description="Extra onderdelen voor een eigen sessie, zoals een pauze."
    )
    startsessie: list[str] = Field(
        min_length=1, description="Sleutels en methode-slugs waarmee de sessieplanner begint."
    )

    @model_validator(mode="after")
    def _keys_unique_and_one_method_slot(self) -> "Agenda":
        keys = [item.sleutel for item in [*self.onderdelen, *self.bouwstenen]]
        doubles = sorted({key for key in keys if keys.count(key) > 1})
        if doubles:
            raise ValueError(f"de sleutel '{doubles[0]}' komt meer dan eens voor; elke sleutel is uniek")
        if "voorbeeld" in keys:
            raise ValueError("de sleutel 'voorbeeld' is gereserveerd voor de hele voorbeeldagenda")
        slots = [item.naam for item in self.onderdelen if item.methode]
        if len(slots) != 1:
            raise ValueError(
                f"precies één onderdeel moet 'methode: true' hebben (de plek van de methode), nu {len(slots)}"
            )
        if any(item.methode for item in self.bouwstenen):
            raise ValueError("een bouwsteen kan geen 'methode: true' hebben; een methode kies je in de planner")
        return self

    @computed_field  # type: ignore[prop-decorator]
    @property
    def totaal_minuten(self) -> int:
        """Total of the example agenda, always the sum of its parts."""
        return sum(item.minuten for item in self.onderdelen)


Question = Annotated[str, Field(min_length=1, description="Eén vraag, zoals die op een kaart komt.")]


class CardTheme(Strict):
    """A theme of the reflection cards (`data/cards.yml`); each theme is a deck on /kaarten/."""

    naam: str = Field(min_length=1, description="Naam van het thema, zoals 'Emotionele reflectie'.")
    uitleg: str = Field(min_length=1, description="Eén zin: waar helpen de vragen van dit thema bij?")
    vragen: list[Question] = Field(min_length=1, description="De vragen op de kaarten; elke vraag begint anders.")


class QuestionKind(Strict):
    """A kind of helping question (`data/questions.yml`); each kind is a deck on /kaarten/."""

    naam: str = Field(min_length=1, description="Naam van de soort, zoals 'Verhelderende vragen'.")
    doel: str = Field(min_length=1, description="Waartoe dienen deze vragen?")
    vragen: list[Question] = Field(min_length=1, description="De vragen; elke vraag begint anders.")


# --- The handbook: chapters and the lists inside them (data/handbook.yml, rules.yml, phases.yml,
# --- practical.yml, handbook_lists.yml). Rendered by macros/handbook.py.


class Chapter(Strict):
    """One chapter of the handbook; its page is docs/handboek/<slug>.md."""

    slug: str = Field(min_length=1, description="Bestandsnaam zonder .md, zoals 'spelregels'.")
    titel: str = Field(min_length=1, description="Titel in het menu, de inhoudsopgave en boven de pagina.")
    beschrijving: str = Field(min_length=1, description="Eén regel: waar gaat dit hoofdstuk over?")

    @field_validator("slug")
    @classmethod
    def _slug_format(cls, value: str) -> str:
        if not SLUG_RE.match(value):
            raise ValueError(
                f"'{value}' is geen geldige slug; gebruik kleine letters, cijfers en streepjes, zoals 'spelregels'"
            )
        return value


class Handbook(Strict):
    """The chapters in reading order (`data/handbook.yml`)."""

    hoofdstukken: list[Chapter] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_slugs(self) -> "Handbook":
        seen: set[str] = set()
        for chapter in self.hoofdstukken:
            if chapter.slug in seen:
                raise ValueError(f"het hoofdstuk '{chapter.slug}' staat er twee keer in")
            seen.add(chapter.slug)
        return self


class Rule(Strict):
    regel: str = Field(min_length=1, description="De regel zelf, kort, zoals 'Je doet vrijwillig mee.'")
    uitleg: str | None = Field(default=None, description="Wat de regel in de praktijk betekent.")
    bronnen: list[str] = Field(min_length=1, description="Sleutels uit data/sources.yml waar de regel vandaan komt.")


class RuleGroup(Strict):
    titel: str = Field(min_length=1, description="Kopje boven een groep regels.")
    regels: list[Rule] = Field(min_length=1)


class Rules(Strict):
    """The game rules of intervisie, merged from the sources (`data/rules.yml`)."""

    groepen: list[RuleGroup] = Field(min_length=1)


class MinuteRange(Strict):
    van: int = Field(ge=1, le=MAX_STEP_MINUTES, description="Kortste duur in minuten.")
    tot: int = Field(ge=1, le=MAX_STEP_MINUTES, description="Langste duur in minuten.")

    @model_validator(mode="after")
    def _ordered(self) -> "MinuteRange":
        if self.van > self.tot:
            raise ValueError(f"van ({self.van}) is groter dan tot ({self.tot})")
        return self


class Phase(Strict):
    naam: str = Field(min_length=1, description="Naam van de fase, zoals 'Verhelderende vragen'.")
    minuten: MinuteRange
    wie: str = Field(min_length=1, description="Wie er in deze fase aan het woord is.")
    wat: str = Field(min_length=1, description="Wat er in deze fase gebeurt, in eigen woorden.")
    vragen: list[str] = Field(default_factory=list, description="Voorbeeldvragen die in deze fase passen.")


class Phases(Strict):
    """The phases of a session (`data/phases.yml`)."""

    bron: str = Field(min_length=1, description="Sleutel uit data/sources.yml.")
    fasen: list[Phase] = Field(min_length=1)


class Range(Strict):
    van: int = Field(ge=1)
    tot: int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> "Range":
        if self.van > self.tot:
            raise ValueError(f"van ({self.van}) is groter dan tot ({self.tot})")
        return self


class Practical(Strict):
    """Practical figures one source gives (`data/practical.yml`, per source key)."""

    naam: str = Field(min_length=1, description="Korte naam van de bron boven de kolom, zoals 'Handboek (RNVC)'.")
    groepsgrootte: Range = Field(description="Aantal deelnemers.")
    weken: Range = Field(description="Hoeveel weken tussen twee bijeenkomsten.")
    minuten: Range = Field(description="Hoe lang een bijeenkomst duurt, in minuten.")


class ListItem(Strict):
    kop: str | None = Field(default=None, description="Optioneel kopje, vet voor de tekst, zoals 'Actueel'.")
    tekst: str = Field(min_length=1)


class TextList(Strict):
    """One list inside a chapter (`data/handbook_lists.yml`, per key)."""

    genummerd: bool = Field(default=False, description="Waar als de volgorde telt (een genummerde lijst).")
    items: list[ListItem] = Field(min_length=1)


class FormField(Strict):
    """One question of a form (`data/forms.yml`)."""

    sleutel: str = Field(min_length=1, description="Naam van het veld, kleine letters en streepjes, zoals 'kernvraag'.")
    label: str = Field(min_length=1, description="De vraag zoals de lezer hem ziet.")
    hulp: str | None = Field(default=None, description="Korte uitleg onder de vraag.")
    soort: Literal["regel", "datum", "kort", "lang"] = Field(
        description="'regel' (één regel), 'datum', 'kort' (ongeveer drie regels) of 'lang' (ongeveer zes regels)."
    )

    @field_validator("sleutel")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG_RE.match(value):
            raise ValueError(f"'{value}' is geen geldige sleutel; gebruik kleine letters, cijfers en streepjes")
        return value


class Form(Strict):
    """A form that readers fill in on screen and print (`data/forms.yml`, per key)."""

    titel: str = Field(min_length=1)
    doel: str = Field(min_length=1, description="Waarvoor en door wie het formulier gebruikt wordt.")
    tip: str | None = Field(default=None, description="Een praktische tip, onder het formulier.")
    velden: list[FormField] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_fields(self) -> "Form":
        seen: set[str] = set()
        for field in self.velden:
            if field.sleutel in seen:
                raise ValueError(
                    f"de sleutel '{field.sleutel}' staat twee keer bij de velden; elk veld heeft een eigen sleutel"
                )
            seen.add(field.sleutel)
        return self
