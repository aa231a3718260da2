"""Finish: small accessibility fixes to Material's HTML that CSS cannot make.

Material's search panel has role="dialog" but no name (axe: aria-dialog-name). Overriding
the search partial would mean copying it; one exact replacement here keeps us on
Material's own template and fails loudly if a Material update changes the markup.
"""

from __future__ import annotations

from ..errors import FinishError

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Zoeken">'


def name_search_dialog(html: str, where: str) -> str:
    if SEARCH_DIALOG not in html:
        if NAMED_SEARCH_DIALOG in html or 'data-md-component="search"' not in html:
            return html
        raise FinishError(f"{where}: Material's zoekvenster ziet er anders uit; werk sitebuild/finish/theme_fixes.py bij.")
    return html.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG, 1)
