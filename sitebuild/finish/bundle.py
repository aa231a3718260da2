"""Finish: serve our own stylesheets and scripts small, few and cache-safe.

mkdocs.yml lists the source files, easy to work on; the generator links them as they are. Here, on the
built pages:
- the stylesheets every page needs (`extra_css`) become one minified file, and the scripts
  (`extra_javascript`) one more; each page links the two instead of the sources;
- each widget script (`extra.widget_scripts`: selector -> one file or a list of files, joined in
  order) becomes its own minified file, which a tiny loader in the common script adds only on pages
  that contain the widget's element, so a chapter does not carry the timer's weight;
- each widget stylesheet (`extra.widget_styles`) becomes its own minified file too, linked at the top
  of the article on exactly the pages whose article uses one of its `ih-` classes. Inside the article
  (not the head) it also arrives, and leaves, with Material's instant navigation, which swaps the
  article but keeps the head;
- each widget part (`extra.widget_parts`: name -> files) becomes its own minified file too, which a
  widget asks for only when the reader reaches for it (`W.load(name)` in lib/widget.js): the running
  timer does not carry its planner, share panel or QR code, and no page carries the header's search
  until the reader reaches for it (search/reach.js, in the common script, adds the part "search" and its
  stylesheet). The common script names them (`Intervisie.parts`: name -> path); the service worker keeps
  them like every other file. A part may bring a stylesheet too (its `.css` files, joined as one, named in
  `Intervisie.partStyles`): `W.load` waits for it as for the script, so what the part shows is never seen
  unstyled, and the running timer does not carry the planner's, the share panel's or the sheet's style;
- the minifier is tdewolff/minify (the one Hugo uses; PyPI tdewolff-minify, a wheel with its Go binary
  inside, so nothing is downloaded at build time). Unlike a whitespace-only minifier it also shortens
  local names: the timer's bundle is a sixth smaller gzipped. It minifies one file at a time, so an
  error names the file, and keeps a comment that opens with `/*!`, as a vendored file's licence notice
  does (vendor/qrcodegen.js);
- every file name carries a hash of its content, so a new deploy is never mixed with a stale cached
  copy; the sources themselves leave the site;
- the head asks for what the body will need (`<link rel="preload">`): the scripts at the end of the
  body, the widget's stylesheet and the widget script the loader will add. Chromium's preload scanner
  stops at a Content-Security-Policy in a <meta> (crbug.com/1458493), which a site on GitHub Pages
  cannot send as a header; without the hints each of them was only requested when the parser reached
  it, and the page was painted twice while it waited: header first, the article ~100 ms later.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import minify

from ..config import Settings
from ..errors import FinishError

LOADER = """(() => {
  const scripts = %s;
  const added = new Set();
  const load = () => {
    for (const [selector, src] of Object.entries(scripts)) {
      if (added.has(src) || !document.querySelector(selector)) continue;
      added.add(src);
      const script = document.createElement("script");
      script.src = new URL(src, __md_scope).href;
      // A widget's CSS may leave out what its script hides at once, for the address the page was loaded
      // with (data-ih-query, overrides/main.html); without the script the page shows all, as without any.
      script.onerror = () => delete document.documentElement.dataset.ihQuery;
      document.body.append(script);
    }
  };
  if (window.document$) window.document$.subscribe(load); else load();
})();"""

# Where W.load (lib/widget.js) finds each part; in the common script, which every page runs first.
PARTS = "(self.Intervisie = self.Intervisie || {}).parts = %s;\nself.Intervisie.partStyles = %s;"

_OWN_CLASS = re.compile(r"\.(ih-[\w-]+)")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
# A tag with the line break and indent before it, so a tag that goes leaves no blank line behind.
_LINK = re.compile(r"(?:\n[ \t]*)?<link\b[^>]*>", re.I)
_SCRIPT = re.compile(r"(?:\n[ \t]*)?<script\b[^>]*>\s*</script>", re.I)
_HREF = re.compile(r"""\bhref=(["'])(?P<url>.*?)\1""", re.I)
_SRC = re.compile(r"""\bsrc=(["'])(?P<url>.*?)\1""", re.I)
_ATTRIBUTE_SELECTOR = re.compile(r"\[([a-z][\w-]*)\]", re.I)
_POLICY_META = re.compile(r"<meta\s+http-equiv=[\"']?content-security-policy[\"']?[^>]*>", re.I)
_STYLESHEET = re.compile(r"""<link\b(?=[^>]*\brel=["']?stylesheet\b)[^>]*\bhref=(["'])(?P<url>.*?)\1[^>]*>""", re.I)
_ARTICLE = re.compile(r"""<article\b[^>]*\bclass=["'][^"']*\bmd-content__inner\b[^"']*["'][^>]*>""", re.I)

Reader = Callable[[str], str]


@dataclass(frozen=True)
class Bundles:
    """The bundled assets of a site and what the pages must link instead of the sources."""

    outputs: Mapping[str, str]  # path in the site -> content
    sources: frozenset[str]  # every source file that a bundle replaces
    css: str  # path of the stylesheet every page links
    js: str  # path of the script every page loads
    css_sources: tuple[str, ...]
    js_sources: tuple[str, ...]
    page_styles: tuple[tuple[re.Pattern[str], str], ...]  # classes that need it -> widget stylesheet
    # the loader's widget scripts: an element with the attribute of its "[attribute]" selector -> script
    page_scripts: tuple[tuple[re.Pattern[str], str], ...]


def reader(folder: Path, where: str) -> Reader:
    """Reads a source named in mkdocs.yml from `folder` (the docs folder, or a built site)."""

    def read(rel: str) -> str:
        source = folder / rel
        if not source.is_file():
            raise FinishError(f"mkdocs.yml noemt {rel}, maar dat bestand bestaat niet in {where}.")
        return source.read_text(encoding="utf-8")

    return read


_CSS_SKIP = re.compile(r"""/\*.*?\*/|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'""", re.S)


def balanced(rel: str, css: str) -> str:
    """The stylesheet itself, once every block it opens is closed. An unclosed block (a lost `}` after a
    merge, say) would silently swallow every rule after it into, for example, `@media print`."""
    line, opened = 1, []
    text = _CSS_SKIP.sub(lambda m: "\n" * m.group().count("\n"), css)
    for char in text:
        if char == "\n":
            line += 1
        elif char == "{":
            opened.append(line)
        elif char == "}":
            if not opened:
                raise FinishError(f"{rel}, regel {line}: een }} sluit een blok dat nergens geopend is.")
            opened.pop()
    if opened:
        raise FinishError(f"{rel}, regel {opened[-1]}: dit blok {{ wordt nergens gesloten, dus alles wat erna "
                          "komt valt erbinnen.")
    return css


_MEDIA = {"js": "application/javascript", "css": "text/css"}
_WHERE = re.compile(r"\bon line (?P<line>\d+) and column (?P<column>\d+)")


def minified(kind: str, rel: str, text: str) -> str:
    """`text`, the content of `rel`, minified as "js" or "css". Each file is minified on its own, so an
    error names the file; an error stops the build with the minifier's own words and where it stood."""
    try:
        return minify.string(_MEDIA[kind], text)
    except minify.MinifyError as error:
        detail = str(error).strip()
        where = _WHERE.search(detail)
        at = f", regel {where['line']}, kolom {where['column']}" if where else ""
        raise FinishError(f"{rel}{at}: de minifier (tdewolff/minify) kan dit bestand niet lezen, dus de site "
                          f"wordt niet gebouwd. Zijn melding:\n{detail}") from None


def minified_js(rel: str, js: str) -> str:
    return minified("js", rel, js)


def minified_css(rel: str, css: str) -> str:
    return minified("css", rel, css)


def joined_css(sheets: Iterable[str]) -> str:
    """Minified stylesheets as one. The minifier drops the `;` that ends a file's last statement
    (`@layer base;` -> `@layer base`), which would swallow the next file's first rule: it comes back."""
    return "".join(css if not css or css.endswith(("}", "*/")) else css + ";" for css in sheets)


def _class_pattern(css: str) -> re.Pattern[str]:
    """A pattern that finds, in a class attribute, any of our classes the stylesheet styles."""
    names = sorted(set(_OWN_CLASS.findall(_COMMENT.sub("", css))), key=len, reverse=True)
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(rf"""class=["'](?:[^"']*\s)?(?:{alternatives})(?=[\s"'])""")


def _hashed(folder: str, stem: str, suffix: str, content: str) -> str:
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:10]
    return f"assets/{folder}/{stem}.{digest}.{suffix}"


