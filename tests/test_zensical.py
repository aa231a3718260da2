"""The site built with Zensical instead of MkDocs (`make zensical`) has every page, /api, the CSP, sw.js
and widgets that run. ZENSICAL-NOTES.md lists what Zensical does differently and why.

`make zensical` runs on a throwaway copy of the project, with the project's own .venv and
.venv-zensical, so the repository's site-zensical/ is left alone.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import ROOT, SEARCH_ABOUT, SEARCH_TOP, SUBPATH, copy_project, new_context, page_ids, search_results, served

ZVENV = ROOT / ".venv-zensical"
VENV = ROOT / ".venv"
PARTS = ("Makefile", "mkdocs.yml", "requirements.txt", "requirements-zensical.txt",
         "macros", "overrides", "docs", "data", "tools", "sitebuild")

pytestmark = pytest.mark.skipif(
    not (ZVENV / "bin" / "zensical").is_file(),
    reason="Zensical is niet geïnstalleerd: .venv-zensical ontbreekt (maak het met 'make zensical')",
)


@pytest.fixture(scope="module")
def zsite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project", PARTS)
    # -o: the two environments are the project's own and already installed; never reinstall them here.
    result = subprocess.run(
        ["make", "--no-print-directory", "zensical", f"VENV={VENV}", f"ZVENV={ZVENV}",
         "-o", f"{VENV}/.site", "-o", f"{ZVENV}/.installed"],
        cwd=project, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, f"make zensical failed:\n{result.stdout}\n{result.stderr}"
    return project / "site-zensical"


def html(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def test_every_method_has_its_page(zsite: Path) -> None:
    for source in sorted((ROOT / "data" / "methods").glob("*.yml")):
        title = yaml.safe_load(source.read_text(encoding="utf-8"))["titel"]
        page = html(zsite, f"methoden/{source.stem}")
        assert page.h1 is not None and page.h1.get_text().startswith(title), source.stem


def test_every_chapter_has_its_page_and_menu_entry(zsite: Path) -> None:
    chapters = yaml.safe_load((ROOT / "data" / "handbook.yml").read_text(encoding="utf-8"))["hoofdstukken"]
    menu = {a["href"] for a in html(zsite, "handboek").select("a.md-nav__link")}
    for chapter in chapters:
        assert html(zsite, f"handboek/{chapter['slug']}").h1 is not None, chapter["slug"]
        assert any(href.rstrip("/").endswith(chapter["slug"]) for href in menu), chapter["slug"]


def test_api_lists_every_method(zsite: Path) -> None:
    methods = json.loads((zsite / "api" / "methods.json").read_text(encoding="utf-8"))["methoden"]
    assert {m["slug"] for m in methods} == {p.stem for p in (ROOT / "data" / "methods").glob("*.yml")}
    for name in ("method.schema.json", "agenda.json", "chooser.json", "cards.json"):
        json.loads((zsite / "api" / name).read_text(encoding="utf-8"))


def _resolves(site: Path, page: str, href: str) -> bool:
    """Whether a relative link on `page` (a folder below the site) reaches a built file and its anchor,
    on the site served under its sub-path as GitHub Pages serves it."""
    base = f"https://example.test/{SUBPATH}/{page}"
    target = urlsplit(urljoin(base, href))
    if not target.path.startswith(f"/{SUBPATH}/"):
        return False
    file = site / unquote(target.path.removeprefix(f"/{SUBPATH}/"))
    if target.path.endswith("/"):
        file = file / "index.html"
    if not file.is_file():
        return False
    if target.fragment and file.suffix == ".html":
        return target.fragment in page_ids(file)
    return True


def test_every_link_in_the_content_arrives(zsite: Path) -> None:
    broken = []
    for file in sorted(zsite.rglob("index.html")):
        page = file.parent.relative_to(zsite).as_posix() + "/" if file.parent != zsite else ""
        article = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml").find("article")
        for a in article.select("a[href]") if article else []:
            href = a["href"]
            if re.match(r"^(?:[a-z]+:|#|\?|$)", href):
                continue
            if not _resolves(zsite, page, href):
                broken.append(f"/{page}: {href}")
    assert broken == [], f"{len(broken)} links lead nowhere:\n" + "\n".join(broken[:20])


def test_every_page_has_a_real_content_security_policy(zsite: Path) -> None:
    for file in sorted(zsite.rglob("*.html")):
        meta = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml").find(
            "meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, file
        assert "default-src 'self'" in meta["content"] and "__" not in meta["content"], file


def test_service_worker_is_there(zsite: Path) -> None:
    assert "self.addEventListener" in (zsite / "sw.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def zbase_url(zsite: Path, tmp_path_factory: pytest.TempPathFactory):
    with served(zsite, tmp_path_factory.mktemp("zwww")) as url:
        yield url


@pytest.mark.browser
def test_timer_runs_a_method_on_the_zensical_site(browser, zbase_url: str) -> None:
    from playwright.sync_api import expect

    context = new_context(browser, zbase_url, "block")
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto("timer/?methode=vijfstappenmethode")
        expect(page.locator("[data-timer-run]")).to_be_visible()
        expect(page.locator("[data-timer-context]")).to_contain_text("Vijfstappenmethode")
        assert errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_search_finds_the_same_pages_on_the_zensical_site(browser, zbase_url: str) -> None:
    """The finish stage makes the search index from the built pages, so Zensical's site searches in Dutch
    through the same header field as MkDocs' (tests/test_search.py), with Zensical's own search off."""
    from playwright.sync_api import expect

    zsite_home = urlsplit(zbase_url)
    context = new_context(browser, zbase_url, "block", search=True)
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto("", wait_until="networkidle")
        assert page.locator(".md-search").count() == 0, "Zensical's own search is still in the header"
        # The first reach is a key, before the search script is there (search/reach.js adds it): the
        # field opens, and stays open once the script comes and takes it over.
        page.keyboard.press("/")
        page.keyboard.type("valkuil")
        expect(page.locator('[data-search-results][data-search-query="valkuil"]')).to_be_attached()
        expect(page.locator("[data-search-input]")).to_have_value("valkuil")
        expect(page.locator("[data-search-panel]")).to_be_visible()
        missed = {q: r[:SEARCH_TOP] for q in SEARCH_ABOUT if SEARCH_ABOUT[q] not in (r := search_results(page, q))[:SEARCH_TOP]}
        assert missed == {}, f"not in the top {SEARCH_TOP} on {zsite_home.netloc}: {missed}"
        assert errors == []
    finally:
        context.close()


# Every kind of page, and search used once: the pages where a theme script could do something our policy blocks.
CSP_WALK = ("", "handboek/", "methoden/basismodel/", "kiezen/", "timer/?methode=vijfstappenmethode", "kaarten/",
            "bijlagen/casusinbrengformulier/")


@pytest.mark.browser
def test_the_zensical_site_breaks_no_rule_of_its_policy_and_logs_no_error(browser, zbase_url: str) -> None:
    """Zensical's search set an inline <style> our style-src 'self' blocks; with its search off (tools/
    zensical_config.py) and ours in its place, no page of the site makes the browser report a violation."""
    context = new_context(browser, zbase_url, "block", search=True)
    errors: list[str] = []
    try:
        page = context.new_page()
        # The event reaches the page for every blocked script, style or fetch, also where no console shows it.
        page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                             "console.error('CSP ' + e.violatedDirective + ' ' + e.sourceFile + ' ' + e.sample))")
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        for path in CSP_WALK:
            page.goto(path)
            page.wait_for_load_state("load")
        search_results(page, "valkuil")
        page.locator("a.md-tabs__link", has_text="Kaarten").first.click()  # instant navigation, then a click
        page.wait_for_url("**/kaarten/")
        assert errors == []
    finally:
        context.close()
