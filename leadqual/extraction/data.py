"""The one loader for the extraction data files.

Every table lives in YAML under leadqual/data so that a new language or a new
keyword is a data change.  Files are read lazily and cached: importing the
package must not touch the disk.  A malformed file fails loudly with
`path:line: reason` so a translator can fix it without reading Python.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Sequence, Tuple

from leadqual.yamlfile import line_of
from leadqual.yamlfile import load_yaml as parse_yaml

from .errors import ConfigError, UnsupportedLanguage

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

Where = Tuple[Any, ...]


class SchemaError(Exception):
    """Raised by validators; `where` is the key path of the offending node."""

    def __init__(self, where: Where, reason: str) -> None:
        super().__init__(reason)
        self.where = where
        self.reason = reason


def load_yaml(path: Path, validate: Optional[Callable[[Any], None]] = None) -> Any:
    """Parse `path`, turning every failure into a ConfigError naming file and line."""
    data = parse_yaml(path)
    if validate is not None:
        try:
            validate(data)
        except SchemaError as exc:
            raise ConfigError(f"{path}:{line_of(path, *exc.where) or 1}: {exc.reason}") from exc
    return data


# ---------------------------------------------------------------- validators
def expect_mapping(value: Any, where: Where) -> Mapping:
    if not isinstance(value, dict):
        raise SchemaError(where, f"expected a mapping at {'.'.join(map(str, where)) or 'top level'}")
    return value


def expect_strings(value: Any, where: Where) -> Sequence[str]:
    if not isinstance(value, list):
        raise SchemaError(where, f"expected a list of strings at {'.'.join(map(str, where))}")
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise SchemaError(where + (i,), f"expected a non-empty string at {'.'.join(map(str, where))}[{i}]")
    return value


def expect_number(value: Any, where: Where) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SchemaError(where, f"expected a number at {'.'.join(map(str, where))}")
    return float(value)


def _validate_phrases(data: Any) -> None:
    """Phrase files are mappings whose leaves are string lists or number maps."""
    def walk(node: Any, where: Where) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, where + (k,))
        elif isinstance(node, list):
            expect_strings(node, where)
        elif node is not None and not isinstance(node, (str, int, float, bool)):
            raise SchemaError(where, f"unexpected value at {'.'.join(map(str, where))}")
    walk(expect_mapping(data, ()), ())
    for key in ("yes", "no", "decline"):
        expect_strings(data.get(key), (key,))


def _validate_sectors(data: Any) -> None:
    for sector, langs in expect_mapping(expect_mapping(data, ()).get("sectors"), ("sectors",)).items():
        for lang, words in expect_mapping(langs, ("sectors", sector)).items():
            expect_strings(words, ("sectors", sector, lang))


def _validate_rates(data: Any) -> None:
    data = expect_mapping(data, ())
    if "set_on" not in data:
        raise SchemaError((), "missing set_on (the date the rates were set)")
    for code, rate in expect_mapping(data.get("eur_per_unit"), ("eur_per_unit",)).items():
        if expect_number(rate, ("eur_per_unit", code)) <= 0:
            raise SchemaError(("eur_per_unit", code), f"rate for {code} must be positive")
    for sym, codes in expect_mapping(data.get("symbols"), ("symbols",)).items():
        expect_strings(codes, ("symbols", sym))


def _validate_places(data: Any) -> None:
    data = expect_mapping(data, ())
    for section in ("aliases", "case_sensitive", "cities"):
        for code, names in expect_mapping(data.get(section), (section,)).items():
            expect_strings(names, (section, code))
    for code, langs in expect_mapping(data.get("demonyms"), ("demonyms",)).items():
        for lang, names in expect_mapping(langs, ("demonyms", code)).items():
            expect_strings(names, ("demonyms", code, lang))
    expect_strings(data.get("ambiguous"), ("ambiguous",))


# ------------------------------------------------------------ cached access
def available_languages() -> Tuple[str, ...]:
    """Languages with a phrases file: the real definition of 'supported'."""
    return tuple(sorted(p.stem for p in (DATA_DIR / "phrases").glob("*.yml")))


@lru_cache(maxsize=None)
def phrases(lang: str) -> Mapping[str, Any]:
    path = DATA_DIR / "phrases" / f"{lang}.yml"
    if not path.is_file():
        raise UnsupportedLanguage(f"no phrases file for language {lang!r}")
    return load_yaml(path, _validate_phrases)


@lru_cache(maxsize=None)
def sectors() -> Mapping[str, Any]:
    return load_yaml(DATA_DIR / "sectors.yml", _validate_sectors)["sectors"]


@lru_cache(maxsize=None)
def currency_rates() -> Mapping[str, Any]:
    return load_yaml(DATA_DIR / "currency_rates.yml", _validate_rates)


@lru_cache(maxsize=None)
def places() -> Mapping[str, Any]:
    return load_yaml(DATA_DIR / "places.yml", _validate_places)


def phrase_list(lang: str, *path: str) -> Sequence[str]:
    """The list at `path` in the language's phrases file, or () when absent."""
    node: Any = phrases(lang)
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return ()
        node = node[key]
    return node or ()


def phrase_map(lang: str, *path: str) -> Mapping[str, Any]:
    node: Any = phrases(lang)
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return {}
        node = node[key]
    return node or {}
