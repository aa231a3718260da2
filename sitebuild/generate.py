"""Stage 2, generate: the files that come from data/ alone, as {path relative to the docs folder: text}.

- one Markdown page per method (`methoden/<slug>.md`; its Markdown comes from macros/render.py, and the
  generator's Markdown renders it like any hand-written page);
- the open data under `api/` (sitebuild/export.py);
- the chapters of the 'Handboek' menu, from data/handbook.yml.

`python -m sitebuild generate --into DIR` writes them into a copy of docs/ for another generator;
sitebuild/mkdocs_hooks.py hands the same files to MkDocs without writing them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from macros.render import method_page

from . import export
from .errors import DataError
from .load import SiteData


def method_pages(site: SiteData) -> dict[str, str]:
    """One page per method, at the address /methoden/<slug>/."""
    return {f"methoden/{slug}.md": method_page(slug, method, site) for slug, method in site.methods.items()}


def api_files(site: SiteData) -> dict[str, str]:
    """The JSON files under /api/ (listed in the README under 'Open gegevens')."""
    values = {
        "methods.json": export.methods_json(site),
        "method.schema.json": export.method_schema(),
        "agenda.json": export.agenda_json(site),
        "chooser.json": export.chooser_json(site),
        "cards.json": export.cards_json(site),
        "groep.schema.json": export.group_schema(),
    }
    files = {f"api/{name}": export.dumps(value) for name, value in values.items()}
    # For the widgets: the chooser's compact index and the timer's one method (issue 14).
    files["api/methods-index.json"] = export.dumps_compact(export.methods_index_json(site))
    for slug, value in export.method_files(site).items():
        files[f"api/methods/{slug}.json"] = export.dumps_compact(value)
    return files


def generated_files(site: SiteData) -> dict[str, str]:
    """Every generated file: the method pages and the /api/ files."""
    return {**method_pages(site), **api_files(site)}


def write_files(files: Mapping[str, str], folder: Path) -> list[Path]:
    """Write `files` below `folder` (a copy of docs/), replacing what an earlier run wrote there."""
    written = []
    for rel, text in files.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def handbook_nav(nav: list | None, site: SiteData) -> list:
    """mkdocs.yml's nav with the chapters from data/handbook.yml under its 'Handboek' entry, so their order
    and titles live in one place (also used for the table of contents and the previous/next links)."""
    chapters = [{c.titel: f"handboek/{c.slug}.md"} for c in site.handbook.hoofdstukken]
    new_nav = []
    found = False
    for entry in nav or []:
        if isinstance(entry, dict) and "Handboek" in entry and not found:
            entry = {**entry, "Handboek": ["handboek/index.md", *chapters]}
            found = True
        new_nav.append(entry)
    if not found:
        raise DataError(
            "Fout in mkdocs.yml: het menu ('nav') heeft geen onderdeel 'Handboek'. "
            "Zet daar '- Handboek:' met '- handboek/index.md' eronder; de hoofdstukken komen uit data/handbook.yml."
        )
    return new_nav
