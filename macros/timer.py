"""Macros for the timer page and the example agenda (registered from macros/env.py).

The HTML here is what a visitor without JavaScript gets: the example agenda and every
method as tables with minutes, and a plain GET form that opens /timer/?methode=<slug>.
docs/assets/javascripts/timer.js upgrades the same element ([data-timer]) in place.
"""

from __future__ import annotations

from html import escape

from sitebuild.load import SiteData
from sitebuild.schema import AgendaItem

from .limits import PLAN_NAME, PLAN_ROUNDS, TIMER_MINUTES, data_limits, timer_limits
from .markup import html
from .render import minutes, total_label

# The roles the printed session plan leaves room for, in the handbook's terms (the glossary
# explains synonyms such as facilitator); the names typed for them stay in the browser.
SHEET_ROLES = (
    ("procesbegeleider", "Procesbegeleider"),
    ("casusinbrenger", "Casusinbrenger"),
    ("tijdbewaker", "Tijdbewaker"),
    ("notulist", "Notulist"),
)


def source_range(item: AgendaItem) -> str:
    """The minutes the source gives, e.g. '5–10 min', or '' when it gives none."""
    if item.van is None and item.tot is None:
        return ""
    low, high = item.van or item.minuten, item.tot or item.minuten
    return minutes(low) if low == high else f"{low}–{high} min"


def agenda_table(site: SiteData) -> str:
    """The example agenda as a table: part, what happens, minutes in the timer and in the source."""
    agenda = site.agenda
    rows = []
    for number, item in enumerate(agenda.onderdelen, start=1):
        slot = '<span class="ih-agenda__slot">hier komt de gekozen methode</span>' if item.methode else ""
        rows.append(
            f'<tr data-agenda-item="{item.sleutel}" data-minutes="{item.minuten}">'
            f"<td>{number}. <strong>{escape(item.naam)}</strong>{slot}</td>"
            f"<td>{minutes(item.minuten)}</td><td>{source_range(item)}</td>"
            f"<td>{escape(item.wat)}</td></tr>"
        )
    return (
        '<div class="ih-table ih-agenda" data-agenda-table>\n'
        "<table>\n<thead><tr><th>Onderdeel</th><th>Timer</th><th>Bron</th><th>Wat gebeurt er?</th></tr></thead>\n"
        "<tbody>\n"
        + "\n".join(rows)
        + '\n</tbody>\n<tfoot><tr><th scope="row">Samen</th>'
        f"<td data-agenda-total>{minutes(agenda.totaal_minuten)}</td><td></td><td></td></tr></tfoot>\n</table>\n</div>"
    )


def methods_table(site: SiteData) -> str:
    """Every method with its steps' minutes and a link that opens it in the timer."""
    rows = []
    for slug, method in sorted(site.methods.items(), key=lambda item: item[1].titel.casefold()):
        steps = " + ".join(str(step.minuten) for step in method.stappen)
        rows.append(
            f'<tr data-timer-method="{slug}"><td><a href="?methode={slug}">{escape(method.titel)}</a></td>'
            f"<td>{len(method.stappen)}</td><td>{steps}</td><td>{total_label(method)}</td></tr>"
        )
    return (
        '<div class="ih-table" data-timer-methods>\n'
        "<table>\n<thead><tr><th>Methode</th><th>Stappen</th><th>Minuten per stap</th><th>Samen</th></tr></thead>\n"
        "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</div>"
    )


def _repeats(method) -> str:  # noqa: ANN001 - a sitebuild Method
    """Marks a method with a part per topic, so that the form offers the rounds field with it."""
    return " data-rounds" if any(step.per_ronde for step in method.stappen) else ""


def method_options(site: SiteData) -> str:
    return "".join(
        f'<option value="{slug}"{_repeats(method)}>{escape(method.titel)} ({total_label(method)})</option>'
        for slug, method in sorted(site.methods.items(), key=lambda item: item[1].titel.casefold())
    )


def _button(attr: str, label: str, extra: str = "", primary: bool = False, css: str = "") -> str:
    classes = " ".join(filter(None, ["md-button", "md-button--primary" if primary else "", css]))
    return f'<button type="button" class="{classes}" {attr}{extra}>{label}</button>'


def _toggle(attr: str, label: str, pressed: bool, mark_attr: str = "") -> str:
    """A button that stays pressed while its setting is on. The label never changes (it names the
    setting, not an action); a check box drawn by CSS shows the state, and aria-pressed tells it."""
    mark = f'<span class="ih-toggle__mark" aria-hidden="true"{mark_attr}></span>'
    return _button(attr, f"{mark}{label}", f' aria-pressed="{str(pressed).lower()}"', css="ih-toggle")


