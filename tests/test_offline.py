"""Offline: after one visit the timer, the cards and the handbook work without a network, and a
deploy reaches a returning visitor even though GitHub Pages lets browsers keep files for ten minutes."""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError, expect

from helpers import ROOT, SUBPATH, QuietServer, QuietHandler, new_context
from sitebuild.finish.offline import precache_list, write_service_worker

NEW_TEXT = "Deze zin staat alleen in de nieuwe versie van de site."
# Changed by the simulated deploy: one page is reloaded, one visited online, one only offline afterwards.
CHANGED_PAGES = ("index.md", "handboek/inleiding.md", "handboek/spelregels.md")
FIRST_WORKER = ROOT / "tests/fixtures/sw-cache-first.template.js"

# Resolves once the worker that registration.installing had is done: "activated" or "redundant".
INSTALL_OUTCOME = """async () => {
  const registration = await navigator.serviceWorker.register(new URL("sw.js", __md_scope));
  const worker = registration.installing || registration.waiting || registration.active;
  const done = () => worker.state === "activated" || worker.state === "redundant";
  while (!done()) await new Promise((resolve) => worker.addEventListener("statechange", resolve, { once: true }));
  return worker.state;
}"""
# A function, not an expression: Playwright evaluates a bare expression with eval, which the CSP forbids.
# Resolves once the browser has checked sw.js and a new worker, if any, is past installing.
UPDATE_CHECK = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  await registration.update().catch(() => undefined);
  const worker = registration.installing;
  while (worker && worker.state === "installing") {
    await new Promise((resolve) => worker.addEventListener("statechange", resolve, { once: true }));
  }
}"""
# What the page's service worker registration holds, for a message when "vernieuwen" seems to do nothing.
WORKER_STATES = """() => navigator.serviceWorker.getRegistration().then((r) => r && ({
  active: r.active && r.active.state, waiting: r.waiting && r.waiting.state,
  installing: r.installing && r.installing.state, controlled: Boolean(navigator.serviceWorker.controller)}))"""
OWN_CACHES = "() => caches.keys().then((keys) => keys.filter((key) => key.startsWith('intervisie-')))"


class _PagesHandler(QuietHandler):
    """Answers as GitHub Pages does: browsers may keep every file for ten minutes. A path in `stalled` gets
    its answer only after STALL_SECONDS, as a request does on wifi that has all but dropped."""

    stalled: set[str] = set()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path in self.stalled:
            time.sleep(STALL_SECONDS)
        super().do_GET()


STALL_SECONDS = 25


@pytest.fixture
def pages_server(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """An empty folder, served like GitHub Pages at http://127.0.0.1:<port>/intervisiehandboek/."""
    web_root = tmp_path / "www"
    folder = web_root / SUBPATH
    folder.mkdir(parents=True)
    server = QuietServer(("127.0.0.1", 0), functools.partial(_PagesHandler, directory=str(web_root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}/"
    server.shutdown()
    server.server_close()


def deploy(build: Path, folder: Path, url: str) -> None:
    """Put a build where the server serves it, as a deploy does: same addresses, new files (new mtimes).

    The sitemap names this server instead of the published site: Material navigates instantly
    only to the pages it lists."""
    before = (folder / "sw.js").stat().st_mtime if (folder / "sw.js").exists() else 0.0
    shutil.rmtree(folder)
    shutil.copytree(build, folder, copy_function=shutil.copy)
    # Last-Modified counts whole seconds: a deploy within the second of the last one must still look newer.
    stamp = max(time.time(), before + 2)
    for path in folder.rglob("*"):
        os.utime(path, (stamp, stamp))
    sitemap = folder / "sitemap.xml"
    published = re.search(r"<loc>(.*?)</loc>", sitemap.read_text(encoding="utf-8")).group(1)
    sitemap.write_text(sitemap.read_text(encoding="utf-8").replace(published, url), encoding="utf-8")


def cache_name(build: Path) -> str:
    script = (build / "sw.js").read_text(encoding="utf-8")
    return "intervisie-2-" + json.loads(script.split("const VERSION = ", 1)[1].split(";\n", 1)[0])


def changed_copy(site_dir: Path, folder: Path) -> Path:
    """The site as the next deploy brings it: NEW_TEXT at the end of the article of CHANGED_PAGES (what a
    build with that sentence added to their sources gives) and the service worker the finish stage writes
    for those files."""
    shutil.copytree(site_dir, folder)
    for changed in CHANGED_PAGES:
        page = folder / ("index.html" if changed == "index.md" else changed.removesuffix(".md") + "/index.html")
        html = page.read_text(encoding="utf-8")
        assert html.count("</article>") == 1, page
        page.write_text(html.replace("</article>", f"<p>{NEW_TEXT}</p></article>"), encoding="utf-8")
    write_service_worker(folder)
    return folder


@pytest.fixture(scope="module")
def new_site(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The next deploy: the site with NEW_TEXT on CHANGED_PAGES and a new service worker."""
    return changed_copy(site_dir, tmp_path_factory.mktemp("next") / "site")


def reload_until_new_text(page) -> None:
    """Reload as a person does, at most three times, until NEW_TEXT shows.

    A person reloads seconds apart, and meanwhile the browser has checked for a new worker and
    installed it; instead of waiting for the clock, ask for that check and wait until it is done."""
    for _ in range(3):
        page.evaluate(UPDATE_CHECK)
        # The text is in the page's HTML; while a new worker takes over on a busy machine (CI ran both
        # test workers' browsers at once), the page's other files may take longer than the usual limit.
        page.reload(wait_until="domcontentloaded", timeout=30_000)
        if NEW_TEXT in page.locator("article").inner_text():
            return
    expect(page.locator("article")).to_contain_text(NEW_TEXT)


def wait_until_offline_ready(page) -> None:
    """The worker activates, and takes this page, only after the whole site is in its cache."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")


@contextmanager
def first_visit(browser, build: Path, pages_server: tuple[Path, str]) -> Iterator[object]:
    """Deploy `build`, then visit its home page with service workers allowed until the worker has the page."""
    folder, url = pages_server
    deploy(build, folder, url)
    context = new_context(browser, url, "allow")
    try:
        page = context.new_page()
        page.goto("", wait_until="load")
        wait_until_offline_ready(page)
        yield page
    finally:
        context.close()


def test_service_worker_precaches_pages_assets_and_api(site_dir: Path) -> None:
    script = (site_dir / "sw.js").read_text(encoding="utf-8")
    files = json.loads(script.split("const FILES = ", 1)[1].split(";\n", 1)[0])
    assert files == precache_list(site_dir)
    for needed in ("./", "404.html", "timer/", "kaarten/", "kiezen/", "methoden/basismodel/", "api/methods.json",
                   "api/methods-index.json", "api/methods/basismodel.json", "pagefind/pagefind.js",
                   "pagefind/pagefind-worker.js", "pagefind/pagefind-entry.json", "pagefind/wasm.nl.pagefind"):
        assert needed in files, needed
    # Every chunk of the search index and every page's fragment: a search offline may need any of them.
    index = {p.relative_to(site_dir).as_posix() for p in (site_dir / "pagefind").rglob("*") if p.is_file()}
    assert len(index) > 40 and index <= set(files)
    # The header search's script and its results' style come only when the reader reaches for search:
    # offline too, from here.
    for part in (r"assets/javascripts/intervisie-part-search\.[0-9a-f]{10}\.js",
                 r"assets/stylesheets/intervisie-part-search\.[0-9a-f]{10}\.css"):
        assert [f for f in files if re.fullmatch(part, f)], part
    assert not any(f.endswith(".map") for f in files)
    assert not any("lunr" in f or "workers/search" in f or f.startswith("search") for f in files), \
        "the themes' own search is off: its files are never asked for"


def test_search_works_offline_after_one_visit_that_did_not_search(offline_context) -> None:
    """The first visit never opened search, so it never loaded even the search script; offline, the
    reader's first search still finds the page."""
    from helpers import SEARCH_ABOUT, SEARCH_TOP, search_results

    page = offline_context.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto("", wait_until="load")
    wait_until_offline_ready(page)
    assert not [url for url in asked if "intervisie-part-search" in url]
    offline_context.set_offline(True)
    page.goto("handboek/inleiding/", wait_until="load")
    for query in ("spiegelen", "groepsgrootte"):
        assert SEARCH_ABOUT[query] in search_results(page, query)[:SEARCH_TOP], query
    # with the results' own style, which came from the offline copy as the script did
    assert page.locator("[data-search-panel]").evaluate("(el) => getComputedStyle(el).position") == "absolute"


def test_timer_and_cards_work_offline_after_one_visit(offline_context) -> None:
    page = offline_context.new_page()
    page.goto("", wait_until="load")
    wait_until_offline_ready(page)
    offline_context.set_offline(True)
    page.goto("timer/?methode=basismodel", wait_until="load")
    page.wait_for_selector("[data-timer-phase]")
    assert page.locator("[data-timer-phase]").first.inner_text().strip() != ""
    page.goto("kaarten/", wait_until="load")
    page.locator("[data-card-draw]").first.click()
    assert page.locator("[data-card-question]").first.inner_text().strip() != ""
    page.goto("handboek/inleiding/", wait_until="load")
    assert page.locator("h1").first.inner_text().strip() != ""


def test_offline_an_unknown_address_shows_the_sites_own_not_found_page(offline_context) -> None:
    page = offline_context.new_page()
    page.goto("", wait_until="load")
    wait_until_offline_ready(page)
    offline_context.set_offline(True)
    response = page.goto("bestaat-niet/", wait_until="load")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Pagina niet gevonden")
    expect(page.get_by_role("link", name="de timer")).to_be_visible()


def test_a_deploy_shows_within_three_reloads_and_the_new_version_is_offered(
    browser, site_dir: Path, new_site: Path, pages_server: tuple[Path, str],
) -> None:
    folder, url = pages_server
    with first_visit(browser, site_dir, pages_server) as page:
        context = page.context
        expect(page.locator("article")).not_to_contain_text(NEW_TEXT)
        assert page.locator(".ih-update-region").count() == 0, "no note on the first install"

        deploy(new_site, folder, url)
        reload_until_new_text(page)
        # An ordinary visit, which the browser may answer from its HTTP cache, is fresh too.
        page.goto("handboek/inleiding/", wait_until="load")
        expect(page.locator("article")).to_contain_text(NEW_TEXT)

        note = page.get_by_role("status").filter(has_text="Er is een nieuwe versie")
        expect(note).to_be_visible()
        # The note stays while the reader moves on with instant navigation, and works from the keyboard.
        page.evaluate("() => { window.__samePage = true; }")
        page.locator(".md-tabs a", has_text="Timer").click()
        page.wait_for_url("**/timer/")
        assert page.evaluate("() => window.__samePage === true"), "the tab link should use instant navigation"
        expect(note).to_be_visible()
        button = note.get_by_role("button", name="vernieuwen")
        # The reload comes once the new worker has taken over: on a busy machine (CI runs both test workers'
        # browsers at once) that can take longer than the usual limit, as for the reloads above. Enter goes to
        # the button itself (focus and key in one step), so nothing the timer page does while it sets up its
        # parts can come between a separate focus() and the key. (One failure in a full run, not reproduced
        # alone in 5 runs; this race is a guess at its cause, not a proven one.)
        try:
            with page.expect_navigation(wait_until="domcontentloaded", timeout=30_000):
                button.press("Enter")
        except PlaywrightTimeoutError:
            raise AssertionError(f"no reload after 'vernieuwen'; the workers: {page.evaluate(WORKER_STATES)}") from None
        page.wait_for_function(f"() => ({OWN_CACHES})().then((keys) => keys.join() === '{cache_name(new_site)}')")
        expect(page.locator(".ih-update-region")).to_have_count(0)

        # The new copy came from the server, not from what the browser kept of the old version.
        context.set_offline(True)
        page.goto("handboek/spelregels/", wait_until="load")
        expect(page.locator("article")).to_contain_text(NEW_TEXT)


@contextmanager
def update_offered(browser, site_dir: Path, new_site: Path, pages_server: tuple[Path, str]) -> Iterator[tuple]:
    """A first visit, then a deploy and reloads until the new text shows: the page and its note offering
    the new version."""
    folder, url = pages_server
    with first_visit(browser, site_dir, pages_server) as page:
        deploy(new_site, folder, url)
        reload_until_new_text(page)
        note = page.get_by_role("status").filter(has_text="Er is een nieuwe versie")
        expect(note).to_be_visible()
        yield page, note


def test_vernieuwen_reloads_even_when_the_new_worker_does_not_take_over(
    browser, site_dir: Path, new_site: Path, pages_server: tuple[Path, str],
) -> None:
    """The button always does something the reader sees: when the waiting worker never gets the message
    (here it is not sent), the page still reloads after a few seconds (offline.js, RELOAD_AFTER_MS)."""
    with update_offered(browser, site_dir, new_site, pages_server) as (page, note):
        page.evaluate("() => { ServiceWorker.prototype.postMessage = () => {}; }")
        page.clock.install()  # the fallback's timer runs on the fake clock: no real seconds of waiting
        with page.expect_navigation(wait_until="domcontentloaded", timeout=15_000):
            note.get_by_role("button", name="vernieuwen").click()
            page.clock.run_for(4_500)
        expect(page.locator("article")).to_contain_text(NEW_TEXT)


def test_vernieuwen_takes_the_new_version_also_while_a_request_hangs_on_poor_wifi(
    browser, site_dir: Path, new_site: Path, pages_server: tuple[Path, str],
) -> None:
    """In a meeting room the wifi may all but drop while the note offers a new version. A request still under
    way then (answered from the cache after a few seconds, the network still trying) must not keep
    "vernieuwen" from taking the new version: the old worker kept it waiting until that request ended."""
    with update_offered(browser, site_dir, new_site, pages_server) as (page, note):
        stalled = f"/{SUBPATH}/handboek/spelregels/"
        _PagesHandler.stalled.add(stalled)
        try:
            page.evaluate("(path) => { window.__ihLate = fetch(path).then((r) => r.status); }", stalled)
            page.wait_for_function("() => window.__ihLate", timeout=10_000)  # answered, from the cache
            # A person presses it seconds later; the request keeps hanging meanwhile (STALL_SECONDS).
            with page.expect_navigation(wait_until="domcontentloaded", timeout=15_000):
                note.get_by_role("button", name="vernieuwen").click()
        finally:
            _PagesHandler.stalled.discard(stalled)
        # The page reloads after RELOAD_AFTER_MS in any case; the new worker must also have taken over well
        # before the hanging request ends (STALL_SECONDS), which only the old caches being gone shows.
        page.wait_for_function(f"() => ({OWN_CACHES})().then((keys) => keys.join() === '{cache_name(new_site)}')",
                               timeout=10_000)


def test_a_visitor_of_the_first_worker_sees_a_deploy_within_three_reloads(
    browser, site_dir: Path, new_site: Path, pages_server: tuple[Path, str], tmp_path: Path,
) -> None:
    # The site as it was with its first worker, which answered pages from its cache first.
    old_site = tmp_path / "old-site"
    shutil.copytree(site_dir, old_site)
    write_service_worker(old_site, FIRST_WORKER)
    folder, url = pages_server
    with first_visit(browser, old_site, pages_server) as page:
        deploy(new_site, folder, url)
        reload_until_new_text(page)
        page.wait_for_function(f"() => ({OWN_CACHES})().then((keys) => keys.join() === '{cache_name(new_site)}')")


def test_a_failed_precache_leaves_no_partial_copy(browser, site_dir: Path, pages_server: tuple[Path, str]) -> None:
    folder, url = pages_server
    deploy(site_dir, folder, url)
    (folder / "api/cards.json").unlink()
    context = new_context(browser, url, "allow")
    try:
        page = context.new_page()
        page.goto("", wait_until="load")
        assert page.evaluate(INSTALL_OUTCOME) == "redundant"
        assert page.evaluate(OWN_CACHES) == []
        assert page.evaluate("() => navigator.serviceWorker.controller") is None
    finally:
        context.close()


def test_erase_on_the_privacy_page_can_remove_the_offline_copy(offline_context) -> None:
    page = offline_context.new_page()
    page.goto("privacy/", wait_until="load")
    wait_until_offline_ready(page)
    page.reload(wait_until="load")
    state = page.locator("[data-offline-state]")
    expect(state).to_have_text("nu bewaard")

    page.get_by_role("button", name="Wis alles wat deze site bewaart").click()
    page.get_by_role("checkbox", name="Ook de offline kopie van de site verwijderen").check()
    page.get_by_role("button", name="Ja, wis alles").click()
    expect(page.locator("[data-storage-status]")).to_contain_text("De offline kopie van de site is verwijderd.")
    expect(state).to_have_text("leeg")
    assert page.evaluate(OWN_CACHES) == []
    assert page.evaluate("() => navigator.serviceWorker.getRegistrations().then((list) => list.length)") == 0
    # The worker still serving this page must not build a new copy either.
    assert page.evaluate("() => navigator.serviceWorker.controller.state") == "activated"
    page.evaluate("() => fetch(new URL('api/cards.json', __md_scope)).then((response) => response.text())")
    page.wait_for_timeout(500)  # the worker stores after it answered
    assert page.evaluate(OWN_CACHES) == []
