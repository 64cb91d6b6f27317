"""Numbers as prospects type them: locale digits, magnitudes, words, ranges.

The pipeline is: drop hedges ("about", "unos": text2num would otherwise read
Spanish "unos" as 1), turn fractions into digits and mask vague counts
(numwords), turn number words into digits with text2num, fold, then read digit
groups with the locale's separators (from babel) followed by any magnitude
words (babel's compact formats plus the phrases file); numwords then applies
collectives and halves.  Ranges are two numbers joined by a connector from
the phrases file.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from babel import Locale, UnknownLocaleError
from babel.numbers import get_decimal_symbol

from .data import phrase_list, phrase_map
from .numwords import Num, before_digits, loose_regex, with_words, words_to_digits
from .text import clean, fold, word_regex

_POWER = r"1000(?:000){0,2}(?!\d)"  # what text2num leaves for "million", "mil"...


@dataclass(frozen=True)
class Quantity:
    low: float
    high: float
    start: int
    end: int
    scaled: bool

    @property
    def value(self) -> float:
        return (self.low + self.high) / 2

    @property
    def is_range(self) -> bool:
        return self.low != self.high


@dataclass(frozen=True)
class Scan:
    text: str  # folded text with number words turned into digits
    nums: Tuple[Num, ...]


@lru_cache(maxsize=None)
def magnitudes(lang: str) -> Dict[str, float]:
    """Magnitude words: babel's compact decimal formats, then the phrases file."""
    table: Dict[str, float] = {}
    try:
        formats = Locale.parse(lang).compact_decimal_formats
        for kind in ("short", "long"):
            for key, plurals in formats[kind].items():
                for pattern in plurals.values():
                    text = getattr(pattern, "pattern", str(pattern))
                    zeros = text.count("0")
                    word = fold(text.replace("0", "").replace("'", "")).strip(" .")
                    if zeros and word and not any(c.isdigit() for c in word):
                        table.setdefault(word, int(key) / 10 ** (zeros - 1))
    except (UnknownLocaleError, ValueError):
        pass
    for word, value in phrase_map(lang, "magnitudes").items():
        table[fold(str(word))] = float(value)
    return table


@lru_cache(maxsize=None)
def _number_re(lang: str) -> "re.Pattern[str]":
    mags = word_regex(magnitudes(lang)).pattern
    return re.compile(
        r"(?:(?<![\w.,-])(?P<sign>-)\s?)?(?<![\w.,])"
        r"(?P<num>\d{1,3}(?P<sep>[ '.,])\d{3}(?:(?P=sep)\d{3})*(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?)"
        rf"(?P<mag>(?:\s*(?:{mags})\.?|\s+{_POWER})*)"
    )


@lru_cache(maxsize=None)
def _hedge_re(lang: str) -> "Optional[re.Pattern[str]]":
    """Hedges in both accented and folded spellings: this runs before folding
    because text2num needs the accents."""
    return loose_regex(phrase_list(lang, "approx"))


def _hedges_removed(text: str, lang: str) -> str:
    pattern = _hedge_re(lang)
    return pattern.sub(" ", text) if pattern is not None else text


def _digits(num: str, sep: Optional[str], lang: str) -> float:
    """Read digits with the locale's decimal mark (babel).  A separator seen
    once, followed by exactly three digits, is a thousands separator unless it
    is the locale's decimal mark: "1.500" is 1500 in German, 1.5 in English."""
    if sep is None:
        return float(num.replace(",", "."))
    try:
        decimal = get_decimal_symbol(lang)
    except (UnknownLocaleError, ValueError):
        decimal = "."
    m = re.fullmatch(r"(\d{1,3}(?:" + re.escape(sep) + r"\d{3})+)(?:[.,](\d+))?", num)
    if m is None:
        return float(re.sub(r"[^\d]", "", num))
    body, tail = m.groups()
    if tail is None and body.count(sep) == 1 and sep == decimal:
        return float(body.replace(sep, "."))
    return float(body.replace(sep, "")) + (float("0." + tail) if tail else 0.0)


@lru_cache(maxsize=1024)
def scan(text: str, lang: str) -> Scan:
    work = words_to_digits(before_digits(_hedges_removed(clean(text).lower(), lang), lang), lang)
    work = fold(work)
    mags = magnitudes(lang)
    mag_re = word_regex(mags)
    nums: List[Num] = []
    for m in _number_re(lang).finditer(work):
        raw = _digits(m.group("num"), m.group("sep"), lang)
        scale = 1.0
        for part in re.findall(rf"{mag_re.pattern}|{_POWER}", m.group("mag")):
            scale *= float(part) if part.isdigit() else mags[re.sub(r"\s+", " ", part)]
        sign = -1.0 if m.group("sign") else 1.0
        nums.append(Num(sign * raw * scale, sign * raw, scale, m.start(), m.end()))
    nums = with_words(work, lang, sorted(nums, key=lambda n: n.start), mags)
    return Scan(work, tuple(sorted(nums, key=lambda n: n.start)))


def parse_number(text: str, lang: str) -> Optional[float]:
    """First number in the text, or None."""
    nums = scan(text, lang).nums
    return nums[0].value if nums else None


@lru_cache(maxsize=None)
def _joins(lang: str) -> frozenset:
    return frozenset(fold(w) for w in phrase_list(lang, "range_join")) | {"-"}


def quantities(text: str, lang: str, ignore: "Optional[re.Pattern[str]]" = None) -> Tuple[Scan, List[Quantity]]:
    """Numbers with ranges merged; `ignore` strips units between the bounds
    ("50 k€ - 60 k€").  A bare lower bound borrows the upper bound's magnitude
    ("entre 50 et 60k" = 50k-60k), see _shared_scale."""
    s = scan(text, lang)
    out: List[Quantity] = []
    i = 0
    while i < len(s.nums):
        a = s.nums[i]
        b = s.nums[i + 1] if i + 1 < len(s.nums) else None
        if b is not None and _joined(s.text[a.end:b.start], b, lang, ignore):
            low = a.value
            if a.scale == 1:
                low = a.raw * _shared_scale(a.raw, b)
            high = abs(b.value)
            out.append(Quantity(min(low, high), max(low, high), a.start, b.end, a.scale > 1 or b.scale > 1))
            i += 2
        else:
            out.append(Quantity(a.value, a.value, a.start, a.end, a.scale > 1))
            i += 1
    return s, out


def _shared_scale(low: float, b: Num) -> float:
    """Magnitude the lower bound shares with the upper one: "50 et 60k" and
    "10 et 15 000" mean thousands on both sides, "5 and 1000" does not."""
    high = abs(b.raw)
    if b.scale > 1 and low <= high:
        return b.scale
    if b.scale == 1 and high >= 1000 and high % 1000 == 0 and low < 1000 and low * 1000 <= high:
        return 1000.0
    return 1.0


def _joined(gap: str, b: Num, lang: str, ignore: "Optional[re.Pattern[str]]") -> bool:
    if ignore is not None:
        gap = ignore.sub(" ", gap)
    words = gap.replace("-", " - ").split()
    if not words:
        return b.value < 0  # "10 -20": the dash was read as a sign
    return len(words) == 1 and words[0] in _joins(lang)


def half_up(x: float) -> int:
    """Round .5 away from zero: a 5-10 people range is 8, not banker's 8/6."""
    return int(math.floor(x + 0.5)) if x >= 0 else -int(math.floor(-x + 0.5))
