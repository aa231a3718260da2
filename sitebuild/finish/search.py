"""Finish: the site's own search, made from the built folder, the same whoever built it.

Pagefind (the PyPI package `pagefind[bin]`, its binary inside the wheel) reads the finished pages and
writes `pagefind/`: a Dutch index (the pages say lang="nl", so it stems Dutch words: "adviezen" finds
"advies") split into small chunks that a search fetches only as far as the typed words need, plus one
fragment per page with its title, text and sections for the excerpts. The theme's own search is off
(mkdocs.yml, tools/zensical_config.py); docs/assets/javascripts/search/ asks Pagefind from the header.

What goes in:
- only the article of each page (`data-pagefind-body`, added here, so no template of either builder
  needs to know Pagefind); pages without it (the 404 page) are left out by Pagefind itself;
- not what a reader does not read as text: the widgets' controls, forms, buttons, navigation and the
  permalink signs of the headings (EXCLUDE). Otherwise "StartVorigeVolgende" ends up in excerpts;
- the glossary's tooltips are the `title` of an <abbr>, which Pagefind does not read, so a term never
  runs into its definition.

Pagefind also writes its ready-made interfaces (~400 KB); the site uses its JS API only, so those files
go (KEEP says what stays), which keeps the service worker's first download small.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from ..errors import FinishError

OUTPUT = "pagefind"
# Everything in the article that is a control, not text to find. The widgets' own markup belongs to
# other templates; listing their elements here keeps those templates free of search attributes.
EXCLUDE = (
    "nav", "form", "button", "select", "input", "textarea", "label", "svg",
    ".headerlink",       # the permalink sign after each heading
    ".ih-needs-js",      # widget controls that only work with a script
    ".ih-actions",       # print/share buttons under a page
    "[hidden]",
    "[data-pagefind-ignore]",
)
# The files of pagefind/ that the JS API needs; the rest is Pagefind's own UI.
KEEP = re.compile(r"^(?:pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|[^/]+\.pf_meta"
                  r"|(?:index|fragment|filter)/.+)$")
ARTICLE = '<article class="md-content__inner md-typeset">'
# overrides/main.html: the 404 page and pages whose front matter says `search: exclude: true`.
EXCLUDED_PAGE = '<meta name="ih-search" content="exclude">'
SEARCH_BODY = '<article class="md-content__inner md-typeset" data-pagefind-body>'


# Pagefind starts a new word at the edge of a paragraph or heading, but not between a term and its
# definition (<dt>, <dd>) or two cells: "casusinbrenger" + "De deelnemer ..." became "casusinbrengerDe".
# A space between such elements is not rendered (they are boxes of their own) but separates the words.
_GLUED_EDGE = re.compile(r"(</(?:dt|dd|th|td|li|figcaption|summary|caption)>)(?=<)", re.I)


def mark_search_body(html: str, where: str) -> str:
    """The page's article as what Pagefind indexes; every page of the theme has exactly one."""
    if SEARCH_BODY in html or EXCLUDED_PAGE in html:
        return html
    count = html.count(ARTICLE)
    if count == 0:
        return html  # no article (a redirect page): nothing to find
    if count > 1:
        raise FinishError(f"{where}: meer dan één artikel op de pagina; zoeken weet niet wat het moet lezen.")
    start = html.index(ARTICLE)
    end = html.find("</article>", start)
    end = len(html) if end < 0 else end
    article = _GLUED_EDGE.sub(r"\1 ", html[start:end]).replace(ARTICLE, SEARCH_BODY, 1)
    return html[:start] + article + html[end:]


def pagefind_command(site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", OUTPUT,
            "--exclude-selectors", ", ".join(EXCLUDE), "--quiet"]


def index_site(site_dir: Path) -> None:
    """Write pagefind/ for the finished pages of `site_dir`, keeping only what the JS API needs."""
    out = site_dir / OUTPUT
    if out.exists():
        shutil.rmtree(out)
    run = subprocess.run(pagefind_command(site_dir), capture_output=True, text=True, check=False)
    if run.returncode != 0 or not (out / "pagefind-entry.json").is_file():
        detail = " ".join((run.stderr or run.stdout).split())[:300]
        raise FinishError(f"De zoekindex maken lukt niet (Pagefind, sitebuild/finish/search.py): {detail}")
    entry = json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))
    if "nl" not in entry.get("languages", {}):
        raise FinishError("De zoekindex is niet Nederlands: staat lang=\"nl\" nog op de pagina's? "
                          f"(Pagefind vond {sorted(entry.get('languages', {}))})")
    # The search engine for each language of the index (only Dutch: Pagefind writes one for pages
    # without a language too, which no page here is).
    wasm = {f"wasm.{language['wasm']}.pagefind" for language in entry["languages"].values()}
    for path in sorted(out.rglob("*"), reverse=True):
        rel = path.relative_to(out).as_posix()
        if path.is_file() and not (KEEP.match(rel) or rel in wasm):
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
