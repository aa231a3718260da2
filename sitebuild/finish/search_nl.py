"""Finish: let the search find Dutch words in their other forms (*vragen* finds *vraag*).

Material's search matches the start of words: it turns the query `vragen` into `vragen*`, and lunr
skips its stemmer for such a term (the index config keeps only the stop word filter, so the index
holds whole words). A page that only says *vraag*, or only *Spiegelmethode* for `spiegelen`, is
then found late or not at all. This step runs after Material's search plugin has written
search/search_index.json and groups the words that occur on the site by their Snowball Dutch stem
(the `snowballstemmer` package), so only forms that really occur on the site are linked. Every
section then gets two invisible fields:

- `vormen`: the other forms of the words in its text, boosted below the text itself, so a page
  that uses the typed form ranks above one that uses another form;
- `titelvormen`: the other forms of the words in its title and of the parts of compound title
  words (*Spiegelmethode*: spiegel + methode), boosted far above the text, so the page that is
  *about* a word comes near the top, just below a title with the typed form itself.

It runs before the service worker is written (sitebuild/finish/__init__.py), so the offline copy
caches the final index.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import snowballstemmer

TEXT_FIELD, TEXT_BOOST = "vormen", 0.5  # below the page's own text (1.0)
TITLE_FIELD, TITLE_BOOST = "titelvormen", 100.0  # below Material's title (1000), far above the text
MIN_PART = 4  # shortest part of a compound word that counts (spiegel|methode, advies|ronde)
LINKING = ("", "s", "e", "en")  # what may join the parts of a Dutch compound (groep-s-grootte)
_STEMMERS = (snowballstemmer.stemmer("dutch"), snowballstemmer.stemmer("dutch_porter"))
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


def stems(word: str) -> tuple[str, ...]:
    """The word's stems by both Snowball Dutch stemmers: the current one and the original (Porter)
    one that lunr's Dutch support runs. Each misses forms the other gets ('methoden' -> 'methood'
    but 'method'; 'adviezen' -> 'advies' but 'adviez')."""
    return tuple(stemmer.stemWord(word) for stemmer in _STEMMERS)


def families(vocabulary: Iterable[str]) -> dict[str, set[str]]:
    """Each word (plain spelling) with all forms of it in the vocabulary, itself included.
    Words that share a stem belong together, and so does a word whose stem is itself a word of the
    site ('adviezen' -> 'advies'). Words without other forms are left out."""
    vocab = {w for w in vocabulary if w not in STOP_WORDS}
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for word in vocab:
        for n, key in enumerate(stems(word)):
            parent[root(word)] = root(f"{n}:{key}")
            if key in vocab:
                parent[root(key)] = root(word)
    groups: dict[str, set[str]] = {}
    for word in vocab:
        groups.setdefault(root(word), set()).add(word)
    return {w: group for group in groups.values() if len(group) > 1 for w in group}


def compound_parts(word: str, vocabulary: set[str]) -> set[str]:
    """The words of the site a compound is made of: 'spiegelmethode' -> {'spiegel', 'methode'},
    'groepsgrootte' -> {'groep', 'grootte'}. Only splits where both parts are words of the site."""
    parts: set[str] = set()
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:i], word[i:]
        if tail not in vocabulary:
            continue
        for joint in LINKING:
            if head.endswith(joint) and len(head) - len(joint) >= MIN_PART and head[: len(head) - len(joint)] in vocabulary:
                parts |= {head[: len(head) - len(joint)], tail}
    return parts


def add_word_forms(index: dict) -> dict:
    """Give each entry of Material's search index the forms of its words that it lacks itself,
    as they are written on the site (and without diacritics, as people often type them)."""
    docs = index["docs"]
    titles = [words(d.get("title", "")) for d in docs]
    own = [title | words(d.get("text", "")) for title, d in zip(titles, docs)]
    spellings: dict[str, set[str]] = {}  # plain -> the ways the site writes it
    for mine in own:
        for word in mine:
            spellings.setdefault(plain(word), set()).add(word)
    related = families(spellings)
    vocabulary = set(spellings) - STOP_WORDS

    def forms_of(plain_words: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for form in plain_words:
            for other in related.get(form, {form}):
                found |= spellings.get(other, set()) | {other}
        return found

    for doc, title, mine in zip(docs, titles, own):
        title_plain = {plain(w) for w in title}
        pieces = set().union(*(compound_parts(w, vocabulary) for w in title_plain))
        _set_field(doc, TITLE_FIELD, forms_of(title_plain | pieces) - title)
        _set_field(doc, TEXT_FIELD, forms_of(plain(w) for w in mine) - mine)
    fields = index["config"].setdefault("fields", {})
    fields[TEXT_FIELD] = {"boost": TEXT_BOOST}
    fields[TITLE_FIELD] = {"boost": TITLE_BOOST}
    return index


def _set_field(doc: dict, name: str, values: set[str]) -> None:
    if values:
        doc[name] = " ".join(sorted(values))
    else:
        doc.pop(name, None)


def add_forms_to_search_index(site_dir: Path) -> None:
    """Rewrite the search index of a built site with the word forms added."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():  # search switched off
        return
    index = add_word_forms(json.loads(path.read_text(encoding="utf-8")))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
