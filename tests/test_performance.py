"""Performance budgets, measured on every test run (figures in detail: `make bench`)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tools.bench import WIDGET_PAGES, Server, page_count, page_weight, stock_project, timed_build
from conftest import ROOT, SUBPATH, serve_sitemap_for_this_server

KB = 1024


def test_real_site_builds_in_under_five_seconds(tmp_path: Path) -> None:
    seconds = timed_build(ROOT, tmp_path / "site")
    assert seconds < 5.0, f"build took {seconds:.2f} s"


@pytest.mark.browser
def test_own_scripts_and_styles_stay_under_20_kb_gzipped_on_every_page_type(browser, site_dir: Path) -> None:
    with Server(site_dir) as url:
        for path in ("", "methoden/vijfstappenmethode/", *WIDGET_PAGES):
            weight = page_weight(browser, url, path)
            assert 0 < weight["own_js_css_gz"] < 20 * KB, (path, weight)


@pytest.mark.browser
def test_method_page_is_at_most_25_kb_heavier_than_a_stock_page(browser, site_dir: Path, tmp_path: Path) -> None:
    stock_site = tmp_path / "stock-site"
    timed_build(stock_project(tmp_path / "stock", page_count(site_dir)), stock_site)
    with Server(site_dir) as ours_url, Server(stock_site) as stock_url:
        ours = page_weight(browser, ours_url, "methoden/vijfstappenmethode/")
        stock = page_weight(browser, stock_url, "pagina-1/")
    extra = ours["bytes_gz"] - stock["bytes_gz"]
    assert extra <= 25 * KB, f"method page {ours} against stock {stock}: {extra / KB:.1f} KB heavier"
    assert ours["own_js_css_gz"] < 20 * KB
    # Reported apart: the search index holds the whole site's text, on any site.
    assert ours["search_index_gz"] > 0 and stock["search_index_gz"] > 0


CLS_OBSERVER = """
window.__ihShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__ihShift += entry.value;
}).observe({ type: "layout-shift", buffered: true });
"""


@pytest.mark.browser
@pytest.mark.parametrize("width,height", [(390, 844), (1280, 800)], ids=["phone", "laptop"])
@pytest.mark.parametrize("path", ["timer/", *WIDGET_PAGES])
def test_nothing_jumps_when_a_widget_script_arrives_late(browser, base_url: str, path: str, width: int,
                                                         height: int) -> None:
    """On slow wifi the widget script comes in after the first paint. The page must not move
    under the reader's eyes then (Lighthouse counts a layout shift above 0.1 as poor)."""
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": height})
    context.add_init_script(CLS_OBSERVER)

    def late(route) -> None:
        time.sleep(0.8)
        route.continue_()

    context.route("**/assets/javascripts/intervisie-*.js", late)
    page = context.new_page()
    page.goto(path)
    page.wait_for_load_state("networkidle")
    shift = page.evaluate("() => window.__ihShift")
    context.close()
    assert shift < 0.02, f"/{path} moved by {shift:.3f} at {width} px"


WIDGET_STYLE = re.compile(r'<link rel="stylesheet" href="[^"]*/intervisie-(\w+)\.[0-9a-f]{10}\.css">')
STYLED_WIDGETS = {
    "kiezen/index.html": ["chooser"],
    "timer/index.html": ["timer"],
    "kaarten/index.html": ["cards"],
    "bijlagen/casusinbrengformulier/index.html": ["forms"],
    "bijlagen/reflectieformulier/index.html": ["forms"],
    "privacy/index.html": ["forms"],
}


def test_widget_stylesheets_are_linked_only_on_the_pages_of_their_widget(site_dir: Path) -> None:
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        rel = path.relative_to(site_dir).as_posix()
        html = path.read_text(encoding="utf-8")
        assert WIDGET_STYLE.findall(html) == STYLED_WIDGETS.get(rel, []), rel
        for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html):
            # 404.html links from the site's root path, every other page relatively.
            target = site_dir / href.removeprefix(f"/{SUBPATH}/") if href.startswith("/") else path.parent / href
            assert target.resolve().is_file(), f"{rel}: {href}"


@pytest.mark.browser
def test_widget_stylesheets_come_and_go_with_instant_navigation(page, base_url: str, site_dir: Path) -> None:
    serve_sitemap_for_this_server(page, base_url, site_dir)
    page.goto("", wait_until="networkidle")  # instant navigation starts once Material has the sitemap
    page.evaluate("window.__samePage = true")
    linked = "(name) => document.querySelectorAll(`link[href*='/intervisie-${name}.']`).length"

    page.locator(".md-tabs a", has_text="Kiezen").click()
    expect(page.locator("[data-chooser-results] li").first).to_be_visible()
    assert page.evaluate("window.__samePage === true"), "the tab link should use instant navigation"
    assert page.locator(".ih-chooser").evaluate("(el) => getComputedStyle(el).display") == "grid"

    page.locator(".md-tabs a", has_text="Timer").click()
    expect(page.locator("[data-timer-items] > li").first).to_be_visible()  # timer.js started on the new page
    assert page.evaluate("window.__samePage === true")
    assert page.evaluate(linked, "chooser") == 0, "the chooser's stylesheet left with its page"
    assert page.evaluate(linked, "timer") == 1
    assert page.locator(".ih-timer").evaluate("(el) => getComputedStyle(el).getPropertyValue('--ih-warn')").strip()
