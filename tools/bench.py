"""Benchmark: build time and page weight of this site against a stock Material site.

Run with `make bench`. Prints, in one run:
- build seconds of the real site and of a stock Material site with the same number of
  plain Markdown pages, and their ratio;
- for a method page and for the stock page: bytes transferred (gzipped), requests, and the
  bytes of our own JS and CSS;
- seconds per page for 100, 200, 400 and 800 synthetic methods (growth must be linear);
- Lighthouse (mobile, median of 3 runs, served gzipped as GitHub Pages does): the four scores,
  total blocking time and largest contentful paint of the home page, a method page, the chooser,
  the timer and the cards, next to the stock page, with the CPU speed Lighthouse measured on this
  host (its benchmarkIndex). `make bench-lighthouse` prints only this.
- the first search on a phone profile (390 px, 4x CPU slowdown, served gzipped), a tap on the magnifier
  and the query typed at once, on this host's loopback and on a slow 4G network: bytes fetched from the
  tap on, the ms from the tap to the search script running (it comes only then, search/reach.js), and
  from the tap and from the first key to the first result in the list (`--search-only` prints only this).
- the running timer (issue 33): its own JS+CSS as it opens, against its own budget of 25 KB gz, and on the
  same phone profile the time from a press to what the press shows when the part behind it still has
  to arrive: the share panel with its QR code, the presenter window, the session plan below the clock
  (from the scroll that brings it within reach, and from Ctrl+P to the print), the sound at the first
  start, the planner; and the clock on a page load with and without minuten= (which brings the fit, a
  part, first) (`--timer-only`).
  Lighthouse slows the CPU 4x by default, which it calibrated for a desktop of benchmarkIndex
  1500-2000; on a faster or slower host the same 4x emulates another phone.
  `--cpu-slowdown auto` scales the slowdown to this host's benchmarkIndex instead, so that runs on
  quick and slow hosts emulate the same phone (`make bench-lighthouse BENCH_ARGS=--cpu-slowdown=auto`).
It then checks the budgets (BUDGETS) and exits with 1 if one is broken; `make test` does not time anything.
"""

from __future__ import annotations

import gzip
import io
import json
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import yaml

# The test helpers (serving a folder, building a copy of the project) live beside the tests.
_PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(_PROJECT / "tests"), str(_PROJECT)]  # helpers import the sitebuild package
from helpers import CHROMIUM_ARGS, ROOT, QuietServer, QuietHandler as _QuietHandler, copy_project, run_build  # noqa: E402

SCALING_SIZES = (100, 200, 400, 500, 800)
KB = 1024
# What `make bench` holds the site to; measured here only, since a timing on a busy CI machine is noise.
BUDGETS = {
    "build_seconds": 5.0,  # the real site, strict build
    "own_js_css_gz": 20 * KB,  # our own scripts and styles on any page type but the running timer
    "timer_own_js_css_gz": 25 * KB,  # the running timer, whose parts come when reached for (issue 33)
    "method_page_extra_gz": 25 * KB,  # a method page against a stock Material page
    "scaling_growth": 1.30,  # ms per page at the largest synthetic size against the smallest
    "lighthouse_performance": 95,  # mobile, median of LIGHTHOUSE_RUNS, on each of HELPER_PAGES
    "total_blocking_ms": 200,
}
LIGHTHOUSE_RUNS = 3
# Lighthouse's own defaults: 4x CPU slowdown, meant for a host in its "high-end desktop" class
# (benchmarkIndex 1500-2000, docs/throttling.md of Lighthouse); the middle of that class is the host
# that `--cpu-slowdown auto` takes as its reference.
DEFAULT_CPU_SLOWDOWN = 4.0
REFERENCE_BENCHMARK_INDEX = 1750
# The helpers a facilitator opens on a phone in the meeting room; they carry the Lighthouse budgets.
HELPER_PAGES = ("kiezen/", "timer/?methode=vijfstappenmethode", "kaarten/")
LIGHTHOUSE_PAGES = ("", "methoden/vijfstappenmethode/", *HELPER_PAGES)
# The pages that load a widget script on top of the common ones: the heaviest of our own code.
WIDGET_PAGES = ("timer/?methode=basismodel", "kaarten/", "kiezen/", "bijlagen/casusinbrengformulier/")
# The running timer: one method, and the example agenda.
TIMER_PAGES = ("timer/?methode=vijfstappenmethode", "timer/?agenda=voorbeeld")


def timed_build(project: Path, out: Path) -> float:
    start = time.perf_counter()
    result = run_build(project, out)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"build of {project} failed:\n{result.stderr}")
    return elapsed