def run_view() -> str:
    """The running timer; hidden until the script has a session to run."""
    controls = "".join(
        [
            _button("data-timer-start", "Start", ' aria-keyshortcuts="Space"', primary=True),
            _button("data-timer-prev", "Vorige", ' aria-keyshortcuts="ArrowLeft PageUp"'),
            _button("data-timer-next", "Volgende", ' aria-keyshortcuts="ArrowRight PageDown"'),
            _button("data-timer-minus", "−1 min", ' aria-label="Eén minuut eraf" aria-keyshortcuts="-"'),
            _button("data-timer-plus", "+1 min", ' aria-label="Eén minuut erbij" aria-keyshortcuts="+"'),
            _button("data-timer-restart", "Opnieuw"),
            _toggle("data-timer-projector", "Projector", pressed=False),
            _toggle("data-timer-mute", "Geluid", pressed=True, mark_attr=" data-timer-mute-state"),
        ]
    )
    return (
        '<section class="ih-timer__run" data-timer-run hidden aria-label="Lopende sessie">\n'
        '<div class="ih-timer__stage" data-timer-stage>'
        '<p class="ih-timer__context" data-timer-context></p>'
        '<h2 class="ih-timer__phase" data-timer-phase></h2>'
        '<p class="ih-timer__what" data-timer-what></p>'
        '<div class="ih-timer__clockbox" data-timer-clockbox>'
        '<div class="ih-timer__clock" role="timer" aria-label="Resterende tijd van deze fase" data-timer-clock>'
        "0:00</div>"
        '<p class="ih-timer__level" data-timer-level></p></div>'
        # Right under the clock, so that on a phone Start is on the first screen.
        f'<div class="ih-timer__controls" role="group" aria-label="Bediening">{controls}</div>'
        '<div class="ih-timer__bar" role="progressbar" aria-label="Voortgang van de hele sessie" '
        'aria-valuemin="0" aria-valuemax="100" aria-valuenow="0" data-timer-bar>'
        '<div class="ih-timer__fill" data-timer-fill></div></div>'
        '<dl class="ih-timer__facts">'
        "<div><dt>Hierna</dt><dd data-timer-upcoming></dd></div>"
        "<div><dt>Nog in totaal</dt><dd data-timer-total></dd></div>"
        "<div><dt>Einde</dt><dd data-timer-end></dd></div>"
        "<div><dt>Agenda</dt><dd data-timer-drift></dd></div></dl>"
        '<p class="ih-timer__done" data-timer-done hidden></p>'
        "</div>\n"
        '<fieldset class="ih-timer__settings"><legend>Instellingen</legend>'
        '<label><input type="checkbox" data-timer-auto> Automatisch door naar de volgende fase</label>'
        '<label><input type="checkbox" data-timer-warnsound> Zacht signaal één minuut voor het einde van een fase'
        "</label></fieldset>\n"
        '<div class="ih-timer__fitreport" data-timer-fitreport hidden></div>\n'
        '<h2 class="ih-timer__heading">Programma</h2>'
        '<p class="ih-timer__hint" data-timer-hint>Vooraan staat hoe lang na de start elke fase begint.</p>'
        '<ol class="ih-timer__programme" data-timer-programme></ol>\n'
        '<p class="ih-timer__links"><a class="md-button" href="./" data-timer-choose-link>Andere methode of sessie</a>'
        ' <a class="md-button" href="./" data-timer-edit-link>Deze agenda aanpassen</a> '
        + _button("data-timer-print", "Afdrukken")
        + "</p>\n"
        '<div class="ih-visually-hidden" aria-live="polite" data-timer-live></div>\n'
        "</section>"
    )


def _rounds_field(field_id: str, attr: str, name: str = "", value: str = "1") -> str:
    """How often a method's repeating part runs; the script shows it only next to such a method
    (disabled while hidden, so that a form does not send it)."""
    named = f' name="{name}"' if name else ""
    return (
        f'<div class="ih-planner__row" {attr}-row hidden><label for="{field_id}">Aantal onderwerpen of rondes</label> '
        f'<input id="{field_id}" type="number" min="{PLAN_ROUNDS[0]}" max="{PLAN_ROUNDS[1]}" step="1" '
        f'inputmode="numeric" value="{value}"{named} disabled {attr}></div>'
    )


