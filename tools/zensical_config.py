"""Write the configuration that `make zensical` gives Zensical, derived from mkdocs.yml.

mkdocs.yml stays the one configuration a maintainer edits. Zensical reads the same format but runs no
`hooks:` and reads its pages from the docs tree that the generate stage filled, so this script writes a
copy with only those differences and lists them in its header. It sits in the project root because
Zensical requires docs_dir and site_dir inside the folder of its configuration file, and the macros
read data/ from that folder too.

    .venv/bin/python tools/zensical_config.py --docs-dir build/zensical-docs --site-dir site-zensical.tmp
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = ROOT / "mkdocs.yml"
OUTPUT = ROOT / "zensical.yml"

# Keys Zensical would ignore without a word; dropping them here makes the difference visible in one place.
DROPPED = ("hooks",)
# Zensical caches each rendered page and renders it again only when its Markdown, the theme or a watched
# file changes. The macros read data/ and live in the macros package, which it does not watch by itself
# (it looks for a module file macros.py), so without this a data edit leaves pages stale.
WATCH = ["data", "macros"]
# Zensical's own look is 'modern'; 'classic' is Material's, which overrides/ and the stylesheets expect.
THEME_VARIANT = "classic"
# Zensical turns its own search on when mkdocs.yml names none; the site's search is the finish stage's
# (sitebuild/finish/search.py), the same under either builder, so Zensical's is switched off.
PLUGINS = {"search": {"enabled": False}}


def handbook_nav(nav: list) -> list:
    """The chapters under 'Handboek' come from data/handbook.yml; MkDocs adds them in a hook, which Zensical
    does not run, so they are written into the nav here."""
    sys.path.insert(0, str(ROOT))
    from sitebuild.generate import handbook_nav as with_chapters  # noqa: PLC0415 - only this step needs the data
    from sitebuild.load import load_site  # noqa: PLC0415

    return with_chapters(nav, load_site(ROOT))


def zensical_config(config: dict, docs_dir: str, site_dir: str) -> dict:
    """mkdocs.yml's settings with the docs tree and output of `make zensical`, and without hooks."""
    derived = {key: value for key, value in config.items() if key not in DROPPED}
    derived["docs_dir"] = docs_dir
    derived["site_dir"] = site_dir
    derived["nav"] = handbook_nav(derived.get("nav", []))
    derived["watch"] = [*derived.get("watch", []), *WATCH]
    derived["theme"] = {"variant": THEME_VARIANT, **derived.get("theme", {})}
    derived["plugins"] = [*derived.get("plugins", []), PLUGINS]
    return derived


def header(config: dict) -> str:
    dropped = ", ".join(f"{key} ({len(config[key])})" for key in DROPPED if key in config) or "none"
    return (
        "# Written by tools/zensical_config.py from mkdocs.yml for 'make zensical'; edit mkdocs.yml instead.\n"
        f"# Differences: docs_dir and site_dir replaced, nav gets the chapters, watch {WATCH},\n"
        f"# theme.variant {THEME_VARIANT}, its own search off, dropped: {dropped}.\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs-dir", required=True, help="the docs tree Zensical reads, relative to the root")
    parser.add_argument("--site-dir", required=True, help="where Zensical writes the site, relative to the root")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    config = yaml.safe_load(MKDOCS_YML.read_text(encoding="utf-8"))
    sys.path.insert(0, str(ROOT))
    from sitebuild.errors import DataError  # noqa: PLC0415

    try:
        derived = zensical_config(config, args.docs_dir, args.site_dir)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    text = header(config) + yaml.safe_dump(derived, allow_unicode=True, sort_keys=False, width=120)
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
