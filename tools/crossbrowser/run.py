"""make crossbrowser: serve the built site as GitHub Pages does (under /intervisiehandboek/, with a sitemap
that names this server, so the theme's instant navigation is on) and walk the helpers' routes in Firefox and
in WebKit. Chromium runs them in `make test`; these two engines only here, by hand, as the README says.
Usage: python tools/crossbrowser/run.py SITE_DIR PYTHON_WITH_SELENIUM"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent.parent / "tests"), str(HERE.parent.parent)]
from helpers import served  # noqa: E402


def main() -> int:
    site, python = Path(sys.argv[1]).resolve(), sys.argv[2]
    failed = 0
    with served(site, Path(tempfile.mkdtemp())) as url:
        for name, command in (
            ("Firefox", ["node", str(HERE / "firefox.mjs"), url]),
            ("WebKit", ["xvfb-run", "-a", python, str(HERE / "webkit.py"), url]),
        ):
            print(f"== {name}", flush=True)
            failed |= subprocess.run(command, check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
