"""The wall around the theme: everything the finish stage knows of Material's and Zensical's insides.

- `patch_theme_files`: the rows of the patch table (patches.py), each pinned to the sha256 of the theme
  files it changes; a file the table does not know stops the build naming the row. A patched file gets a
  new content-hashed name (the theme's names carry 8 hex digits, ours 10, so they never clash), every page
  links the new name, its source map (which no longer matches) is dropped with its comment: a name the
  theme hashed always serves the theme's bytes, as the service worker's cache-first rule assumes.
- `wrap_tables`: the wrapper the theme's script would put around a table, written at build time.
- `inline_own_scripts`: our two early scripts (early.js, palette.js here, readable) inlined into the page,
  minified like the bundles (bundle.py).
- `known_inline_scripts`: the inline scripts a page may carry, computed at build from the theme's own
  templates and our files, so csp.py hashes them without a list written down.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
from functools import lru_cache
from pathlib import Path

from ...errors import FinishError
from ..bundle import minified_js
from .patches import PATCHES, Patch

HERE = Path(__file__).parent
TABLE = "sitebuild/finish/theme/patches.py"

# --- the patch table ------------------------------------------------------------------------------


def _content_name(rel: str, data: bytes) -> str:
    """The theme's `name.<8 hex>.min.ext` as `name.<10 hex of the content>.min.ext`."""
    return re.sub(r"\.[0-9a-f]{8}\.min\.", f".{hashlib.sha256(data).hexdigest()[:10]}.min.", rel, count=1)


_SOURCE_MAP = re.compile(rb"\n?(?://# sourceMappingURL=[^\n]*|/\*# sourceMappingURL=[^*]*\*/)\s*\Z")


def apply_edits(text: str, edits: tuple[tuple[str, str], ...], where: str, patch: Patch) -> str:
    """Each exact `before` once in `text`, replaced by its `after`."""
    for before, after in edits:
        if text.count(before) != 1:
            raise FinishError(f"{where}: de tekst van rij '{patch.name}' staat er {text.count(before)} keer in in "
                              f"plaats van één keer; werk die rij in {TABLE} bij.")
        text = text.replace(before, after, 1)
    return text


def patch_theme_files(site_dir: Path, patches: tuple[Patch, ...] = PATCHES) -> dict[str, str]:
    """Patch the theme's files in a built site as the table says; returns {old path: new path}."""
    files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    targets_of = {patch.name: [rel for rel in files if re.fullmatch(patch.files, rel)] for patch in patches}
    if not any(targets_of.values()):
        return {}  # no Material or Zensical in this site: nothing of theirs to patch
    texts: dict[str, str] = {}
    for patch in patches:
        targets = targets_of[patch.name]
        if not targets:
            raise FinishError(f"De site heeft geen bestand voor rij '{patch.name}' van de patchtabel ({TABLE}): "
                              "het thema is veranderd; meet of de rij nog nodig is en werk hem bij of haal hem weg.")
        for rel in targets:
            sha = hashlib.sha256((site_dir / rel).read_bytes()).hexdigest()
            if sha not in patch.edits:
                raise FinishError(f"{rel} is niet het themabestand waarvoor rij '{patch.name}' van de patchtabel "
                                  f"({TABLE}) geschreven is (sha256 {sha[:12]}…): het thema is veranderd; meet of "
                                  "de rij nog nodig is en werk hem bij of haal hem weg.")
            text = texts.get(rel) or (site_dir / rel).read_text(encoding="utf-8")
            texts[rel] = apply_edits(text, patch.edits[sha], rel, patch)
    renamed = {}
    for rel, text in texts.items():
        data = _SOURCE_MAP.sub(b"", text.encode("utf-8"))
        new = _content_name(rel, data)
        (site_dir / new).write_bytes(data)
        for stale in (site_dir / rel, site_dir / f"{rel}.map"):
            stale.unlink(missing_ok=True)
        renamed[rel] = new
    _relink(site_dir, renamed)
    return renamed


def _relink(site_dir: Path, renamed: dict[str, str]) -> None:
    """Every page links the new names (only the file name changes, so relative links stay right)."""
    names = {Path(old).name: Path(new).name for old, new in renamed.items()}
    if not names:
        return
    pattern = re.compile("|".join(re.escape(name) for name in names))
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        relinked = pattern.sub(lambda m: names[m.group()], html)
        if relinked != html:
            page.write_text(relinked, encoding="utf-8")


