"""What a reader notices of speed, checked on every test run: nothing moves when a widget script arrives
late, and each page links only the stylesheets it uses. Timings and weight budgets (build time, own
scripts and styles, a page against a stock Material site, Lighthouse) are measured by `make bench`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from helpers import SUBPATH, new_context

# The pages that load a widget script on top of the common ones (as in the benchmark).
WIDGET_PAGES = ("timer/?methode=basismodel", "kaarten/", "kiezen/", "bijlagen/casusinbrengformulier/")


CLS_OBSERVER = """
window.__ihShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__ihShift += entry.value;
}).observe({ type: "layout-shift", buffered: true });
"""


# What each page shows once its widget script has run and has its data.
WIDGET_READY = {
    "timer/": "[data-timer-items] > li",
    "timer/?methode=basismodel": "[data-timer-run]:not([hidden])",
    "kaarten/": "[data-cards]:not([aria-busy]) [data-cards-app]:not([hidden])",
    "kiezen/": ".ih-chooser__out:not([aria-busy]) [data-chooser-results] li",
    "bijlagen/casusinbrengformulier/": "[data-form-actions]:not([hidden])",
}
FIRST_PAINT = "() => performance.getEntriesByType('paint').some((entry) => entry.name === 'first-contentful-paint')"


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 800)], ids=["phone", "laptop"])
@pytest.mark.parametrize("path", ["timer/", *WIDGET_PAGES])
def test_nothing_jumps_when_a_widget_script_arrives_late(browser, base_url: str, path: str, width: int,
                                                         height: int) -> None:
    """On slow wifi the widget script comes in after the first paint. The page must not move
    under the reader's eyes then (Lighthouse counts a layout shift above 0.1 as poor)."""
    context = new_context(browser, base_url, viewport={"width": width, "height": height})
    context.add_init_script(CLS_OBSERVER)
    # The widget's script is held back until the page has painted, then let through.
    held: dict = {"open": False, "routes": []}

    def hold(route) -> None:
        if held["open"]:
            route.continue_()
        else:
            held["routes"].append(route)

    context.route("**/assets/javascripts/intervisie-*.js", hold)
    page = context.new_page()
    page.goto(path, wait_until="commit")
    page.wait_for_function(FIRST_PAINT)
    for _ in range(200):  # the loader asks for the widget's script once the common one has run
        if held["routes"]:
            break
        page.wait_for_timeout(25)
    assert held["routes"], "the widget's script was never asked for"
    held["open"] = True
    for route in held["routes"]:
        route.continue_()
    page.locator(WIDGET_READY[path]).first.wait_for()
    # The shift, if any, is recorded within the frame that moved things.
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    shift = page.evaluate("() => window.__ihShift")
    context.close()
    assert shift < 0.02, f"/{path} moved by {shift:.3f} at {width} px"


WIDGET_STYLE = re.compile(r'<link rel="stylesheet" href="[^"]*/intervisie-(\w+)\.[0-9a-f]{10}\.css">')
STYLED_WIDGETS = {
    "kiezen/index.html": ["chooser"],
    "timer/index.html": ["timer"],
    "kaarten/index.html": ["cards"],
    # The forms open with a method page's lead paragraph (handbook.css).
    "bijlagen/casusinbrengformulier/index.html": ["handbook", "forms"],
    "bijlagen/reflectieformulier/index.html": ["handbook", "forms"],
    "privacy/index.html": ["forms"],
    "groep/index.html": ["group"],
}
# The handbook's own style (chapters, the home page, method pages): linked where its classes are, so never
# on the helpers' pages above, which stay lighter for it.
HANDBOOK_STYLED = ("index.html", "handboek/spelregels/index.html", "methoden/spiegelmethode/index.html",
                   "afdrukken/index.html")


def test_widget_stylesheets_are_linked_only_on_the_pages_of_their_widget(site_dir: Path) -> None:
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        rel = path.relative_to(site_dir).as_posix()
        html = path.read_text(encoding="utf-8")
        found = WIDGET_STYLE.findall(html)
        if rel in STYLED_WIDGETS or rel == "404.html":
            assert found == STYLED_WIDGETS.get(rel, []), rel
        elif rel in HANDBOOK_STYLED:
            assert found == ["handbook"], rel
        else:
            assert found in ([], ["handbook"]), rel
        for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html):
            # 404.html links from the site's root path, every other page relatively.
            target = site_dir / href.removeprefix(f"/{SUBPATH}/") if href.startswith("/") else path.parent / href
            assert target.resolve().is_file(), f"{rel}: {href}"


