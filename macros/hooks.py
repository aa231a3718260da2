"""MkDocs hook: add a page per method and the /api/ files to the build.

The data itself is loaded and validated by mkdocs-macros' `define_env` (macros/env.py),
which runs in on_config, before any hook.

Listed under `hooks:` in mkdocs.yml. MkDocs imports this file on its own, so the project
root goes on sys.path to import the `macros` package that mkdocs-macros also uses.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from macros import export, handbook, render, state  # noqa: E402


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The chapters of the 'Handboek' menu come from data/handbook.yml, so their order and titles live in
    # one place (also used for the table of contents and the previous/next links).
    config.nav = handbook.handbook_nav(config.nav, state.current())
    # The glossary snippet is appended to every page; check it once here so a broken line stops the build
    # with a plain message instead of a macro error on the glossary page.
    handbook.glossary_terms(state.current().root)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = state.current()
    for slug, method in site.methods.items():
        files.append(File.generated(config, f"methoden/{slug}.md", content=render.method_page(slug, method, site)))
    api = {
        "methods.json": export.methods_json(site),
        "method.schema.json": export.method_schema(),
        "agenda.json": export.agenda_json(site),
        "chooser.json": site.chooser.model_dump(),
        "cards.json": export.cards_json(site),
    }
    for name, value in api.items():
        files.append(File.generated(config, f"api/{name}", content=export.dumps(value)))
    return files
