"""Search that speaks Dutch: the site's own search (sitebuild/finish/search.py makes a Pagefind index of the
finished pages; assets/javascripts/search/ asks it from the header) finds the page about a word form near
the top, shows excerpts that read as text, and works with the keyboard, on a phone and for axe.

Every test types into the header field ([data-search-input]) and reads the result links
([data-search-result]): the contract that tests/test_zensical.py checks on the Zensical build too.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from helpers import SEARCH_ABOUT, SEARCH_TOP, axe_violations, search_results

pytestmark = pytest.mark.search  # these tests search: the test server hands out the real index

# Words from every corner of the site: its excerpts and texts are checked for glued words.
BROAD = ["casus", "vraag", "groep", "methode", "timer", "kaart", "rol", "stap", "advies", "tijd", "sessie",
         "begrip", "deelnemer", "procesbegeleider", "casusinbrenger", "reflectie", "spelregel", "agenda",
         "privacy", "afdrukken", "formulier", "bron", "verantwoording", "intervisie", "minuten"]
# Pagefind's whole index through its own API, in the page: the data of every result of every query.
ALL_DATA = """async (queries) => {
  const pagefind = await import(new URL("pagefind/pagefind.js", __md_scope).href);
  await pagefind.options({ baseUrl: new URL(__md_scope).pathname });
  const out = {};
  for (const query of queries) {
    const found = await pagefind.search(query);
    for (const result of found.results) {
      const data = await result.data();
      out[data.url] = out[data.url] || { content: data.content, excerpts: [] };
      out[data.url].excerpts.push(data.excerpt, ...data.sub_results.map((sub) => sub.excerpt));
    }
  }
  return out;
}"""
GLUED = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ]")
# Words that are written with a capital inside on purpose.
CAMEL_OK = {"GitHub", "JavaScript", "localStorage", "MkDocs"}


@pytest.fixture
def home(page):
    page.goto("")
    return page


def test_search_finds_the_page_about_a_word_form_near_the_top(home) -> None:
    # One page types every query in turn, as a reader does (a page per query cost ~7 s of the suite).
    missed = {}
    for query, expected in SEARCH_ABOUT.items():
        results = search_results(home, query)
        if expected not in results[:SEARCH_TOP]:
            missed[query] = f"{expected} not in {results[:6]}"
    assert not missed, missed


def test_each_result_is_a_link_whose_first_line_is_the_page_title(home) -> None:
    search_results(home, "spiegelen")
    first = home.locator("[data-search-result]").first
    expect(first).to_have_attribute("href", re.compile(r"/methoden/spiegelmethode/$"))
    assert first.inner_text().splitlines()[0] == "Spiegelmethode"
    expect(first.locator("mark").first).to_be_visible()  # the found word stands out in the excerpt
    expect(home.locator("[data-search-status]")).to_have_text(re.compile(r"^\d+ resultaten"))


def _glued(text: str) -> list[str]:
    words = re.findall(r"\S*" + GLUED.pattern + r"\S*", text)
    return [w for w in words if not any(ok in w for ok in CAMEL_OK)]


def _button_pairs(site_dir: Path) -> set[str]:
    """Each pair of neighbouring button labels on a page, as they would read if glued ("StartVorige")."""
    pairs = set()
    for file in site_dir.rglob("*.html"):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        labels = [" ".join(b.get_text().split()) for b in soup.select("article button")]
        labels = [label for label in labels if label]
        pairs |= {a + b for a, b in zip(labels, labels[1:])} | {f"{a} {b}" for a, b in zip(labels, labels[1:])}
    return pairs


def test_excerpts_and_indexed_text_have_no_glued_words_or_widget_labels(home, site_dir: Path) -> None:
    found = home.evaluate(ALL_DATA, BROAD)
    assert len(found) >= 40, f"the broad queries reach only {len(found)} pages"
    glued = {url: g for url, data in found.items() if (g := _glued(data["content"]) +
             [w for e in data["excerpts"] for w in _glued(re.sub(r"</?mark>", "", e))])}
    assert not glued, f"glued words on {len(glued)} pages, e.g. {list(glued.items())[:4]}"
    pairs = _button_pairs(site_dir)
    assert len(pairs) > 10
    labelled = {url: sorted(p for p in pairs if p in data["content"]) for url, data in found.items()}
    labelled = {url: p for url, p in labelled.items() if p}
    assert not labelled, f"widget button labels in the index: {labelled}"


def test_the_print_page_and_the_404_page_are_not_results(home) -> None:
    found = home.evaluate(ALL_DATA, ["handboek", "pagina"])
    assert not [url for url in found if "afdrukken" in url or "404" in url]


def test_keyboard_slash_focuses_search_arrows_reach_results_and_enter_opens_one(home) -> None:
    home.keyboard.press("/")
    box = home.locator("[data-search-input]")
    expect(box).to_be_focused()
    home.keyboard.type("valkuil")
    expect(home.locator('[data-search-results][data-search-query="valkuil"]')).to_be_attached()
    home.keyboard.press("ArrowDown")
    first = home.locator("[data-search-result]").first
    expect(first).to_be_focused()
    home.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    home.keyboard.press("Tab")  # the results follow the field in the tab order
    expect(home.locator("#ih-search a[href]").first).to_be_focused()
    target = home.locator("#ih-search a[href]").first.get_attribute("href")
    home.keyboard.press("Enter")
    expect(home).to_have_url(re.compile(re.escape(target.split("#")[0]) + r"(#.*)?$"))
    expect(home.locator("h1").first).to_contain_text("valkuil", ignore_case=True)
    expect(home.locator("[data-search-panel]")).to_be_hidden()  # the list does not stay over the new page
    # "s" opens search too, but not while the reader types elsewhere.
    home.locator("body").press("s")
    expect(box).to_be_focused()
    home.keyboard.press("Escape")
    expect(box).not_to_be_focused()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_search_with_results_has_no_axe_findings(browser, base_url: str, scheme: str) -> None:
    from helpers import new_context

    context = new_context(browser, base_url, search=True, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto("")
        search_results(page, "casus")
        expect(page.locator("[data-search-panel]")).to_be_visible()
        assert axe_violations(page, scheme) == []
    finally:
        context.close()


def test_on_a_phone_the_magnifier_opens_search_and_shows_results(browser, base_url: str) -> None:
    from helpers import new_context

    context = new_context(browser, base_url, search=True, viewport={"width": 390, "height": 844},
                          is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto("methoden/")
        box = page.locator("[data-search-input]")
        expect(box).to_be_hidden()
        page.locator("[data-search-open]").click()
        expect(box).to_be_focused()
        assert SEARCH_ABOUT["rollenspel"] in search_results(page, "rollenspel")[:SEARCH_TOP]
        first = page.locator("[data-search-result]").first
        expect(first).to_be_in_viewport()
        box_width = page.locator("[data-search-panel]").bounding_box()["width"]
        assert box_width >= 380, box_width  # the results take the phone's width
        page.locator("[data-search-close]").click()
        expect(box).to_be_hidden()
    finally:
        context.close()


def test_nothing_of_search_is_fetched_before_the_reader_searches(page) -> None:
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if "/pagefind/" in r.url else None)
    page.goto("methoden/basismodel/", wait_until="networkidle")
    assert fetched == []
    search_results(page, "casus")
    assert any(url.endswith("/pagefind/pagefind.js") for url in fetched)


# --- the search script comes when the reader reaches for search ----------------------------------------

# The header search's own script (results.js + view.js): the part "search", which search/reach.js in the
# common script adds at the reader's first reach (extra.widget_parts in mkdocs.yml).
SEARCH_SCRIPT = re.compile(r".*/assets/javascripts/intervisie-part-search\.[0-9a-f]{10}\.js$")
READY = re.compile(r"\bih-search--ready\b")  # view.js runs
# Each way to reach for search on a desktop: the field by mouse or keyboard focus, or a shortcut key.
REACHES = {
    "a click in the field": lambda page: page.locator("[data-search-input]").click(),
    "the field's focus": lambda page: page.locator("[data-search-input]").focus(),
    "/": lambda page: page.keyboard.press("/"),
    "s": lambda page: page.keyboard.press("s"),
}


def search_scripts(asked: list[str]) -> list[str]:
    return [url for url in asked if SEARCH_SCRIPT.match(url)]


def hold_search_script(page) -> list:
    """Hold the search script's response back, as a slow connection would, until the test lets it through."""
    held: list = []
    page.route(SEARCH_SCRIPT, lambda route: held.append(route))
    return held


