"""What the tests share besides fixtures: building a project, copying and breaking it, the test server,
browser profiles and small page helpers. Test files import from here; conftest.py only defines fixtures."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import yaml

from sitebuild.load import DataError, load_site

ROOT = Path(__file__).resolve().parent.parent
SUBPATH = "intervisiehandboek"
PROJECT_PARTS = ("mkdocs.yml", "macros", "sitebuild", "overrides", "docs", "data")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


# --- data ------------------------------------------------------------------------------------------------


def data(name: str) -> Any:
    """A file of data/ as plain YAML, for tests that read their expected values from the content."""
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


def method_data(slug: str) -> dict:
    return data(f"methods/{slug}.yml")


def load_fails_plainly(project: Path, *fragments: str) -> str:
    """Load the data of a broken project as the build does first, and check the one message it gives:
    a DataError (never another exception) whose text holds every fragment.

    Much faster than a build; tests/test_bad_data.py keeps one end-to-end build per way a message reaches
    the editor, so this shows what the build would print."""
    try:
        load_site(project)
    except DataError as error:
        message = str(error)
    else:
        raise AssertionError("loading the data should have stopped")
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} missing from:\n{message}"
    return message


# --- building --------------------------------------------------------------------------------------------


def run_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Build `project` strictly into `site_dir`, as `make build` does (no --quiet: it turns strict off)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict",
         "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=project, check=False,
    )


def build_fails_plainly(project: Path, site_dir: Path, *fragments: str) -> str:
    """Build a broken project and check how it fails, as a content editor would meet it:
    a non-zero exit, a message holding every fragment, no traceback and no pages written."""
    result = run_build(project, site_dir)
    message = result.stdout + result.stderr
    assert result.returncode != 0, "the build should have stopped"
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} missing from:\n{message}"
    assert "Traceback" not in message, message
    assert not (site_dir / "index.html").exists(), "a failed build must not leave pages behind"
    return message


def copy_project(target: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """A throwaway copy of the project (the `parts` a build needs), for tests that break or grow its data."""
    target.mkdir(parents=True, exist_ok=True)
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


def replace_once(text: str, old: str, new: str) -> str:
    assert old in text, f"test setup: {old!r} not in the file"
    return text.replace(old, new, 1)


def edit(project: Path, rel: str, change) -> None:  # noqa: ANN001 - change: str -> str
    """Rewrite one file of a copied project through `change`."""
    path = project / rel
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


@functools.cache
def page_ids(page: Path) -> frozenset[str]:
    """The anchors of a built page (ids, and names of <a>), parsed once however many links point into it."""
    tree = lxml.html.fromstring(page.read_bytes())
    return frozenset(tree.xpath("//@id")) | frozenset(tree.xpath("//a/@name"))


def page_paths(site_dir: Path) -> list[str]:
    """Every built page, as a path relative to the site root ("" for the home page)."""
    paths = []
    for html in sorted(site_dir.rglob("index.html")):
        rel = html.parent.relative_to(site_dir).as_posix()
        paths.append("" if rel == "." else rel + "/")
    return paths


# --- serving and browsing --------------------------------------------------------------------------------

# One page of each kind the site has, each widget on real data: the same templates and scripts make all
# the other pages (the accessibility and privacy sweeps).
PAGE_KINDS = {
    "home": "",
    "chapter": "handboek/inleiding/",
    "handbook contents": "handboek/",
    "method page": "methoden/basismodel/",
    "overview": "methoden/",
    "chooser": "kiezen/?casus=incident&minuten=60",
    "timer idle": "timer/?methode=basismodel",
    "cards": "kaarten/",
    "form": "bijlagen/casusinbrengformulier/",
    "roles": "bijlagen/rollen/",
    "glossary": "begrippen/",
    "verantwoording": "verantwoording/",
}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
    }

    def do_GET(self) -> None:
        if self.path == f"/{SUBPATH}/sitemap.xml":
            return self._send(sitemap_for(Path(self.translate_path(self.path)), self.headers["Host"]),
                              "application/xml")
        if self.headers.get(WITHOUT_SEARCH_HEADER) and f"/{SUBPATH}/pagefind/" in self.path:
            self.send_error(404)
            return None
        return super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # keep test output readable
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """The test server; a browser that drops a request it no longer needs is not an error."""

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001 - socketserver's signature
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def served(site_dir: Path, web_root: Path) -> Iterator[str]:
    """Serve a built site at http://127.0.0.1:<port>/intervisiehandboek/, as GitHub Pages serves it."""
    (web_root / SUBPATH).symlink_to(site_dir, target_is_directory=True)
    server = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(web_root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}/"
    finally:
        server.shutdown()
        server.server_close()