def test_widget_stylesheets_come_and_go_with_instant_navigation(page) -> None:
    page.goto("", wait_until="networkidle")  # instant navigation starts once Material has the sitemap
    page.evaluate("window.__samePage = true")
    linked = "(name) => document.querySelectorAll(`link[rel=stylesheet][href*='/intervisie-${name}.']`).length"

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


# A result of the chooser: a link to a method page, one folder deeper than /kiezen/.
METHOD_RESULT = "[data-chooser-results] a[href*='/methoden/']"
HEAD_SHEETS = """() => [...document.head.querySelectorAll('link[rel=stylesheet]')]
  .map((link) => [new URL(link.href).pathname.split('/').pop(), link.sheet !== null && link.sheet.cssRules.length > 0])"""


def test_the_theme_script_leaves_the_page_stylesheets_alone_also_across_instant_navigation(
        page) -> None:
    """Material's instant navigation made every stylesheet address absolute as it started: the browser
    then parsed each sheet again and restyled the whole page (sitebuild/finish/theme/patches.py, row stylesheet-links-kept). The
    sheets parsed with the page stay, and a page at another depth still gets the same head, each
    sheet once and applied, without loading any of them again."""
    page.add_init_script("""window.__ihSheetChanges = [];
      new MutationObserver((records) => { for (const r of records) window.__ihSheetChanges.push(r.target.outerHTML) })
        .observe(document, { subtree: true, attributeFilter: ['href'] });""")
    page.goto("kiezen/", wait_until="networkidle")  # the bundle ran and instant navigation is set up
    assert page.evaluate("document.documentElement.hasAttribute('data-js-focus-visible')"), "the bundle ran"
    changed = page.evaluate("window.__ihSheetChanges.filter((html) => html.startsWith('<link rel=\"stylesheet\"'))")
    assert changed == [], changed
    head = page.evaluate(HEAD_SHEETS)
    assert [name.split(".")[0] for name, _ in head] == ["main", "palette", "intervisie"], head
    assert all(applied for _, applied in head), head
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.evaluate("window.__samePage = true")
    method = page.locator(METHOD_RESULT).first
    title = method.inner_text()
    method.click()
    page.wait_for_url("**/methoden/*/")
    expect(page.locator("article h1")).to_contain_text(title.split(" ")[0])
    assert page.evaluate("window.__samePage === true"), "the link should use instant navigation"
    assert page.evaluate(HEAD_SHEETS) == head, "the same sheets, each once, still applied"
    # Only the method page's own style comes (the handbook's, which the chooser's page does not carry).
    assert [re.sub(r"\.[0-9a-f]{10}\.", ".", url.rsplit("/", 1)[-1]) for url in requested if url.endswith(".css")] == [
        "intervisie-handbook.css"], requested
    # The page still looks like the site: Material's and our own rules apply to the new article.
    assert page.locator(".md-header").evaluate("(el) => getComputedStyle(el).position") == "sticky"


SCHEME_METAS = "() => [...document.querySelectorAll('meta[name=color-scheme]')].map((meta) => meta.content)"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_one_colour_scheme_meta_follows_the_palette_across_instant_navigation(
        page, scheme: str) -> None:
    """The page comes with its colour-scheme meta ("light"); Material's palette script sets that one
    instead of adding its own (setting a new one restyled the whole page), also after a navigation."""
    page.emulate_media(color_scheme=scheme)
    page.add_init_script("""window.__ihNewSchemeMetas = 0;
      new MutationObserver((records) => { for (const r of records) for (const node of r.addedNodes)
        if (node.nodeName === 'META' && node.name === 'color-scheme' && document.readyState !== 'loading') window.__ihNewSchemeMetas++ })
        .observe(document, { subtree: true, childList: true });""")
    page.goto("kiezen/", wait_until="networkidle")
    assert page.evaluate(SCHEME_METAS) == [scheme]
    page.locator(METHOD_RESULT).first.click()
    page.wait_for_url("**/methoden/*/")
    page.locator("article h1").wait_for()
    assert page.evaluate(SCHEME_METAS) == [scheme]
    assert page.evaluate("window.__ihNewSchemeMetas") == 0, "the page's own meta serves, none is added"
    page.locator("form[data-md-component=palette] label:visible").first.click()  # the reader switches
    other = "dark" if scheme == "light" else "light"
    expect(page.locator("meta[name=color-scheme]")).to_have_attribute("content", other)
    assert page.evaluate(SCHEME_METAS) == [other]


