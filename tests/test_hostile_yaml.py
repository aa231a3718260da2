"""YAML that is not content never reaches the site, and every way YAML can go wrong reads as plain Dutch.

A corpus of hostile and careless inputs, each written into a throwaway copy of one method file (or the
file itself replaced) and loaded as the build's first stage loads it. Every input must give one DataError
— never another exception — that names the file (and the line or field where there is one), says what is
wrong in Dutch, and quotes values short and as the editor wrote them. The counts per class are in the
closing note of issue 31; `test_the_corpus_covers_every_class` keeps it from shrinking unnoticed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import PROJECT_PARTS, build_fails_plainly, copy_project, load_fails_plainly, replace_once, run_build

METHOD = "data/methods/vijfstappenmethode.yml"
STEP = "  - naam: Vraag introduceren\n    minuten: 5\n"
# Words of the parser's and Python's English that a Dutch editor must never meet.
ENGLISH = re.compile(
    r"\b(found|expected|could not|while (scanning|parsing)|cannot|constructor|None|datetime|Traceback|"
    r"mapping|sequence|scalar|stream|token|alias|anchor|tag:yaml|or)\b"
)


def at(old: str, new: str):  # noqa: ANN202 - a change of the method file's text
    return lambda text: replace_once(text, old, new)


def whole(text: str):  # noqa: ANN202
    return lambda _old: text


# class -> case -> (change of the method file, fragments the message must hold)
CORPUS: dict[str, dict[str, tuple]] = {
    "references": {
        "anchor": (at("doel: >-", "doel: &d >-"), ["regel 6", "'doel'", "verwijzing (&d)", "voluit"]),
        "alias": (at("wanneer: >-\n", "wanneer: *nergens\nx: >-\n"), ["verwijzing", "voluit"]),
        "anchor_and_alias": (at("niveau: beginners", "niveau: &n beginners\nnotities: [*n]"), ["'niveau'", "verwijzing (&n)"]),
        "billion_laughs": (whole("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                                 "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n"),
                           ["regel 1", "'a'", "verwijzing (&a)", "enorm"]),
        "anchor_on_step": (at(STEP, "  - &stap\n    naam: Vraag introduceren\n    minuten: 5\n"),
                           ["'stappen[1]'", "verwijzing (&stap)"]),
        "merge_key": (at(STEP, "  - <<: {minuten: 5}\n    naam: Vraag introduceren\n"), ["'stappen[1]'", "'<<:'", "samen"]),
        "merge_key_with_alias": (at("stappen:\n", "basis: &b {minuten: 5}\nstappen:\n"), ["'basis'", "verwijzing (&b)"]),
    },
    "odd_keys": {
        "list_as_key": (at("advies: true\n", "advies: true\n? [a, b]\n: 1\n"), ["regel", "veldnaam", "'veld: waarde'"]),
        "mapping_as_key": (at("advies: true\n", "advies: true\n? {a: 1}\n: 1\n"), ["veldnaam"]),
        "list_key_in_step": (at(STEP, "  - ? [x]\n    : 1\n    naam: Vraag introduceren\n    minuten: 5\n"),
                             ["'stappen[1]'", "veldnaam"]),
    },
    "base_sixty": {
        "minutes_as_clock": (at(STEP, STEP.replace("minuten: 5", "minuten: 1:30")),
                             ["'stappen[1].minuten'", "'1:30'", "zestigtallen (90)", "90"]),
        "long_clock": (at(STEP, STEP.replace("minuten: 5", "minuten: 190:20:10")), ["'190:20:10'", "zestigtallen"]),
        "clock_with_fraction": (at(STEP, STEP.replace("minuten: 5", "minuten: 1:30.5")), ["'1:30.5'", "zestigtallen (90.5)"]),
        "clock_in_text_field": (at("niveau: beginners", "niveau: 20:15"), ["'niveau'", "'20:15'", "aanhalingstekens"]),
    },
    "tags": {
        "python_object": (at("niveau: beginners", "niveau: !!python/object:os.system ls"),
                          ["'niveau'", "'!!python/object:os.system'", "Laat het weg"]),
        "python_name": (at("niveau: beginners", "niveau: !!python/name:os.system ''"), ["'!!python/name:os.system'"]),
        "local_tag": (at("niveau: beginners", "niveau: !env BEGIN"), ["'!env'"]),
        "binary": (at("niveau: beginners", "niveau: !!binary aGFsbG8="), ["'!!binary'"]),
        "set": (at("casustypen: [complex, incident]", "casustypen: !!set {complex, incident}"), ["'!!set'"]),
        "timestamp": (at("niveau: beginners", "niveau: !!timestamp 2024-01-01"), ["'!!timestamp'"]),
    },
    "syntax": {
        "tab_indent": (at(STEP, STEP.replace("    minuten", "\tminuten")), ["regel", "kolom", "tab", "spaties"]),
        "at_sign": (at("niveau: beginners", "niveau: @iedereen"), ["regel 13", "aanhalingstekens"]),
        "backtick": (at("niveau: beginners", "niveau: `code`"), ["regel 13", "aanhalingstekens"]),
        "unclosed_quote": (at("niveau: beginners", 'niveau: "beginners'), ["regel 13", "aanhalingsteken", "afgesloten"]),
        "unclosed_list": (at("casustypen: [complex, incident]", "casustypen: [complex, incident"),
                          ["regel 11", "lijst", "afgesloten"]),
        "unclosed_group": (at("groepsgrootte: {min: 4, max: 8}", "groepsgrootte: {min: 4, max: 8"), ["groep", "afgesloten"]),
        "colon_in_text": (at("niveau: beginners", "niveau: beginners: ook"), ["dubbele punt", "aanhalingstekens"]),
        "bad_indent": (at(STEP, "  - naam: Vraag introduceren\n      minuten: 5\n"), ["regel"]),
        "dedent": (at(STEP, "  - naam: Vraag introduceren\n   minuten: 5\n"), ["regel", "inspringing"]),
        "control_character": (at("niveau: beginners", "niveau: begin\x07ners"), ["regel 13", "stuurteken (#x07)"]),
        "unknown_escape": (at("niveau: beginners", 'niveau: "begin\\qners"'), ["backslash"]),
        "two_documents": (at("stappen:\n", "---\nstappen:\n"), ["meer dan één document"]),
        "missing_colon": (at("advies: true\n", "advies: true\nzomaar een regel\nniveau2: x\n"), ["regel"]),
        "dash_where_value": (at("niveau: beginners", "niveau: - beginners"), ["regel"]),
        "lone_question": (at("niveau: beginners", "niveau: ?"), []),
        "bom_and_garbage": (whole("\ufeff{{{"), ["regel"]),
    },
    "values": {
        "null_title": (at("titel: Vijfstappenmethode", "titel: ~"), ["'titel'", "maar is leeg"]),
        "empty_title": (at("titel: Vijfstappenmethode", "titel:"), ["'titel'", "maar is leeg"]),
        "date_title": (at("titel: Vijfstappenmethode", "titel: 2024-01-01"), ["'titel'", "maar is 2024-01-01"]),
        "bool_title": (at("titel: Vijfstappenmethode", "titel: yes"), ["'titel'", "maar is true"]),
        "huge_level": (at("niveau: beginners", "niveau: " + "x" * 30_000), ["'niveau'", "…"]),
        "huge_minutes": (at(STEP, STEP.replace("minuten: 5", "minuten: " + "9" * 5000)),
                         ["'stappen[1].minuten'", "5.000 tekens"]),
        "float_minutes": (at(STEP, STEP.replace("minuten: 5", "minuten: 5.5")), ["'stappen[1].minuten'", "5.5"]),
        "list_as_title": (at("titel: Vijfstappenmethode", "titel: [a, b]"), ["'titel'", "een lijst"]),
        "whole_file_list": (whole("- a\n- b\n"), ["een lijst"]),
        "whole_file_text": (whole("alleen tekst\n"), ["alleen de tekst 'alleen tekst'"]),
        "whole_file_number": (whole("42\n"), ["alleen de waarde 42"]),
    },
}


def _cases() -> list[tuple[str, str]]:
    return [(kind, case) for kind, cases in CORPUS.items() for case in cases]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the project; each case restores the method file before breaking it."""
    return copy_project(tmp_path_factory.mktemp("yaml") / "project")


