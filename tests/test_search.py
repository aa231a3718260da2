"""Search that speaks Dutch: word forms grouped by the Snowball stemmers (sitebuild/finish/search_nl.py),
the page about a word near the top of Material's own search, and snippets that read as text.

The ranking test types into Material's search box in Chromium, so it runs Material's own search
worker (lunr with the index config and field boosts from search/search_index.json) exactly as a
reader meets it; four queries take about two seconds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from sitebuild.finish import search_nl

pytestmark = pytest.mark.search  # these tests search: the real worker and index

TOP = 3
# Query -> the page about it, which must be among the first TOP results.
ABOUT = {
    "spiegelen": "methoden/spiegelmethode/",
    "adviezen": "methoden/snelle-adviesronde/",
    "groepsgrootte": "handboek/organisatie/",
    "vragen": "bijlagen/helpende-vragen/",
}
FACT_LABELS = ("Duur", "Groep", "Niveau", "Advies", "Soort casus")


def index(site_dir: Path) -> dict:
    return json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))


def test_word_forms_are_linked_only_when_both_occur() -> None:
    found = search_nl.families(["vraag", "vragen", "casus", "casussen", "deelnemer", "deelnemers", "methode",
                                "methoden", "stap", "stappen", "advies", "adviezen", "les", "lezen", "wat", "water"])
    assert found["vraag"] == {"vraag", "vragen"}
    assert found["casussen"] == {"casus", "casussen"}
    assert found["deelnemer"] == {"deelnemer", "deelnemers"}
    assert found["methoden"] == {"methode", "methoden"}
    assert found["stap"] == {"stap", "stappen"}
    assert found["adviezen"] == {"advies", "adviezen"}
    assert "les" not in found and "wat" not in found  # lezen is not a plural of les; stop words link nothing
    assert "spiegelen" not in search_nl.families(["spiegelen", "methode"])  # a form alone has no family


def test_compound_words_split_only_into_words_of_the_site() -> None:
    vocabulary = {"spiegel", "methode", "groep", "grootte", "advies", "ronde"}
    assert search_nl.compound_parts("spiegelmethode", vocabulary) == {"spiegel", "methode"}
    assert search_nl.compound_parts("groepsgrootte", vocabulary) == {"groep", "grootte"}
    assert search_nl.compound_parts("adviesronde", vocabulary) == {"advies", "ronde"}
    assert search_nl.compound_parts("rondetafel", vocabulary) == set()


def test_search_index_gives_a_section_the_forms_it_lacks() -> None:
    out = search_nl.add_word_forms({"config": {"fields": {}}, "docs": [
        {"location": "a/", "title": "Spiegelmethode", "text": "<p>Stel een open vraag.</p>"},
        {"location": "b/", "title": "B", "text": "<p>Goede vragen en casussen, spiegelen.</p>"},
        {"location": "c/", "title": "C", "text": "<p>Over de casus, de spiegel en de methode.</p>"},
    ]})
    docs = out["docs"]
    assert docs[0]["vormen"].split() == ["vragen"]
    assert set(docs[0]["titelvormen"].split()) == {"spiegel", "spiegelen", "methode"}  # the parts of the title
    assert set(docs[1]["vormen"].split()) == {"vraag", "casus", "spiegel"}
    assert set(docs[2]["vormen"].split()) == {"casussen", "spiegelen"}
    assert "titelvormen" not in docs[2]
    fields = out["config"]["fields"]
    assert fields["vormen"]["boost"] < 1 < fields["titelvormen"]["boost"]


def _article_results(page, base_url: str, query: str) -> list[str]:
    """Type `query` into Material's search and return the pages of the results, best first."""
    page.goto("")
    box = page.locator(".md-search__input")
    with page.expect_request("**/search/search_index.json"):
        box.click()
    box.press_sequentially(query, delay=10)
    # Every result whose section matched links with ?h=<query>; wait until the list is for the whole query.
    expect(page.locator(f'.md-search-result__link[href*="h={query}"]').first).to_be_attached()
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item > .md-search-result__link:first-child",
        "els => els.map(e => e.href)",
    )
    return [re.sub(r"\?.*", "", h).removeprefix(base_url) for h in hrefs]


