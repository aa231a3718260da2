"""Shared fixtures: the real site built once per session, served on 127.0.0.1 under a
sub-path (as GitHub Pages does), and Debian's Chromium driven by Playwright."""

from __future__ import annotations

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

import pytest

ROOT = Path(__file__).resolve().parent.parent
SUBPATH = "intervisiehandboek"
PROJECT_PARTS = ("mkdocs.yml", "sitebuild", "macros", "overrides", "docs", "data")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


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


def page_paths(site_dir: Path) -> list[str]:
    """Every built page, as a path relative to the site root ("" for the home page)."""
    paths = []
    for html in sorted(site_dir.rglob("index.html")):
        rel = html.parent.relative_to(site_dir).as_posix()
        paths.append("" if rel == "." else rel + "/")
    return paths


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


def serve_sitemap_for_this_server(page, base_url: str, site_dir: Path) -> None:
    """Material navigates instantly only to pages in sitemap.xml, matched with the port; the built sitemap
    names the published site, so the test server hands out one that names itself."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    published = re.search(r"<loc>(.*?)</loc>", sitemap).group(1)
    body = sitemap.replace(published, base_url)
    page.route("**/sitemap.xml", lambda route: route.fulfill(body=body, content_type="application/xml"))


def copy_project(target: Path) -> Path:
    """A throwaway copy of the project, for tests that break or grow its data."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    result = run_build(ROOT, out)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
    }

    def log_message(self, *args: object) -> None:  # keep test output readable
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """The test server; a browser that drops a request it no longer needs is not an error."""

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001 - socketserver's signature
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def base_url(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site served at http://127.0.0.1:<port>/intervisiehandboek/."""
    web_root = tmp_path_factory.mktemp("www")
    (web_root / SUBPATH).symlink_to(site_dir, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(web_root))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Chromium ontbreekt: installeer het met 'sudo apt-get install chromium' of draai 'make test'.")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_context(browser, base_url: str, service_workers: str) -> object:
    """A fresh browser profile for the site at `base_url`; service_workers is "allow" or "block"."""
    ctx = browser.new_context(base_url=base_url, locale="nl-NL", viewport={"width": 1280, "height": 800},
                              service_workers=service_workers)
    ctx.set_default_timeout(10_000)
    return ctx


@pytest.fixture
def context(browser, base_url: str) -> Iterator[object]:
    """A fresh browser profile (empty localStorage) whose relative URLs resolve under the site.

    Service workers are blocked: otherwise every test would install one that downloads the whole
    site. Tests of offline use take `offline_context`."""
    ctx = new_context(browser, base_url, "block")
    yield ctx
    ctx.close()


@pytest.fixture
def offline_context(browser, base_url: str) -> Iterator[object]:
    """Like `context`, but the site's service worker may install (for tests of offline use)."""
    ctx = new_context(browser, base_url, "allow")
    yield ctx
    ctx.close()


@pytest.fixture
def console_errors() -> list[str]:
    return []


@pytest.fixture
def page(context, console_errors: list[str]) -> Iterator[object]:
    """A page that records console errors and uncaught exceptions into `console_errors`."""
    pg = context.new_page()
    pg.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: console_errors.append(str(exc)))
    yield pg
