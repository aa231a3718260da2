"""Macros for the method chooser at /kiezen/ (registered from macros/env.py).

The page is built as plain HTML that helps without JavaScript (a table of case types with
the methods that suit them); docs/assets/javascripts/chooser.js then reveals and drives the
form, which it ranks with the weights of data/chooser.yml (exported as /api/chooser.json).
"""

from __future__ import annotations

from html import escape

from sitebuild.load import SiteData
from sitebuild.schema import Method

from .limits import CHOOSER_GROUP, CHOOSER_MINUTES, chooser_limits, data_limits

# The query-string contract of /kiezen/ (also documented on the page itself).
EXPERIENCE = {"": "Maakt niet uit", "beginners": "Beginners", "gevorderden": "Gevorderden"}
ADVICE = {"": "Maakt niet uit", "ja": "Ja, graag advies", "nee": "Nee, alleen reflectie"}


def suited_methods(site: SiteData, key: str) -> list[tuple[str, Method]]:
    """Methods that list case type `key`, in the order chooser.js ranks them for that case type alone:
    those made for it (listed first) before the rest, specialists before all-rounders, then by title."""
    return sorted(
        ((slug, m) for slug, m in site.methods.items() if key in m.casustypen),
        key=lambda item: (item[1].casustypen[0] != key, len(item[1].casustypen), item[1].titel.casefold()),
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def case_table(site: SiteData) -> str:
    """Per case type: how to recognise it and the methods that suit it (the page without JavaScript)."""
    rows = ["| Soort casus | Methoden die passen |", "| --- | --- |"]
    for key, case in site.case_types.items():
        links = ", ".join(f"[{_cell(m.titel)}](../methoden/{slug}.md)" for slug, m in suited_methods(site, key))
        rows.append(
            f"| **{_cell(case.naam)}**<br>{_cell(case.beschrijving)} | {links or 'nog geen methode'} |"
        )
    return '<div class="ih-table ih-chooser-table" data-chooser-table markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def _radio(name: str, value: str, label: str, checked: bool, extra: str = "") -> str:
    mark = " checked" if checked else ""
    return (
        f'<label class="ih-option"><input type="radio" name="{name}" value="{escape(value)}"{mark}>'
        f'<span class="ih-option__text"><span class="ih-option__name">{escape(label)}</span>{extra}</span></label>'
    )


def _choice_group(name: str, legend: str, options: dict[str, str]) -> str:
    radios = "".join(_radio(name, value, label, value == "") for value, label in options.items())
    return (
        f'<fieldset class="ih-chooser__group ih-chooser__group--inline"><legend>{legend}</legend>'
        f'<div class="ih-chooser__options">{radios}</div></fieldset>'
    )


def case_fieldset(site: SiteData) -> str:
    options = [_radio("casus", "", "Weet ik nog niet", True)]
    for key, case in site.case_types.items():
        extra = (
            f'<span class="ih-option__desc">{escape(case.beschrijving)}</span>'
            f'<span class="ih-option__eg">Bijvoorbeeld: {escape(case.voorbeeld)}</span>'
        )
        options.append(_radio("casus", key, case.naam, False, extra))
    return (
        '<fieldset class="ih-chooser__group ih-chooser__cases"><legend>Wat voor casus is het?</legend>'
        + "".join(options)
        + "</fieldset>"
    )


def _number(name: str, label: str, hint: str, low: int, high: int, step: int) -> str:
    return (
        f'<p class="ih-field"><label for="ih-kies-{name}">{label}</label>'
        f'<span class="ih-field__hint" id="ih-kies-{name}-hint">{hint}</span>'
        f'<input id="ih-kies-{name}" name="{name}" type="number" inputmode="numeric" min="{low}" max="{high}" '
        f'step="{step}" autocomplete="off" aria-describedby="ih-kies-{name}-hint"></p>'
    )


# The result item the script clones for every method; its words stay in the page, not in the script.
RESULT_TEMPLATE = (
    '<template data-chooser-item><li class="ih-result">'
    '<p class="ih-result__title"><a data-field="link"></a> <span class="ih-result__meta" data-field="meta"></span></p>'
    '<ul class="ih-result__reasons" data-field="reasons"></ul>'
    '<p class="ih-result__variant" data-field="variant">Ook beschreven als <a></a>: dezelfde methode, '
    "andere uitwerking.</p>"
    '<p class="ih-result__actions"><a class="md-button md-button--primary" data-field="timer">Start in de timer</a></p>'
    "</li></template>"
)


def form_html(site: SiteData) -> str:
    """The form and the (empty) result lists, shown from the first paint so nothing moves when
    chooser.js arrives; without JavaScript (.ih-needs-js) the case table below takes their place."""
    return "".join(
        [
            '<div class="ih-chooser ih-needs-js" data-chooser data-src="../api/methods.json" '
            f'data-weights="../api/chooser.json"{data_limits(chooser_limits())}>',
            '<form class="ih-chooser__form" data-chooser-form novalidate aria-label="Vragen over jullie casus">',
            # First in the form, so that on a phone the results are one tap away, not a long scroll.
            '<p class="ih-chooser__jump ih-chooser__jump--top"><a href="#ih-kies-resultaten" data-chooser-jump>'
            'Direct naar de methoden <span data-chooser-jump-count></span></a></p>',
            case_fieldset(site),
            _number("minuten", "Hoeveel minuten hebben jullie?", "Voor de casus zelf, zonder opening en pauze.",
                    *CHOOSER_MINUTES, 5),
            _number("groep", "Met hoeveel personen zijn jullie?", "De casusinbrenger telt mee.", *CHOOSER_GROUP, 1),
            _choice_group("ervaring", "Hoe ervaren is de groep met intervisie?", EXPERIENCE),
            _choice_group("advies", "Wil de casusinbrenger advies?", ADVICE),
            '<p class="ih-chooser__buttons">'
            '<button type="button" class="md-button" data-chooser-clear>Alles wissen</button></p>',
            '<p class="ih-chooser__jump"><a href="#ih-kies-resultaten" data-chooser-jump>Naar de methoden'
            ' <span data-chooser-jump-count></span></a></p>',
            "</form>",
            '<section class="ih-chooser__out" id="ih-kies-resultaten" aria-labelledby="ih-kies-kop" aria-busy="true">',
            '<h2 id="ih-kies-kop" tabindex="-1">Methoden die passen</h2>',
            '<p class="ih-chooser__common" data-chooser-common hidden></p>',
            '<div class="admonition warning ih-chooser__note" data-chooser-note hidden></div>',
            '<p class="ih-chooser__count" data-chooser-count role="status" aria-live="polite">Methoden laden…</p>',
            '<ol class="ih-results" data-chooser-results></ol>',
            '<section class="ih-chooser__weaker" data-chooser-weaker aria-labelledby="ih-kies-minder" hidden>',
            '<h3 id="ih-kies-minder">Past minder goed</h3>',
            "<p>Deze methoden passen niet helemaal bij jullie antwoorden; de reden staat erbij.</p>",
            '<ol class="ih-results ih-results--weaker"></ol></section>',
            "</section>",
            RESULT_TEMPLATE,
            "</div>",
        ]
    )


def register(env, site: SiteData) -> None:  # noqa: ANN001 - mkdocs-macros passes its own env type
    """Add this module's {{ ... }} functions to mkdocs-macros."""

    @env.macro
    def chooser_form() -> str:
        return form_html(site)

    @env.macro
    def chooser_table() -> str:
        return case_table(site)

    @env.macro
    def chooser_case_keys() -> str:
        return ", ".join(f"`{key}`" for key in site.case_types)