# --- tables ---------------------------------------------------------------------------------------

# The theme's wrapper (row 'tables-already-wrapped'): the same markup, written at build time.
TABLE_WRAPPER = ('<div class="md-typeset__scrollwrap"><div class="md-typeset__table">', "</div></div>")
_TABLE_TAG = re.compile(r"<(/?)table\b([^>]*)>", re.I)
_CLASS_ATTR = re.compile(r"\sclass\b(?!-)", re.I)  # what [class] matches: the attribute, with or without a value


def wrap_tables(html: str, where: str) -> str:
    """Each table without a class in the article, in the wrapper the theme's script would put it in."""
    start = html.find("<article")
    end = html.rfind("</article>")
    if start < 0 or end < start:
        return html
    open_, close = TABLE_WRAPPER
    out, pos, wrapped = [], start, []
    for tag in _TABLE_TAG.finditer(html, start, end):
        out.append(html[pos:tag.start()])
        pos = tag.end()
        if tag.group(1):  # </table>
            if not wrapped:
                raise FinishError(f"{where}: een </table> zonder <table> ervoor in het artikel.")
            out.append(tag.group() + (close if wrapped.pop() else ""))
        else:
            wrap = not _CLASS_ATTR.search(tag.group(2))
            wrapped.append(wrap)
            out.append((open_ if wrap else "") + tag.group())
    if wrapped:
        raise FinishError(f"{where}: een <table> zonder </table> in het artikel.")
    return html[:start] + "".join(out) + html[pos:]


# --- inline scripts -------------------------------------------------------------------------------

OWN_SCRIPTS = ("early.js", "palette.js")
_PLACEHOLDER = re.compile(r'<script data-ih-inline="(?P<name>[\w.-]+)"></script>')


@lru_cache(maxsize=None)
def own_script(name: str) -> str:
    """One of our inline scripts as the page carries it: the readable file minified like the bundles."""
    if name not in OWN_SCRIPTS:
        raise FinishError(f"Er is geen eigen inline script '{name}' in sitebuild/finish/theme/.")
    return minified_js(f"sitebuild/finish/theme/{name}", (HERE / name).read_text(encoding="utf-8"))


def inline_own_scripts(html: str) -> str:
    """Fill overrides/main.html's `<script data-ih-inline="NAME"></script>` with our script NAME."""
    return _PLACEHOLDER.sub(lambda m: f"<script>{own_script(m['name'])}</script>", html)


SITE_URL = re.compile(r'new URL\("[^"\\]*",location\)')
_TEMPLATE_SCRIPT = re.compile(r"<script>(?P<body>.*?)</script>", re.S)


def normalised(body: str) -> str:
    """An inline script with the site root the theme writes into it (`new URL("../",location)`) left out."""
    return SITE_URL.sub("new URL(BASE,location)", body)


def theme_template_dirs() -> list[Path]:
    """The templates of the installed theme(s): Material from this environment, and every folder in
    IH_THEME_TEMPLATES (`make zensical` names Zensical's, which lives in .venv-zensical)."""
    dirs = [Path(p) for p in os.environ.get("IH_THEME_TEMPLATES", "").split(os.pathsep) if p]
    for package in ("material", "zensical"):
        spec = importlib.util.find_spec(package)
        if spec and spec.submodule_search_locations:
            dirs.extend(Path(p) / "templates" for p in spec.submodule_search_locations)
    return [d for d in dirs if d.is_dir()]


@lru_cache(maxsize=None)
def _theme_scripts(dirs: tuple[Path, ...]) -> dict[str, str]:
    known = {}
    for folder in dirs:
        for template in sorted((folder / "partials" / "javascripts").glob("*.html")):
            for found in _TEMPLATE_SCRIPT.finditer(template.read_text(encoding="utf-8")):
                body = normalised(found["body"])
                if "{{" not in body and "{%" not in body:  # a script with template code would differ per page
                    known[hashlib.sha256(body.encode("utf-8")).hexdigest()] = f"{folder.parent.name}: {template.name}"
    return known


def known_inline_scripts() -> dict[str, str]:
    """sha256 of each inline script a page may carry (normalised) -> where it comes from."""
    known = dict(_theme_scripts(tuple(theme_template_dirs())))
    for name in OWN_SCRIPTS:
        known[hashlib.sha256(own_script(name).encode("utf-8")).hexdigest()] = f"sitebuild/finish/theme/{name}"
    return known
