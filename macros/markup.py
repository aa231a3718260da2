"""The HTML of the pages' blocks and widgets lives in macros/templates/; this module renders it.

Python decides what to show, the templates hold the markup and the fixed Dutch text. Every value is
escaped unless it is marked as markup: text from data/ is content, never code.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import jinja2
from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"


def _escaped(value: object) -> object:
    # html.escape rather than Jinja's own escaping, so that quotes come out as '&quot;' and '&#x27;',
    # as in the pages built before the templates (and as html.escape writes them elsewhere in macros/).
    if hasattr(value, "__html__"):
        return value
    return Markup(escape(str(value)))


def _markdown(text: str) -> Markup:
    """Markdown from data/: passed on unescaped for Python-Markdown to render. The load stage has
    already refused any HTML, attribute list or template code in it (sitebuild/load.py)."""
    return Markup(text)


_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    finalize=_escaped,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["markdown"] = _markdown


def html(name: str, **context: object) -> str:
    """Render macros/templates/<name> with `context`, e.g. html('cards/widget.html', groups=...)."""
    return str(_ENV.get_template(name).render(**context))


_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!>|])")


def md_literal(text: str) -> str:
    """`text` as Markdown that renders exactly as written (for titles in headings, links and tables)."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


_ENV.filters["md_literal"] = md_literal


def md_cell(text: str) -> Markup:
    """Markdown from data/ for a table cell: as written (see `_markdown`), with '|' escaped so that it
    cannot end the cell."""
    return Markup(text.replace("|", "\\|"))


_ENV.filters["cell"] = md_cell
