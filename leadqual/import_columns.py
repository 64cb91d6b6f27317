"""Which column of a prospect file holds which answer: headers in any of the six languages.

The names live in ``data/import_columns.yml``; a header matches whatever its case, accents, spaces
and punctuation. An explicit mapping (``--map "Raison sociale=company_name"``) wins over the file.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from leadqual.model import QUALIFICATION_SLOTS, SUPPORTED_LANGUAGES
from leadqual.yamlfile import config_error, load_yaml

DEFAULT_COLUMNS_FILE = Path(__file__).parent / "data" / "import_columns.yml"
SKIP = ("-", "ignore")  # an explicit mapping to one of these leaves the column out, without a warning


class MappingError(ValueError):
    """An explicit column mapping that does not fit the file or the slots."""


@dataclass(frozen=True)
class IgnoredColumn:
    index: int
    header: str
    reason: str


@dataclass(frozen=True)
class ColumnMap:
    """Column index -> slot, and the columns left out with the reason."""

    slots: Mapping[int, str]
    headers: Tuple[str, ...]
    ignored: Tuple[IgnoredColumn, ...] = ()

    def header_of(self, slot: str) -> Optional[str]:
        return next((self.headers[i] for i, s in self.slots.items() if s == slot), None)

    def mapped(self) -> Dict[str, str]:
        return {self.headers[i]: slot for i, slot in sorted(self.slots.items())}


def header_key(text: str) -> str:
    """What is compared of a header: lower-case letters and digits, without accents."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


@lru_cache(maxsize=8)
def load_column_names(path: Path = DEFAULT_COLUMNS_FILE) -> Dict[str, str]:
    """Header key -> slot, from a column names file; a bad file is a ConfigError with its line."""
    path = Path(path)
    raw = load_yaml(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("columns"), dict):
        raise config_error(path, "a column names file is a mapping with 'columns: {slot: {language: [names]}}'")
    names: Dict[str, str] = {}
    for slot, by_language in raw["columns"].items():
        if slot not in QUALIFICATION_SLOTS:
            raise config_error(path, f"unknown slot '{slot}' (slots: {', '.join(QUALIFICATION_SLOTS)})", "columns", slot)
        if not isinstance(by_language, dict):
            raise config_error(path, f"'{slot}' needs a list of names per language", "columns", slot)
        for language, aliases in by_language.items():
            if language not in SUPPORTED_LANGUAGES:
                raise config_error(path, f"unknown language '{language}' under '{slot}'", "columns", slot, language)
            if not isinstance(aliases, list):
                raise config_error(path, f"{slot}.{language} must be a list of names", "columns", slot, language)
            for alias in aliases:
                key = header_key(str(alias))
                if names.get(key, slot) != slot:
                    raise config_error(path, f"'{alias}' names both {names[key]} and {slot}", "columns", slot, language)
                names[key] = slot
    for slot in QUALIFICATION_SLOTS:
        names.setdefault(header_key(slot), slot)
    return names


def parse_mapping(pairs: Iterable[str]) -> Dict[str, Optional[str]]:
    """``["Raison sociale=company_name", "Notes=-"]`` -> header -> slot (None: leave the column out)."""
    mapping: Dict[str, Optional[str]] = {}
    for pair in pairs:
        header, sep, slot = pair.rpartition("=")
        header, slot = header.strip(), slot.strip()
        if not sep or not header or not slot:
            raise MappingError(f"a column mapping is HEADER=SLOT, not {pair!r}")
        if slot not in QUALIFICATION_SLOTS and slot not in SKIP:
            raise MappingError(f"{pair!r}: '{slot}' is not a slot (slots: {', '.join(QUALIFICATION_SLOTS)}; '-' leaves a column out)")
        mapping[header] = None if slot in SKIP else slot
    return mapping


def map_columns(headers: Sequence[str], explicit: Optional[Mapping[str, Optional[str]]] = None,
                names: Optional[Mapping[str, str]] = None) -> ColumnMap:
    """Match each header to a slot: explicit mapping first, then the names file; one column per slot."""
    names = load_column_names() if names is None else names
    keys = [header_key(h) for h in headers]
    slots: Dict[int, str] = {}
    ignored: List[IgnoredColumn] = []
    decided = set()
    for header, slot in (explicit or {}).items():
        matches = [i for i, key in enumerate(keys) if key == header_key(header)]
        if not matches:
            raise MappingError(f"--map {header!r}: no such column (columns: {', '.join(repr(h) for h in headers)})")
        if slot is not None and slot not in QUALIFICATION_SLOTS and slot not in SKIP:
            raise MappingError(f"--map {header!r}: '{slot}' is not a slot (slots: {', '.join(QUALIFICATION_SLOTS)})")
        decided.update(matches)
        if slot is not None and slot not in SKIP:
            slots[matches[0]] = slot
    taken = {slot: i for i, slot in slots.items()}
    for index, (header, key) in enumerate(zip(headers, keys)):
        if index in decided:
            continue
        slot = names.get(key) if key else None
        if slot is None:
            reason = "no header" if not key else "no slot has this name (use --map HEADER=SLOT)"
            ignored.append(IgnoredColumn(index, header, reason))
        elif slot in taken:
            ignored.append(IgnoredColumn(index, header, f"{slot} is already read from column {headers[taken[slot]]!r}"))
        else:
            slots[index] = slot
            taken[slot] = index
    return ColumnMap(dict(sorted(slots.items())), tuple(headers), tuple(ignored))
