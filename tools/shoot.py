"""Take screenshots of built pages in headless Chromium, for looking at what we build.

Usage: python tools/shoot.py SITE_DIR OUT_DIR PATH [PATH ...] [--widths 390,1280,1920] [--dark]
Each PATH is relative to the site root, e.g. 'methoden/vijfstappenmethode/'.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

_PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(_PROJECT / "tests"), str(_PROJECT)]  # helpers import the sitebuild package
from helpers import CHROMIUM_ARGS, QuietServer, QuietHandler as _QuietHandler  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("out")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--widths", default="390,1280,1920")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--full", action="store_true", help="whole page instead of the first screen")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_QuietHandler, directory=args.site)
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=(os.environ.get("CHROMIUM") or shutil.which("chromium")), args=CHROMIUM_ARGS)
        for width in map(int, args.widths.split(",")):
            ctx = browser.new_context(
                viewport={"width": width, "height": 1080 if width >= 1900 else 900},
                color_scheme="dark" if args.dark else "light",
            )
            page = ctx.new_page()
            for path in args.paths:
                page.goto(base + path)
                page.wait_for_timeout(300)
                name = (path.strip("/").replace("/", "_").replace("?", "_").replace("=", "-") or "home")
                target = out / f"{name}-{width}{'-dark' if args.dark else ''}.png"
                page.screenshot(path=str(target), full_page=args.full)
                print(target)
            ctx.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
