"""Own words: no built page copies the source documents.

Every page's main text (the article, so also the generated method pages) is compared with the seeds in
../shared/seeds/*.txt. A run of RUN or more consecutive words that also occurs in a seed fails the test,
after lower-casing, dropping accents, punctuation and the odd hyphens and bullets of the PDF extraction.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

RUN = 10
SEEDS = ROOT.parent / "shared" / "seeds"


def words(text: str) -> list[str]:
    """Lower-case words without accents; everything else (punctuation, '‐', '’', '•', 'Ø') separates words."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    return re.findall(r"[a-z0-9]+", plain)


def seed_runs(texts: dict[str, str], run: int = RUN) -> dict[tuple[str, ...], str]:
    """Every run of `run` consecutive words in the seeds, with the file it comes from."""
    runs: dict[tuple[str, ...], str] = {}
    for name, text in texts.items():
        w = words(text)
        for i in range(len(w) - run + 1):
            runs.setdefault(tuple(w[i : i + run]), name)
    return runs


def copied(text: str, runs: dict[tuple[str, ...], str], run: int = RUN) -> list[str]:
    """The copied passages in `text`, each merged into one readable string with its seed file."""
    w = words(text)
    hits = [i for i in range(len(w) - run + 1) if tuple(w[i : i + run]) in runs]
    passages: list[str] = []
    start = end = None
    for i in hits + [None]:
        if i is not None and end is not None and i == end + 1:
            end = i
            continue
        if start is not None:
            passages.append(f"{' '.join(w[start : end + run])!r} ({runs[tuple(w[start : start + run])]})")
        start = end = i
    return passages


@pytest.fixture(scope="module")
def runs() -> dict[tuple[str, ...], str]:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        pytest.fail(f"De brondocumenten ontbreken: verwacht in {SEEDS} (naast de map van het project).")
    return seed_runs({f.name: f.read_text(encoding="utf-8") for f in files})


def test_detects_a_copied_sentence_whatever_its_case_and_punctuation(runs: dict) -> None:
    # A sentence of the handbook seed, with other case, punctuation and hyphens, inside our own words.
    copied_text = (
        "Wij schrijven zelf. DEELNEMERS moeten bereid én in staat zijn om te reflecteren op hun eigen "
        "handelen — en open te staan voor feed-back van anderen! Dat was gekopieerd."
    )
    assert copied(copied_text, runs)
    assert not copied("Je wilt en kunt kritisch naar je eigen handelen kijken, en je staat open voor feedback.", runs)


def test_normalises_the_odd_characters_of_the_seeds() -> None:
    assert words("persoon-‐  en  functiegebonden collega’s Ø Die § ● ideeën") == [
        "persoon", "en", "functiegebonden", "collega", "s", "die", "ideeen",
    ]


def test_no_built_page_copies_a_run_of_words_from_the_sources(site_dir: Path, runs: dict) -> None:
    found: list[str] = []
    pages = sorted(site_dir.rglob("*.html"))
    for path in pages:
        main = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
        if main is None:
            continue
        for passage in copied(main.get_text(" "), runs):
            found.append(f"{path.relative_to(site_dir).as_posix()}: {passage}")
    assert len(pages) > 30
    assert not found, f"{len(found)} passage(s) of {RUN}+ words copied from the sources:\n" + "\n".join(found)
