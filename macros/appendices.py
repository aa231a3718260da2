"""Macros for the appendices that readers use at the table: the roles, the two forms and the
page that holds the whole handbook for printing (registered from macros/env.py).

The forms are built as real HTML form fields from data/forms.yml; docs/assets/javascripts/forms.js
keeps what a reader types in that browser only. The print page renders every chapter of
data/handbook.yml as if it were on its own page, so its macros and links behave exactly as there.
"""

from __future__ import annotations

import posixpath
import re
from html import escape
from pathlib import Path
from types import SimpleNamespace

import yaml

from sitebuild.errors import AppendixError
from sitebuild.load import SiteData
from sitebuild.schema import Form

from . import generator, markup

STORAGE_PREFIX = "intervisie.formulier."
STORAGE_VERSION = "v1"
FIELD_ROWS = {"kort": 4, "lang": 8}

_FENCE = re.compile(r"^(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,5})(\s)")
# Markdown link targets `](x)` and HTML `href="x"` / `src="x"`; only relative ones get rewritten.
_LINK = re.compile(r"(?P<lead>\]\(|(?:href|src)=\")(?P<target>[^)\"\s]+)")
_NOT_RELATIVE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|\{)", re.I)


# YAML front matter as MkDocs reads it: `---` on the first line, up to a line `---` or `...`.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(?P<meta>.*?\n)?(?:-{3}|\.{3})[ \t]*\n", re.S)


def front_matter(text: str) -> tuple[str, dict]:
    """A page's Markdown without its front matter, and the front matter (without importing MkDocs)."""
    found = _FRONT_MATTER.match(text)
    if not found:
        return text, {}
    meta = yaml.safe_load(found["meta"] or "") or {}
    return text[found.end():], meta if isinstance(meta, dict) else {}


def storage_key(form_key: str) -> str:
    """The browser storage key of a form: `intervisie.formulier.<key>.v1`."""
    return f"{STORAGE_PREFIX}{form_key}.{STORAGE_VERSION}"


# --- roles ----------------------------------------------------------------------------------------


def methods_with_role(site: SiteData, role_key: str) -> list[tuple[str, str]]:
    """(slug, title) of every method that uses the role, sorted by title."""
    found = [(slug, m.titel) for slug, m in site.methods.items() if role_key in m.rollen]
    return sorted(found, key=lambda item: item[1].casefold())


def roles_page(site: SiteData) -> str:
    """Every role of data/roles.yml, in file order (macros/templates/appendices/roles.md)."""
    roles = [{"key": key, "role": role, "methods": methods_with_role(site, key)} for key, role in site.roles.items()]
    return markup.html("appendices/roles.md", roles=roles)


# --- forms ----------------------------------------------------------------------------------------


def form_html(form_key: str, form: Form, privacy_href: str) -> str:
    """A fillable form with one field per question (macros/templates/appendices/form.html)."""
    fields = []
    for field in form.velden:
        ident = f"ih-{form_key}-{field.sleutel}"
        fields.append({
            "ident": ident, "soort": field.soort, "sleutel": field.sleutel, "label": field.label,
            "hulp": field.hulp, "help_id": f"{ident}-hulp" if field.hulp else None,
            "rows": FIELD_ROWS.get(field.soort),
        })
    return markup.html(
        "appendices/form.html", key=form_key, form=form, fields=fields, storage_key=storage_key(form_key),
        notice_id=f"ih-{form_key}-privacy", confirm_id=f"ih-{form_key}-bevestig",
        filename=form.titel.casefold().replace(" ", "-"), privacy_href=privacy_href,
    )


def form_for(site: SiteData, form_key: str, privacy_href: str = "../../privacy/") -> str:
    if form_key not in site.forms:
        options = ", ".join(sorted(site.forms)) or "geen"
        raise AppendixError(f"Het formulier '{form_key}' staat niet in data/forms.yml. Kies uit: {options}.")
    return form_html(form_key, site.forms[form_key], privacy_href)


# --- the whole handbook on one page ---------------------------------------------------------------