def widget_name(files: tuple[str, ...]) -> str:
    """The widget a list of scripts makes, named after its last file (the widget's own entry point comes
    after what it uses): 'timer.js' -> 'timer', and a module in a folder of its own, 'timer/view.js',
    by its folder -> 'timer'."""
    last = PurePosixPath(files[-1])
    return last.parent.name if last.parent.name not in ("", "javascripts") else last.stem


def make_bundles(read: Reader, settings: Settings) -> Bundles:
    """Minify and hash every bundle from the sources that `read` returns."""
    outputs: dict[str, str] = {}
    page_styles = []
    css = joined_css(minified_css(rel, balanced(rel, read(rel))) for rel in settings.extra_css)
    css_path = _hashed("stylesheets", "intervisie", "css", css)
    outputs[css_path] = css
    for rel in settings.widget_styles:
        source = balanced(rel, read(rel))
        if not _OWN_CLASS.search(_COMMENT.sub("", source)):
            raise FinishError(f"{rel} (extra.widget_styles in mkdocs.yml) stijlt geen enkele ih-klasse, "
                              "dus geen pagina zou het laden.")
        code = minified_css(rel, source)
        path = _hashed("stylesheets", f"intervisie-{PurePosixPath(rel).stem}", "css", code)
        outputs[path] = code
        page_styles.append((_class_pattern(source), path))

    loader_map = {}
    page_scripts = []
    for selector, files in settings.widget_scripts.items():
        code = ";\n".join(minified_js(rel, read(rel)) for rel in files)
        path = _hashed("javascripts", f"intervisie-{widget_name(files)}", "js", code)
        outputs[path] = code
        loader_map[selector] = path
        attribute = _ATTRIBUTE_SELECTOR.fullmatch(selector.strip())
        if attribute:  # another kind of selector still loads its script, only without a hint
            page_scripts.append((re.compile(rf"<[a-z][^>]*\s{re.escape(attribute[1])}(?=[\s=/>])", re.I), path))
    part_map, part_styles = {}, {}
    for name, files in settings.widget_parts.items():
        scripts = [rel for rel in files if not rel.endswith(".css")]
        sheets = [rel for rel in files if rel.endswith(".css")]
        if scripts:
            code = ";\n".join(minified_js(rel, read(rel)) for rel in scripts)
            path = _hashed("javascripts", f"intervisie-part-{name}", "js", code)
            outputs[path] = code
            part_map[name] = path
        if sheets:
            code = joined_css(minified_css(rel, balanced(rel, read(rel))) for rel in sheets)
            path = _hashed("stylesheets", f"intervisie-part-{name}", "css", code)
            outputs[path] = code
            part_styles[name] = path
    common = [minified_js(rel, read(rel)) for rel in settings.extra_javascript]
    common.append(PARTS % (json.dumps(part_map, separators=(",", ":")), json.dumps(part_styles, separators=(",", ":"))))
    common.append(minified_js("sitebuild/finish/bundle.py (LOADER)", LOADER % json.dumps(loader_map)))
    js = ";\n".join(common)
    js_path = _hashed("javascripts", "intervisie", "js", js)
    outputs[js_path] = js

    widget_sources = {rel for files in [*settings.widget_scripts.values(), *settings.widget_parts.values()]
                      for rel in files}
    return Bundles(
        outputs=outputs,
        sources=frozenset({*settings.extra_css, *settings.widget_styles, *settings.extra_javascript,
                           *widget_sources}),
        css=css_path,
        js=js_path,
        css_sources=settings.extra_css,
        js_sources=settings.extra_javascript,
        page_styles=tuple(page_styles),
        page_scripts=tuple(page_scripts),
    )


