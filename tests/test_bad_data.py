"""Bad input in data/ stops the build with one plain message naming file, field and problem.

Each case is checked on the data stage the build runs first (fast, the same message); one case goes
through a whole build to show that the message reaches the editor as it is, with nothing published."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import build_fails_plainly, copy_project, load_fails_plainly

METHOD = "data/methods/vijfstappenmethode.yml"


def _replace(text: str, old: str, new: str) -> str:
    assert old in text, f"test setup: {old!r} not in file"
    return text.replace(old, new, 1)


def _edit(project: Path, rel: str, change) -> None:
    path = project / rel
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


CASES = {
    "yaml_syntax": (
        lambda p: _edit(p, METHOD, lambda t: _replace(t, "niveau: beginners", "niveau: [beginners")),
        [METHOD, "regel", "geen geldige YAML"],
    ),
    "missing_field": (
        lambda p: _edit(p, METHOD, lambda t: _replace(t, "doel: >-", "dool: >-")),
        [METHOD, "'doel'", "ontbreekt"],
    ),
    "wrong_type": (
        lambda p: _edit(p, METHOD, lambda t: _replace(t, "minuten: 5\n", "minuten: tien\n")),
        [METHOD, "'stappen[1].minuten'", "heel getal", "'tien'"],
    ),
    "zero_minutes": (
        lambda p: _edit(p, METHOD, lambda t: _replace(t, "minuten: 5\n", "minuten: 0\n")),
        [METHOD, "'stappen[1].minuten'", "minstens 1 minuut"],
    ),
    "negative_minutes": (
        lambda p: _edit(p, METHOD, lambda t: _replace(t, "minuten: 5\n", "minuten: -5\n")),
        [METHOD, "'stappen[1].minuten'", "minstens 1 minuut"],
    ),
    "absurd_minutes": (
        lambda p: _edit(p, METHOD, lambda t: _replace(t, "minuten: 5\n", "minuten: 5000\n")),
        [METHOD, "'stappen[1].minuten'", "onwaarschijnlijk groot"],
    ),
    "unknown_case_type": (
        lambda p: _edit(p, METHOD, lambda t: _replace(t, "casustypen: [", "casustypen: [ruzie, ")),
        [METHOD, "'casustypen'", "'ruzie' is onbekend", "data/case_types.yml"],
    ),
    "unknown_key": (
        lambda p: _edit(p, METHOD, lambda t: _replace(t, "stappen:", "stapen:")),
        [METHOD, "'stapen'", "bestaat niet"],
    ),
    "duplicate_title": (
        lambda p: (p / "data/methods/aaa-kopie.yml").write_text((p / METHOD).read_text(encoding="utf-8"), encoding="utf-8"),
        ["data/methods/vijfstappenmethode.yml", "'titel'", "staat ook in data/methods/aaa-kopie.yml"],
    ),
    "no_steps": (
        lambda p: _edit(p, METHOD, lambda t: t.split("stappen:")[0] + "stappen: []\nrollen:" + t.split("\nrollen:")[1]),
        [METHOD, "'stappen'", "mag niet leeg zijn"],
    ),
    "bad_slug": (
        lambda p: (p / METHOD).rename(p / "data/methods/Vijf Stappen.yml"),
        ["data/methods/Vijf Stappen.yml", "geen geldige slug"],
    ),
    "not_utf8": (
        lambda p: (p / METHOD).write_bytes((p / METHOD).read_text(encoding="utf-8").encode("cp1252")),
        [METHOD, "geen UTF-8"],
    ),
    "empty_file": (
        lambda p: (p / METHOD).write_text("", encoding="utf-8"),
        [METHOD, "leeg"],
    ),
    "duplicate_key": (
        lambda p: _edit(p, METHOD, lambda t: _replace(t, "advies: true\n", "advies: true\nadvies: false\n")),
        [METHOD, "'advies'", "twee keer"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_method_file_stops_build_with_plain_message(case: str, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    breaker, expected = CASES[case]
    breaker(project)
    load_fails_plainly(project, *expected)


def test_a_bad_method_file_stops_the_whole_build_with_that_message_and_publishes_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    breaker, expected = CASES["wrong_type"]
    breaker(project)
    message = build_fails_plainly(project, tmp_path / "site", *expected)
    # The README's example, word for word: what the editor reads is the loader's sentence, nothing else.
    assert (f"Fout in {METHOD}, veld 'stappen[1].minuten': moet een heel getal zijn, maar is 'tien'.") in message
