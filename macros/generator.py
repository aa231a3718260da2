"""What the macros need from the generator that runs them, MkDocs (mkdocs-macros) or Zensical.

Both call `define_env(env)` and render `{{ ... }}`, but their env and page objects differ. Every
difference the macros rely on is answered here, so the rest of macros/ reads the same under both.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import jinja2


def page_uri(page: Any) -> str:
    """The page's source path below docs/, as 'bijlagen/rollen.md'.

    MkDocs pages carry it as `page.file.src_uri`; Zensical's have no `file` and call it `page.path`."""
    file = getattr(page, "file", None)
    return file.src_uri if file is not None else page.path


def raw_href(page: Any, target: str) -> str:
    """A relative href to the site folder `target` ('privacy/') for raw HTML on `page`.

    MkDocs leaves raw HTML alone, so the href is relative to the page's URL; Zensical resolves it
    against the page's source file, as it does a Markdown link (ZENSICAL-NOTES.md #2). Where Markdown
    can carry the link, prefer a Markdown link to the .md source: both generators agree on those."""
    url = getattr(page, "url", None)
    base = url if getattr(page, "file", None) is not None and url is not None else posixpath.dirname(page_uri(page)) + "/"
    return posixpath.relpath(target.rstrip("/") or ".", base.rstrip("/") or ".") + "/"


@contextmanager
def page_set_to(env: Any, page: Any) -> Iterator[None]:
    """Let the macros believe, for a while, that they run on `page`.

    mkdocs-macros' `env.page` is a read-only view of `env._page`; Zensical makes a new env for every page
    and `env.page` is a plain attribute."""
    attribute = "_page" if isinstance(getattr(type(env), "page", None), property) else "page"
    saved_page, saved_var = getattr(env, attribute), env.variables.get("page")
    setattr(env, attribute, page)
    env.variables["page"] = page
    try:
        yield
    finally:
        setattr(env, attribute, saved_page)
        env.variables["page"] = saved_var


def render(env: Any, markdown: str) -> str:
    """Render the macros in `markdown` with the same functions, filters and variables as a page."""
    if hasattr(env, "render"):
        return env.render(markdown)
    # Zensical's env has no render(); its own renderer is a local of the page's Markdown run. Rebuild it
    # from what the env holds, strict about undefined names as on a page (mkdocs.yml: on_undefined).
    strict = env.config.get("on_undefined") == "strict"
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined if strict else jinja2.Undefined)  # noqa: S701 - Markdown
    jinja.filters.update(env.filters)
    jinja.globals.update(env.macros)
    page = env.variables.get("page")
    meta = getattr(page, "meta", None) or {}
    return jinja.from_string(markdown).render({**env.variables, **meta})
