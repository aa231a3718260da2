"""Reading one YAML file of data/ the way a content editor can trust: what it says is what the build uses.

YAML can say more than this project's data needs, and some of it surprises an editor: a reference (`&a` and
`*a`) copies a value, so a small file can grow into gigabytes; a merge key (`<<:`) fills in fields from
elsewhere; `1:30` is the number 90; a key can be a list; a tag can ask for another kind of value. None of
that is content, so it is refused before anything is built, with one Dutch message naming the file, the
line and the field. The parser's own English messages are translated; the reader never meets them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError

MAX_FILE_BYTES = 1_000_000  # far above any real data file; a larger one would take minutes to build
MAX_DEPTH = 50  # nesting of lists and fields; real data goes 5 deep

# libyaml's parser (CSafeLoader) is ten times faster than PyYAML's own; the constructor stays PyYAML's.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# YAML 1.1 (PyYAML) reads a plain 1:30 as 90 and 1:30.5 as 90.5: numbers in base 60.
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
# A plain number this long is no minute count; PyYAML would even fail to convert one of 4,300 digits or more.
_LONG_NUMBER = re.compile(r"[-+]?[0-9_.,:eE+-]{30,}")
# The kinds of value the data uses; an explicit tag may only name one of them (`!!str 12`).
_PLAIN_TAGS = {f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "float", "bool", "null", "seq", "map")}


class _UniqueKeyLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that refuses a key written twice (PyYAML silently keeps the last)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"het veld '{key}' staat er twee keer in", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def dutch_number(n: int) -> str:
    return f"{n:_}".replace("_", ".")


def clip(text: str, limit: int = 60) -> str:
    """A value quoted in a message, cut short: a message names the problem, it does not repeat the file."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_yaml(path: Path, root: Path) -> Any:
    """Parse one YAML file; refuse missing, oversized, non-UTF-8, empty, broken, absurdly nested files and
    the parts of YAML that are not content (see the module's docstring)."""
    name = rel(path, root)
    _check_path(path, name)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"Fout in {name}: het bestand is geen UTF-8-tekst (onleesbare byte op positie {exc.start}). "
            "Sla het bestand op met de codering UTF-8."
        ) from None
    try:
        # The event stream first (flat, no recursion, no values built): nesting, references, odd keys
        # and numbers are refused there, before anything could grow or recurse.
        _Scan(name).run(yaml.parse(text, Loader=_BaseLoader))
        content = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - SafeLoader subclass
    except RecursionError:
        raise _too_deep(name) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise DataError(
            f"Fout in {name}, regel {line}: hier staat een onzichtbaar stuurteken (#x{exc.character:02X}) dat in "
            "tekst niet thuishoort. Haal het weg."
        ) from None
    except yaml.YAMLError as exc:
        raise DataError(_parser_message(exc, name)) from None
    except ValueError:  # a value PyYAML cannot convert; the scan above should have named it already
        raise DataError(f"Fout in {name}: dit is geen geldige YAML: {_GENERAL}.") from None
    if content is None:
        raise DataError(f"Fout in {name}: het bestand is leeg.")
    return content


def _check_path(path: Path, name: str) -> None:
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except RuntimeError:  # Python 3.11 says "Symlink loop"; 3.13 raises OSError(ELOOP)
            raise DataError(_loop(name)) from None
        except OSError as exc:
            if exc.errno == 40:  # ELOOP
                raise DataError(_loop(name)) from None
    if path.is_dir():
        raise DataError(f"Fout in {name}: dit is een map, maar hier hoort een YAML-bestand te staan.")
    if not path.is_file():
        raise DataError(f"Fout in {name}: het bestand ontbreekt. Zet het terug (zie de geschiedenis in git).")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DataError(
            f"Fout in {name}: het bestand is {dutch_number(size)} bytes groot; meer dan "
            f"{dutch_number(MAX_FILE_BYTES)} bytes is voor een gegevensbestand niet aannemelijk. "
            "Splits het of haal overbodige tekst weg."
        )


def _loop(name: str) -> str:
    return (f"Fout in {name}: dit is een snelkoppeling (symlink) die via andere snelkoppelingen naar zichzelf "
            "verwijst, dus er is geen bestand te lezen. Vervang hem door het bestand zelf.")


def _too_deep(name: str) -> DataError:
    return DataError(
        f"Fout in {name}: de gegevens zijn dieper dan {MAX_DEPTH} niveaus genest; dat is geen bruikbare inhoud."
    )


