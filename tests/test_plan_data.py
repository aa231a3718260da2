"""What the session planner reads from data/: limits per step and the frame rules of the agenda.

Checked through the loader itself (no site build), so each case costs milliseconds."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from sitebuild.load import DataError, load_site

ROOT = Path(__file__).resolve().parent.parent


def data_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "docs").symlink_to(ROOT / "docs")  # the loader checks that each chapter has its page
    return tmp_path


def edit_step(root: Path, slug: str, index: int, **fields) -> None:
    path = root / "data" / "methods" / f"{slug}.yml"
    text = path.read_text(encoding="utf-8")
    method = yaml.safe_load(text)
    method["stappen"][index].update(fields)
    path.write_text(yaml.safe_dump(method, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_floor_above_the_steps_minutes_is_refused_naming_file_and_field(tmp_path: Path) -> None:
    root = data_copy(tmp_path)
    edit_step(root, "roddelmethode", 1, minuten=10, min_minuten=12)
    with pytest.raises(DataError) as caught:
        load_site(root)
    message = str(caught.value)
    assert "data/methods/roddelmethode.yml" in message
    assert "stappen[2].min_minuten" in message
    assert "12 is meer dan de 10 minuten" in message


def test_a_ceiling_below_the_steps_minutes_is_refused(tmp_path: Path) -> None:
    root = data_copy(tmp_path)
    edit_step(root, "roddelmethode", 0, minuten=10, max_minuten=8)
    with pytest.raises(DataError, match=r"stappen\[1\]\.max_minuten.*8 is minder dan de 10 minuten"):
        load_site(root)


def test_a_floor_or_fixed_step_that_fits_is_accepted(tmp_path: Path) -> None:
    root = data_copy(tmp_path)
    edit_step(root, "roddelmethode", 1, minuten=10, min_minuten=10, max_minuten=10, vast=True)
    step = load_site(root).methods["roddelmethode"].stappen[1]
    assert (step.min_minuten, step.max_minuten, step.vast) == (10, 10, True)


def test_the_agenda_says_which_parts_a_method_covers_and_which_is_the_pause() -> None:
    agenda = load_site(ROOT).agenda
    items = {item.sleutel: item for item in [*agenda.onderdelen, *agenda.bouwstenen]}
    # The example agenda's slot for the method is itself covered by the method.
    assert items[next(i.sleutel for i in agenda.onderdelen if i.methode)].binnen_methode
    assert [k for k, i in items.items() if i.advies] == ["adviezen"]
    assert items["adviezen"].binnen_methode
    assert [k for k, i in items.items() if i.pauze] == ["pauze"]
    # Opening, closing and evaluation frame every method; the planner must never drop them.
    for key in ("opening", "afronding", "evaluatie", "afsluiting", "terugblik"):
        assert not items[key].binnen_methode, key


@pytest.mark.parametrize("flag", ["binnen_methode", "advies", "pauze"])
def test_a_frame_rule_must_be_true_or_false(tmp_path: Path, flag: str) -> None:
    root = data_copy(tmp_path)
    path = root / "data" / "agenda.yml"
    agenda = yaml.safe_load(path.read_text(encoding="utf-8"))
    agenda["bouwstenen"][0][flag] = "soms"
    path.write_text(yaml.safe_dump(agenda, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(f"bouwstenen[1].{flag}") + ".*true of false"):
        load_site(root)


@pytest.mark.parametrize("field", ["max_minuten", "min_minuten"])
def test_a_step_limit_beyond_what_a_step_may_last_is_refused_not_replaced(tmp_path: Path, field: str) -> None:
    """`max_minuten: 100000` built before and the planner then used another ceiling without a word."""
    root = data_copy(tmp_path)
    edit_step(root, "roddelmethode", 0, **{field: 100000})
    with pytest.raises(DataError, match=re.escape(f"stappen[1].{field}'") + ": mag hoogstens 120 zijn, maar is 100000"):
        load_site(root)


def test_an_agenda_ceiling_beyond_what_a_part_may_last_is_refused(tmp_path: Path) -> None:
    root = data_copy(tmp_path)
    path = root / "data" / "agenda.yml"
    agenda = yaml.safe_load(path.read_text(encoding="utf-8"))
    agenda["onderdelen"][0]["tot"] = 5000
    path.write_text(yaml.safe_dump(agenda, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError, match=r"data/agenda\.yml.*onderdelen\[1\]\.tot'.*hoogstens 120.*5000"):
        load_site(root)


def test_steps_repeated_per_topic_must_stand_together(tmp_path: Path) -> None:
    """The timer repeats the per_ronde steps as one block; a step between them was repeated too, although
    the method page counts it once."""
    root = data_copy(tmp_path)
    edit_step(root, "snelle-adviesronde", 2, per_ronde=False)
    with pytest.raises(DataError, match=r"snelle-adviesronde\.yml.*'tijd'.*niet aaneen \(stap 3 zit ertussen"):
        load_site(root)


def test_the_zevenstappenmethode_chooses_its_case_in_its_first_step_only() -> None:
    steps = load_site(ROOT).methods["zevenstappenmethode"].stappen
    assert [step.kiest_casus for step in steps] == [True] + [False] * (len(steps) - 1)


def test_two_steps_that_choose_the_case_are_refused(tmp_path: Path) -> None:
    root = data_copy(tmp_path)
    edit_step(root, "vijfstappenmethode", 0, kiest_casus=True)
    edit_step(root, "vijfstappenmethode", 2, kiest_casus=True)
    with pytest.raises(DataError, match=r"vijfstappenmethode\.yml.*stappen.*stap 1 en stap 3.*kiest_casus"):
        load_site(root)


def test_a_case_choice_that_repeats_per_round_is_refused(tmp_path: Path) -> None:
    root = data_copy(tmp_path)
    edit_step(root, "snelle-adviesronde", 1, per_ronde=True, kiest_casus=True)
    with pytest.raises(DataError, match=r"stappen\[2\].*kiest_casus en per_ronde gaan niet samen"):
        load_site(root)
