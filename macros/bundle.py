"""MkDocs hook: serve our own stylesheets and scripts small, few and cache-safe.

mkdocs.yml lists the source files, one per widget, easy to work on. At build time:
- the stylesheets every page needs become one minified file, and the scripts one more;
- each widget script (`extra.widget_scripts`: selector -> its files, shared library first)
  becomes its own minified file, the files joined in order (no module loader), which a tiny
  loader in the common script adds only on pages that contain the widget's element, so a
  chapter does not carry the timer's weight;
- each widget stylesheet (`extra.widget_styles`) becomes its own minified file too, linked
  at the top of the article on exactly the pages whose HTML uses one of its `ih-` classes.
  Inside the article (not the head) it also arrives, and leaves, with Material's instant
  navigation, which swaps the article but keeps the head;
- every file name carries a hash of its content, so a new deploy is never mixed with a
  stale cached copy.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

LOADER = """(() => {
  const scripts = %s;
  const added = new Set();
  const load = () => {
    for (const [selector, src] of Object.entries(scripts)) {
      if (added.has(src) || !document.querySelector(selector)) continue;
      added.add(src);
      const script = document.createElement("script");
      script.src = new URL(src, __md_scope).href;
      document.body.append(script);
    }
  };
  if (window.document$) window.document$.subscribe(load); else load();
})();"""

_sources: list[str] = []
_outputs: dict[str, str] = {}  # path in site -> content
_page_styles: list[tuple[re.Pattern[str], str]] = []  # classes that need it -> stylesheet in site

_OWN_CLASS = re.compile(r"\.(ih-[\w-]+)")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def _class_pattern(css: str) -> re.Pattern[str]:
    """A pattern that finds, in a class attribute, any of our classes the stylesheet styles."""
    names = sorted(set(_OWN_CLASS.findall(_COMMENT.sub("", css))), key=len, reverse=True)
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(rf"""class=["'](?:[^"']*\s)?(?:{alternatives})(?=[\s"'])""")


def _read(docs_dir: Path, rel: str) -> str:
    source = docs_dir / rel
    if not source.is_file():
        raise PluginError(f"mkdocs.yml noemt {rel}, maar dat bestand bestaat niet in docs/.")
    return source.read_text(encoding="utf-8")


def _widget_files(value: str | list[str]) -> list[str]:
    """The files of one widget script in mkdocs.yml: a list, or one file as a plain string."""
    return [value] if isinstance(value, str) else [str(rel) for rel in value]


def _widget_name(files: list[str]) -> str:
    """A widget's bundle is named for its own last file: its folder (timer/view.js -> timer),
    or the file itself when it sits directly in assets/javascripts/ (forms.js -> forms)."""
    last = Path(files[-1])
    return last.stem if last.parent == Path("assets/javascripts") else last.parent.name


def _hashed(folder: str, stem: str, suffix: str, content: str) -> str:
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:10]
    return f"assets/{folder}/{stem}.{digest}.{suffix}"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    docs_dir = Path(config.docs_dir)
    css_sources = list(config.extra_css)
    js_sources = [str(script) for script in config.extra_javascript]
    widgets = {selector: _widget_files(value) for selector, value in config.extra.get("widget_scripts", {}).items()}
    widget_styles: list[str] = list(config.extra.get("widget_styles", []))
    _sources[:] = css_sources + widget_styles + js_sources + [rel for files in widgets.values() for rel in files]
    _outputs.clear()
    _page_styles.clear()

    css = rcssmin.cssmin("\n".join(_read(docs_dir, rel) for rel in css_sources))
    css_path = _hashed("stylesheets", "intervisie", "css", css)
    _outputs[css_path] = css
    for rel in widget_styles:
        source = _read(docs_dir, rel)
        if not _OWN_CLASS.search(_COMMENT.sub("", source)):
            raise PluginError(f"{rel} (extra.widget_styles in mkdocs.yml) stijlt geen enkele ih-klasse, "
                              "dus geen pagina zou het laden.")
        code = rcssmin.cssmin(source)
        path = _hashed("stylesheets", f"intervisie-{Path(rel).stem}", "css", code)
        _outputs[path] = code
        _page_styles.append((_class_pattern(source), path))

    loader_map = {}
    for selector, files in widgets.items():
        code = rjsmin.jsmin(";\n".join(_read(docs_dir, rel) for rel in files))
        path = _hashed("javascripts", f"intervisie-{_widget_name(files)}", "js", code)
        _outputs[path] = code
        loader_map[selector] = path
    common = [rjsmin.jsmin(_read(docs_dir, rel)) for rel in js_sources]
    common.append(rjsmin.jsmin(LOADER % json.dumps(loader_map)))
    js = ";\n".join(common)
    js_path = _hashed("javascripts", "intervisie", "js", js)
    _outputs[js_path] = js

    config.extra_css = [css_path]
    config.extra_javascript = [js_path]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for rel in _sources:
        source = files.get_file_from_path(rel)
        if source is not None:
            files.remove(source)
    for path, content in _outputs.items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    links = [
        f'<link rel="stylesheet" href="{get_relative_url(path, page.url)}">'
        for pattern, path in _page_styles
        if pattern.search(html)
    ]
    return "".join(links) + html
