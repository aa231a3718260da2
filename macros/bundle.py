"""MkDocs hook: serve our own stylesheets and scripts small, few and cache-safe.

mkdocs.yml lists the source files, one per widget, easy to work on. At build time:
- all stylesheets become one minified file, and the scripts every page needs one more;
- each widget script (`extra.widget_scripts`: selector -> file) becomes its own minified
  file, which a tiny loader in the common script adds only on pages that contain the
  widget's element, so a chapter does not carry the timer's weight;
- every file name carries a hash of its content, so a new deploy is never mixed with a
  stale cached copy.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

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


def _read(docs_dir: Path, rel: str) -> str:
    source = docs_dir / rel
    if not source.is_file():
        raise PluginError(f"mkdocs.yml noemt {rel}, maar dat bestand bestaat niet in docs/.")
    return source.read_text(encoding="utf-8")


def _hashed(folder: str, stem: str, suffix: str, content: str) -> str:
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:10]
    return f"assets/{folder}/{stem}.{digest}.{suffix}"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    docs_dir = Path(config.docs_dir)
    css_sources = list(config.extra_css)
    js_sources = [str(script) for script in config.extra_javascript]
    widgets: dict[str, str] = dict(config.extra.get("widget_scripts", {}))
    _sources[:] = css_sources + js_sources + list(widgets.values())
    _outputs.clear()

    css = rcssmin.cssmin("\n".join(_read(docs_dir, rel) for rel in css_sources))
    css_path = _hashed("stylesheets", "intervisie", "css", css)
    _outputs[css_path] = css

    loader_map = {}
    for selector, rel in widgets.items():
        code = rjsmin.jsmin(_read(docs_dir, rel))
        path = _hashed("javascripts", f"intervisie-{Path(rel).stem}", "js", code)
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
