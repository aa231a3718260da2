"""Stand-in for `python -m sitebuild generate --into DIR` until the sitebuild package exists.

Writes what macros/hooks.py adds to an MkDocs build (a page per method and api/*.json) into a docs
tree, so `make zensical` can be tried today. Delete this file once sitebuild lands; the Makefile
switches over by itself.

    .venv/bin/python tools/zensical_generate_stub.py --into build/zensical-docs
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import export, render  # noqa: E402
from macros.data import DataError, load_site  # noqa: E402


def generate(into: Path) -> None:
    site = load_site(ROOT)
    for slug, method in site.methods.items():
        page = into / "methoden" / f"{slug}.md"
        page.write_text(render.method_page(slug, method, site), encoding="utf-8")
    api = {
        "methods.json": export.methods_json(site),
        "method.schema.json": export.method_schema(),
        "agenda.json": export.agenda_json(site),
        "chooser.json": site.chooser.model_dump(),
        "cards.json": export.cards_json(site),
    }
    (into / "api").mkdir(parents=True, exist_ok=True)
    for name, value in api.items():
        (into / "api" / name).write_text(export.dumps(value), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--into", type=Path, required=True)
    try:
        generate(parser.parse_args().into)
    except DataError as error:
        # Bad data stops here with its one message: Zensical would bury it in a traceback per page.
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