def stock_project(target: Path, pages: int) -> Path:
    """A stock Material site: default settings, `pages` plain Markdown pages, all in the navigation."""
    docs = target / "docs"
    docs.mkdir(parents=True)
    (target / "mkdocs.yml").write_text(
        "site_name: Stock\ntheme:\n  name: material\n  features: [navigation.instant]\n", encoding="utf-8"
    )
    (docs / "index.md").write_text("# Stock\n\nStartpagina.\n", encoding="utf-8")
    body = "\n\n".join(
        f"## Stap {i}\n\nEen alinea tekst over deze stap, met wat woorden om de pagina te vullen." for i in range(1, 8)
    )
    for i in range(1, pages):
        (docs / f"pagina-{i}.md").write_text(f"# Pagina {i}\n\n{body}\n", encoding="utf-8")
    return target


def synthetic_project(target: Path, methods: int) -> Path:
    """This project plus `methods` generated method files (copies of a real one with unique titles).

    The real methods stay, since other data (the example agenda) refers to them."""
    project = copy_project(target)
    template = yaml.safe_load((ROOT / "data/methods/vijfstappenmethode.yml").read_text(encoding="utf-8"))
    template["verwant"] = []
    folder = project / "data/methods"
    for i in range(methods):
        method = {**template, "titel": f"Synthetische methode {i:04d}"}
        (folder / f"synthetisch-{i:04d}.yml").write_text(
            yaml.safe_dump(method, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return project


def page_count(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def page_weight(browser, base_url: str, path: str) -> dict[str, int]:
    """Requests, gzipped bytes transferred and gzipped bytes of our own JS/CSS for one page view."""
    # Without the service worker, which would fetch the whole site: one page view, as the budget means it.
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    bodies: dict[str, bytes] = {}

    def keep(response) -> None:
        try:
            bodies[response.url] = response.body()
        except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
            bodies.setdefault(response.url, b"")

    page.on("response", keep)
    page.goto(base_url + path, wait_until="networkidle")
    context.close()
    sizes = {url: len(gzip.compress(body, 9)) for url, body in bodies.items()}
    own = sum(size for url, size in sizes.items() if is_own_asset(urlsplit(url).path))
    # The search index is the text of the whole site, fetched by Material's search on every page
    # view of a stock site (ours: pagefind/, only when the reader searches); it grows with the
    # content, not with the page, so it is reported apart.
    index = sum(size for url, size in sizes.items() if is_search_index(urlsplit(url).path))
    return {"requests": len(sizes), "bytes_gz": sum(sizes.values()) - index, "search_index_gz": index,
            "own_js_css_gz": own}


def is_search_index(path: str) -> bool:
    """Material's search index, or any file of ours (pagefind/)."""
    return path.endswith("search/search_index.json") or "/pagefind/" in path


def index_file_gz(site: Path) -> int:
    """The gzipped size of a site's whole search index: Material's one file, or all of pagefind/ (whose
    chunks Pagefind compresses itself; a search fetches only a few of them)."""
    if (site / "pagefind").is_dir():
        return sum(len(gzip.compress(p.read_bytes(), 9)) for p in (site / "pagefind").rglob("*") if p.is_file())
    return len(gzip.compress((site / "search" / "search_index.json").read_bytes(), 9))


# The first search on a phone: the words a reader types, one key at a time, at a typist's pace.
FIRST_SEARCH_QUERIES = ("adviezen", "spiegelen", "valkuil")
KEY_DELAY_MS = 120
FIRST_SEARCH_RUNS = 3  # fresh profiles per query: one run varies by a few tenths of a second on a busy host
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 3}
# The first search once more on a mobile network, where every request waits a round trip: what the reader
# waits for when the search script, and then Pagefind, come only after the press (Lighthouse's slow 4G:
# 150 ms, 1.6 Mbit/s down, 750 kbit/s up). The host's own loopback has no such wait.
MOBILE_NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8,
                  "uploadThroughput": 750 * 1024 / 8}
# Before the press: when the search script runs (its root gets ih-search--ready), the press (event time of
# the tap's pointerdown), the first key and the first result in the list, all on the page's own clock.
SEARCH_CLOCK = """() => {
  const root = document.querySelector("[data-search]");
  window.__ready = root.classList.contains("ih-search--ready") ? -1 : 0;  // -1: it came with the page
  if (!window.__ready) new MutationObserver((changes, observer) => {
    if (root.classList.contains("ih-search--ready")) { window.__ready = performance.now(); observer.disconnect(); }
  }).observe(root, { attributes: true, attributeFilter: ["class"] });
  document.addEventListener("pointerdown", (event) => { window.__press = window.__press || event.timeStamp; },
    { capture: true });
  document.addEventListener("keydown", (event) => { window.__firstKey = window.__firstKey || event.timeStamp; },
    { capture: true });
  new MutationObserver((changes, observer) => {
    if (document.querySelector("[data-search-result]")) { window.__firstResult = performance.now(); observer.disconnect(); }
  }).observe(document.querySelector("[data-search-results]"), { childList: true });
}"""


def first_search(browser, base_url: str, query: str, cpu_slowdown: float = DEFAULT_CPU_SLOWDOWN,
                 network: dict | None = None) -> dict[str, float]:
    """One first search on a fresh phone profile (CPU slowed down, site served gzipped): a tap on the
    magnifier, then the query typed at once. The bytes fetched from the tap on (as sent, compressed), the
    ms from the tap to the search script running (0: it came with the page) and to the first result, and
    from the first key to the first result."""
    context = browser.new_context(service_workers="block", **PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
    if network:
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", network)
    page.goto(base_url, wait_until="networkidle")
    page.evaluate(SEARCH_CLOCK)
    fetched: list = []
    context.on("requestfinished", lambda request: fetched.append(request))  # the page and its search worker
    page.locator("[data-search-open]").tap()
    page.locator("[data-search-input]").press_sequentially(query, delay=KEY_DELAY_MS)
    page.wait_for_function("() => window.__firstResult", timeout=30_000)
    page.wait_for_load_state("networkidle")
    clock = page.evaluate("() => ({ press: window.__press, key: window.__firstKey, ready: window.__ready, "
                          "result: window.__firstResult })")
    sizes = [r.sizes() for r in fetched]
    context.close()
    return {"ms": clock["result"] - clock["key"], "press_ms": clock["result"] - clock["press"],
            "ready_ms": max(0.0, clock["ready"] - clock["press"]) if clock["ready"] else float("nan"),
            "bytes": sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes),
            "requests": len(sizes)}


def first_search_table(browser, real_site: Path, cpu_slowdown: float = DEFAULT_CPU_SLOWDOWN) -> None:
    """Print the first search's bytes and times for each of FIRST_SEARCH_QUERIES (each on a fresh profile),
    on this host's loopback and on a mobile network."""
    print(f"First search on a phone profile (390 px, {cpu_slowdown:g}x CPU, served gzipped, a tap on the "
          f"magnifier, then typed at {KEY_DELAY_MS} ms a key):")
    print(f"  median of {FIRST_SEARCH_RUNS} fresh profiles per row")
    print(f"  {'query':14} {'network':9} {'requests':>8} {'KB fetched':>10} {'tap -> script runs':>18} "
          f"{'tap -> first result':>19} {'first key -> first result':>25}")
    with Server(real_site, compress=True) as url:
        for network, conditions in (("loopback", None), ("slow 4G", MOBILE_NETWORK)):
            for query in FIRST_SEARCH_QUERIES:
                runs = [first_search(browser, url, query, cpu_slowdown, conditions) for _ in range(FIRST_SEARCH_RUNS)]
                found = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
                print(f"  {query:14} {network:9} {found['requests']:8.0f} {found['bytes'] / KB:10.1f} "
                      f"{found['ready_ms']:15.0f} ms {found['press_ms'] / 1000:17.2f} s {found['ms'] / 1000:23.2f} s",
                      flush=True)
    print("  (with the search script on every page, until 2026-12-07: tap -> first result 0.61 s on loopback, 2.12 s"
          " on slow 4G; before Pagefind, Material's search with the deferred index: 106 KB, about 1.1 s)")


# Instant navigation A/B (--instant-ab): the same site built with `navigation.instant` on (as published) and
# off, walked page to page on a phone profile by the footer's "next" link, which a phone shows.
INSTANT_HOPS = 6
INSTANT_ROUNDS = 3
LONG_TASKS = """(() => {
  window.__ihLong = [];
  new PerformanceObserver(list => { for (const t of list.getEntries()) window.__ihLong.push(t.duration); })
    .observe({ type: "longtask", buffered: true });
})()"""


def without_instant(target: Path) -> Path:
    """A copy of the project whose mkdocs.yml has navigation.instant switched off."""
    project = copy_project(target)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "    - navigation.instant\n" not in text:
        raise RuntimeError("mkdocs.yml names no navigation.instant to switch off")
    config.write_text(text.replace("    - navigation.instant\n", "", 1), encoding="utf-8")
    return project


def name_this_server(site: Path, url: str) -> None:
    """The sitemap names the server (the theme navigates instantly only to pages its sitemap lists)."""
    sitemap = site / "sitemap.xml"
    text = sitemap.read_text(encoding="utf-8")
    published = text.split("<loc>", 1)[1].split("</loc>", 1)[0]
    root = published if published.endswith("/") else published.rsplit("/", 1)[0] + "/"
    sitemap.write_text(text.replace(root, url), encoding="utf-8")


def page_to_page(browser, url: str, cpu_slowdown: float) -> dict[str, list[float]]:
    """INSTANT_HOPS clicks on the footer's next link from the home page, on a fresh phone profile: per hop
    the ms from the click to the next page's heading, and the total blocking time of the long tasks from
    the click until the page is quiet (1.5 s after its heading)."""
    context = browser.new_context(service_workers="block", **PHONE)
    context.add_init_script(LONG_TASKS)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
    page.goto(url, wait_until="networkidle")
    found: dict[str, list[float]] = {"ms": [], "tbt": []}
    for _ in range(INSTANT_HOPS):
        nxt = page.locator("a.md-footer__link--next")
        target = nxt.evaluate("a => a.href")
        page.wait_for_timeout(1500)  # the page is quiet before the click
        # The heading of the page we leave: the hop ends when the address is the link's and the heading another.
        before = page.evaluate("() => { window.__ihLong = []; return document.querySelector('article h1').textContent; }")
        start = time.perf_counter()
        nxt.click()
        page.wait_for_function("([t, b]) => location.href === t && (document.querySelector('article h1') || {})"
                               ".textContent !== b && document.querySelector('article h1') !== null",
                               arg=[target, before], timeout=30_000)
        found["ms"].append((time.perf_counter() - start) * 1000)
        page.wait_for_timeout(1500)
        found["tbt"].append(page.evaluate("() => window.__ihLong.reduce((s, d) => s + Math.max(0, d - 50), 0)"))
    context.close()
    return found


def timer_parts(browser, base_url: str, cpu_slowdown: float = DEFAULT_CPU_SLOWDOWN) -> dict[str, float]:
    """On a fresh phone profile (CPU slowed down, served gzipped): ms from a press to what it shows, when
    the part behind the press (W.load, lib/widget.js) has not been fetched yet."""
    context = browser.new_context(service_workers="block", **PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
    found = {}

    def press(selector: str, shown: str, target=None) -> float:
        page.evaluate("(s) => document.querySelector(s).addEventListener('click', () => { window.__press = "
                      "performance.now(); }, { capture: true, once: true })", selector)
        page.locator(selector).click()
        (target or page).wait_for_selector(shown, state="visible", timeout=30_000)
        return page.evaluate("() => performance.now() - window.__press")

    page.goto(base_url + TIMER_PAGES[0], wait_until="networkidle")
    page.wait_for_selector("[data-timer-run]", state="visible")
    found["share panel with QR code"] = press("[data-timer-share]", "[data-timer-share-qr] svg")
    page.locator("[data-timer-share-close]").click()
    found["share panel again (part here)"] = press("[data-timer-share]", "[data-timer-share-qr] svg")
    page.locator("[data-timer-share-close]").click()
    with context.expect_page() as opened:
        page.locator("[data-timer-present]").click()
    presenter = opened.value
    start = time.perf_counter()
    presenter.wait_for_selector("[data-timer-phase]:not(:empty)", timeout=30_000)
    found["presenter window, clock shown"] = (time.perf_counter() - start) * 1000
    presenter.close()
    # The session plan below the clock comes when it nears the screen: from the scroll that brings it within
    # reach (200 px below the screen's edge) to its first part shown; and Ctrl+P before it came, to the print.
    page.goto(base_url + TIMER_PAGES[0], wait_until="networkidle")
    page.wait_for_selector("[data-timer-run]", state="visible")
    page.evaluate("""() => { const mark = document.querySelector("[data-timer-sheet-mark]");
      window.__press = performance.now(); scrollBy(0, mark.getBoundingClientRect().top - innerHeight - 200); }""")
    page.wait_for_selector("[data-sheet-date]", state="visible", timeout=30_000)
    found["session plan, scrolled within reach"] = page.evaluate("() => performance.now() - window.__press")
    other = browser.new_context(service_workers="block", **PHONE)  # its own cache: the part not yet fetched
    printing = other.new_page()
    other.new_cdp_session(printing).send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
    printing.goto(base_url + TIMER_PAGES[0], wait_until="networkidle")
    printing.wait_for_selector("[data-timer-run]", state="visible")
    printing.evaluate("() => { window.print = () => { window.__printed = performance.now(); }; }")
    printing.evaluate("() => document.addEventListener('keydown', () => { window.__press = performance.now(); }, "
                      "{ capture: true, once: true })")
    printing.keyboard.press("Control+p")
    printing.wait_for_function("() => window.__printed !== undefined", timeout=30_000)
    found["Ctrl+P before the plan came, to print"] = printing.evaluate("() => window.__printed - window.__press")
    other.close()
    page.goto(base_url + TIMER_PAGES[0], wait_until="networkidle")
    page.wait_for_selector("[data-timer-run]", state="visible")
    # Sound comes with the first start (the part timer-run): from the press to the phase's end scheduled.
    page.evaluate("""() => { const make = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function () {
        window.__tone = window.__tone || performance.now(); return make.call(this); }; }""")
    page.evaluate("() => document.querySelector('[data-timer-start]').addEventListener('click', () => { "
                  "window.__press = performance.now(); }, { capture: true, once: true })")
    page.locator("[data-timer-start]").click()
    page.wait_for_function("() => window.__tone !== undefined", timeout=30_000)
    found["Start to the phase's chime scheduled"] = page.evaluate("() => window.__tone - window.__press")
    # "Deze agenda aanpassen" loads the page afresh with ?bewerk=1: the planner is shown after its part.
    page.goto(base_url + TIMER_PAGES[1], wait_until="networkidle")
    page.wait_for_selector("[data-timer-run]", state="visible")
    page.evaluate("() => sessionStorage.setItem('ih-press', String(performance.timeOrigin + performance.now()))")
    page.locator("[data-timer-edit-link]").click()
    page.wait_for_selector("[data-timer-items] > li", state="visible", timeout=30_000)
    found["planner (a new page load)"] = page.evaluate(
        "() => performance.timeOrigin + performance.now() - Number(sessionStorage.getItem('ih-press'))")
    # A link with minuten= needs the fit (the part plan-fit) before its clock: the same page load with the
    # other files in the browser's cache, with and without it.
    page.add_init_script(CLOCK_SHOWN)
    for name, path in (("clock on a page load (one method)", TIMER_PAGES[0]),
                       ("clock on a page load with minuten=", f"{TIMER_PAGES[0]}&minuten=40")):
        page.goto(base_url + path, wait_until="networkidle")
        page.wait_for_function("() => window.__ihShown !== undefined", timeout=30_000)
        found[name] = page.evaluate("() => window.__ihShown")
    context.close()
    return found


# When the running view first shows (ms after the start of the page load), checked once a frame.
CLOCK_SHOWN = """(() => {
  const check = () => {
    const run = document.querySelector("[data-timer-run]");
    if (run && !run.hidden && document.querySelector("[data-timer-phase]").textContent) {
      window.__ihShown = performance.now();
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()"""


def instant_ab(browser, site_on: Path, site_off: Path, cpu_slowdown: float) -> None:
    """Print page-to-page navigation time and blocking time with instant navigation on and off."""
    print(f"Instant navigation A/B: {INSTANT_HOPS} hops by the footer's next link, {INSTANT_ROUNDS} rounds, phone "
          f"profile (390 px, {cpu_slowdown:g}x CPU, served gzipped); median per hop:")
    for name, site in (("on", site_on), ("off", site_off)):
        with Server(site, compress=True) as url:
            name_this_server(site, url)
            runs = [page_to_page(browser, url, cpu_slowdown) for _ in range(INSTANT_ROUNDS)]
        ms = [m for run in runs for m in run["ms"]]
        tbt = [t for run in runs for t in run["tbt"]]
        print(f"  instant {name:3}: click -> next heading {statistics.median(ms):6.0f} ms "
              f"(p90 {sorted(ms)[int(len(ms) * 0.9) - 1]:.0f}), blocking time {statistics.median(tbt):5.0f} ms "
              f"(sum over the walk {sum(tbt) / INSTANT_ROUNDS:.0f} ms)", flush=True)


def timer_table(browser, real_site: Path, cpu_slowdown: float = DEFAULT_CPU_SLOWDOWN) -> dict[str, dict]:
    """Print the running timer's own JS+CSS and the time its parts take; returns the weights."""
    weights = {}
    with Server(real_site) as url:
        for path in TIMER_PAGES:
            weights[f"/{path}"] = page_weight(browser, url, path)
    print(f"The running timer: own JS+CSS as it opens (budget {BUDGETS['timer_own_js_css_gz'] // KB} KB gz; "
          "40.6 KB on 2026-12-01, 59 KB before the parts, 34.3 KB on 2026-12-07)")
    for name, w in weights.items():
        print(f"  {name:44} {w['own_js_css_gz'] / KB:6.1f} KB gz")
    with Server(real_site, compress=True) as url:
        runs = [timer_parts(browser, url, cpu_slowdown) for _ in range(3)]
    print(f"  press -> shown, part not yet fetched (phone profile, {cpu_slowdown:g}x CPU, gzip, median of 3):")
    for what in runs[0]:
        print(f"    {what:40} {statistics.median(r[what] for r in runs):6.0f} ms")
    return weights


def is_own_asset(path: str) -> bool:
    """Our own scripts and stylesheets: the bundles sitebuild/finish/bundle.py makes (every page loads both)."""
    name = path.rsplit("/", 1)[-1]
    return name.startswith("intervisie") and name.endswith((".css", ".js"))


def own_assets_gz(site: Path) -> int:
    """Gzipped bytes of all our own scripts and stylesheets."""
    files = [*(site / "assets/stylesheets").glob("*.css"), *(site / "assets/javascripts").glob("*.js")]
    return sum(len(gzip.compress(p.read_bytes(), 9)) for p in files if is_own_asset(p.name))


class Server:
    """Serve a folder on 127.0.0.1 for the duration of a with-block; with `compress`, text is
    sent gzipped to clients that accept it, as GitHub Pages does."""

    def __init__(self, folder: Path, compress: bool = False) -> None:
        import functools
        import threading

        folder = folder.resolve()  # the paths the handler looks up are the cache's keys
        handler = functools.partial(_GzipHandler if compress else _QuietHandler, directory=str(folder))
        if compress:
            _GzipHandler.warm(folder)
        self.httpd = QuietServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()


class _GzipHandler(_QuietHandler):
    """Gzip as GitHub Pages does, from a cache like its CDN's: compressing each file anew on every
    request took CPU on this two-core machine from the browser whose page load Lighthouse times."""

    COMPRESSIBLE = ("text/", "application/json", "application/xml", "image/svg+xml")
    _cache: dict[tuple[Path, int], bytes] = {}
    WARM = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    @classmethod
    def gzipped(cls, path: Path) -> bytes:
        """The file gzipped, from the cache while it is unchanged."""
        key = (path, path.stat().st_mtime_ns)
        if key not in cls._cache:
            cls._cache[key] = gzip.compress(path.read_bytes(), 6)
        return cls._cache[key]

    @classmethod
    def warm(cls, folder: Path) -> None:
        """Compress the text files before the first request, as a CDN has them after the first visitor."""
        for path in folder.rglob("*"):
            if path.suffix in cls.WARM and path.is_file():
                cls.gzipped(path)

    def send_head(self):  # noqa: ANN201 - http.server's signature
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if not (path.is_file() and kind.startswith(self.COMPRESSIBLE)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = self.gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def node_for_lighthouse() -> str | None:
    """Lighthouse 13 needs Node 22.19+: the one package.json installs from the npm registry, else the system's."""
    for arch in ("x64", "arm64"):
        candidate = ROOT / f"node_modules/node-linux-{arch}/bin/node"
        if candidate.exists():
            return str(candidate)
    return shutil.which("node")


def lighthouse(url: str, cpu_slowdown: float = DEFAULT_CPU_SLOWDOWN) -> dict[str, float] | None:
    """One mobile Lighthouse run (package.json pins it; `make bench` installs it), or None without it:
    the four category scores, the total blocking time and LCP in ms, and the host's benchmarkIndex."""
    cli = ROOT / "node_modules/lighthouse/cli/index.js"
    chromium, node = (os.environ.get("CHROMIUM") or shutil.which("chromium")), node_for_lighthouse()
    if not cli.exists() or not chromium or not node:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = [node, str(cli), url, "--output=json", f"--output-path={out}", "--quiet",
               "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
               f"--throttling.cpuSlowdownMultiplier={cpu_slowdown:.2f}",
               "--only-categories=performance,accessibility,best-practices,seo"]
        env = {**__import__("os").environ, "CHROME_PATH": chromium}
        result = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=240, check=False)
        if result.returncode != 0 or not out.exists():
            print(f"  lighthouse failed for {url}: {result.stderr.strip()[-300:]}")
            return None
        report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: round(cat["score"] * 100) for name, cat in report["categories"].items()}
    audits = report["audits"]
    scores["tbt_ms"] = round(audits["total-blocking-time"]["numericValue"])
    scores["lcp_ms"] = round(audits["largest-contentful-paint"]["numericValue"])
    scores["benchmark_index"] = round(report["environment"]["benchmarkIndex"])
    return scores


def calibrated_slowdown(benchmark_index: float) -> float:
    """The CPU slowdown that makes this host emulate the phone that Lighthouse's default 4x emulates on
    its reference desktop: proportional to the host's speed, never below 1 (no speeding up)."""
    return max(1.0, DEFAULT_CPU_SLOWDOWN * benchmark_index / REFERENCE_BENCHMARK_INDEX)


def host_benchmark_index(url: str, runs: int = LIGHTHOUSE_RUNS) -> float | None:
    """This host's benchmarkIndex now: the median of a few Lighthouse runs (each measures it first)."""
    found = [r["benchmark_index"] for r in (lighthouse(url) for _ in range(runs)) if r]
    return statistics.median(found) if found else None


def lighthouse_median(url: str, cpu_slowdown: float, runs: int = LIGHTHOUSE_RUNS) -> dict[str, float] | None:
    """The median of each figure over `runs` runs (Lighthouse varies from run to run)."""
    results = [r for r in (lighthouse(url, cpu_slowdown) for _ in range(runs)) if r]
    if len(results) < runs:
        return None
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def show(scores: dict[str, float] | None) -> str:
    if not scores:
        return "not available"
    return (f"perf {scores['performance']:3.0f}  a11y {scores['accessibility']:3.0f}  "
            f"bp {scores['best-practices']:3.0f}  seo {scores['seo']:3.0f}  "
            f"TBT {scores['tbt_ms']:4.0f} ms  LCP {scores['lcp_ms']:5.0f} ms  host index {scores['benchmark_index']:4.0f}")


def lighthouse_table(real_site: Path, stock_site: Path, cpu_slowdown: str = "4") -> dict[str, dict | None]:
    """Lighthouse (mobile, median of LIGHTHOUSE_RUNS) on every page of LIGHTHOUSE_PAGES, served
    gzipped as GitHub Pages serves it, next to the stock page of the same run. `cpu_slowdown` is a
    number, or "auto" to calibrate it to this host first (calibrated_slowdown)."""
    with Server(real_site, compress=True) as url, Server(stock_site, compress=True) as stock_url:
        if cpu_slowdown == "auto":
            index = host_benchmark_index(stock_url + "pagina-1/")
            if index is None:
                print("Lighthouse: not available")
                return {}
            slowdown = calibrated_slowdown(index)
            how = f"{slowdown:.1f}x slower CPU, calibrated to this host's benchmarkIndex {index:.0f}"
        else:
            slowdown = float(cpu_slowdown)
            how = f"{slowdown:g}x slower CPU"
        print(f"Lighthouse {lighthouse_version()} (mobile: {how}, slow 4G), median of {LIGHTHOUSE_RUNS} runs, "
              "served gzipped as GitHub Pages does:")
        found = {}
        for path in LIGHTHOUSE_PAGES:
            found[path] = lighthouse_median(url + path, slowdown)
            print(f"  /{path:40} {show(found[path])}", flush=True)
        print(f"  {'stock Material page':41} {show(lighthouse_median(stock_url + 'pagina-1/', slowdown))}", flush=True)
    return found


def lighthouse_version() -> str:
    package = ROOT / "node_modules/lighthouse/package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"] if package.exists() else "(not installed)"