@dataclass
class _Frame:
    """One open list or group of fields while scanning: where in it the next value goes."""

    mapping: bool
    index: int = 0
    key: str | None = None
    expecting_key: bool = True


@dataclass
class _Scan:
    """Walk a YAML event stream once, keeping the field path, and refuse what is not content."""

    name: str
    stack: list[_Frame] = field(default_factory=list)

    def path(self) -> str:
        parts: list[str] = []
        for frame in self.stack:
            if frame.mapping and frame.key is not None and not frame.expecting_key:
                parts.append(("." if parts else "") + frame.key)
            elif not frame.mapping:
                parts.append(f"[{frame.index + 1}]")
        return "".join(parts)

    def refuse(self, event: yaml.Event, problem: str) -> DataError:
        where = self.path()
        field_part = f", veld '{where}'" if where else ""
        return DataError(f"Fout in {self.name}, regel {event.start_mark.line + 1}{field_part}: {problem}")

    def run(self, events: Iterable[yaml.Event]) -> None:
        for event in events:
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                self.stack.pop()
                self._done()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            top = self.stack[-1] if self.stack else None
            is_key = top is not None and top.mapping and top.expecting_key
            self._check_node(event, is_key)
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self.stack.append(_Frame(mapping=isinstance(event, yaml.MappingStartEvent)))
                if len(self.stack) > MAX_DEPTH:
                    raise _too_deep(self.name)
            elif is_key:
                top.key = event.value
                top.expecting_key = False
            else:
                self._done()

    def _done(self) -> None:
        """A value ended: the list moves on to its next item, the group of fields to its next key."""
        if not self.stack:
            return
        top = self.stack[-1]
        if top.mapping:
            top.expecting_key = True
        else:
            top.index += 1

    def _check_node(self, event: yaml.NodeEvent, is_key: bool) -> None:
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            mark = "*" if isinstance(event, yaml.AliasEvent) else "&"
            raise self.refuse(event, (
                f"een verwijzing ({mark}{clip(event.anchor, 30)}) hergebruikt een waarde van elders in het bestand. "
                "Dat gebruikt dit project niet: een verwijzing kan een klein bestand onzichtbaar enorm maken. "
                "Schrijf de waarde hier voluit."))
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _PLAIN_TAGS and tag != "!":
            written = tag.replace("tag:yaml.org,2002:", "!!", 1)
            raise self.refuse(event, (
                f"het label '{clip(written, 40)}' (een woord met ! ervoor) kent dit project niet. "
                "Laat het weg; de gegevens zijn gewone tekst, getallen, lijsten en velden."))
        if is_key and not isinstance(event, yaml.ScalarEvent):
            raise self.refuse(event, (
                "een veldnaam moet een gewoon woord zijn, maar hier is het een lijst of een groep velden "
                "(tussen [ ] of { }, of na '? '). Schrijf 'veld: waarde'."))
        if not isinstance(event, yaml.ScalarEvent) or not event.implicit[0]:
            return
        if is_key and event.value == "<<":
            raise self.refuse(event, (
                "'<<:' voegt velden van elders in het bestand samen. Dat gebruikt dit project niet; "
                "schrijf elk veld hier voluit."))
        if _LONG_NUMBER.fullmatch(event.value):
            raise self.refuse(event, (
                f"een getal van {dutch_number(len(event.value))} tekens ('{clip(event.value, 20)}') is geen bruikbare "
                "waarde. Schrijf een gewoon getal, of zet tekst tussen aanhalingstekens."))
        if not is_key and _SEXAGESIMAL.fullmatch(event.value):
            value = yaml.load(event.value, Loader=_BaseLoader)
            raise self.refuse(event, (
                f"'{clip(event.value, 20)}' leest YAML als een getal in zestigtallen ({value}), niet als een tijd. "
                "Schrijf minuten als één heel getal, bijvoorbeeld 90; bedoel je tekst, zet die dan tussen "
                "aanhalingstekens."))


