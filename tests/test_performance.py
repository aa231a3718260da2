"""Performance budgets, measured on every test run (figures in detail: `make bench`)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bench import WIDGET_PAGES, Server, page_count, page_weight, stock_project, timed_build
from conftest import ROOT

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