def planner() -> str:
    """The session planner; only the script can make it work, so it starts hidden."""
    return (
        '<section class="ih-planner" data-timer-builder hidden aria-labelledby="sessie-samenstellen">\n'
        '<h2 id="sessie-samenstellen">Sessie samenstellen</h2>'
        "<p>Zet de onderdelen van jullie bijeenkomst onder elkaar: een opening, één of twee methoden, een pauze, "
        "een evaluatie en een afsluiting. Verander de minuten, zet onderdelen hoger of lager en maak het geheel "
        "passend op de tijd die jullie hebben.</p>"
        '<ol class="ih-planner__items" data-timer-items></ol>'
        '<p class="ih-planner__total">Samen: <strong data-timer-builder-total></strong></p>'
        '<div class="ih-planner__row"><label for="ih-timer-add">Onderdeel toevoegen</label> '
        '<select id="ih-timer-add" data-timer-add-select></select> '
        + _button("data-timer-add", "Toevoegen")
        + "</div>"
        '<div class="ih-planner__row"><label for="ih-timer-fit">Passend maken op</label> '
        f'<input id="ih-timer-fit" type="number" min="{TIMER_MINUTES[0]}" max="{TIMER_MINUTES[1]}" step="1" '
        'inputmode="numeric" '
        'data-timer-fit-minutes> minuten '
        + _button("data-timer-fit", "Passend maken")
        + "</div>"
        f"{_rounds_field('ih-timer-rondes', 'data-timer-rounds')}"
        '<div class="ih-planner__row"><label for="ih-timer-begin">Begintijd (niet verplicht)</label> '
        '<input id="ih-timer-begin" type="time" data-timer-begin></div>'
        '<div class="ih-planner__report" data-timer-builder-report role="status"></div>'
        '<p class="ih-planner__row"><a class="md-button md-button--primary" href="./" data-timer-builder-start>'
        "Start deze sessie</a> "
        + _button("data-timer-copy", "Kopieer link")
        + " "
        + _button("data-timer-print", "Afdrukken")
        + " "
        + _button("data-timer-load-example", "Begin met de voorbeeldagenda")
        + "</p>"
        '<p class="ih-planner__row ih-planner__link"><label for="ih-timer-link">Link naar deze agenda</label> '
        '<input id="ih-timer-link" type="text" readonly data-timer-link></p>'
        '<table class="ih-planner__print" data-timer-builder-print></table>'
        "\n</section>"
    )


def choose_view(site: SiteData) -> str:
    """What the page offers before a session runs; the tables also serve readers without JavaScript."""
    return (
        '<div class="ih-timer__choose" data-timer-choose>\n'
        '<h2 id="methode-klokken">Een methode klokken</h2>'
        # Without JavaScript the form and the example's button would only reload this page.
        '<p class="ih-nojs" data-timer-nojs>De klok zelf heeft JavaScript nodig. Zonder JavaScript vind je hieronder de '
        "voorbeeldagenda en alle methoden met de minuten per stap: houd de tijd dan bij met een gewone klok of "
        "de timer van je telefoon.</p>"
        '<form class="ih-timer__pick ih-needs-js" method="get" action="./">'
        '<p class="ih-planner__row"><label for="ih-timer-methode">Methode</label> '
        f'<select id="ih-timer-methode" name="methode">{method_options(site)}</select></p>'
        '<p class="ih-planner__row"><label for="ih-timer-minuten">Beschikbare tijd in minuten (niet verplicht)'
        "</label> "
        f'<input id="ih-timer-minuten" name="minuten" type="number" min="{TIMER_MINUTES[0]}" max="{TIMER_MINUTES[1]}" step="1" '
        'inputmode="numeric"></p>'
        f"{_rounds_field('ih-timer-pick-rondes', 'data-timer-pick-rounds', name='rondes', value='')}"
        '<p class="ih-planner__row"><label for="ih-timer-pick-start">Begintijd (niet verplicht)</label> '
        '<input id="ih-timer-pick-start" name="start" type="time"></p>'
        '<p><button type="submit" class="md-button md-button--primary">Open in de timer</button></p>'
        "</form>\n"
        '<h2 id="voorbeeldagenda">Voorbeeldagenda</h2>'
        "<p>De agenda uit de bijlage van het handboek. Bij <em>Reflectie en analyse</em> werkt de groep met de "
        "methode die jullie kiezen.</p>\n"
        f"{agenda_table(site)}\n"
        '<p class="ih-needs-js"><a class="md-button" href="?agenda=voorbeeld" data-timer-example-link>Voorbeeldagenda in de timer</a></p>'
        '\n<h2 id="alle-methoden">Alle methoden</h2>\n'
        f"{methods_table(site)}\n"
        # Last, so that revealing it (it needs the script) shifts nothing a reader is looking at.
        f"{planner()}\n"
        "</div>"
    )


def timer_widget(site: SiteData) -> str:
    """The whole [data-timer] element of /timer/."""
    return (
        '<div class="ih-timer" data-timer data-src="../api/methods.json" data-agenda-src="../api/agenda.json"'
        f"{data_limits(timer_limits())}>\n"
        '<p class="ih-timer__note" data-timer-note role="status" hidden></p>\n'
        '<p class="ih-timer__resume" data-timer-resume hidden>Er staat nog een sessie open: '
        '<a href="./" data-timer-resume-link></a></p>\n'
        f"{run_view()}\n{session_sheet()}\n{saved_plans()}\n{choose_view(site)}\n</div>"
    )


def session_sheet() -> str:
    """The printable one-page plan of the session the timer is about to run."""
    return html("timer/sheet.html", roles=SHEET_ROLES, max_name=PLAN_NAME).strip()


def saved_plans() -> str:
    """The plans kept in this browser, offered before a method is chosen."""
    return html("timer/saved.html").strip()


def register(env, site: SiteData) -> None:  # noqa: ANN001 - mkdocs-macros passes its own env type
    """Add this module's {{ ... }} functions to mkdocs-macros."""

    @env.macro
    def timer_widget_html() -> str:
        return timer_widget(site)

    @env.macro
    def example_agenda_table() -> str:
        return agenda_table(site)

    @env.macro
    def example_agenda_minutes() -> int:
        return site.agenda.totaal_minuten
