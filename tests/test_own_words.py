"""Own words: no built page and no card copies the source documents.

The sources may not be in the repository, so the tests compare with fingerprints of them
(tests/fixtures/seed_fingerprints.json.gz, written by tools/seed_fingerprints.py): a hash per run of
RUN consecutive words, after lower-casing and dropping accents, punctuation and the odd hyphens and
bullets of the PDF extraction. Every page's main text (the article, so also the generated method
pages) and every card line fails on any run of RUN words that also occurs in a source.

A few fixed phrases are names, not sentences (the tip form of the Zevenstappenmethode, the name of a
phase): ALLOWED lists them, each with why. An allowed phrase splits the text where it stands, so a run
is never built across it, but the words around it are checked as before. Where the sources lie beside
the project (../shared/seeds), a test also checks that the fingerprints are those of the sources as
they are now.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import ROOT
from tools.seed_fingerprints import RUN_LENGTHS, SEEDS, dump, fingerprint, fingerprints, load, read_seeds, words

RUN = 8
CARD_RUN = RUN

# Fixed phrases the site may share with a source, because they are names a reader must recognise.
# Keep this list short: a sentence never belongs here.
ALLOWED: dict[str, str] = {
    # 002's form of the tips at the end of its method; the site names the form, it does not retell it.
    "gaan doen, niet meer doen of blijven doen": "the name of the tip form (002)",
    # The name of phase 5 of 000 ch. 4, which the site keeps so a reader finds the phase in the source.
    "reactie van de casusinbrenger": "the name of a phase (000 ch. 4)",
}


def _allowed_words() -> list[list[str]]:
    return [words(phrase) for phrase in ALLOWED]


def pieces(text: str) -> list[list[str]]:
    """The words of `text`, cut into pieces wherever an allowed phrase stands (the phrase itself left out)."""
    w = words(text)
    cut: list[list[str]] = [[]]
    i = 0
    while i < len(w):
        match = next((a for a in _allowed_words() if w[i : i + len(a)] == a), None)
        if match:
            cut.append([])
            i += len(match)
            continue
        cut[-1].append(w[i])
        i += 1
    return cut


@pytest.fixture(scope="module")
def prints() -> dict:
    return load()


def copied(text: str, prints: dict, run: int = RUN) -> list[str]:
    """The copied passages in `text`, each merged into one readable string with its source file."""
    passages: list[str] = []
    for w in pieces(text):
        passages += _copied_words(w, prints, run)
    return passages


def _copied_words(w: list[str], prints: dict, run: int) -> list[str]:
    known = prints["runs"][str(run)]
    hits = [i for i in range(len(w) - run + 1) if fingerprint(w[i : i + run]) in known]
    passages: list[str] = []
    start = end = None
    for i in hits + [None]:
        if i is not None and end is not None and i == end + 1:
            end = i
            continue
        if start is not None:
            source = prints["bronnen"][known[fingerprint(w[start : start + run])]]
            passages.append(f"{' '.join(w[start : end + run])!r} ({source})")
        start = end = i
    return passages


def test_detects_a_copied_sentence_whatever_its_case_and_punctuation(prints: dict) -> None:
    # A sentence of the handbook seed, with other case, punctuation and hyphens, inside our own words.
    copied_text = (
        "Wij schrijven zelf. DEELNEMERS moeten bereid én in staat zijn om te reflecteren op hun eigen "
        "handelen — en open te staan voor feed-back van anderen! Dat was gekopieerd."
    )
    assert copied(copied_text, prints)
    assert not copied("Je wilt en kunt kritisch naar je eigen handelen kijken, en je staat open voor feedback.", prints)


def test_eight_words_in_a_row_are_copied_seven_are_not(prints: dict) -> None:
    # Eight and seven words of the same sentence of the handbook seed, inside our own words.
    assert copied("Zo is het: mensen moeten bereid en in staat zijn om te leren.", prints)
    assert not copied("Zo is het: mensen moeten bereid en in staat zijn om iets te leren.", prints)


def test_an_allowed_phrase_is_no_copy_but_does_not_hide_its_neighbours(prints: dict) -> None:
    assert not copied("De tips hebben de vorm gaan doen, niet meer doen of blijven doen, en dat is alles.", prints)
    # The allowed phrase splits the text; a copied run beside it is still found.
    assert copied("Gaan doen, niet meer doen of blijven doen. Mensen moeten bereid en in staat zijn om te "
                  "leren.", prints)


def test_allowed_phrases_are_short_names() -> None:
    assert all(len(words(phrase)) <= RUN for phrase in ALLOWED), "an allowed phrase is a name, not a sentence"


def test_normalises_the_odd_characters_of_the_seeds() -> None:
    assert words("persoon-‐  en  functiegebonden collega’s Ø Die § ● ideeën") == [
        "persoon", "en", "functiegebonden", "collega", "s", "die", "ideeen",
    ]


def test_fingerprints_hold_no_text_of_the_sources() -> None:
    raw = (ROOT / "tests/fixtures/seed_fingerprints.json.gz").read_bytes()
    data = load()
    assert set(data["runs"]) == {str(n) for n in RUN_LENGTHS}
    assert str(RUN) in data["runs"], f"the fingerprints have no runs of {RUN} words"
    assert all(len(h) == 12 and int(h, 16) >= 0 for h in list(data["runs"][str(RUN)])[:1000])
    assert len(data["runs"][str(RUN)]) > 10_000
    assert b"intervisie" not in raw


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the sources are not beside the project; fingerprints are used as they are")
def test_fingerprints_are_those_of_the_sources_as_they_are_now() -> None:
    texts = read_seeds()
    assert texts, f"no sources in {SEEDS}"
    assert dump(fingerprints(texts)) == (ROOT / "tests/fixtures/seed_fingerprints.json.gz").read_bytes(), (
        "The sources changed: run '.venv/bin/python tools/seed_fingerprints.py' and commit the result."
    )


def test_no_built_page_copies_a_run_of_words_from_the_sources(site_dir: Path, prints: dict) -> None:
    found: list[str] = []
    pages = sorted(site_dir.rglob("*.html"))
    for path in pages:
        main = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one("article")
        if main is None:
            continue
        for passage in copied(main.get_text(" "), prints):
            found.append(f"{path.relative_to(site_dir).as_posix()}: {passage}")
    assert len(pages) > 30
    assert not found, f"{len(found)} passage(s) of {RUN}+ words copied from the sources:\n" + "\n".join(found)


def test_card_questions_are_written_in_own_words(prints: dict) -> None:
    found: list[str] = []
    for name in ("cards.yml", "questions.yml"):
        for entry in yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8")).values():
            for line in [entry["naam"], entry.get("uitleg") or entry.get("doel"), *entry["vragen"]]:
                found += [f"data/{name}: {passage}" for passage in copied(line, prints, CARD_RUN)]
    assert not found, f"{len(found)} card line(s) copy {CARD_RUN}+ words from the sources:\n" + "\n".join(found)
