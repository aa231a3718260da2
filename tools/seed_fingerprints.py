"""Fingerprints of the source documents, so the own-words tests run where the sources are not.

The sources (../shared/seeds/*.txt beside the project) may not be copied into the repository. This
script reads them and writes only hashes of their normalised word runs to FINGERPRINTS; the tests
compare the site's text with those hashes. A hash cannot be turned back into the sentence.

Run it again after the sources change:  .venv/bin/python tools/seed_fingerprints.py
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
FINGERPRINTS = ROOT / "tests" / "fixtures" / "seed_fingerprints.json.gz"
RUN_LENGTHS = (8,)  # the guard fails on eight words in a row, on pages and on cards alike
DIGEST_BYTES = 6  # 48 bits: a chance match among some 17,000 runs is negligible


def words(text: str) -> list[str]:
    """Lower-case words without accents; everything else (punctuation, '‐', '’', '•', 'Ø') separates words."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    return re.findall(r"[a-z0-9]+", plain)


def fingerprint(run: list[str] | tuple[str, ...]) -> str:
    return hashlib.blake2b(" ".join(run).encode("utf-8"), digest_size=DIGEST_BYTES).hexdigest()


def fingerprints(texts: dict[str, str]) -> dict:
    """Per run length, every run's fingerprint with the index of the first source it occurs in."""
    names = sorted(texts)
    runs: dict[str, dict[str, int]] = {}
    for length in RUN_LENGTHS:
        found: dict[str, int] = {}
        for index, name in enumerate(names):
            w = words(texts[name])
            for i in range(len(w) - length + 1):
                found.setdefault(fingerprint(w[i : i + length]), index)
        runs[str(length)] = dict(sorted(found.items()))
    return {"bronnen": names, "runs": runs}


def read_seeds(folder: Path = SEEDS) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}


def dump(data: dict) -> bytes:
    # mtime=0: the same sources give the same bytes, so git sees no change when nothing changed.
    return gzip.compress(json.dumps(data, separators=(",", ":")).encode("utf-8"), mtime=0)


def load(path: Path = FINGERPRINTS) -> dict:
    return json.loads(gzip.decompress(path.read_bytes()))


def main() -> int:
    texts = read_seeds()
    if not texts:
        print(f"Geen bronnen gevonden in {SEEDS}; er is niets bijgewerkt.", file=sys.stderr)
        return 1
    FINGERPRINTS.parent.mkdir(parents=True, exist_ok=True)
    FINGERPRINTS.write_bytes(dump(fingerprints(texts)))
    print(f"{FINGERPRINTS.relative_to(ROOT)}: {len(texts)} bronnen, runs van {RUN_LENGTHS} woorden.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