def lighthouse_over_budget(found: dict[str, dict | None]) -> list[str]:
    broken = []
    for path in HELPER_PAGES:
        scores = found.get(path)
        if not scores:
            broken.append(f"/{path}: no Lighthouse figures")
            continue
        if scores["performance"] < BUDGETS["lighthouse_performance"]:
            broken.append(f"/{path}: performance {scores['performance']:.0f} (budget {BUDGETS['lighthouse_performance']})")
        for category in ("accessibility", "best-practices", "seo"):
            if scores[category] < 100:
                broken.append(f"/{path}: {category} {scores[category]:.0f} (budget 100)")
        if scores["tbt_ms"] > BUDGETS["total_blocking_ms"]:
            broken.append(f"/{path}: total blocking time {scores['tbt_ms']:.0f} ms (budget {BUDGETS['total_blocking_ms']} ms)")
    return broken


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--lighthouse-only", action="store_true",
                        help="only the Lighthouse table and its budgets (make bench-lighthouse)")
    parser.add_argument("--search-only", action="store_true",
                        help="only the first search on a phone profile (bytes fetched, time to the first result)")
    parser.add_argument("--instant-ab", action="store_true",
                        help="only the A/B of instant navigation: the site with navigation.instant on and off, page "
                             "to page on a phone profile (and Lighthouse on the helper pages of both, if installed)")
    parser.add_argument("--timer-only", action="store_true",
                        help="only the running timer: its own JS+CSS and the time its parts take on a phone profile")
    parser.add_argument("--cpu-slowdown", default=f"{DEFAULT_CPU_SLOWDOWN:g}", type=slowdown_argument,
                        help="Lighthouse's CPU slowdown: a number (default: Lighthouse's own 4), or 'auto' to "
                             "emulate the same phone on any host (calibrated to its benchmarkIndex)")
    args = parser.parse_args()
    slowdown = DEFAULT_CPU_SLOWDOWN if args.cpu_slowdown == "auto" else float(args.cpu_slowdown)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        real_site = tmp_path / "real-site"
        real_seconds = timed_build(ROOT, real_site)
        if args.instant_ab:
            site_off = tmp_path / "site-without-instant"
            off_seconds = timed_build(without_instant(tmp_path / "without-instant"), site_off)
            print(f"Build: {real_seconds:.1f} s with instant navigation, {off_seconds:.1f} s without")
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=(os.environ.get("CHROMIUM") or shutil.which("chromium")),
                                            args=CHROMIUM_ARGS)
                instant_ab(browser, real_site, site_off, slowdown)
                browser.close()
            for name, site in (("on", real_site), ("off", site_off)):
                with Server(site, compress=True) as url:
                    for path in HELPER_PAGES:
                        print(f"  Lighthouse, instant {name:3} /{path:36} {show(lighthouse_median(url + path, slowdown))}",
                              flush=True)
        if args.timer_only:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=(os.environ.get("CHROMIUM") or shutil.which("chromium")),
                                            args=CHROMIUM_ARGS)
                report(timer_over_budget(timer_table(browser, real_site, slowdown)))
                browser.close()
            return
        if args.search_only:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=(os.environ.get("CHROMIUM") or shutil.which("chromium")), args=CHROMIUM_ARGS)
                first_search_table(browser, real_site, slowdown)
                browser.close()
            return
        pages = page_count(real_site)
        stock = stock_project(tmp_path / "stock", pages)
        stock_site = tmp_path / "stock-site"
        stock_seconds = timed_build(stock, stock_site)
        if args.lighthouse_only:
            broken = lighthouse_over_budget(lighthouse_table(real_site, stock_site, args.cpu_slowdown))
            report(broken)
            return
        print(f"Build, real site:   {real_seconds:6.2f} s for {pages} pages")
        print(f"Build, stock site:  {stock_seconds:6.2f} s for {page_count(stock_site)} pages")
        print(f"Ratio real/stock:   {real_seconds / stock_seconds:6.2f}")
        print(f"Own JS + CSS (all files together, gzipped): {own_assets_gz(real_site) / 1024:.1f} KB")

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=(os.environ.get("CHROMIUM") or shutil.which("chromium")), args=CHROMIUM_ARGS)
            with Server(real_site) as real_url, Server(stock_site) as stock_url:
                ours = page_weight(browser, real_url, "methoden/vijfstappenmethode/")
                theirs = page_weight(browser, stock_url, "pagina-1/")
                heavy = [(f"/{path}", page_weight(browser, real_url, path)) for path in ("", *WIDGET_PAGES)]
            first_search_table(browser, real_site, slowdown)
            timer_weights = timer_table(browser, real_site, slowdown)
            browser.close()
        print(f"{'page':28} {'requests':>8} {'KB gz':>8} {'own JS+CSS KB gz':>17} {'index at load KB gz':>19}")
        for name, w in (("method page (ours)", ours), ("stock page", theirs), *heavy):
            print(f"{name:28} {w['requests']:8d} {w['bytes_gz'] / 1024:8.1f} {w['own_js_css_gz'] / 1024:17.1f}"
                  f" {w['search_index_gz'] / 1024:19.1f}")
        print(f"Method page is {(ours['bytes_gz'] - theirs['bytes_gz']) / 1024:+.1f} KB gz against stock")
        print(f"Search index: ours {index_file_gz(real_site) / 1024:.1f} KB gz in all, in chunks fetched as the reader"
              " types;"
              f" stock {index_file_gz(stock_site) / 1024:.1f} KB gz, fetched on every page view")

        print("Scaling with the number of methods (seconds per page):")
        per_page = {}
        for n in SCALING_SIZES:
            project = synthetic_project(tmp_path / f"synth-{n}", n)
            out = tmp_path / f"synth-site-{n}"
            seconds = timed_build(project, out)
            per_page[n] = seconds / page_count(out)
            print(f"  {n:4d} methods: {seconds:6.2f} s, {page_count(out):4d} pages, {per_page[n] * 1000:6.2f} ms/page")
        growth = per_page[SCALING_SIZES[-1]] / per_page[SCALING_SIZES[0]]
        print(f"  ms/page at {SCALING_SIZES[-1]} / at {SCALING_SIZES[0]}: {growth:.2f} (budget {BUDGETS['scaling_growth']:.2f})")

        found = lighthouse_table(real_site, stock_site, args.cpu_slowdown)

    pages = [("method page (ours)", ours), *(page for page in heavy if not page[0].startswith("/timer/"))]
    broken = over_budget(real_seconds, ours, theirs, pages, growth) + timer_over_budget(timer_weights)
    broken += lighthouse_over_budget(found)
    report(broken)


