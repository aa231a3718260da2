"""One word per concept: the site's built text keeps to the term list in tests/fixtures/terms.yml.

Checked are the words a reader sees: the text of every built page (not only the article, so also
the widgets' own markup and labels) and the string literals in the built scripts, where the widgets
keep their messages. A word on a term's 'niet' list may not appear, whole-word and in any case.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import ROOT

TERMS = yaml.safe_load((ROOT / "tests/fixtures/terms.yml").read_text(encoding="utf-8"))
AVOIDED = {word: term for term, entry in TERMS.items() for word in entry["niet"]}


def _pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)


def _found(text: str) -> list[str]:
    return [f"{word!r} (gebruik: {term})" for word, term in AVOIDED.items() if _pattern(word).search(text)]


def test_the_term_list_names_each_avoided_word_once_and_never_a_chosen_word() -> None:
    words = [word for entry in TERMS.values() for word in entry["niet"]]
    assert len(words) == len(set(words))
    assert not set(words) & set(TERMS)
    assert all(entry["betekenis"] for entry in TERMS.values())


def test_the_checker_finds_an_avoided_word_in_any_case_but_not_inside_another_word() -> None:
    assert _found("Klik op Kopieer link.") and _found("Elk GROEPSLID telt")
    assert not _found("de groepsleider opent")


def test_every_built_page_keeps_to_the_term_list(site_dir: Path) -> None:
    found = []
    for path in sorted(site_dir.rglob("*.html")):
        body = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").body
        if body is None:
            continue
        found += [f"{path.relative_to(site_dir).as_posix()}: {hit}" for hit in _found(body.get_text(" "))]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("folder", ["assets/javascripts"])
def test_the_widgets_messages_keep_to_the_term_list(site_dir: Path, folder: str) -> None:
    found = []
    for path in sorted((site_dir / folder).rglob("*.js")):
        strings = " ".join(m.group(0) for m in re.finditer(r'"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`', path.read_text(encoding="utf-8")))
        found += [f"{path.relative_to(site_dir).as_posix()}: {hit}" for hit in _found(strings)]
    assert not found, "\n".join(found)
