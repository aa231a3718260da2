"""Run one stage of the build on its own, for any generator:

    python -m sitebuild load                       # check data/
    python -m sitebuild generate --into DIR        # write the method pages and api/*.json into DIR (a docs copy)
    python -m sitebuild finish SITE_DIR            # finish a built site in place

Each reads mkdocs.yml (--config) for the project root and settings. A problem ends with one plain Dutch
line and exit code 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import read_settings
from .errors import DataError, FinishError, SiteError
from .finish import finish_site
from .generate import generated_files, write_files
from .load import load_site


def _load(config: Path) -> int:
    site = load_site(read_settings(config).root)
    print(f"Gegevens in orde: {len(site.methods)} methoden, {len(site.handbook.hoofdstukken)} hoofdstukken, "
          f"{len(site.decks)} kaartstapels.")
    return 0


def _generate(config: Path, into: Path) -> int:
    if not into.is_dir():
        raise DataError(f"Fout: de map {into} bestaat niet; maak eerst een kopie van docs/ om in te schrijven.")
    written = write_files(generated_files(load_site(read_settings(config).root)), into)
    print(f"{len(written)} bestanden geschreven in {into}.")
    return 0


def _finish(config: Path, site_dir: Path) -> int:
    if not (site_dir / "index.html").is_file():
        raise FinishError(f"Fout: {site_dir} is geen gebouwde site (er staat geen index.html in).")
    pages = finish_site(site_dir, read_settings(config))
    print(f"{pages} pagina's afgemaakt in {site_dir}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="pad van mkdocs.yml")
    parser = argparse.ArgumentParser(prog="python -m sitebuild", description="De bouwstappen van de site.")
    stages = parser.add_subparsers(dest="stage", required=True)
    stages.add_parser("load", parents=[common], help="data/ inlezen en controleren")
    generate = stages.add_parser("generate", parents=[common], help="methodepagina's en api/*.json schrijven")
    generate.add_argument("--into", type=Path, required=True, help="de map (een kopie van docs/) om in te schrijven")
    finish = stages.add_parser("finish", parents=[common], help="een gebouwde site afmaken")
    finish.add_argument("site_dir", type=Path, help="de map met de gebouwde site")
    args = parser.parse_args(argv)
    try:
        if args.stage == "load":
            return _load(args.config)
        if args.stage == "generate":
            return _generate(args.config, args.into)
        return _finish(args.config, args.site_dir)
    except SiteError as error:
        print(error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