@pytest.mark.parametrize(("kind", "case"), _cases())
def test_hostile_yaml_gets_one_plain_dutch_message(pristine: Path, kind: str, case: str) -> None:
    change, fragments = CORPUS[kind][case]
    path = pristine / METHOD
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(change(original), encoding="utf-8")
        message = load_fails_plainly(pristine, METHOD, *fragments)
    finally:
        path.write_text(original, encoding="utf-8")
    assert not ENGLISH.search(message), message
    assert len(message) < 700, f"{len(message)} characters: {message[:200]}…"


def test_the_corpus_covers_every_class() -> None:
    counts = {kind: len(cases) for kind, cases in CORPUS.items()}
    assert counts == {"references": 7, "odd_keys": 3, "base_sixty": 4, "tags": 6, "syntax": 16, "values": 11}


def test_a_symlink_loop_is_named_as_a_loop_not_as_a_missing_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    methods = project / "data" / "methods"
    (methods / "vijfstappenmethode.yml").unlink()
    os.symlink("lus-b.yml", methods / "vijfstappenmethode.yml")
    os.symlink("vijfstappenmethode.yml", methods / "lus-b.yml")
    message = load_fails_plainly(project, "data/methods/", "naar zichzelf")
    assert "ontbreekt" not in message


def test_references_cannot_blow_a_small_file_up_in_the_real_build(tmp_path: Path) -> None:
    """The 153 KB file that published a 30.8 MB page: refused by `make build`'s command, nothing published,
    and a site built before stays as it was (make build builds into site.tmp first)."""
    project = copy_project(tmp_path / "project")
    text = (project / METHOD).read_text(encoding="utf-8")
    words = "woord " * 2000
    grown = replace_once(text, "doel: >-", f"lang: &l '{words}'\nlanger: &m [*l, *l, *l, *l, *l, *l, *l, *l]\n"
                                            "langst: [*m, *m, *m, *m, *m, *m, *m, *m]\ndoel: >-")
    (project / METHOD).write_text(grown, encoding="utf-8")
    build_fails_plainly(project, tmp_path / "site", METHOD, "regel", "verwijzing (&l)")


def test_make_build_keeps_the_last_good_site_when_data_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", ("Makefile", "requirements.txt", *PROJECT_PARTS))
    assert run_build(project, project / "site").returncode == 0
    before = (project / "site" / "index.html").read_bytes()
    path = project / METHOD
    path.write_text(replace_once(path.read_text(encoding="utf-8"), "doel: >-", "doel: &d >-"), encoding="utf-8")
    venv = Path(sys.executable).parent.parent  # the project's .venv, already installed: make only builds
    result = subprocess.run(["make", "--no-print-directory", "build", f"VENV={venv}"], cwd=project,
                            capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "verwijzing (&d)" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert (project / "site" / "index.html").read_bytes() == before, "the last good site stays"
    assert not (project / "site.tmp" / "index.html").exists()
