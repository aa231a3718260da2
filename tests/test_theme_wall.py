"""The wall around the theme (sitebuild/finish/theme/): the patch table checked against the theme files that
are installed, a changed theme file stops the build naming the row, and a name the theme hashed never serves
other bytes than the theme's."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from helpers import ROOT
from sitebuild.errors import FinishError
from sitebuild.finish import csp, theme
from sitebuild.finish.theme.patches import PATCHES


def installed_theme(package: str) -> Path | None:
    """The templates of a theme installed in the project's environments (.venv: Material, .venv-zensical)."""
    for venv in (".venv", ".venv-zensical"):
        for found in sorted((ROOT / venv / "lib").glob(f"python3*/site-packages/{package}/templates")):
            return found
    return None


THEMES = {name: installed_theme(name) for name in ("material", "zensical")}


def theme_files(templates: Path) -> dict[str, Path]:
    """The theme's files by the path they get in a built site."""
    return {p.relative_to(templates).as_posix(): p for p in templates.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_row_of_the_patch_table_fits_the_installed_theme_exactly_once(name: str) -> None:
    templates = THEMES[name]
    if templates is None:
        pytest.skip(f"{name} is niet geïnstalleerd")
    files = theme_files(templates)
    for patch in PATCHES:
        targets = {rel: path for rel, path in files.items() if re.fullmatch(patch.files, rel)}
        # Zensical ships a 'modern' palette too; the site builds with the 'classic' variant only.
        targets = {rel: p for rel, p in targets.items() if "/modern/" not in rel}
        assert targets, f"{name}: row {patch.name} finds no file"
        for rel, path in targets.items():
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
            assert sha in patch.edits, f"{name}: {rel} is not the file row {patch.name} was written for"
            text = path.read_text(encoding="utf-8")
            for before, after in patch.edits[sha]:
                assert text.count(before) == 1, (patch.name, before)
                assert not after or after not in text, (patch.name, after)
            theme.apply_edits(text, patch.edits[sha], rel, patch)  # the row's edits together, in order
        assert patch.why and patch.gain and patch.drop_when


STOCK = r"assets/(javascripts/bundle|stylesheets/(classic/)?palette)\.[0-9a-f]{8}\.min\.(js|css)(\.map)?"


def stock_site(tmp_path: Path, templates: Path) -> Path:
    """A site holding the theme's bundle and palette, and one page that links them."""
    site = tmp_path / "site"
    for rel, path in theme_files(templates).items():
        if re.fullmatch(STOCK, rel):
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, site / rel)
    names = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.min.*") if not p.name.endswith(".map"))
    (site / "over").mkdir()
    (site / "over/index.html").write_text("".join(f'<link href="../{n}">' for n in names), encoding="utf-8")
    return site


@pytest.mark.skipif(THEMES["material"] is None, reason="Material is niet geïnstalleerd")
def test_patched_theme_files_get_a_name_of_their_own_and_every_page_links_it(tmp_path: Path) -> None:
    site = stock_site(tmp_path, THEMES["material"])
    stock = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.suffix in (".js", ".css")}
    renamed = theme.patch_theme_files(site)
    assert set(renamed) == stock
    page = (site / "over/index.html").read_text(encoding="utf-8")
    for old, new in renamed.items():
        data = (site / new).read_bytes()
        assert not (site / old).exists() and not (site / f"{old}.map").exists()
        assert hashlib.sha256(data).hexdigest()[:10] in new and f"../{new}" in page and old not in page
        assert b"sourceMappingURL" not in data


@pytest.mark.skipif(THEMES["material"] is None, reason="Material is niet geïnstalleerd")
def test_a_theme_file_the_table_does_not_know_stops_the_build_naming_the_row(tmp_path: Path) -> None:
    site = stock_site(tmp_path, THEMES["material"])
    sheet = next((site / "assets/stylesheets").glob("palette.*.min.css"))
    sheet.write_text(sheet.read_text(encoding="utf-8") + "a{}", encoding="utf-8")
    with pytest.raises(FinishError, match=r"palette\.[0-9a-f]{8}\.min\.css is niet het themabestand waarvoor rij "
                                          r"'palette-switching-rule' .*patches\.py"):
        theme.patch_theme_files(site)
    site = stock_site(tmp_path / "2", THEMES["material"])
    next((site / "assets/stylesheets").glob("palette.*.min.css")).unlink()
    with pytest.raises(FinishError, match=r"geen bestand voor rij 'palette-switching-rule'"):
        theme.patch_theme_files(site)


def test_no_file_is_served_under_a_theme_s_hashed_name_with_other_bytes(site_dir: Path) -> None:
    """The service worker serves a hashed name from its cache for ever: such a name must keep its bytes."""
    stock = theme_files(THEMES["material"])
    hashed = [p for p in site_dir.rglob("*") if p.is_file() and re.search(r"\.[0-9a-f]{8,10}\.min\.(js|css)$", p.name)]
    patched = 0
    for path in hashed:
        rel = path.relative_to(site_dir).as_posix()
        if rel in stock:
            assert path.read_bytes() == stock[rel].read_bytes(), rel
        else:  # ours: the name is the hash of what it serves
            assert hashlib.sha256(path.read_bytes()).hexdigest()[:10] in path.name, rel
            patched += 1
    assert patched == 2  # the bundle and the palette stylesheet
    page = (site_dir / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"bundle\.[0-9a-f]{8}\.min\.js|palette\.[0-9a-f]{8}\.min\.css", page)


def test_the_policy_hashes_the_theme_s_and_our_inline_scripts_computed_at_build(site_dir: Path) -> None:
    page = (site_dir / "index.html").read_text(encoding="utf-8")
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', page).group(1)
    for name in theme.OWN_SCRIPTS:
        assert csp._sha256(theme.own_script(name)) in policy, name
        assert f"<script>{theme.own_script(name)}</script>" in page
    sources = set(theme.known_inline_scripts().values())
    assert "material: base.html" in sources and "material: palette.html" in sources
    assert 'data-ih-inline' not in page