# A browser profile that sends this header gets no search index from the test server (pagefind/ answers
# 404): only tests marked `search` (and tests of offline use, whose worker stores the whole site) search.
# The site fetches nothing of search until a reader searches, so this costs other tests nothing; it keeps
# a test that searches by accident from passing unmarked. A header, because a Playwright route would send
# every request of the profile through the driver and turn the profile's HTTP cache off.
WITHOUT_SEARCH_HEADER = "X-Test-Without-Search"


def new_context(browser, base_url: str, service_workers: str = "block", search: bool = False,
                **options: Any) -> object:
    """A fresh browser profile for the site at `base_url`.

    Service workers are blocked unless a test of offline use asks for "allow": otherwise every
    profile would install one that downloads the whole site. Search finds nothing (see
    WITHOUT_SEARCH_HEADER) unless a test searches (`search=True`, or the `search` marker through the
    `context` fixture) or works offline."""
    settings = {"locale": "nl-NL", "viewport": {"width": 1280, "height": 800}, **options}
    if not search and service_workers == "block":
        settings["extra_http_headers"] = {**settings.get("extra_http_headers", {}), WITHOUT_SEARCH_HEADER: "1"}
    ctx = browser.new_context(base_url=base_url, service_workers=service_workers, **settings)
    ctx.set_default_timeout(10_000)
    return ctx


def seed_storage(page, key: str, value: str) -> None:
    """Put `value` in localStorage from inside every next document, before its own scripts run.

    Simpler than writing it from one document and reloading, and it cannot depend on when
    Chromium hands that write on to its storage service."""
    page.add_init_script(f"localStorage.setItem({json.dumps(key)}, {json.dumps(value)});")


def reload_once_stored(page) -> None:
    """Reload `page` once another tab can read everything it keeps in localStorage.

    A precaution: Chromium hands a write to its storage service asynchronously, and a second tab of
    the same origin sees what the service holds. (Two CI failures once blamed on this turned out to
    be a card table that showed before its script was ready.)"""
    kept = page.evaluate("() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]))")
    probe = page.context.new_page()
    try:
        probe.goto("404.html")
        probe.wait_for_function(
            "(kept) => localStorage.length === Object.keys(kept).length"
            " && Object.entries(kept).every(([k, v]) => localStorage.getItem(k) === v)",
            arg=kept,
        )
        page.reload()
    finally:
        probe.close()


def show_plan(page) -> None:
    """Scroll to the session plan below the clock, as a reader does, and wait until it shows: it comes
    only when it nears the screen (timer/view.js, offerSheet). The running view must be up."""
    mark = page.locator("[data-timer-sheet-mark]")
    mark.wait_for(state="attached")
    mark.evaluate("(el) => el.scrollIntoView()")
    sheet = page.locator("[data-timer-sheet]")
    sheet.wait_for()
    page.locator("[data-sheet-date]").wait_for()