def demote_headings(markdown: str) -> str:
    """Every ATX heading one level deeper (# -> ##), leaving fenced code alone."""
    lines, fence = [], None
    for line in markdown.splitlines():
        opened = _FENCE.match(line)
        if opened and (fence is None or opened.group(1)[0] == fence):
            fence = None if fence else opened.group(1)[0]
        elif fence is None:
            line = _HEADING.sub(r"#\1\2", line)
        lines.append(line)
    return "\n".join(lines)


def rebase_links(markdown: str, source_uri: str, target_uri: str) -> str:
    """Rewrite relative links written for the page `source_uri` so they work from `target_uri`.
    A link to a place on the same page goes to that place on the chapter's own page."""
    source_dir = posixpath.dirname(source_uri)
    target_dir = posixpath.dirname(target_uri) or "."

    def fix(match: re.Match[str]) -> str:
        target = match["target"]
        if _NOT_RELATIVE.match(target):
            return match.group(0)
        path, hash_, anchor = target.partition("#")
        absolute = posixpath.normpath(posixpath.join(source_dir, path)) if path else source_uri
        return match["lead"] + posixpath.relpath(absolute, target_dir) + hash_ + anchor

    return _LINK.sub(fix, markdown)


def _as_page(env, uri: str, meta: dict):  # noqa: ANN001, ANN202 - mkdocs-macros or Zensical env
    """Let the macros believe they run on the page `uri` (they build links relative to it)."""
    # `file` is how MkDocs pages name their source, `path` how Zensical's do (macros/generator.py).
    source = SimpleNamespace(src_uri=uri, src_path=uri)
    stand_in = SimpleNamespace(file=source, path=uri, meta=meta, title=meta.get("title"))
    return generator.page_set_to(env, stand_in)


def chapter_markdown(env, root: Path, slug: str, title: str, target_uri: str) -> str:  # noqa: ANN001
    """One chapter's page, rendered with its macros, links rebased and headings one level down."""
    uri = f"handboek/{slug}.md"
    path = root / "docs" / uri
    if not path.is_file():
        raise AppendixError(f"Het hoofdstuk '{slug}' uit data/handbook.yml heeft geen pagina docs/{uri}.")
    body, meta = front_matter(path.read_text(encoding="utf-8"))
    with _as_page(env, uri, meta):
        rendered = generator.render(env, body)
    if not re.search(r"^#\s", rendered, re.M):
        rendered = f"# {title}\n\n{rendered}"
    return demote_headings(rebase_links(rendered, uri, target_uri))


def whole_handbook(env, site: SiteData) -> str:  # noqa: ANN001
    """All chapters in the order of data/handbook.yml, each starting on a new sheet when printed."""
    if site.handbook is None:
        raise AppendixError("data/handbook.yml is niet geladen; de afdrukpagina heeft de hoofdstukken nodig.")
    here = generator.page_uri(env.page)
    chapters = site.handbook.hoofdstukken
    toc = "\n".join(f"{n}. [{c.titel}](#hoofdstuk-{c.slug})" for n, c in enumerate(chapters, start=1))
    parts = [f'<nav class="ih-book__toc" aria-label="Inhoud" markdown="1">\n\n**Inhoud**\n\n{toc}\n\n</nav>']
    for chapter in chapters:
        parts.append(f'<div class="ih-book__chapter" id="hoofdstuk-{chapter.slug}" data-book-chapter></div>')
        parts.append(chapter_markdown(env, site.root, chapter.slug, chapter.titel, here))
    return "\n\n".join(parts)


# --- registration ---------------------------------------------------------------------------------


def register(env, site: SiteData) -> None:  # noqa: ANN001 - mkdocs-macros passes its own env type
    """Add this module's {{ ... }} functions to mkdocs-macros."""

    @env.macro
    def roles_appendix() -> str:
        return roles_page(site)

    @env.macro
    def form(key: str) -> str:
        return form_for(site, key, generator.raw_href(env.page, "privacy/"))

    @env.macro
    def form_storage_key(key: str) -> str:
        form_for(site, key)  # fails loudly on an unknown form
        return storage_key(key)

    @env.macro
    def handbook_for_print() -> str:
        return whole_handbook(env, site)
