"""The data of the build in progress, shared by the hook and the macros.

`mkdocs serve` rebuilds in the same process, so data is loaded anew for every build.
"""

from __future__ import annotations

from pathlib import Path

from .data import SiteData, load_site

_current: SiteData | None = None


def load(root: Path) -> SiteData:
    global _current
    _current = load_site(root)
    return _current


def current() -> SiteData:
    if _current is None:
        raise RuntimeError("data/ is not loaded yet: load() runs in on_config")
    return _current