def let_through(page, held: list) -> None:
    for _ in range(200):  # the route's handler runs while the test waits on the page
        if held:
            break
        page.wait_for_timeout(25)
    assert held, "the search script was never asked for"
    assert not READY.search(page.locator("[data-search]").get_attribute("class"))
    for route in held:
        route.continue_()


@pytest.mark.parametrize("reach", REACHES)
def test_the_search_script_comes_only_when_the_reader_reaches_for_search(page, reach: str) -> None:
    """Most visits never search, so no page loads the search script (nor a preload hint for it) until the
    reader reaches for search; then it comes once."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto("methoden/basismodel/", wait_until="networkidle")
    script = page.evaluate("() => new URL(Intervisie.parts.search, __md_scope).href")
    assert SEARCH_SCRIPT.match(script), script
    assert search_scripts(asked) == []
    assert page.locator('link[href*="intervisie-part-search"], script[src*="intervisie-part-search"]').count() == 0
    REACHES[reach](page)
    expect(page.locator("[data-search]")).to_have_class(READY)
    expect(page.locator("[data-search-input]")).to_be_focused()
    assert search_scripts(asked) == [script]


def test_s_and_slash_typed_in_a_form_field_are_text_not_a_reach_for_search(page) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto("bijlagen/casusinbrengformulier/", wait_until="networkidle")
    field = page.locator("textarea#ih-casusinbreng-kernvraag")
    field.click()
    page.keyboard.type("s/S")
    expect(field).to_have_value("s/S")
    expect(field).to_be_focused()
    assert search_scripts(asked) == []
    expect(page.locator("[data-search]")).not_to_have_class(re.compile(r"\bih-search--open\b"))


@pytest.mark.parametrize("reach", ["a click in the field", "/"])
def test_what_is_typed_before_the_search_script_arrives_is_searched(page, reach: str) -> None:
    """A quick reader types at once: the key that reached for search already put the cursor in the field,
    and what was typed while the script was on its way is searched as soon as it runs."""
    held = hold_search_script(page)
    page.goto("", wait_until="networkidle")
    REACHES[reach](page)
    box = page.locator("[data-search-input]")
    expect(box).to_be_focused()
    page.keyboard.type("valkuil")
    expect(box).to_have_value("valkuil")  # the "/" that opened it is not in the field
    let_through(page, held)
    expect(page.locator('[data-search-results][data-search-query="valkuil"]')).to_be_attached()
    hrefs = page.eval_on_selector_all("[data-search-result]", "els => els.map((e) => e.href)")
    assert any(h.endswith(SEARCH_ABOUT["valkuil"]) for h in hrefs[:SEARCH_TOP]), hrefs[:SEARCH_TOP]
    page.keyboard.press("ArrowDown")  # and from then on the script answers the keys
    expect(page.locator("[data-search-result]").first).to_be_focused()


def test_on_a_phone_the_first_tap_opens_search_while_its_script_is_on_its_way(browser, base_url: str) -> None:
    from helpers import new_context

    context = new_context(browser, base_url, search=True, viewport={"width": 390, "height": 844},
                          is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        held = hold_search_script(page)
        page.goto("methoden/", wait_until="networkidle")
        page.locator("[data-search-open]").tap()
        box = page.locator("[data-search-input]")
        expect(box).to_be_focused()  # on the first tap, not once the script has come
        expect(page.locator("[data-search-open]")).to_have_attribute("aria-expanded", "true")
        page.keyboard.type("rollenspel")
        let_through(page, held)
        expect(page.locator('[data-search-results][data-search-query="rollenspel"]')).to_be_attached()
        expect(page.locator("[data-search-result]").first).to_be_in_viewport()
        page.locator("[data-search-close]").click()
        expect(box).to_be_hidden()
    finally:
        context.close()


def test_instant_navigation_neither_listens_twice_nor_loads_the_search_script_twice(page) -> None:
    """The theme's instant navigation swaps the article and keeps the header: however many pages the reader
    passes first, the search script comes once, at the first reach, and each key is answered once."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto("", wait_until="networkidle")  # instant navigation starts once the theme has the sitemap
    page.evaluate("window.__samePage = true")
    box = page.locator("[data-search-input]")
    for tab, heading, query in (("Methoden", "Methoden", "spiegelen"), ("Kaarten", "Kaarten trekken", "valkuil")):
        page.locator(f".md-tabs a:text-is('{tab}')").click()
        expect(page.locator("article h1").first).to_contain_text(heading)
        expect(page.locator("[data-search-panel]")).to_be_hidden()
        page.keyboard.press("/")
        expect(box).to_be_focused()
        page.keyboard.type(query)
        expect(box).to_have_value(query)  # the "/" that opened it is not in the field
        expect(page.locator(f'[data-search-results][data-search-query="{query}"]')).to_be_attached()
        assert len(search_scripts(asked)) == 1, search_scripts(asked)
        page.keyboard.press("Escape")
        expect(box).not_to_be_focused()
    assert page.evaluate("window.__samePage === true"), "the menu should use instant navigation"


