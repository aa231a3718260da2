"""Every link and asset reference of our own resolves in the built site, anchors included."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
import yaml

from helpers import ROOT, page_ids

# 404.html links from the site root as published (site_url), since it is served at any path.
SITE_PATH = urlsplit(yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["site_url"]).path
BASE = "http://site.test/"
REFERENCES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "form": "action"}


def _target(site_dir: Path, url: str) -> Path:
    path = unquote(urlsplit(url).path)[1:]
    candidate = site_dir / path
    return candidate / "index.html" if path == "" or path.endswith("/") or candidate.is_dir() else candidate


def broken_references(site_dir: Path) -> list[str]:
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir).as_posix()
        page_url = urljoin(BASE, rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        tree = lxml.html.fromstring(page.read_bytes())  # lxml itself: the pages are read, never changed
        for element in tree.iter(*REFERENCES):
            tag = element.tag
            value = element.get(REFERENCES[tag])
            if not value or value.startswith(("mailto:", "tel:", "data:")):
                continue
            if tag == "link" and {"canonical", "alternate"} & set((element.get("rel") or "").split()):
                continue
            if value.startswith(SITE_PATH):
                value = BASE + value[len(SITE_PATH):]
            url = urljoin(page_url, value)
            if not url.startswith(BASE):
                continue  # a link to another site: fine to follow, never loaded as an asset
            target = _target(site_dir, url)
            if not target.is_file():
                problems.append(f"{rel}: {value} -> missing {target.relative_to(site_dir)}")
                continue
            fragment = urlsplit(url).fragment
            if fragment and target.suffix == ".html" and unquote(fragment) not in page_ids(target):
                problems.append(f"{rel}: {value} -> no anchor #{fragment}")
    return problems


def test_every_internal_link_and_asset_resolves(site_dir: Path) -> None:
    assert broken_references(site_dir) == []


def test_the_link_check_notices_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text('<a href="../b/">b</a><a href="#x">x</a><p id="y"></p>', encoding="utf-8")
    assert broken_references(tmp_path) == ["a/index.html: ../b/ -> missing b/index.html", "a/index.html: #x -> no anchor #x"]
