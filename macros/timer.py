"""Macros for the timer page and the example agenda (registered from macros/env.py).

The HTML here is what a visitor without JavaScript gets: the example agenda and every
method as tables with minutes, and a plain GET form that opens /timer/?methode=<slug>.
docs/assets/javascripts/timer.js upgrades the same element ([data-timer]) in place.
Its markup and words are in macros/templates/timer/ (widget.html includes the rest).
"""

from __future__ import annotations

from markupsafe import Markup

from sitebuild.load import SiteData
from sitebuild.schema import AgendaItem

from . import markup
from .limits import PLAN_NAME, PLAN_ROUNDS, TIMER_MINUTES, data_limits, timer_limits
from .render import minutes, total_label

# The roles the printed session plan leaves room for, in the handbook's terms (the glossary
# explains synonyms such as facilitator); the names typed for them stay in the browser. No
# timekeeper: in the sources the procesbegeleider keeps the time.
SHEET_ROLES = (
    ("procesbegeleider", "Procesbegeleider"),
    ("casusinbrenger", "Casusinbrenger"),
    ("notulist", "Notulist"),
)


def source_range(item: AgendaItem) -> str:
    """The minutes the source gives, e.g. '5–10 min', or '' when it gives none."""
    if item.van is None and item.tot is None:
        return ""
    low, high = item.van or item.minuten, item.tot or item.minuten
    return minutes(low) if low == high else f"{low}–{high} min"


def agenda_source_range(site: SiteData) -> str:
    """The example agenda's length by the source's own margins, e.g. '70 tot 105 minuten', to set beside the
    phases of the handbook's chapter (which add up differently; the Voorbeeldagenda page shows both)."""
    items = site.agenda.onderdelen
    low = sum(item.van or item.minuten for item in items)
    high = sum(item.tot or item.minuten for item in items)
    return f"{low} tot {high} minuten" if low != high else f"{low} minuten"


def _agenda(site: SiteData) -> dict[str, object]:
    """What the example agenda's table shows."""
    rows = [{"number": number, "item": item, "source": source_range(item)}
            for number, item in enumerate(site.agenda.onderdelen, start=1)]
    return {"agenda_rows": rows, "agenda_minutes": site.agenda.totaal_minuten}


def _methods(site: SiteData) -> list[dict[str, object]]:
    """Every method by title, with what the methods table and the form's choice show of it."""
    return [
        {"slug": slug, "titel": method.titel, "steps": len(method.stappen),
         "step_minutes": " + ".join(str(step.minuten) for step in method.stappen),
         "total": total_label(method), "rounds": any(step.per_ronde for step in method.stappen)}
        for slug, method in sorted(site.methods.items(), key=lambda item: item[1].titel.casefold())
    ]


def agenda_table(site: SiteData) -> str:
    """The example agenda as a table: part, what happens, minutes in the timer and in the source."""
    return markup.html("timer/agenda_table.html", **_agenda(site))


def timer_widget(site: SiteData) -> str:
    """The whole [data-timer] element of /timer/ (macros/templates/timer/widget.html)."""
    return markup.html(
        "timer/widget.html", **_agenda(site), methods=_methods(site),
        limits=Markup(data_limits(timer_limits())), minutes=TIMER_MINUTES, rounds=PLAN_ROUNDS,
        roles=SHEET_ROLES, max_name=PLAN_NAME,
    )


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

    @env.macro
    def example_agenda_source_range() -> str:
        return agenda_source_range(site)
