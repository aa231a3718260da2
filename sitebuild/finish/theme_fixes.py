"""Finish: small fixes to Material's HTML and CSS that our own CSS cannot make.

Material's search panel has role="dialog" but no name (axe: aria-dialog-name). Overriding
the search partial would mean copying it; one exact replacement here keeps us on
Material's own template and fails loudly if a Material update changes the markup.

Material's palette script marks <body> with data-md-color-switching and unmarks it a frame later
on every page load, not only when the reader switches colours; its palette stylesheet has a rule
for every element under a marked body, so each mark restyles the whole page: two extra full style
passes per page load (the timer page: a quarter of its style time). Without that rule the mark
matches nothing and costs nothing; a switch by the toggle then fades the colours over Material's
own transition times instead of changing them at once. Same policy: one exact removal, loud if
the stylesheet changes.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import FinishError

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Zoeken">'


def name_search_dialog(html: str, where: str) -> str:
    if SEARCH_DIALOG not in html:
        if NAMED_SEARCH_DIALOG in html or 'data-md-component="search"' not in html:
            return html
        raise FinishError(f"{where}: Material's zoekvenster ziet er anders uit; werk sitebuild/finish/theme_fixes.py bij.")
    return html.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG, 1)


SWITCHING_RULE = ("[data-md-color-switching] *,[data-md-color-switching] :after,"
                  "[data-md-color-switching] :before{transition-duration:0s!important}")


def drop_switching_rule(site_dir: Path) -> None:
    """Take the rule for data-md-color-switching out of the theme's palette stylesheet(s)."""
    for sheet in sorted((site_dir / "assets" / "stylesheets").rglob("palette.*.min.css")):
        css = sheet.read_text(encoding="utf-8")
        if SWITCHING_RULE in css:
            sheet.write_text(css.replace(SWITCHING_RULE, "", 1), encoding="utf-8")
        elif "data-md-color-switching" in css:
            where = sheet.relative_to(site_dir).as_posix()
            raise FinishError(f"{where}: Material's regel voor data-md-color-switching ziet er anders uit; "
                              "werk sitebuild/finish/theme_fixes.py bij.")