def _prefix(url: str, sources: tuple[str, ...]) -> str | None:
    """What comes before a source's path in a link to it ('../../', '/intervisiehandboek/', ''), or None
    when `url` links none of `sources`."""
    path = re.split(r"[?#]", url, maxsplit=1)[0]
    for rel in sources:
        if path == rel or path.endswith("/" + rel):
            return path[: len(path) - len(rel)]
    return None


def _replace_links(html: str, tags: re.Pattern[str], attr: re.Pattern[str], sources: tuple[str, ...],
                   bundle: str) -> tuple[str, str | None]:
    """The first tag that links a source now links the bundle; the other tags that link a source go.
    Returns the page and the prefix the generator wrote before the source's path (None: no such tag)."""
    found: str | None = None

    def swap(match: re.Match[str]) -> str:
        nonlocal found
        tag = match.group()
        url = attr.search(tag)
        prefix = _prefix(url["url"], sources) if url else None
        if prefix is None:
            return tag
        if found is not None:
            return ""
        found = prefix
        return tag[: url.start("url")] + prefix + bundle + tag[url.end("url"):]

    return tags.sub(swap, html), found


def link_bundles(html: str, where: str, bundles: Bundles) -> str:
    """The page with the bundles linked instead of the sources, and the widget stylesheets it needs."""
    if "</head>" not in html:
        return html  # not a page of the theme (a fragment or a verbatim copy); it links nothing of ours
    html, prefix = _replace_links(html, _LINK, _HREF, bundles.css_sources, bundles.css)
    if bundles.js_sources:
        html, js_prefix = _replace_links(html, _SCRIPT, _SRC, bundles.js_sources, bundles.js)
        if js_prefix is None:
            raise FinishError(f"{where}: de pagina laadt {bundles.js_sources[0]} niet (extra_javascript in "
                              "mkdocs.yml); heeft de generator het thema van de site gebruikt?")
    if prefix is None:
        raise FinishError(f"{where}: de pagina linkt {bundles.css_sources[0]} niet (extra_css in mkdocs.yml); "
                          "heeft de generator het thema van de site gebruikt?")
    return _preload_hints(_link_page_styles(html, where, prefix, bundles), prefix, bundles)


