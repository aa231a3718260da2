"""The one MkDocs hook file (mkdocs.yml, `hooks:`): runs the three stages of sitebuild/ inside a MkDocs build.

- on_config: load data/ (stage 1) and put the chapters from data/handbook.yml in the menu; bundle the
  stylesheets and scripts (the first step of stage 3, it only reads docs/);
- on_files: add the generated method pages and /api/ files (stage 2);
- on_post_page, on_post_template: finish each page as MkDocs writes it (stage 3), so a page that fails
  stops the build before it is written and the message names its Markdown file;
- on_post_build: finish the folder (bundles, search index, service worker).

The stages know nothing of MkDocs; their errors become PluginError here, which MkDocs prints as one
line. What one build needs from event to event lives on that build's config object, so `mkdocs serve`,
which makes a new config for every rebuild, never mixes two builds.

MkDocs imports this file on its own, not as part of the package: run MkDocs as `python -m mkdocs` from
the project root (as the Makefile and the tests do), so `sitebuild` and `macros` can be imported.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from sitebuild import finish, generate
from sitebuild.config import settings_from
from sitebuild.errors import SiteError
from sitebuild.load import SiteData, load_site


@dataclass(frozen=True)
class _Build:
    site: SiteData
    finisher: finish.Finisher


@contextmanager
def _plain_errors() -> Iterator[None]:
    try:
        yield
    except SiteError as error:
        raise PluginError(str(error)) from None


def is_dev_server(site_url: str | None, dev_addr: tuple[str, int]) -> bool:
    """Whether MkDocs builds for `mkdocs serve`, which points site_url at its own address for every build
    it makes (mkdocs/commands/serve.py); `mkdocs build` keeps the published site_url."""
    host, port = dev_addr
    return (site_url or "").startswith(f"http://{host}:{port}/")


def _build(config: MkDocsConfig) -> _Build:
    return config._sitebuild  # type: ignore[attr-defined] # set in on_config


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    settings = settings_from(
        {
            "docs_dir": config.docs_dir,
            "extra_css": list(config.extra_css),
            "extra_javascript": [str(script) for script in config.extra_javascript],
            "extra": dict(config.extra),
        },
        root,
    )
    with _plain_errors():
        site = load_site(root)
        config.nav = generate.handbook_nav(config.nav, site)
        finisher = finish.prepare(settings.docs_dir, "docs/", settings, is_dev_server(config.site_url, config.dev_addr))
    config._sitebuild = _Build(site, finisher)  # type: ignore[attr-defined]
    # `mkdocs serve` rebuilds when data/ changes too, not only docs/.
    if str(root / "data") not in map(str, config.watch):
        config.watch.append(str(root / "data"))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for rel, text in generate.generated_files(_build(config).site).items():
        files.append(File.generated(config, rel, content=text))
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    with _plain_errors():
        return finish.finish_page(output, page.file.src_uri, _build(config).finisher)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # Static templates such as 404.html; sitemap.xml is no page.
    if not template_name.endswith(".html"):
        return output
    with _plain_errors():
        return finish.finish_page(output, template_name, _build(config).finisher)


def on_post_build(config: MkDocsConfig) -> None:
    with _plain_errors():
        finish.finish_folder(Path(config.site_dir), _build(config).finisher)