def slowdown_argument(value: str) -> str:
    """--cpu-slowdown: "auto" or a number of at least 1."""
    if value == "auto":
        return value
    try:
        if float(value) >= 1:
            return value
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"'{value}' is no slowdown: give a number of at least 1, or 'auto'")


def report(broken: list[str]) -> None:
    print("Budgets:", "all kept" if not broken else "")
    for line in broken:
        print(f"  OVER BUDGET: {line}")
    if broken:
        sys.exit(1)


def timer_over_budget(weights: dict[str, dict]) -> list[str]:
    budget = BUDGETS["timer_own_js_css_gz"]
    return [f"{name}: own JS+CSS {w['own_js_css_gz'] / KB:.1f} KB gz (budget {budget // KB} KB)"
            for name, w in weights.items() if not 0 < w["own_js_css_gz"] <= budget]


def over_budget(build_seconds: float, ours: dict, stock: dict, pages: list[tuple[str, dict]],
                growth: float) -> list[str]:
    """The budgets that the measured figures break, one readable line each."""
    broken = []
    if build_seconds >= BUDGETS["build_seconds"]:
        broken.append(f"build took {build_seconds:.2f} s (budget {BUDGETS['build_seconds']:.0f} s)")
    for name, weight in pages:
        if not 0 < weight["own_js_css_gz"] < BUDGETS["own_js_css_gz"]:
            broken.append(f"{name}: own JS+CSS {weight['own_js_css_gz'] / KB:.1f} KB gz (budget 20 KB)")
    extra = ours["bytes_gz"] - stock["bytes_gz"]
    if extra > BUDGETS["method_page_extra_gz"]:
        broken.append(f"method page is {extra / KB:.1f} KB gz heavier than a stock page (budget 25 KB)")
    if not stock["search_index_gz"] > 0:
        broken.append("the stock page fetched no search index: the weights above are not comparable")
    for name, weight in pages:
        if weight["search_index_gz"]:
            broken.append(f"{name} fetches the search index as it loads (it waits until the reader searches)")
    if growth > BUDGETS["scaling_growth"]:
        broken.append(f"ms per page grows {growth:.2f} times with the number of methods (budget 1.30)")
    return broken


if __name__ == "__main__":
    main()
