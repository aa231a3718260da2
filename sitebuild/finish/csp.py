"""Finish: a strict Content-Security-Policy on every page.

GitHub Pages sets no headers, so the policy is a <meta http-equiv> that overrides/main.html
places before any script. The policy trusts only the inline scripts the site itself ships: a
known list (Material's few scripts and our own one in overrides/main.html), recognised by a
hash of their text with the page's relative site URL left out (Material writes it into one of
them, so it differs per page). Any other inline script or style, wherever it came from, stops
the build: it is never hashed into the policy. No other origin is allowed at all.

Search (search.py, Pagefind) runs its WebAssembly engine in a worker (pagefind/pagefind-worker.js). A
worker from the site's own origin takes its policy from its own response headers, and GitHub Pages sends
none, so the pages' policy needs no 'wasm-unsafe-eval' (and never 'unsafe-eval'); `worker-src 'self'`
lets the worker start. Only if a browser cannot start the worker would Pagefind run the engine in the
page; there the policy blocks it and the search says it does not work right now, rather than the policy
being loosened for every page.

Only for `mkdocs serve` (`dev_server=True`) the policy also allows inline scripts: the dev server
injects one into every page it serves to reload it on a change. Browsers ignore 'unsafe-inline' as
soon as a hash is listed, so that policy lists none. A built site never gets it.
"""

from __future__ import annotations

import base64
import hashlib
import re

from ..errors import FinishError

PLACEHOLDER = "__INTERVISIE_CSP__"
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_STYLE = re.compile(r"<style[^>]*>(?P<body>.*?)</style>", re.S | re.I)
_NOT_EXECUTED = re.compile(r"""type=["']?application/(?:ld\+)?json""", re.I)
_SITE_URL = re.compile(r'new URL\("[^"\\]*",location\)')

# SHA-256 of each inline script the site ships, with its `new URL("<site root>",location)` written as
# `new URL(BASE,location)`. A theme update that changes one of them stops the build (see _check_known):
# read the new script in the built page, and add its hash here only if it is the theme's own.
KNOWN_SCRIPTS = {
    "f763de005f97976fc2a1ec8a5b4b65f9befc55d16dad9ead619c301e551bfdad": "overrides/main.html: no-js -> js, js-focus-visible, data-ih-query",
    "d72373cffa8b46b7ccf7c3a33c2ecb1ca15d7981917f5c5968cc50e437cb5a70": "overrides/main.html: the palette a first visit's media query picks, the colour-scheme meta",
    "89614d6b864bbe7884f6ad1ab21aa2216e6686af528a97cd15075dda2fe14374": "Material 9.8: __md_scope and storage",
    "0eb10c249dbdb0beef225a10ce5cbe55418cc4a7014cc208f8e7d6ed8f00906e": "Material 9.8: colour palette",
    "ffcc0f7735fdab434d257c80e65cec2e88d716991e69757185b7e450e41a5b2f": "Material 9.8: content tabs from #hash",
    # `make zensical`: Zensical's theme writes __md_scope a little differently (its other scripts are Material's).
    "7dc4db85fdbdb896fee9dceef9efd837d5b973f4409360bae98e017a5326d230": "Zensical 0.0.73: __md_scope and storage",
}


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def executed_inline_scripts(html: str) -> list[str]:
    """The bodies of inline scripts that the browser executes (JSON data blocks are not executed)."""
    return [
        m["body"]
        for m in _SCRIPT.finditer(html)
        if "src=" not in m["attrs"] and not _NOT_EXECUTED.search(m["attrs"]) and m["body"].strip()
    ]


def is_known(body: str) -> bool:
    """Whether an inline script is one the site ships (KNOWN_SCRIPTS)."""
    normalised = _SITE_URL.sub("new URL(BASE,location)", body)
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest() in KNOWN_SCRIPTS


def inline_script_hashes(html: str, where: str = "de pagina") -> list[str]:
    """CSP hashes of the page's inline scripts, each of which must be a known one."""
    bodies = executed_inline_scripts(html)
    for body in bodies:
        if not is_known(body):
            shown = " ".join(body.split())[:80]
            raise FinishError(
                f"{where}: bevat een inline script dat de site niet zelf meelevert ({shown!r}). Tekst uit data/ "
                "en pagina's mag geen <script> bevatten. Komt het van een thema-update, werk dan KNOWN_SCRIPTS "
                "in sitebuild/finish/csp.py bij."
            )
    return sorted({_sha256(body) for body in bodies})


def _refuse_inline_styles(html: str, where: str) -> None:
    # The site ships no inline <style>; one in a page can only have come from content.
    if _STYLE.search(html):
        raise FinishError(f"{where}: bevat een <style>-blok; de site gebruikt alleen haar eigen stylesheets.")


def policy(html: str, where: str = "de pagina", dev_server: bool = False) -> str:
    """The policy for one page: our own origin only, plus the hashes of the known inline scripts on it
    (or, for the dev server only, any inline script: see the module's docstring)."""
    _refuse_inline_styles(html, where)
    hashes = inline_script_hashes(html, where)  # checked under the dev server too, so it fails as a build does
    scripts = " ".join(["'self'", "'unsafe-inline'"] if dev_server else ["'self'", *hashes])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self'",
            # QR codes (timer share panel, cards) are inline SVG elements made by the page's own script,
            # not images, so they need no blob: or further sources here.
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "media-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "frame-src 'none'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def apply_policy(html: str, where: str, dev_server: bool = False) -> str:
    """The page with its policy in the place overrides/main.html keeps for it."""
    if PLACEHOLDER not in html:
        raise FinishError(f"{where}: de pagina mist de plek voor de Content-Security-Policy (overrides/main.html).")
    return html.replace(PLACEHOLDER, policy(html, where, dev_server))
