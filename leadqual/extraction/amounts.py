"""Money amounts: number + magnitude + currency, converted to EUR.

Currency words come from three places: language-independent symbols in
currency_rates.yml, colloquial words per language ("pesos", "balles") in the
phrases files, and babel's localised currency names.  An ambiguous symbol or
word ("$", "pesos") lists candidate currencies; the prospect's country picks
among them, else the first one is meant.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Sequence, Tuple

from babel import UnknownLocaleError
from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies

from .data import currency_rates, phrase_map
from .numbers import Quantity, quantities
from .text import clean, fold, word_regex


@dataclass(frozen=True)
class Amount:
    amount: float  # midpoint in `currency`
    low: float
    high: float
    currency: str

    def in_eur(self) -> float:
        return round(self.amount * rate(self.currency), 2)


def rate(code: str) -> float:
    """EUR per unit; KeyError when the table lacks the currency."""
    return float(currency_rates()["eur_per_unit"][code])


@lru_cache(maxsize=None)
def _aliases(lang: str, with_word_like: bool) -> Dict[str, Tuple[str, ...]]:
    data = currency_rates()
    known = list(data["eur_per_unit"])
    word_like = set(data.get("word_like_codes") or ())
    table: Dict[str, Tuple[str, ...]] = {}

    def add(alias: str, codes: Sequence[str]) -> None:
        key = re.sub(r"\s+", " ", fold(alias)).strip()
        if key:
            table.setdefault(key, tuple(codes))

    for symbol, codes in data["symbols"].items():
        add(symbol, codes)
    for word, codes in phrase_map(lang, "currencies").items():
        add(word, codes)
    for code in known:
        if with_word_like or code not in word_like:
            add(code, [code])
        try:
            for count in (1, 2):
                add(get_currency_name(code, count, locale=lang), [code])
            symbol = get_currency_symbol(code, locale=lang)
            if symbol.upper() != code:  # bare codes were handled above
                add(symbol, [code])
        except (UnknownLocaleError, ValueError):
            pass
    return table


@lru_cache(maxsize=None)
def currency_regex(lang: str, with_word_like: bool = False) -> "re.Pattern[str]":
    return word_regex(_aliases(lang, with_word_like))


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    codes: Tuple[str, ...]


def _mentions(text: str, lang: str, work: str) -> List[Mention]:
    word_like = currency_rates().get("word_like_codes") or ()
    capitals = any(re.search(rf"(?<![A-Za-z]){code}(?![A-Za-z])", clean(text)) for code in word_like)
    table = _aliases(lang, capitals)
    return [Mention(m.start(), m.end(), table[re.sub(r"\s+", " ", m.group())])
            for m in currency_regex(lang, capitals).finditer(work)]


def country_currency(country: Optional[str]) -> Optional[str]:
    """The country's currency when the rates table knows it (babel's territory data)."""
    if not country:
        return None
    try:
        codes = get_territory_currencies(country.upper())
    except Exception:
        return None
    known = currency_rates()["eur_per_unit"]
    return next((c for c in codes if c in known), None)


def _resolve(codes: Sequence[str], country: Optional[str]) -> str:
    local = country_currency(country)
    return local if local is not None and local in codes else codes[0]


def _adjacent(q: Quantity, mentions: Sequence[Mention], work: str) -> Optional[Mention]:
    """A currency written right before or after the amount ("de pesos", "USD ")."""
    for m in mentions:
        if m.start >= q.end and len(re.findall(r"[^\W\d_]+", work[q.end:m.start])) <= 1:
            return m
        if m.end <= q.start and not re.findall(r"[^\W\d_]+", work[m.end:q.start]):
            return m
    return None


def parse_amount(text: str, lang: str, country: Optional[str] = None) -> Optional[Amount]:
    """The amount the answer states, or None when it has no number."""
    capitals = any(re.search(rf"(?<![A-Za-z]){c}(?![A-Za-z])", clean(text))
                   for c in currency_rates().get("word_like_codes") or ())
    scan, found = quantities(text, lang, ignore=currency_regex(lang, capitals))
    if not found:
        return None
    mentions = _mentions(text, lang, scan.text)
    tagged = [(q, _adjacent(q, mentions, scan.text)) for q in found]
    q, mention = next(((q, m) for q, m in tagged if m is not None), (None, None))
    if q is None:
        q = next((q for q in found if q.scaled), found[0])
    if mention is None and mentions:
        mention = mentions[0]
    if mention is not None:
        code = _resolve(mention.codes, country)
    else:
        code = country_currency(country) or "EUR"
    return Amount(q.value, q.low, q.high, code)
