"""When the prospect wants to buy, as months from `today`.

Relative phrases ("next quarter", "pas pressé") live in the phrases files;
month names come from babel.  A unit word with a number before it ("in 6
weeks") is a delay; weeks are 4.345 per month and days 30.44.  A half phrase
counts 0.5 ("in half a year", "in einem halben Jahr") and an "and a half"
after the unit adds 0.5 ("a year and a half", "un an et demi").  Month names
that are also verbs (English "may", "march") count lower-case only after a
cue word ("in may", "by march") or in a short answer.
"""
from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional, Sequence, Set, Tuple

from babel import Locale, UnknownLocaleError

from .data import phrase_list, phrase_map
from .numbers import Quantity, quantities
from .text import Match, Matcher, Token, clean, norms, tokenize

UNIT_MONTHS = {"day": 1 / 30.44, "week": 1 / 4.345, "month": 1.0, "quarter": 3.0, "semester": 6.0, "year": 12.0}
CATEGORIES = ("now", "this_month", "next_month", "next_quarter", "end_of_year", "next_year", "no_rush")


@lru_cache(maxsize=None)
def month_names(lang: str) -> Dict[int, Tuple[str, ...]]:
    try:
        months = Locale.parse(lang).months
    except (UnknownLocaleError, ValueError):
        return {}
    out: Dict[int, Set[str]] = {}
    for context in ("format", "stand-alone"):
        for number, name in months[context]["wide"].items():
            out.setdefault(number, set()).add(name)
    return {k: tuple(sorted(v)) for k, v in out.items()}


@lru_cache(maxsize=None)
def _matcher(lang: str) -> Matcher:
    entries: List[Tuple[str, tuple]] = []
    for cat in CATEGORIES:
        entries.extend((p, ("phrase", cat)) for p in phrase_list(lang, "timeline", cat))
    for unit, words in phrase_map(lang, "timeline", "units").items():
        entries.extend((w, ("unit", unit)) for w in words)
    for word, count in phrase_map(lang, "timeline", "counts").items():
        entries.append((word, ("count", float(count))))
    entries.extend((w, ("count", 0.5)) for w in phrase_list(lang, "half"))
    entries.extend((w, ("and_half", None)) for w in phrase_list(lang, "and_half"))
    entries.extend((w, ("delay", None)) for w in phrase_list(lang, "timeline", "delay"))
    for number, names in month_names(lang).items():
        entries.extend((n, ("month", number)) for n in names)
    return Matcher(entries, lang)


@lru_cache(maxsize=None)
def _weak(lang: str) -> FrozenSet[Tuple[str, ...]]:
    return frozenset(norms(w, lang) for w in phrase_list(lang, "timeline", "weak"))


@lru_cache(maxsize=None)
def _word_set(lang: str, key: str) -> FrozenSet[Tuple[str, ...]]:
    return frozenset(norms(w, lang) for w in phrase_list(lang, "timeline", key))


def _phrase_months(category: str, today: datetime.date) -> float:
    if category in ("now", "this_month"):
        return 0.0
    if category == "next_month":
        return 1.0
    if category == "next_quarter":
        start = ((today.month - 1) // 3 + 1) * 3 + 1  # first month of next quarter, may be 13
        return float(max(1, start - today.month))
    if category == "end_of_year":
        return float(12 - today.month)
    return 12.0  # next_year, no_rush


def months_until(month: int, year: Optional[int], today: datetime.date) -> float:
    """Next occurrence of `month` (this month counts as 0), or the given year's."""
    if year is not None:
        return float(max(0, year * 12 + month - (today.year * 12 + today.month)))
    return float((month - today.month) % 12)


def _token_index(toks: Sequence[Token], offset: int, end: bool = False) -> Optional[int]:
    for i, t in enumerate(toks):
        if (t.end if end else t.start) == offset:
            return i
    return None


def _count_before(i: int, matches: List[Match], toks: Sequence[Token],
                  qs: Sequence[Quantity]) -> Tuple[float, bool]:
    """Count in front of the unit match `i` and whether a delay word opens it."""
    unit = matches[i]
    prev = matches[i - 1] if i > 0 else None

    def delay_ends_at(index: int, slack: int = 0) -> bool:
        return any(m.label[0] == "delay" and index - slack <= m.end <= index for m in matches[:i])

    if prev is not None and prev.label[0] == "count" and prev.end == unit.start:
        return prev.label[1], delay_ends_at(prev.start)
    if unit.start > 0:
        before = toks[unit.start - 1]
        q = next((q for q in qs if q.end == before.end), None)
        if q is not None:
            first = _token_index(toks, q.start)
            return q.value, first is not None and delay_ends_at(first)
    return 1.0, delay_ends_at(unit.start, slack=1)  # "in a month", "dans un mois"


def _capitalised(month: int, text: str, lang: str) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(n[:1].upper() + n[1:])}(?!\w)", text) for n in month_names(lang)[month])


def _month_meant(m: Match, words: Sequence[str], text: str, lang: str) -> bool:
    """Only a month name that is also a verb ("may") needs a capital, a cue
    word before it ("in may", "by march") or a short answer ("may 2027")."""
    if tuple(words[m.start:m.end]) not in _word_set(lang, "verb_months") or len(words) <= 2:
        return True
    if _capitalised(m.label[1], clean(text), lang):
        return True
    return any(tuple(words[max(0, m.start - len(c)):m.start]) == c for c in _word_set(lang, "month_cues"))


def parse_timeline(text: str, lang: str, today: datetime.date, strict: bool = False) -> Optional[float]:
    """Months until the purchase, or None.  `strict` (free messages) ignores
    vague single words ("now", "ya") and needs "in"/"dans"/... before a delay."""
    scan, qs = quantities(text, lang)
    toks = tokenize(scan.text, lang)
    words = [t.norm for t in toks]
    matches = _matcher(lang).find(words)
    for i, m in enumerate(matches):
        kind, arg = m.label
        if kind == "phrase":
            if strict and tuple(words[m.start:m.end]) in _weak(lang):
                continue
            return _phrase_months(arg, today)
        if kind == "unit":
            count, opened = _count_before(i, matches, toks, qs)
            if strict and not opened:
                continue
            nxt = matches[i + 1] if i + 1 < len(matches) else None
            if nxt is not None and nxt.label[0] == "and_half" and nxt.start == m.end:
                count += 0.5
            return round(count * UNIT_MONTHS[arg], 1)
        if kind == "month" and not strict:
            if not _month_meant(m, words, text, lang):
                continue
            year = next((int(q.value) for q in qs if q.start >= toks[m.end - 1].end
                         and 2000 <= q.value <= 2100 and not scan.text[toks[m.end - 1].end:q.start].strip()), None)
            return months_until(arg, year, today)
    return None