# At load: the palette on <body>, what the colour-scheme meta says, and how many colours in the article are
# still changing (Material fades colours when the palette changes after they were first styled).
PALETTE_AT_LOAD = """
window.addEventListener("load", () => {
  window.__ihPaletteAtLoad = [document.body.dataset.mdColorScheme, document.querySelector("meta[name=color-scheme]").content,
    document.getAnimations().filter((a) => a instanceof CSSTransition && a.effect.target.closest
      && a.effect.target.closest("article")).length];
});
"""


@pytest.mark.parametrize("scheme,palette,meta", [("dark", "slate", "dark"), ("light", "default", "light")])
def test_a_first_visit_is_styled_in_the_reader_s_colour_scheme_from_the_start(
        browser, base_url: str, scheme: str, palette: str, meta: str) -> None:
    """A reader whose system is dark, on a first visit (no palette stored yet), sees the page dark from the
    start: not styled light, then fading to dark once Material's bundle at the end of the page has run."""
    context = new_context(browser, base_url, color_scheme=scheme)
    context.add_init_script(PALETTE_AT_LOAD)
    page = context.new_page()
    page.goto("kiezen/", wait_until="load")
    found = page.evaluate("window.__ihPaletteAtLoad")
    context.close()
    assert found == [palette, meta, 0], f"palette, meta, colours still fading at load: {found}"


CHOICE_BOXES_AT_LOAD = """
document.addEventListener("DOMContentLoaded", () => {
  const choice = document.querySelector("[data-timer-choose]");
  window.__ihChoiceBoxes = choice ? choice.getClientRects().length : -1;
});
"""


@pytest.mark.parametrize("query,laid_out", [
    ("?methode=vijfstappenmethode", False), ("?agenda=voorbeeld", False), ("", True),
    ("?agenda=voorbeeld&bewerk=1", True),
], ids=["method", "agenda", "no-session", "edit"])
def test_an_address_that_asks_for_a_session_never_lays_out_the_choice(
        browser, base_url: str, query: str, laid_out: bool) -> None:
    """The timer's script hides the choice of a method (every method's table) when the address asks for a
    session; the browser no longer lays it out first, before the script has even arrived. Asking for the
    planner with a session, or for nothing, shows the choice as before."""
    context = new_context(browser, base_url)
    context.add_init_script(CHOICE_BOXES_AT_LOAD)
    page = context.new_page()
    page.goto(f"timer/{query}")
    assert page.evaluate("window.__ihChoiceBoxes") == (1 if laid_out else 0)
    choice = page.locator("[data-timer-choose]")
    expect(page.locator("[data-timer-run]")).to_be_visible(visible=not laid_out)
    expect(choice).to_be_visible(visible=laid_out)
    if not laid_out:
        # Another method, by instant navigation: the address no longer asks for a session.
        page.locator("[data-timer-choose-link]").click()
        expect(page).to_have_url(re.compile(r"/timer/$"))
        expect(choice.locator("#ih-timer-methode")).to_be_visible()
        expect(page.locator("[data-timer-run]")).to_be_hidden()
    context.close()


def test_an_address_whose_session_cannot_run_shows_the_choice_with_a_note(page) -> None:
    page.goto("timer/?methode=bestaat-niet")
    expect(page.locator("[data-timer-note]")).to_contain_text("bestaat-niet")
    expect(page.locator("[data-timer-choose] #ih-timer-methode")).to_be_visible()
    expect(page.locator("[data-timer-run]")).to_be_hidden()


def test_without_the_timer_script_a_session_address_shows_the_choice(page) -> None:
    """The choice is left out only for the script that would hide it: when that script cannot load
    (a connection that drops), the page shows what it shows without any script."""
    page.route("**/assets/javascripts/intervisie-timer.*.js", lambda route: route.abort())
    page.goto("timer/?methode=vijfstappenmethode")
    expect(page.locator("[data-timer-choose] table").first).to_be_visible()


# Frame by frame, from the first frame that shows the session plan: which of its parts a reader can see.
SHEET_FRAMES = """
window.__ihSheetFrames = [];
const parts = ["[data-sheet-date]", "[data-sheet-start]", ".ih-sheet__scroll", ".ih-sheet__roles"];
const look = () => {
  const sheet = document.querySelector("[data-timer-sheet]");
  if (sheet && !sheet.hidden) {
    window.__ihSheetFrames.push(parts.map((sel) => (document.querySelector(sel).closest("[hidden]") ? "-" : "x")).join(""));
  }
  if (window.__ihSheetFrames.length < 20) requestAnimationFrame(look);
};
requestAnimationFrame(look);
"""


