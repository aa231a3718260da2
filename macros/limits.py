"""The limits that the built pages and the widgets in the browser share, defined once.

The pages show them (an input's min/max) and hand them to the widget's script in a `data-limits`
attribute on its root, so that no number or key pattern is written again in JavaScript.
Where the chooser's script and form disagreed before (minutes 1-1440 in the script, 5-600 in the
form; group 2-100 against 2-30), the form's own min/max won: that is what a visitor is shown.
"""

from __future__ import annotations

import json
from html import escape

from sitebuild.schema import SLUG_RE

TIMER_MINUTES = (1, 600)  # one agenda item, and a whole session to fit into
TIMER_ITEMS = 20  # items in an ?agenda= link
TIMER_METHODS = 2  # methods in one session
CHOOSER_MINUTES = (5, 600)
CHOOSER_GROUP = (2, 30)
PLAN_NAME = 80  # characters in a saved plan's name and in a role's name on the printed plan
PLAN_ROUNDS = (1, 12)  # topics or case-givers a method with rounds repeats for (our choice, see Verantwoording)


def timer_limits() -> dict[str, object]:
    return {"minuten": list(TIMER_MINUTES), "onderdelen": TIMER_ITEMS, "methoden": TIMER_METHODS,
            "sleutel": SLUG_RE.pattern, "groep": list(CHOOSER_GROUP), "rondes": list(PLAN_ROUNDS)}


def chooser_limits() -> dict[str, object]:
    return {"minuten": list(CHOOSER_MINUTES), "groep": list(CHOOSER_GROUP), "rondes": list(PLAN_ROUNDS)}


def data_limits(limits: dict[str, object]) -> str:
    """The ` data-limits="..."` attribute that carries `limits` to the widget's script."""
    return f' data-limits="{escape(json.dumps(limits, separators=(",", ":")))}"'
