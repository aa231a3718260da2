"""Finish: write a service worker that keeps the whole site available offline.

A group opens the site once on decent wifi; after that the handbook, the timer and the
cards keep working in a meeting room without a connection. The cache name carries a hash
of everything in the site and of the worker's own code, so each deploy that changes anything
installs a fresh copy beside the old one (sw.template.js says how it stays fresh).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

SW_TEMPLATE = Path(__file__).with_name("sw.template.js")
# The themes copy their own search (lunr, its worker, Zensical's empty search.json) even with it switched
# off; the site searches with Pagefind (search.py), so none of it is ever asked for.
THEME_SEARCH = ("assets/javascripts/lunr/", "assets/javascripts/workers/", "search/", "search.json")


def _wanted(rel: str) -> bool:
    """Whether the service worker stores `rel` when it installs.

    Search's files (pagefind/, ~0.5 MB, a fifth of the site) are stored then too, not when first used: a
    group opens the site once on wifi and may search for the first time in a room without a connection,
    and a search needs a chunk of the index per word, which nobody can know beforehand."""
    if rel.endswith((".map", ".gz")) or rel in {"sw.js", "sitemap.xml"}:
        return False
    return not rel.startswith(THEME_SEARCH)


def precache_list(site_dir: Path) -> list[str]:
    """Every file a visitor may need offline, as URLs relative to the site root."""
    urls = []
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        if not _wanted(rel):
            continue
        if rel == "index.html":
            urls.append("./")
        elif rel.endswith("/index.html"):
            urls.append(rel[: -len("index.html")])
        else:
            urls.append(rel)
    return urls


def cache_version(site_dir: Path, urls: list[str], template: str) -> str:
    """A hash that changes whenever any precached file or the worker itself changes."""
    digest = hashlib.sha256(template.encode("utf-8"))
    for url in urls:
        path = site_dir / (url + "index.html" if url.endswith("/") or url == "./" else url)
        digest.update(url.encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def write_service_worker(site_dir: Path, template_file: Path = SW_TEMPLATE) -> None:
    """Write sw.js, last of all: its cache name hashes every file of the finished site."""
    urls = precache_list(site_dir)
    template = template_file.read_text(encoding="utf-8")
    script = template.replace("__VERSION__", json.dumps(cache_version(site_dir, urls, template)))
    script = script.replace("__FILES__", json.dumps(urls, ensure_ascii=False))
    (site_dir / "sw.js").write_text(script, encoding="utf-8")
