"""MkDocs hook: let the search find Dutch words in their other forms (*vragen* finds *vraag*).

Material's search matches the start of words: it turns the query `vragen` into `vragen*` and
does not stem it, so a page that only says *vraag* (or *casus* for `casussen`) is not found.
This hook runs after Material's search plugin has written search/search_index.json and gives
every section an extra, invisible field `vormen`: the other forms of its words that occur
elsewhere on the site. Word forms are linked by a few regular Dutch spelling rules (plural and
verb endings, vowel and consonant doubling, f/v and s/z), never by guessing: two words are only
linked when both really occur in the site's text.

Listed under `hooks:` in mkdocs.yml before macros/offline.py, so the offline copy caches the
final index.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

FIELD = "vormen"
FIELD_BOOST = 0.5  # below the page's own text (1.0): a page that uses the typed word itself ranks higher
MIN_BASE = 3  # shorter words get no forms
VOWELS = "aeiouy"
# The stop words of the Dutch search (lunr.nl); they are too common to link to anything.
STOP_WORDS = frozenset(
    "aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge "
    "geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen maar "
    "me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch "
    "toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo "
    "zonder zou".split()
)
_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&(?:#\d+|[a-z]+);")
_SEAM = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def plain(word: str) -> str:
    """Lower case without diacritics or apostrophes: 'Ideeën' -> 'ideeen', "foto's" -> 'fotos'."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c != "'")


def words(text: str) -> set[str]:
    """The distinct lower-case words in a piece of the search index (HTML tags and entities removed).
    Material's index glues the text of neighbouring elements ('casusinbrengerDe deelnemer'); a
    capital inside a word marks such a seam and is split, so glued pairs never count as words."""
    text = _SEAM.sub(" ", _ENTITY.sub(" ", _TAG.sub(" ", text)))
    return {w.casefold() for w in _WORD.findall(text)}


def _is_vowel(c: str) -> bool:
    return c in VOWELS


def _stem_variants(base: str) -> set[str]:
    """How the end of `base` may be written before an ending that starts with a vowel:
    'vraag' -> 'vrag' (vragen), 'stap' -> 'stapp' (stappen), 'brief' -> 'briev', 'huis' -> 'huiz'."""
    last, before = base[-1], base[-2]
    if _is_vowel(last):
        return {base}
    if _is_vowel(before) and not _is_vowel(base[-3]):
        # One short vowel: the consonant doubles (stap -> stappen, casus -> casussen, les -> lessen).
        return {base, base + last} if last not in "hjwxy" else {base}
    variants = {base}
    if len(base) >= 4 and before == base[-3] and before in "aeou" and not _is_vowel(base[-4]):
        variants.add(base[:-2] + last)  # a long vowel is written once in an open syllable (vraag -> vragen)
    if last == "f":
        variants |= {v[:-1] + "v" for v in variants}  # brief -> brieven
    if last == "s":
        variants |= {v[:-1] + "z" for v in variants}  # huis -> huizen, kaas -> kazen
    return variants


def inflections(base: str) -> set[str]:
    """Regular Dutch forms built on `base` (plain spelling): plurals, verb and adjective endings."""
    if len(base) < MIN_BASE or base in STOP_WORDS:
        return set()
    forms = {base + "s", base + "t"}
    if base.endswith("e"):
        forms |= {base + "n", base + "r", base + "rs", base + "nd", base + "nde"}
    if base.endswith("heid"):
        forms.add(base[:-4] + "heden")
    for stem in _stem_variants(base):
        for ending in ("en", "e", "er", "ers", "end", "ende", "ing", "ingen", "te", "ten", "de", "den"):
            forms.add(stem + ending)
    forms.discard(base)
    return forms


def families(vocabulary: Iterable[str]) -> dict[str, set[str]]:
    """Each word (plain spelling) with all forms of it in the vocabulary, itself included; links
    are joined transitively (vraag - vragen - vraagt). Words without other forms are left out."""
    vocab = {w for w in vocabulary if w not in STOP_WORDS}
    parent = {w: w for w in vocab}

    def root(w: str) -> str:
        while parent[w] != w:
            parent[w] = parent[parent[w]]
            w = parent[w]
        return w

    for word in vocab:
        for form in inflections(word) & vocab:
            parent[root(form)] = root(word)
    groups: dict[str, set[str]] = {}
    for word in vocab:
        groups.setdefault(root(word), set()).add(word)
    return {w: groups[root(w)] for w in vocab if len(groups[root(w)]) > 1}


def add_word_forms(index: dict) -> dict:
    """Give each entry of Material's search index the forms of its words that it lacks itself,
    as they are written on the site (and without diacritics, as people often type them)."""
    docs = index["docs"]
    own = [words(d.get("title", "")) | words(d.get("text", "")) for d in docs]
    spellings: dict[str, set[str]] = {}  # plain -> the ways the site writes it
    for mine in own:
        for word in mine:
            spellings.setdefault(plain(word), set()).add(word)
    related = families(spellings)
    for doc, mine in zip(docs, own):
        extra: set[str] = set()
        for word in mine:
            for form in related.get(plain(word), ()):
                extra |= spellings[form] | {form}
        extra -= mine
        if extra:
            doc[FIELD] = " ".join(sorted(extra))
        else:
            doc.pop(FIELD, None)
    index["config"].setdefault("fields", {})[FIELD] = {"boost": FIELD_BOOST}
    return index


def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():  # search switched off
        return
    index = add_word_forms(json.loads(path.read_text(encoding="utf-8")))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