def _preload_hints(html: str, prefix: str, bundles: Bundles) -> str:
    """A preload hint for each stylesheet and script of the body and for the widget scripts the loader
    will add (see the module's docstring), after the head's own stylesheets: those the first paint
    waits for are asked for first, and the hints still come before the head's next script, which
    waits for those stylesheets and so holds the parser up."""
    head_end, body = html.find("</head>"), html.find("<body")
    policy = _POLICY_META.search(html, 0, head_end)
    if policy is None or body < 0:
        return html  # no policy (csp.py refuses such a page) or no body: the scanner is not stopped
    rest = html[body:]
    wanted = [(url["url"], "style") for url in _STYLESHEET.finditer(rest)]
    wanted += [(url["url"], "script") for tag in _SCRIPT.finditer(rest) if (url := _SRC.search(tag.group()))]
    wanted += [(prefix + path, "script") for pattern, path in bundles.page_scripts if pattern.search(rest)]
    if not wanted:
        return html
    at = max([policy.end()] + [link.end() for link in _STYLESHEET.finditer(html, policy.end(), head_end)])
    hints = "".join(f'<link rel="preload" href="{url}" as="{kind}">' for url, kind in dict(wanted).items())
    return html[:at] + hints + html[at:]


def _link_page_styles(html: str, where: str, prefix: str, bundles: Bundles) -> str:
    article = _ARTICLE.search(html)
    if article is None:
        return html  # no article, no widget
    end = html.find("</article>", article.end())
    content = html[article.end(): end if end >= 0 else len(html)]
    links = "".join(
        f'<link rel="stylesheet" href="{prefix}{path}">'
        for pattern, path in bundles.page_styles
        if pattern.search(content)
    )
    return html[: article.end()] + links + html[article.end():] if links else html


def write_bundles(site_dir: Path, bundles: Bundles) -> None:
    """Put the bundles in the built site and take the sources out of it."""
    for rel in bundles.sources:
        (site_dir / rel).unlink(missing_ok=True)
    # A folder of sources only (assets/javascripts/timer/, say) goes with its last file.
    for folder in sorted({(site_dir / rel).parent for rel in bundles.sources}, key=lambda f: len(f.parts), reverse=True):
        if folder.is_dir() and folder != site_dir and not any(folder.iterdir()):
            folder.rmdir()
    for rel, content in bundles.outputs.items():
        target = site_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
