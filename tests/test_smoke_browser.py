"""The built site opens in real Chromium under a sub-path, without errors."""

from __future__ import annotations


def test_method_page_opens_in_chromium(page, console_errors: list[str]) -> None:
    page.goto("methoden/vijfstappenmethode/")
    assert page.locator("h1").inner_text().startswith("Vijfstappenmethode")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert console_errors == []
