"""The current card on every screen (issue 12): in projector mode a small QR code and a link open the card
on a participant's phone; drawing the next card changes the code; a shared round makes every device that
opens its link draw the same order. The phone is a second browser context: nothing shared but the link."""

from __future__ import annotations

import io
import re

import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from helpers import assert_readable_from_the_back, new_context
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
    draw(page)
    assert page.locator("[data-card-share-qr] svg").count() == 0, "no code is encoded for a hidden box"
    page.click("[data-card-projector]")
    page.click("[data-card-share-round]")
    expect(page.locator("[data-card-share-qr] svg")).to_be_visible()
    first = page.locator(QUESTION).get_attribute("data-card-id")
    link = page.locator("[data-card-share-link]").get_attribute("href")
    assert re.search(rf"[?&]stapel=[^&]+&kaart={first}&ronde=[0-9a-z]+$", link), "the readable link beside the code"
    code = scanned(page)
    # The code carries the compact form: fewer, larger modules, readable from the back of the room.
    assert re.search(r"\?kort=[0-9a-z.-]+-[0-9a-z]+&ronde=[0-9a-z]+$", code) and len(code) < len(link), code
    phone = new_context(browser, base_url, viewport={"width": 390, "height": 844})
    try:
        other = phone.new_page()
        other.goto(code)
        expect(other.locator(QUESTION)).to_have_attribute("data-card-id", first)
        assert other.locator(QUESTION).inner_text() == page.locator(QUESTION).inner_text()
        # Drawing on the projector changes the code; the phone draws the same next cards by itself.
        seen = {code}
        for _ in range(3):
            card = draw(page)
            code = scanned(page)
            assert f"kaart={card}&" in page.locator("[data-card-share-link]").get_attribute("href")
            assert code not in seen
            seen.add(code)
            assert draw(other) == card
        # A phone that scans the newest code holds that card, in the same round; so does the pasted link.
        other.goto(code)
        expect(other.locator(QUESTION)).to_have_attribute("data-card-id", card)
        assert draw(other) == draw(page)
        other.goto(page.locator("[data-card-share-link]").get_attribute("href"))
        expect(other.locator(QUESTION)).to_have_attribute("data-card-id", page.locator(QUESTION).get_attribute("data-card-id"))
    finally:
        phone.close()
    assert console_errors == []


def test_the_card_code_on_a_projector_can_be_read_from_the_back_of_the_room(browser, base_url: str) -> None:
    ctx = new_context(browser, base_url, viewport={"width": 1920, "height": 1080})
    try:
        page = ctx.new_page()
        open_cards(page)
        page.click("[data-card-projector]")
        draw(page)
        assert_readable_from_the_back(page, "[data-card-share-qr]")
    finally:
        ctx.close()
