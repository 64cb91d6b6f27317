"""Which country a prospect is in, from names, cities and demonyms.

Country names come from babel (every language we have a phrases file for)
and pycountry, so "Allemagne", "Deutschland" and "Germany" all work in any
conversation; places.yml adds common names, cities and demonyms.  Explicit
names beat cities, cities beat demonyms; the leftmost-longest match wins
within a kind ("Guinea-Bissau" is not "Guinea", "New Mexico" is not Mexico).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

import pycountry
from babel import Locale, UnknownLocaleError

from .data import available_languages, phrase_list, places
from .text import Matcher, clean, fold, tokenize

NAME, CITY, DEMONYM = 0, 1, 2


@dataclass(frozen=True)
class Place:
    code: str
    kind: int
    ambiguous: bool


def _variants(name: str) -> List[str]:
    """'Congo (RDC)' -> both; 'Korea, Republic of' -> 'Korea' too."""
    out = [name]
    bare = re.sub(r"\s*\(.*?\)", "", name).strip()
    out.append(bare)
    out.extend(re.findall(r"\((.*?)\)", name))
    if "," in bare:
        out.append(bare.split(",")[0])
    return [v for v in out if v.strip()]


@lru_cache(maxsize=None)
def _names() -> Dict[str, Tuple[str, str]]:
    """Folded country name -> (name as written, ISO code), authoritative sources first."""
    table: Dict[str, Tuple[str, str]] = {}
    for code, names in places()["aliases"].items():
        for name in names:
            table.setdefault(fold(name), (name, code))
    valid = {c.alpha_2 for c in pycountry.countries}
    for lang in available_languages():
        try:
            territories = Locale.parse(lang).territories
        except (UnknownLocaleError, ValueError):
            continue
        for code, name in territories.items():
            if code in valid:
                for variant in _variants(name):
                    table.setdefault(fold(variant), (variant, code))
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            for variant in _variants(getattr(country, attr, "") or ""):
                table.setdefault(fold(variant), (variant, country.alpha_2))
    return table


@lru_cache(maxsize=None)
def _matcher(lang: str) -> Matcher:
    data = places()
    ambiguous = {fold(a) for a in data["ambiguous"]}
    entries: List[Tuple[str, Place]] = []
    for key, (name, code) in _names().items():
        entries.append((name, Place(code, NAME, key in ambiguous)))
    for code, cities in data["cities"].items():
        entries.extend((c, Place(code, CITY, fold(c) in ambiguous)) for c in cities)
    for code, langs in data["demonyms"].items():
        entries.extend((d, Place(code, DEMONYM, False)) for d in (langs.get(lang) or ()))
    return Matcher(entries, lang)


def _case_sensitive(text: str) -> List[Tuple[int, str]]:
    """(offset, code) of abbreviations written exactly as listed ("US", not "us")."""
    found = []
    for code, names in places()["case_sensitive"].items():
        for name in names:
            for m in re.finditer(rf"(?<![A-Za-z.]){re.escape(name)}(?![A-Za-z])", text):
                found.append((m.start(), code))
    return found


def _whole_answer_code(text: str) -> Optional[str]:
    """'FR', 'DEU', 'usa', 'uk' given alone as the answer."""
    bare = text.strip(" .!?")
    if re.fullmatch(r"[A-Z]{2,3}", bare):
        country = pycountry.countries.get(alpha_2=bare) if len(bare) == 2 else pycountry.countries.get(alpha_3=bare)
        if country is not None:
            return country.alpha_2
    key = fold(bare)
    for code, names in places()["case_sensitive"].items():
        if key in {fold(n) for n in names}:
            return code
    return None


def find_country(text: str, lang: str, strict: bool = False) -> Optional[Tuple[str, int]]:
    """(ISO code, kind) of the country the text places the prospect in.

    `strict` (free messages) skips names that are also common words and only
    trusts a demonym next to a company word ("a French company", "somos
    mexicanos" is not enough on its own in a free message but is as an answer).
    """
    cleaned = clean(text)
    if not strict:
        code = _whole_answer_code(cleaned)
        if code:
            return code, NAME
    toks = tokenize(text, lang)
    norms = [t.norm for t in toks]
    candidates: List[Tuple[int, int, str]] = []
    for m in _matcher(lang).find(norms):
        place: Place = m.label  # type: ignore[assignment]
        if strict and place.ambiguous:
            continue
        if strict and place.kind == DEMONYM and not _company_context(text, lang):
            continue
        candidates.append((place.kind, toks[m.start].start, place.code))
    candidates.extend((NAME, offset, code) for offset, code in _case_sensitive(cleaned))
    if not candidates:
        return None
    kind, _, code = min(candidates)
    return code, kind


def _company_context(text: str, lang: str) -> bool:
    return bool(_context_matcher(lang).find([t.norm for t in tokenize(text, lang)]))


@lru_cache(maxsize=None)
def _context_matcher(lang: str) -> Matcher:
    words = list(phrase_list(lang, "company_nouns")) + list(phrase_list(lang, "we_are"))
    return Matcher(((w, True) for w in words), lang)