def test_the_session_plan_arrives_in_small_frames_after_the_clock(browser, base_url: str) -> None:
    """Below the clock the session plan comes one part a frame (the date, the start time, the plan, the
    roles): laid out at once, with the page's first date and time fields, it was one task of ~125 ms on a
    phone's CPU just after the clock appeared, and a tap on Start waited for it."""
    context = new_context(browser, base_url, viewport={"width": 390, "height": 844})
    context.add_init_script(SHEET_FRAMES)
    page = context.new_page()
    page.goto("timer/?methode=vijfstappenmethode")
    expect(page.locator("[data-timer-run]")).to_be_visible()
    page.locator("[data-timer-sheet-mark]").evaluate("(el) => el.scrollIntoView()")
    expect(page.locator(".ih-sheet__roles")).to_be_visible()
    page.wait_for_function("() => window.__ihSheetFrames.length >= 20")
    seen = list(dict.fromkeys(page.evaluate("window.__ihSheetFrames")))
    context.close()
    assert seen == ["x---", "xx--", "xxx-", "xxxx"], seen


# What the usual system fonts (Arial, Helvetica, Roboto, Liberation Sans, Segoe UI) all have: ASCII,
# Latin-1, the dashes, quotes, bullet and ellipsis of General Punctuation, the four plain arrows and the
# minus sign. A character outside it sends the browser looking for a font that has it, on the first
# paint of the widget: ~15 ms here, four times that on a phone's CPU (a "✓" and a "◀" made the timer's
# first frame 60 ms slower in Lighthouse).
COMMON_GLYPHS = re.compile(r"[\x20-\x7e\xa0-\xff\u2010-\u2027\u2190-\u2193\u2212]*")


def test_our_stylesheets_only_generate_characters_every_system_font_has() -> None:
    folder = Path(__file__).parent.parent / "docs" / "assets" / "stylesheets"
    found = {}
    for sheet in sorted(folder.rglob("*.css")):
        for text in re.findall(r'content:\s*"((?:[^"\\]|\\.)*)"', sheet.read_text(encoding="utf-8")):
            if not COMMON_GLYPHS.fullmatch(text):
                found.setdefault(sheet.name, []).append(text)
    assert not found, f"draw these marks with CSS, or use a character the usual fonts have: {found}"


@pytest.mark.parametrize(("path", "widget"), [
    ("timer/?methode=vijfstappenmethode", "timer"), ("kiezen/", "chooser"), ("kaarten/", "cards"),
])
def test_the_head_asks_for_what_the_body_needs_before_the_parser_reaches_it(page, path: str, widget: str) -> None:
    """The policy's <meta> stops Chromium's preload scanner, so the head's hints ask for the theme's
    script, ours, the widget's stylesheet and the widget's script at once: without them each was asked
    for only when the parser (or the loader) got to it, and the page was painted twice meanwhile."""
    page.goto(path, wait_until="load")
    page.wait_for_function(f"performance.getEntriesByType('resource').some(e => /intervisie-{widget}\\.\\w+\\.js$/.test(e.name))")
    how = dict(page.evaluate("performance.getEntriesByType('resource').map(e => [e.name.split('/').pop(), e.initiatorType])"))
    wanted = {re.sub(r"\.[0-9a-f]{8,10}\.", ".#.", name): kind for name, kind in how.items()
              if re.fullmatch(rf"(bundle\.\w+\.min\.js|intervisie\.\w+\.js|intervisie-{widget}\.\w+\.(js|css))", name)}
    assert wanted == {"bundle.#.min.js": "link", "intervisie.#.js": "link",
                      f"intervisie-{widget}.#.js": "link", f"intervisie-{widget}.#.css": "link"}, how


def test_the_bench_can_emulate_the_same_phone_on_a_quick_and_on_a_slow_host() -> None:
    """`make bench` keeps Lighthouse's own 4x CPU slowdown; with --cpu-slowdown=auto it scales the slowdown to
    the host's benchmarkIndex, so that a host twice as quick as Lighthouse's reference slows down twice as much."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench", Path(__file__).resolve().parent.parent / "tools/bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.calibrated_slowdown(bench.REFERENCE_BENCHMARK_INDEX) == bench.DEFAULT_CPU_SLOWDOWN == 4
    assert bench.calibrated_slowdown(2 * bench.REFERENCE_BENCHMARK_INDEX) == 8
    assert bench.calibrated_slowdown(bench.REFERENCE_BENCHMARK_INDEX / 2) == 2
    assert bench.calibrated_slowdown(100) == 1  # a very slow host is never sped up
    assert bench.slowdown_argument("auto") == "auto" and bench.slowdown_argument("6") == "6"
    for wrong in ("0.5", "snel", ""):
        with pytest.raises(Exception, match="no slowdown"):
            bench.slowdown_argument(wrong)
