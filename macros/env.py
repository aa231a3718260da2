"""The mkdocs-macros entry point: functions that hand-written pages call as {{ ... }}.

Each widget or part of the handbook keeps its macros in its own module with a
`register(env, site)` function; this file loads the data and wires them up.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sitebuild.errors import SiteError
from sitebuild.load import SiteData, load_site

from . import appendices, cards, chooser, group, handbook, render, timer


def define_env(env) -> None:  # noqa: ANN001 - mkdocs-macros passes its own env type
    root = Path(env.project_dir)
    try:
        site = load_site(root)
        # The glossary snippet is appended to every page; checked once here so a broken line stops the build
        # with a plain message instead of a macro error on the glossary page.
        handbook.glossary_terms(root)
    except SiteError as error:
        raise as_builder_error(error) from None
    register(env, site)


def as_builder_error(error: SiteError) -> Exception:
    """Under MkDocs (mkdocs-macros runs define_env) its PluginError, which MkDocs prints as one line instead of
    a traceback; under any other builder the error itself. MkDocs is imported only when it is already running."""
    if "mkdocs" not in sys.modules:
        return error
    from mkdocs.exceptions import PluginError

    return PluginError(str(error))


def register(env, site: SiteData) -> None:  # noqa: ANN001
    """Give the pages the macros of every part of the site, all reading the same loaded data."""

    @env.macro
    def methods_table() -> str:
        return render.methods_table(site)

    @env.macro
    def case_type_sections(link_prefix: str = "") -> str:
        return render.case_type_sections(site, link_prefix)

    @env.macro
    def method_count() -> int:
        return len(site.methods)

    @env.macro
    def roles() -> dict:
        return dict(site.roles)

    @env.macro
    def sources() -> dict:
        return dict(site.sources)

    @env.macro
    def editorial_table() -> str:
        return render.editorial_table(site)

    for module in (chooser, timer, cards, group, handbook, appendices):
        module.register(env, site)
