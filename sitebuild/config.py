"""What the stages read from mkdocs.yml, read as plain YAML: `python -m sitebuild` and other generators
(Zensical) need the same settings, without MkDocs' runtime config."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader that reads MkDocs' own tags (`!ENV`, `!!python/name:...`) as empty values instead of
    refusing the whole file: none of them is a setting the stages read."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Settings:
    """The settings of mkdocs.yml that the stages use. Paths of assets are relative to the docs folder."""

    root: Path
    docs_dir: Path
    extra_css: tuple[str, ...]
    extra_javascript: tuple[str, ...]
    widget_styles: tuple[str, ...]
    widget_scripts: Mapping[str, tuple[str, ...]]  # CSS selector -> the files of its bundle, in order
    widget_parts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # W.load name -> its files


def _files(value: Any, where: str) -> tuple[str, ...]:
    """One file or a list of files; extra_javascript entries may also be {path: ...} mappings."""
    items = value if isinstance(value, list) else [value]
    files = []
    for item in items:
        if isinstance(item, Mapping) and isinstance(item.get("path"), str):
            item = item["path"]
        if not isinstance(item, str) or not item.strip():
            raise DataError(f"Fout in mkdocs.yml, veld '{where}': verwacht een bestandsnaam, maar vond {item!r}.")
        files.append(item)
    return tuple(files)


def read_settings(config_file: Path) -> Settings:
    """Read mkdocs.yml (or a config derived from it); the project root is the folder it is in."""
    name = config_file.name
    try:
        raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506
    except FileNotFoundError:
        raise DataError(f"Fout: {config_file} bestaat niet; geef met --config het pad van mkdocs.yml.") from None
    except yaml.YAMLError as exc:
        raise DataError(f"Fout in {name}: dit is geen geldige YAML ({exc}).") from None
    if not isinstance(raw, dict):
        raise DataError(f"Fout in {name}: verwacht instellingen (veld: waarde).")
    return settings_from(raw, config_file.resolve().parent)


def settings_from(raw: Mapping[str, Any], root: Path) -> Settings:
    """Settings from the keys of mkdocs.yml, parsed by `read_settings` or by MkDocs itself."""
    extra = raw.get("extra") or {}
    scripts = extra.get("widget_scripts") or {}
    if not isinstance(scripts, Mapping):
        raise DataError("Fout in mkdocs.yml, veld 'extra.widget_scripts': verwacht per selector een bestand of lijst.")
    parts = extra.get("widget_parts") or {}
    if not isinstance(parts, Mapping) or not all(isinstance(n, str) and re.fullmatch(r"[a-z][a-z0-9-]*", n) for n in parts):
        raise DataError("Fout in mkdocs.yml, veld 'extra.widget_parts': verwacht per naam (kleine letters, cijfers "
                        "en streepjes) een bestand of lijst.")
    return Settings(
        root=root,
        docs_dir=root / (raw.get("docs_dir") or "docs"),
        extra_css=_files(list(raw.get("extra_css") or []), "extra_css"),
        extra_javascript=_files(list(raw.get("extra_javascript") or []), "extra_javascript"),
        widget_styles=_files(list(extra.get("widget_styles") or []), "extra.widget_styles"),
        widget_scripts={
            selector: _files(files, f"extra.widget_scripts['{selector}']") for selector, files in scripts.items()
        },
        widget_parts={name: _files(files, f"extra.widget_parts['{name}']") for name, files in parts.items()},
    )
