"""Performance budgets, measured on every test run (figures in detail: `make bench`)."""

from __future__ import annotations

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