# The parser's problems, in the words an editor can act on. Matched on the start of PyYAML's (and libyaml's)
# English text; anything not listed gets the general sentence, never the English.
_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("found character '\\t' that cannot start any token",
     "hier staat een tab; YAML springt alleen in met spaties. Vervang de tab door spaties"),
    ("found a tab character", "hier staat een tab; YAML springt alleen in met spaties. Vervang de tab door spaties"),
    ("found character that cannot start any token",
     "met dit teken (zoals @, ` of %) mag in YAML geen waarde beginnen. Zet de tekst tussen aanhalingstekens"),
    ("found unacceptable character",
     "hier staat een onzichtbaar stuurteken dat in tekst niet thuishoort. Haal het weg"),
    ("control characters are not allowed",
     "hier staat een onzichtbaar stuurteken dat in tekst niet thuishoort. Haal het weg"),
    ("mapping values are not allowed", (
        "hier staat een dubbele punt met een spatie erachter, die YAML leest als het begin van een nieuw veld. "
        "Zet tekst met ': ' erin tussen aanhalingstekens, of laat de regel niet verder inspringen dan de regel "
        "erboven")),
    ("could not find expected ':'", (
        "een regel mist de dubbele punt van 'veld: waarde', of een tekst over meer regels springt niet ver "
        "genoeg in")),
    ("found unknown escape character", (
        "tussen dubbele aanhalingstekens staat een backslash (\\) die YAML niet kent. Gebruik enkele "
        "aanhalingstekens, of schrijf twee backslashes")),
    ("found unexpected end of stream", "een aanhalingsteken wordt niet afgesloten"),
    ("expected ',' or ']'", "een lijst tussen [ en ] is niet goed afgesloten (een ] of een komma ontbreekt)"),
    ("expected ',' or '}'", "een groep tussen { en } is niet goed afgesloten (een } of een komma ontbreekt)"),
    ("did not find expected ',' or ']'", "een lijst tussen [ en ] is niet goed afgesloten (een ] of een komma ontbreekt)"),
    ("did not find expected ',' or '}'", "een groep tussen { en } is niet goed afgesloten (een } of een komma ontbreekt)"),
    ("expected <block end>",
     "de inspringing klopt niet: velden en lijstregels op hetzelfde niveau beginnen even ver naar rechts"),
    ("did not find expected key",
     "de inspringing klopt niet: velden en lijstregels op hetzelfde niveau beginnen even ver naar rechts"),
    ("did not find expected '-' indicator",
     "de inspringing klopt niet: de regels van een lijst beginnen allemaal even ver naar rechts met '- '"),
    ("block sequence entries are not allowed", (
        "hier begint een lijstregel ('- ') op een plek waar een waarde hoort; zet de lijst op de regels "
        "eronder, ingesprongen")),
    ("did not find expected node content", "hier ontbreekt een waarde (alleen een leesteken staat er)"),
    ("expected the node content", "hier ontbreekt een waarde (alleen een leesteken staat er)"),
    ("expected a single document", (
        "het bestand bevat meer dan één document (een regel '---' of '...' halverwege). Haal die regel weg")),
    ("found undefined alias", (
        "een verwijzing (*) hergebruikt een waarde van elders in het bestand. Dat gebruikt dit project niet; "
        "schrijf de waarde hier voluit")),
    ("found duplicate anchor", (
        "een verwijzing (&) hergebruikt een waarde van elders in het bestand. Dat gebruikt dit project niet; "
        "schrijf de waarde hier voluit")),
    ("could not determine a constructor", (
        "een label (een woord met ! ervoor) kent dit project niet. Laat het weg")),
)
_GENERAL = "de opbouw van het bestand klopt hier niet. Kijk naar inspringing, dubbele punten en aanhalingstekens"


def _parser_message(exc: yaml.YAMLError, name: str) -> str:
    """One Dutch sentence for a YAML error: where (line and column), what is wrong, what would be right."""
    problem = str(getattr(exc, "problem", None) or "")
    context = str(getattr(exc, "context", None) or "")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    # A quote, list or group that is never closed is found at the end of the file; where it opened helps.
    if getattr(exc, "context_mark", None) and ("end of stream" in problem or context.startswith("while parsing a flow")):
        mark = exc.context_mark
    where = f", regel {mark.line + 1}, kolom {mark.column + 1}" if mark else ""
    if problem.startswith("het veld "):  # ours, already in Dutch (a key written twice)
        return f"Fout in {name}{where}: {problem}."
    texts = (problem, context)
    for start, dutch in _PROBLEMS:
        if any(text.startswith(start) or start in text for text in texts if text):
            return f"Fout in {name}{where}: dit is geen geldige YAML: {dutch}."
    return f"Fout in {name}{where}: dit is geen geldige YAML: {_GENERAL}."