def sitemap_for(built: Path, host: str) -> bytes:
    """The built sitemap, naming the server at `host` instead of the published site.

    Material navigates instantly only to pages in sitemap.xml (matched with host and port), as it does on
    GitHub Pages, where the sitemap names the host: so every test runs with instant navigation on, in the
    conditions readers have, and a link that only works on a full page load cannot pass."""
    sitemap = built.read_text(encoding="utf-8")
    published = re.search(r"<loc>(.*?)</loc>", sitemap).group(1)
    return sitemap.replace(published, f"http://{host}/{SUBPATH}/").encode()


# About 30 cm on a projection 2 m wide at 1920 px: the rule of thumb of a tenth of the distance lets a
# phone read it from 3 m. A module of 5 px leaves room for blur and a shaky hand.
ROOM_QR_PX, ROOM_MODULE_PX = 288, 5


def assert_readable_from_the_back(page, selector: str) -> None:
    """The QR code in `selector` is large and coarse enough for 3 m, and wholly on the screen."""
    svg = page.locator(f"{selector} svg")
    box = svg.bounding_box()
    module = box["width"] / float(svg.get_attribute("viewBox").split()[2])
    assert box["width"] >= ROOM_QR_PX and module >= ROOM_MODULE_PX, (box["width"], module)
    assert box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"], "the whole code is on the screen"


# --- accessibility ---------------------------------------------------------------------------------------

# WCAG 2.2 A/AA and axe's best practices. A dark page has the markup, names and order of the light one, only
# other colours: there axe checks what colours decide (about half the time of the full set per page).
AXE_RULES = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
AXE_COLOUR_RULES = {
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    "resultTypes": ["violations"],
}


def axe_violations(page, scheme: str = "light", context: str | None = None) -> list[str]:
    """What axe-core finds on `page` (within `context`, a selector) in colour scheme `scheme`, one line each."""
    options = AXE_COLOUR_RULES if scheme == "dark" else AXE_RULES
    # axe-core (~500 KB) goes into a page once, not before every run in it (as the library's run() does).
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_script())
    # Colours that are still changing (Material fades them when the palette changes) are not what a reader
    # ends up with: axe reads them once every CSS transition has ended.
    page.evaluate("() => Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition)"
                  ".map((a) => a.finished.catch(() => null)))")
    found = page.evaluate("([context, options]) => axe.run(context || document, options)",
                          [context, options])["violations"]
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in found]


@functools.cache
def _axe_script() -> str:
    """axe-core's script, read once per test worker."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


# --- search -------------------------------------------------------------------------------------------

# Query -> the page about it, which must be among the first SEARCH_TOP results, under every builder.
SEARCH_TOP = 3
SEARCH_ABOUT = {
    "spiegelen": "methoden/spiegelmethode/",
    "adviezen": "methoden/snelle-adviesronde/",
    "roddelen": "methoden/roddelmethode/",
    "rollenspel": "methoden/stoelenmethode/",
    "valkuil": "handboek/succesfactoren/",
    "groepsgrootte": "handboek/organisatie/",
    "incidenten": "methoden/incidentenmethode/",
    "vragen": "bijlagen/helpende-vragen/",
    # our own: a plural that the page says in the singular, a role, an inflected verb
    "reflectiekaart": "bijlagen/reflectiekaarten/",
    "procesbegeleiders": "handboek/uitvoering/",
    "spelregel": "handboek/spelregels/",
}


def search_results(page, query: str) -> list[str]:
    """Type `query` into the header search ([data-search-input]) of the open page and return the pages
    of its results ([data-search-result], in rank order), relative to the site root."""
    box = page.locator("[data-search-input]")
    if not box.is_visible():  # a phone: the magnifier opens the field
        page.locator("[data-search-open]").click()
    box.fill(query)
    page.locator(f'[data-search-results][data-search-query="{query}"]').wait_for(state="attached")
    hrefs = page.eval_on_selector_all("[data-search-result]", "els => els.map((e) => e.href)")
    root = page.evaluate("() => new URL(__md_scope).href")
    return [re.sub(r"[?#].*", "", h).removeprefix(root) for h in hrefs]
