"""Finish: a strict Content-Security-Policy on every page.

GitHub Pages sets no headers, so the policy is a <meta http-equiv> that overrides/main.html
places before any script. The policy trusts only the inline scripts the site itself ships: the theme's
own (read from its templates at build) and our two in sitebuild/finish/theme/ (early.js, palette.js),
recognised by a hash of their text with the page's relative site URL left out (the theme writes it into
one of them, so it differs per page); theme.known_inline_scripts computes that list at build, nothing is
written down. Any other inline script or style, wherever it came from, stops the build: it is never
hashed into the policy. No other origin is allowed at all.

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
from . import theme

PLACEHOLDER = "__INTERVISIE_CSP__"
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_STYLE = re.compile(r"<style[^>]*>(?P<body>.*?)</style>", re.S | re.I)
_NOT_EXECUTED = re.compile(r"""type=["']?application/(?:ld\+)?json""", re.I)


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
    """Whether an inline script is one the site ships (the theme's, or ours: theme.known_inline_scripts)."""
    return hashlib.sha256(theme.normalised(body).encode("utf-8")).hexdigest() in theme.known_inline_scripts()


def inline_script_hashes(html: str, where: str = "de pagina") -> list[str]:
    """CSP hashes of the page's inline scripts, each of which must be a known one."""
    bodies = executed_inline_scripts(html)
    for body in bodies:
        if not is_known(body):
            shown = " ".join(body.split())[:80]
            raise FinishError(
                f"{where}: bevat een inline script dat de site niet zelf meelevert ({shown!r}). Tekst uit data/ "
                "en pagina's mag geen <script> bevatten; het staat ook niet in de sjablonen van het thema of in "
                "sitebuild/finish/theme/."
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
