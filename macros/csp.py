"""MkDocs hook: a strict Content-Security-Policy on every page.

GitHub Pages sets no headers, so the policy is a <meta http-equiv> that overrides/main.html
places before any script. Material's few inline scripts differ per page (their relative
paths), so each page gets the hashes of exactly its own inline scripts and styles; nothing
inline is allowed wholesale and no other origin is allowed at all.
"""

from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.exceptions import PluginError

PLACEHOLDER = "__INTERVISIE_CSP__"
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_STYLE = re.compile(r"<style[^>]*>(?P<body>.*?)</style>", re.S | re.I)
_NOT_EXECUTED = re.compile(r"""type=["']?application/(?:ld\+)?json""", re.I)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_script_hashes(html: str) -> list[str]:
    """Hashes of inline scripts that the browser executes (JSON data blocks are not executed)."""
    return sorted(
        {
            _sha256(m["body"])
            for m in _SCRIPT.finditer(html)
            if "src=" not in m["attrs"] and not _NOT_EXECUTED.search(m["attrs"]) and m["body"].strip()
        }
    )


def inline_style_hashes(html: str) -> list[str]:
    return sorted({_sha256(m["body"]) for m in _STYLE.finditer(html)})


def policy(html: str) -> str:
    """The policy for one page: our own origin only, plus the hashes of its inline code."""
    scripts = " ".join(["'self'", *inline_script_hashes(html)])
    styles = " ".join(["'self'", *inline_style_hashes(html)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            f"style-src {styles}",
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


def _apply(html: str, name: str) -> str:
    if PLACEHOLDER not in html:
        raise PluginError(f"{name}: de pagina mist de plek voor de Content-Security-Policy (overrides/main.html).")
    return html.replace(PLACEHOLDER, policy(html))


def on_post_page(output: str, page, config) -> str:  # noqa: ANN001 - MkDocs event signature
    return _apply(output, page.file.src_uri)


def on_post_template(output: str, template_name: str, config) -> str:  # noqa: ANN001
    # Static templates such as 404.html; sitemap.xml has no head and needs no policy.
    return _apply(output, template_name) if template_name.endswith(".html") else output
