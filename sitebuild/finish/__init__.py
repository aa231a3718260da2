"""Stage 3, finish: make a built site what we publish, whatever generator built it.

Per page (`finish_page`): link the bundles instead of the sources (bundle.py), mark the article as
what search reads (search.py), wrap the tables as the theme's script would and inline our two early
scripts (theme/), and fill in the Content-Security-Policy (csp.py), last, so it sees the page as
published. Then for the folder (`finish_folder`): write the bundles, apply the patch table to the
theme's own files under new hashed names (theme/patches.py, the one place that knows the theme's
insides), make the Dutch search index from the
finished pages (search.py, Pagefind) and write the service worker (offline.py), last, because its
version hashes every other file.

`finish_site` does all of it on a built folder (`python -m sitebuild finish SITE_DIR`); the MkDocs
adapter (sitebuild/mkdocs_hooks.py) calls the same steps page by page as MkDocs writes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from . import bundle, csp, offline, search, theme


@dataclass(frozen=True)
class Finisher:
    """What finishing a site needs to know before the first page: the bundles and whether the pages
    are for the dev server (see csp.py)."""

    bundles: bundle.Bundles
    dev_server: bool = False


def prepare(source_dir: Path, where: str, settings: Settings, dev_server: bool = False) -> Finisher:
    """Bundle the sources named in mkdocs.yml, read from `source_dir` (the docs folder, or the built site)."""
    return Finisher(bundle.make_bundles(bundle.reader(source_dir, where), settings), dev_server)


def finish_page(html: str, where: str, finisher: Finisher) -> str:
    """One built HTML page as published; `where` names it in error messages."""
    html = bundle.link_bundles(html, where, finisher.bundles)
    html = search.mark_search_body(html, where)
    html = theme.wrap_tables(html, where)
    html = theme.inline_own_scripts(html)
    return csp.apply_policy(html, where, finisher.dev_server)


def finish_folder(site_dir: Path, finisher: Finisher) -> None:
    """The steps on the whole folder, once every page is finished."""
    bundle.write_bundles(site_dir, finisher.bundles)
    theme.patch_theme_files(site_dir)
    search.index_site(site_dir)
    offline.write_service_worker(site_dir)


def finish_site(site_dir: Path, settings: Settings, dev_server: bool = False) -> int:
    """Finish every page of a built folder, then the folder; returns the number of pages.
    Every page is finished in memory first, so a page that fails leaves the folder untouched."""
    # The sources leave the site once it is finished: a second run finds them missing and says so.
    finisher = prepare(site_dir, f"de gebouwde site {site_dir} (een site wordt maar één keer afgemaakt)",
                       settings, dev_server)
    pages = sorted(site_dir.rglob("*.html"))
    finished = {
        path: finish_page(path.read_text(encoding="utf-8"), path.relative_to(site_dir).as_posix(), finisher)
        for path in pages
    }
    for path, html in finished.items():
        path.write_text(html, encoding="utf-8")
    finish_folder(site_dir, finisher)
    return len(pages)
