"""MkDocs is the builder the project names; ProperDocs (a maintained continuation of MkDocs 1.x that reads
mkdocs.yml and runs its plugins) must build the same site, so the move is one line on the day MkDocs 1.x
breaks (README, 'Welk bouwprogramma')."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

# Each builder names itself in the page; the service worker's version hashes every page, so it differs too.
GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')
SW_VERSION = re.compile(r'const VERSION = "[0-9a-f]+";')


def comparable(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".html":
        return GENERATOR.sub("", data.decode("utf-8")).encode("utf-8")
    if path.name == "sw.js":
        return SW_VERSION.sub("", data.decode("utf-8")).encode("utf-8")
    return data


@pytest.mark.skipif(importlib.util.find_spec("properdocs") is None,
                    reason="ProperDocs is niet geïnstalleerd (requirements-dev.txt; 'make test' installeert het)")
def test_properdocs_builds_the_same_pages_as_mkdocs(site_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "properdocs-site"
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "--config-file",
                             str(ROOT / "mkdocs.yml"), "--site-dir", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ProperDocs" in GENERATOR.search((out / "index.html").read_text(encoding="utf-8")).group()
    ours = {p.relative_to(site_dir).as_posix(): p for p in site_dir.rglob("*") if p.is_file()}
    theirs = {p.relative_to(out).as_posix(): p for p in out.rglob("*") if p.is_file()}
    assert sorted(theirs) == sorted(ours)
    assert [rel for rel in sorted(ours) if comparable(ours[rel]) != comparable(theirs[rel])] == []
