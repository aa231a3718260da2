"""Stage 1, load: read and validate everything in data/ into one immutable SiteData.

Every problem becomes one `DataError` with a message a content editor understands (file, field, what
is wrong, what would be right). Nothing here imports MkDocs, so the stage runs on its own:
`python -m sitebuild load`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import schema
from .decks import Deck, build_decks
from .errors import DataError
from .yamlfile import clip, read_yaml, rel

__all__ = ["DataError", "SiteData", "load_site"]

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class SiteData:
    """Everything the build knows from data/, validated and cross-checked; read-only once loaded."""

    root: Path
    case_types: Mapping[str, schema.CaseType]
    sources: Mapping[str, schema.Source]
    roles: Mapping[str, schema.Role]
    methods: Mapping[str, schema.Method]
    files: Mapping[str, str]  # slug -> file path for messages
    chooser: schema.Chooser  # scoring of the method chooser (data/chooser.yml)
    agenda: schema.Agenda  # example agenda and timer planner blocks (data/agenda.yml)
    handbook: schema.Handbook  # chapters in reading order (data/handbook.yml)
    rules: schema.Rules  # game rules merged from the sources (data/rules.yml)
    phases: schema.Phases  # the six phases of a session (data/phases.yml)
    practical: Mapping[str, schema.Practical]  # source -> figures (data/practical.yml)
    lists: Mapping[str, schema.TextList]  # lists in chapters (data/handbook_lists.yml)
    card_themes: Mapping[str, schema.CardTheme]  # reflection cards (data/cards.yml)
    question_kinds: Mapping[str, schema.QuestionKind]  # data/questions.yml
    forms: Mapping[str, schema.Form]  # fillable forms of the appendices (data/forms.yml)
    decks: tuple[Deck, ...]  # card decks for /kaarten/ (sitebuild/decks.py)


def _field_path(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item + 1}]")
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts)


def _shown(value: Any) -> str:
    """A value in a message as the editor wrote it in YAML, shortened: 'tien', 90, true, leeg, 2024-01-01."""
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return f"'{clip(value)}'"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return "een groep velden"
    if isinstance(value, list):
        return "een lijst"
    return f"'{clip(value)}'"


def _kind(value: Any) -> str:
    """What a whole file or entry turned out to be, in words."""
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, str):
        return f"alleen de tekst '{clip(value)}'"
    return f"alleen de waarde {_shown(value)}"


def _explain(error: dict[str, Any]) -> str:
    """Turn one pydantic error into plain Dutch."""
    kind = error["type"]
    given = error.get("input")
    ctx = error.get("ctx") or {}
    shown = _shown(given)
    if kind == "missing":
        return "dit verplichte veld ontbreekt"
    if kind == "extra_forbidden":
        return "dit veld bestaat niet (een typefout?)"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"moet een heel getal zijn, maar is {shown}"
    if kind in {"string_type"}:
        return f"moet tekst zijn, maar is {shown}"
    if kind in {"bool_type", "bool_parsing"}:
        return f"moet true of false zijn, maar is {shown}"
    if kind in {"list_type"}:
        return f"moet een lijst zijn (regels die beginnen met '- '), maar is {shown}"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"moet een groep velden zijn (veld: waarde), maar is {shown}"
    if kind == "too_short":
        return "mag niet leeg zijn"
    if kind == "string_too_short":
        return "mag niet leeg zijn"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " of ")
        return f"moet een van deze waarden zijn: {expected}, maar is {shown}"
    if kind == "greater_than_equal":
        return f"moet minstens {ctx.get('ge')} zijn, maar is {shown}"
    if kind == "less_than_equal":
        return f"mag hoogstens {ctx.get('le')} zijn, maar is {shown}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return error["msg"]


def validate(model: type[M], content: Any, name: str) -> M:
    """Validate parsed YAML against a model, or raise one DataError listing every problem."""
    if not isinstance(content, dict):
        raise DataError(f"Fout in {name}: verwacht velden (regels 'veld: waarde'), maar vond {_kind(content)}.")
    try:
        return model.model_validate(content)
    except ValidationError as exc:
        lines = [f"veld '{_field_path(err['loc'])}': {_explain(err)}" for err in exc.errors()]
        if len(lines) == 1:
            raise DataError(f"Fout in {name}, {lines[0]}.") from None
        raise DataError(f"Fouten in {name}:\n" + "\n".join(f"  - {line}" for line in lines)) from None


def load_keyed(path: Path, root: Path, model: type[M]) -> dict[str, M]:
    """Load a file that maps keys (slugs) to entries of one model."""
    name = rel(path, root)
    content = read_yaml(path, root)
    if not isinstance(content, dict):
        raise DataError(f"Fout in {name}: verwacht per sleutel een groep velden.")
    entries: dict[str, M] = {}
    for key, value in content.items():
        if not isinstance(key, str) or not schema.SLUG_RE.match(key):
            raise DataError(
                f"Fout in {name}: de sleutel {_shown(key)} is geen geldige sleutel; "
                "gebruik kleine letters, cijfers en streepjes, zoals 'snel-advies'."
            )
        entries[key] = validate(model, value, f"{name} (sleutel '{key}')")
    return entries


YAML_SUFFIXES = {".yml", ".yaml"}


def method_files(folder: Path, root: Path) -> list[Path]:
    """The method files in `folder`: `.yml` or `.yaml` in any case; anything else there is refused, not skipped,
    so a method never vanishes silently. Hidden files (`.gitkeep`, an editor's swap file) are left alone."""
    if not folder.is_dir():
        raise DataError(f"Fout in {rel(folder, root)}: de map met methoden ontbreekt.")
    paths = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_dir() or path.suffix.casefold() not in YAML_SUFFIXES:
            raise DataError(
                f"Fout in {rel(path, root)}: in {rel(folder, root)} horen alleen methoden, elk in een bestand dat "
                "eindigt op .yml of .yaml. Hernoem of verplaats dit."
            )
        paths.append(path)
    if not paths:
        raise DataError(f"Fout in {rel(folder, root)}: er staat geen enkele methode in.")
    return paths


def load_methods(folder: Path, root: Path) -> tuple[dict[str, schema.Method], dict[str, str]]:
    methods: dict[str, schema.Method] = {}
    files: dict[str, str] = {}
    for path in method_files(folder, root):
        name = rel(path, root)
        slug = path.stem
        if slug in files:
            raise DataError(
                f"Fout in {name}: {files[slug]} beschrijft dezelfde methode '{slug}'. "
                "Elke methode staat in precies één bestand; verwijder of hernoem er een."
            )
        if not schema.SLUG_RE.match(slug):
            raise DataError(
                f"Fout in {name}: de bestandsnaam '{path.name}' is geen geldige slug voor een webadres. "
                "Gebruik alleen kleine letters, cijfers en streepjes, zoals 'vijf-stappen.yml'."
            )
        methods[slug] = validate(schema.Method, read_yaml(path, root), name)
        files[slug] = name
    return methods, files


def _check_references(site: SiteData) -> None:
    titles: dict[str, str] = {}
    for slug, method in site.methods.items():
        name = site.files[slug]
        key = method.titel.casefold()
        if key in titles:
            raise DataError(
                f"Fout in {name}, veld 'titel': de titel '{method.titel}' staat ook in {titles[key]}; "
                "elke methode heeft een eigen titel."
            )
        titles[key] = name
        _check_known(name, "casustypen", method.casustypen, site.case_types, "data/case_types.yml")
        _check_known(name, "rollen", method.rollen, site.roles, "data/roles.yml")
        for i, credit in enumerate(method.bronnen):
            _check_known(name, f"bronnen[{i + 1}].document", [credit.document], site.sources, "data/sources.yml")
        for i, related in enumerate(method.verwant):
            _check_known(name, f"verwant[{i + 1}].methode", [related.methode], site.methods, "data/methods/")


def _check_known(name: str, field_name: str, keys: list[str], known: Mapping[str, Any], where: str) -> None:
    for key in keys:
        if key not in known:
            options = ", ".join(sorted(known))
            raise DataError(
                f"Fout in {name}, veld '{field_name}': '{key}' is onbekend. "
                f"Kies uit {where}: {options}."
            )


def load_agenda(path: Path, root: Path, methods: dict[str, schema.Method]) -> schema.Agenda:
    """The example agenda; its keys share shared timer links with method slugs, so they must differ."""
    name = rel(path, root)
    if not path.exists():
        raise DataError(
            f"Fout in {name}: het bestand ontbreekt; de timer en de bijlage Voorbeeldagenda hebben het nodig."
        )
    agenda = validate(schema.Agenda, read_yaml(path, root), name)
    blocks = {item.sleutel for item in [*agenda.onderdelen, *agenda.bouwstenen]}
    clash = sorted(blocks & set(methods))
    if clash:
        raise DataError(
            f"Fout in {name}: de sleutel '{clash[0]}' is ook de slug van een methode; kies een andere sleutel."
        )
    for i, key in enumerate(agenda.startsessie):
        if key not in blocks and key not in methods:
            raise DataError(
                f"Fout in {name}, veld 'startsessie[{i + 1}]': '{key}' is onbekend. "
                f"Kies een sleutel uit onderdelen of bouwstenen ({', '.join(sorted(blocks))}) of een methode."
            )
    return agenda


def load_one(path: Path, root: Path, model: type[M]) -> M:
    """Load a file that holds one model (not keyed by slug)."""
    return validate(model, read_yaml(path, root), rel(path, root))


def _check_handbook(site: SiteData) -> None:
    """Every chapter in data/handbook.yml has a page, every page is a chapter, and every source is known."""
    pages = site.root / "docs" / "handboek"
    name = "data/handbook.yml"
    for i, chapter in enumerate(site.handbook.hoofdstukken):
        if not (pages / f"{chapter.slug}.md").is_file():
            raise DataError(
                f"Fout in {name}, veld 'hoofdstukken[{i + 1}].slug': er is geen pagina "
                f"docs/handboek/{chapter.slug}.md voor het hoofdstuk '{chapter.slug}'."
            )
    listed = {chapter.slug for chapter in site.handbook.hoofdstukken}
    for page in sorted(pages.glob("*.md")):
        if page.stem != "index" and page.stem not in listed:
            raise DataError(
                f"Fout in {name}: de pagina docs/handboek/{page.name} staat niet in de lijst 'hoofdstukken'. "
                f"Voeg het hoofdstuk toe met 'slug: {page.stem}', of verwijder de pagina."
            )
    for g, group in enumerate(site.rules.groepen):
        for r, rule in enumerate(group.regels):
            _check_known(
                "data/rules.yml", f"groepen[{g + 1}].regels[{r + 1}].bronnen", rule.bronnen, site.sources,
                "data/sources.yml",
            )
    _check_known("data/phases.yml", "bron", [site.phases.bron], site.sources, "data/sources.yml")
    _check_known("data/practical.yml", "sleutel", list(site.practical), site.sources, "data/sources.yml")


# The last site loaded per project root, with the fingerprint of data/ it was loaded from. Zensical runs
# the macros' define_env once per page (ZENSICAL-NOTES.md #5); without this, all of data/ would be read
# and validated again for each of them. A changed, added or removed file changes the fingerprint, so a
# rebuild (make serve) never sees old data; a failed load stores nothing.
_LOADED: dict[Path, tuple[tuple[tuple[str, int, int], ...], SiteData]] = {}


def _fingerprint(data: Path) -> tuple[tuple[str, int, int], ...]:
    """(path, mtime_ns, size) of every file below data/."""
    found = []
    for path in data.rglob("*"):
        if path.is_file():
            stat = path.stat()
            found.append((path.relative_to(data).as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(found))


def load_site(root: Path) -> SiteData:
    """Load and validate all of data/ below the project root (again only when a file there changed)."""
    stamp = _fingerprint(root / "data")
    cached = _LOADED.get(root)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    site = _load_site(root)
    _LOADED[root] = (stamp, site)
    return site


def _load_site(root: Path) -> SiteData:
    data = root / "data"
    methods, files = load_methods(data / "methods", root)
    parts: dict[str, Any] = dict(
        case_types=load_keyed(data / "case_types.yml", root, schema.CaseType),
        sources=load_keyed(data / "sources.yml", root, schema.Source),
        roles=load_keyed(data / "roles.yml", root, schema.Role),
        methods=methods,
        files=files,
        chooser=load_one(data / "chooser.yml", root, schema.Chooser),
        agenda=load_agenda(data / "agenda.yml", root, methods),
        handbook=load_one(data / "handbook.yml", root, schema.Handbook),
        rules=load_one(data / "rules.yml", root, schema.Rules),
        phases=load_one(data / "phases.yml", root, schema.Phases),
        practical=load_keyed(data / "practical.yml", root, schema.Practical),
        lists=load_keyed(data / "handbook_lists.yml", root, schema.TextList),
        card_themes=load_keyed(data / "cards.yml", root, schema.CardTheme),
        question_kinds=load_keyed(data / "questions.yml", root, schema.QuestionKind),
        forms=load_keyed(data / "forms.yml", root, schema.Form),
    )
    frozen = {key: MappingProxyType(value) if isinstance(value, dict) else value for key, value in parts.items()}
    site = SiteData(root=root, decks=(), **frozen)
    _check_references(site)
    _check_handbook(site)
    # The decks last: their messages assume that every method and card file is itself in order.
    return replace(site, decks=build_decks(site.card_themes, site.question_kinds, site.methods, site.files))
