"""The current card on every screen (issue 12): in projector mode a small QR code and a link open the card
on a participant's phone; drawing the next card changes the code; a shared round makes every device that
opens its link draw the same order. The phone is a second browser context: nothing shared but the link."""

from __future__ import annotations

import io
import re

import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from helpers import new_context
from test_cards import open_cards

QUESTION = "[data-card-question]"


def scanned(page) -> str:
    png = page.locator("[data-card-share-qr]").screenshot()
    codes = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert len(codes) == 1, f"expected one QR code, read {len(codes)}"
    return codes[0].text


def draw(page) -> str:
    before = page.locator(QUESTION).get_attribute("data-card-id")
    page.click("[data-card-draw]")
    expect(page.locator(QUESTION)).not_to_have_attribute("data-card-id", before or "")
    return page.locator(QUESTION).get_attribute("data-card-id")


def test_the_card_on_the_table_opens_on_a_phone_and_a_shared_round_draws_alike(page, browser, base_url: str,
                                                                                console_errors: list[str]) -> None:
    open_cards(page)
    expect(page.locator("[data-card-share]")).to_be_hidden()  # only for the projector
    page.click("[data-card-projector]")
    page.click("[data-card-share-round]")
    expect(page.locator("[data-card-share-qr] svg")).to_be_visible()
    first = page.locator(QUESTION).get_attribute("data-card-id")
    link = page.locator("[data-card-share-link]").get_attribute("href")
    # The usual stapel=…&kaart=…, or its compact form when that is too long for a coarse code.
    assert re.search(r"[?&](kaart=|kort=[0-9a-z.-]+-)[^&]+&ronde=[0-9a-z]+$", link), link
    assert scanned(page) == link
    phone = new_context(browser, base_url, viewport={"width": 390, "height": 844})
    try:
        other = phone.new_page()
        other.goto(link)
        expect(other.locator(QUESTION)).to_have_attribute("data-card-id", first)
        assert other.locator(QUESTION).inner_text() == page.locator(QUESTION).inner_text()
        # Drawing on the projector changes the code; the phone draws the same next cards by itself.
        seen = {link}
        for _ in range(3):
            card = draw(page)
            code = scanned(page)
            assert code == page.locator("[data-card-share-link]").get_attribute("href")
            assert code not in seen
            seen.add(code)
            assert draw(other) == card
        # A phone that scans the newest code holds that card, in the same round.
        other.goto(code)
        expect(other.locator(QUESTION)).to_have_attribute("data-card-id", card)
        assert draw(other) == draw(page)
    finally:
        phone.close()
    assert console_errors == []