# --- the results' style comes with the search script ------------------------------------------------------

# The results' own style (stylesheets/search/results.css): the part "search"'s stylesheet, which reach.js
# adds beside the script.
SEARCH_STYLE = re.compile(r".*/assets/stylesheets/intervisie-part-search\.[0-9a-f]{10}\.css$")
# How the results panel looks each time it is shown, at that moment and not a moment later: its position
# (absolute from 60em, in results.css only) and the list's markers (none, results.css only).
RECORD_SHOWN = """() => {
  const root = document.querySelector("[data-search]");
  const panel = root.querySelector("[data-search-panel]");
  const list = root.querySelector("[data-search-results]");
  let shown = false;
  window.__shownAs = [];
  new MutationObserver(() => {
    const now = getComputedStyle(panel).display !== "none";
    if (now && !shown) {
      window.__shownAs.push(`${getComputedStyle(panel).position} ${getComputedStyle(list).listStyleType}`);
    }
    shown = now;
  }).observe(root, { attributes: true, attributeFilter: ["class"] });
}"""
STYLED = "absolute none"


def test_results_are_styled_when_first_shown_and_again_after_instant_navigation(page) -> None:
    """The results' style comes with the search script, not with every page: even when it comes after the
    script and the answer, the panel is never seen without it, and instant navigation (which drops from
    the head what the next page lacks) keeps it."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto("", wait_until="networkidle")
    page.evaluate("window.__samePage = true")
    assert not [url for url in asked if SEARCH_STYLE.match(url)], "the results' style comes only with search"

    def slow(route) -> None:  # the style arrives well after the script and Pagefind's answer
        time.sleep(0.6)
        route.continue_()

    page.route(SEARCH_STYLE, slow)
    page.evaluate(RECORD_SHOWN)
    search_results(page, "spiegelen")
    expect(page.locator("[data-search-panel]")).to_be_visible()
    assert page.evaluate("window.__shownAs") == [STYLED], "visible only once styled"
    page.keyboard.press("Escape")
    page.locator(".md-tabs a:text-is('Methoden')").click()
    expect(page.locator("article h1").first).to_contain_text("Methoden")
    expect(page.locator("[data-search-panel]")).to_be_hidden()
    search_results(page, "valkuil")
    expect(page.locator("[data-search-panel]")).to_be_visible()
    assert page.evaluate("window.__shownAs") == [STYLED, STYLED]
    assert page.evaluate("window.__samePage === true"), "the menu should use instant navigation"
    assert len([url for url in asked if SEARCH_STYLE.match(url)]) == 1


def test_when_the_results_style_cannot_come_search_says_so_and_the_next_search_brings_it(page) -> None:
    failed: list[str] = []

    def once(route) -> None:  # the first request fails late, as on a connection that drops for a while
        if failed:
            route.continue_()
        else:
            failed.append(route.request.url)
            time.sleep(0.5)  # after the script came and asked for its style
            route.abort()

    page.route(SEARCH_STYLE, once)
    page.goto("", wait_until="networkidle")
    page.locator("[data-search-input]").fill("casus")
    expect(page.locator("[data-search-status]")).to_have_text(re.compile(r"^Zoeken lukt nu niet"))
    expect(page.locator("[data-search-panel]")).to_be_visible()  # the message shows without the style
    assert failed and not page.locator("[data-search-result]").count()
    # The next word searched asks for the style again; its results show only once it applies.
    page.locator("[data-search-results]").evaluate("""(list) => new MutationObserver(() => {
      if (!window.__firstResultAs && list.querySelector("[data-search-result]")) window.__firstResultAs =
        `${getComputedStyle(list.parentElement).position} ${getComputedStyle(list).listStyleType}`;
    }).observe(list, { childList: true })""")
    search_results(page, "spiegelen")
    expect(page.locator("[data-search-status]")).to_have_text(re.compile(r"^\d+ resultaten"))
    assert page.evaluate("window.__firstResultAs") == STYLED