@pytest.mark.parametrize("query", list(ABOUT))
def test_search_finds_the_page_about_a_word_form_near_the_top(page, base_url: str, query: str) -> None:
    results = _article_results(page, base_url, query)
    assert ABOUT[query] in results[:TOP], f"{query!r}: {ABOUT[query]} not in the first {TOP}: {results[:6]}"


def _only_says(docs: list[dict], word: str, not_prefix: str) -> list[dict]:
    def tokens(d: dict) -> set[str]:
        return search_nl.words(d.get("title", "") + " " + d.get("text", ""))
    return [d for d in docs if word in tokens(d) and not any(t.startswith(not_prefix) for t in tokens(d))]


def test_a_page_fetches_the_search_index_only_when_the_reader_opens_search(page) -> None:
    """The ~450 KB index is parsed and copied to the search worker on the phone's main thread: not on
    every page load (sitebuild/finish/lazy_index.js), and the worker itself starts only with it
    (lazy_worker.js). On a phone search opens with the icon."""
    page.set_viewport_size({"width": 390, "height": 800})
    fetched: list[str] = []
    workers: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if r.url.endswith("search_index.json") else None)
    page.on("worker", lambda w: workers.append(w.url))
    page.goto("methoden/basismodel/", wait_until="networkidle")
    assert (fetched, workers) == ([], [])
    page.locator("label[for='__search']").first.click()
    page.locator(".md-search__input").press_sequentially("casus", delay=10)
    expect(page.locator(".md-search-result__meta")).to_contain_text(re.compile(r"\d+ overeenkomende"))
    assert len(fetched) == 1
    assert len(workers) == 1 and "/workers/search." in workers[0], workers
    page.goto("handboek/inleiding/?h=intervisie", wait_until="load")
    expect(page.locator("article mark").first).to_be_visible()  # highlighting needs the index at once


def test_search_for_vragen_finds_a_section_that_only_says_vraag(page, site_dir: Path, base_url: str) -> None:
    docs = index(site_dir)["docs"]
    candidates = _only_says(docs, "vraag", "vragen")
    assert candidates, "no section says only 'vraag'; pick another word pair for this test"
    # A word found in one section only, so that '+vragen +word' can only match through 'vraag'.
    all_tokens = [search_nl.words(d.get("title", "") + " " + d.get("text", "")) for d in docs]
    for doc in candidates:
        mine = search_nl.words(doc.get("title", "") + " " + doc.get("text", ""))
        rare = sorted(w for w in mine if len(w) >= 7 and w.isalpha() and w.isascii()
                      and sum(any(t.startswith(w) for t in toks) for toks in all_tokens) == 1)
        if rare:
            break
    else:
        pytest.fail("no section that only says 'vraag' has a word of its own")
    page.goto("")
    box = page.locator(".md-search__input")
    box.click()
    # '+' makes both words required; Material adds no trailing '*' to a '+word', so add it as it would.
    box.press_sequentially(f"+vragen* +{rare[0]}*", delay=10)
    expect(page.locator(".md-search-result__meta")).to_contain_text(re.compile(r"\d"), timeout=10000)
    hrefs = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    found = {re.sub(r"\?h=[^#]*", "", h).removeprefix(base_url) for h in hrefs}
    assert doc["location"] in found, (doc["location"], sorted(found))


def test_facts_of_a_method_are_indexed_as_separate_words(site_dir: Path) -> None:
    docs = index(site_dir)["docs"]
    methods = [d for d in docs if re.fullmatch(r"methoden/[a-z0-9-]+/", d["location"])]
    assert len(methods) >= 20
    labels = "|".join(FACT_LABELS)
    glued = [
        f"{d['location']}: {m.group(0)!r}"
        for d in docs
        for part in re.split(r"<[^>]+>", d["text"])  # a tag in the text is a word boundary for lunr
        for m in re.finditer(rf"[a-zà-ÿ0-9)](?:{labels})(?![a-zà-ÿ])|\b(?:{labels})(?=\d|[A-ZÀ-Þ])", part)
    ]
    assert not glued, f"{len(glued)} glued label/value spot(s), e.g. {glued[:5]}"
    for doc in methods:
        assert re.search(r"(?:^|\s)Duur \d+ min", doc["text"]), doc["location"]
