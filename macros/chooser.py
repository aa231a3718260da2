"""Macros for the method chooser at /kiezen/ (registered from macros/env.py).

The page is built as plain HTML that helps without JavaScript (a table of case types with
the methods that suit them); docs/assets/javascripts/chooser.js then reveals and drives the
form, which it ranks with the weights of data/chooser.yml (exported as /api/chooser.json).
"""

from __future__ import annotations

from markupsafe import Markup

from sitebuild.load import SiteData
from sitebuild.schema import Method

from . import markup
from .limits import CHOOSER_GROUP, CHOOSER_MINUTES, chooser_limits, data_limits


def suited_methods(site: SiteData, key: str) -> list[tuple[str, Method]]:
    """Methods that list case type `key`, in the order chooser.js ranks them for that case type alone:
    those made for it (listed first) before the rest, specialists before all-rounders, then by title."""
    return sorted(
        ((slug, m) for slug, m in site.methods.items() if key in m.casustypen),
        key=lambda item: (item[1].casustypen[0] != key, len(item[1].casustypen), item[1].titel.casefold()),
    )


def case_table(site: SiteData) -> str:
    """Per case type: how to recognise it and the methods that suit it (the page without JavaScript)."""
    rows = [{"naam": case.naam, "beschrijving": case.beschrijving, "methods": suited_methods(site, key)}
            for key, case in site.case_types.items()]
    return markup.html("chooser/case_table.md", rows=rows)


def form_html(site: SiteData) -> str:
    """The form and the (empty) result lists (macros/templates/chooser/form.html)."""
    return markup.html(
        "chooser/form.html", case_types=list(site.case_types.items()),
        limits=Markup(data_limits(chooser_limits())), minutes=CHOOSER_MINUTES, group=CHOOSER_GROUP,
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
