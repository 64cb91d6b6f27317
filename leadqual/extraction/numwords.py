"""Number words that text2num leaves alone: fractions, halves, collectives, vague counts.

`numbers.scan` runs `before_digits` on the lower-cased text before text2num and
`with_words` on the folded text once the digits are read.  Every word comes
from the phrases file of the language:

  fractions      "anderthalb", "one and a half"             -> 1.5
  half_suffixes  "zweieinhalb"                              -> "zwei einhalb"
  vague          "a few hundred", "des centaines", "cientos" -> no number at all
  collectives    "une cinquantaine" = 50, "deux douzaines" = 24
  scale_of       "a couple (of) hundred" = 200, "une dizaine de milliers" = 10000
  and_half       "two and a half", "deux millions et demi"  -> n + 1/2 of its unit
  half           "half a million", "un demi-million", "half a dozen"

A vague count has no conventional value, so it reads as no number and the
answer is re-asked rather than guessed.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Dict, Iterable, List, Mapping, Optional

from text_to_num import alpha2digit

from .data import phrase_list, phrase_map
from .text import fold, word_regex

VAGUE = "\u2248"  # stands in for a count nobody gave ("hundreds of"): never a digit, never a token


@dataclass(frozen=True)
class Num:
    value: float  # signed, magnitude applied
    raw: float  # as written, before the magnitude
    scale: float  # product of the magnitudes that followed (1 when none)
    start: int  # span in Scan.text
    end: int
    collective: bool = False  # "dozen", "centaine": may take a scale ("a dozen thousand")


def loose_regex(words: Iterable[str]) -> "Optional[re.Pattern[str]]":
    """Whole-word alternation of `words` in accented and folded spellings, for
    text that is not folded yet (text2num needs the accents)."""
    words = list(words)
    alts = sorted({w.lower() for w in words} | {fold(w) for w in words}, key=len, reverse=True)
    if not alts:
        return None
    bounded = (r"(?<!\w)" + re.escape(w).replace(r"\ ", r"\s+") + (r"(?!\w)" if w[-1].isalnum() else "")
               for w in alts)
    return re.compile("|".join(bounded))


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", fold(text)).strip()


def words_to_digits(text: str, lang: str) -> str:
    """Number words to digits; from 2 up, so articles ("un", "one") stay words."""
    try:
        return alpha2digit(text, lang, threshold=2)
    except Exception:  # text2num knows few languages and can trip on odd input
        return text


# ------------------------------------------------------- before text2num
@lru_cache(maxsize=None)
def _fraction_table(lang: str) -> Mapping[str, float]:
    return {_key(k): float(v) for k, v in phrase_map(lang, "fractions").items()}


@lru_cache(maxsize=None)
def _loose(lang: str, *path: str) -> "Optional[re.Pattern[str]]":
    """Regex of the words at `path`: a list, or the keys of a table."""
    return loose_regex(phrase_map(lang, *path))


def before_digits(text: str, lang: str) -> str:
    """Fractions to digits, glued halves apart, vague counts masked."""
    fractions = _loose(lang, "fractions")
    if fractions is not None:
        text = fractions.sub(lambda m: f" {_fraction_table(lang)[_key(m.group())]:g} ", text)
    for suffix in phrase_list(lang, "half_suffixes"):  # "dreieinhalb" -> "drei einhalb"
        text = re.sub(rf"(?<!\w)(\w+?)({re.escape(suffix.lower())})(?!\w)", r"\1 \2", text)
    return _mask_vague(text, lang)


def _mask_vague(text: str, lang: str) -> str:
    """A plural count word ("hundreds", "centaines", "Tausende") with no number
    before it says how big, not how many: it becomes VAGUE."""
    plurals = _loose(lang, "vague", "plurals")
    if plurals is None:
        return text
    of = {_key(w) for w in phrase_list(lang, "scale_of")}
    out = ""
    pos = 0
    for m in plurals.finditer(text):
        out += text[pos:m.start()]
        words = out.split()
        if words and _key(words[-1]) in of:
            words.pop()
        out += m.group() if _counted(words, lang) else VAGUE
        pos = m.end()
    return out + text[pos:]


@lru_cache(maxsize=None)
def _count_words(lang: str) -> frozenset:
    """Words that give a plural scale its count, numbers aside: collectives
    ("un paio di centinaia", "duas dezenas de milhares": a vague plural before
    is already masked) and halves ("einhalb Millionen")."""
    halves = {_key(w).split()[-1] for w in list(phrase_list(lang, "half")) + list(phrase_list(lang, "and_half"))}
    return frozenset(set(_collectives(lang)) | halves)


def _counted(words: List[str], lang: str) -> bool:
    prev = words[-1] if words else ""
    if re.search(r"\d$", prev) or re.search(r"\d", words_to_digits(prev, lang)):
        return True
    return _key(prev) in _count_words(lang) or _key(" ".join(words[-2:])) in _count_words(lang)


# ---------------------------------------------------- after the digits
@lru_cache(maxsize=None)
def _collectives(lang: str) -> Dict[str, float]:
    return {_key(k): float(v) for k, v in phrase_map(lang, "collectives").items()}


def _power_of_ten(n: Num, least: float) -> bool:
    return n.scale == 1 and n.raw >= least and math.log10(n.raw).is_integer()


def with_words(work: str, lang: str, nums: List[Num], mags: Mapping[str, float]) -> List[Num]:
    nums = _with_collectives(work, lang, nums)
    nums = _with_counted_scales(work, lang, nums, mags)
    nums = _with_added_halves(work, lang, nums, mags)
    nums = _with_halves(work, lang, nums, mags)
    return _without_vague(work, lang, nums)


def _with_collectives(work: str, lang: str, nums: List[Num]) -> List[Num]:
    """'une cinquantaine' = 50, 'deux douzaines' = 24."""
    table = _collectives(lang)
    if not table:
        return nums
    for m in word_regex(table).finditer(work):
        value = table[_key(m.group())]
        before = [n for n in nums if n.end <= m.start() and not work[n.end:m.start()].strip()]
        if before:
            n = before[-1]
            nums.remove(n)
            nums.append(Num(n.value * value, n.raw, n.scale * value, n.start, m.end(), True))
        else:
            nums.append(Num(value, value, 1.0, m.start(), m.end(), True))
    return sorted(nums, key=lambda n: n.start)


def _lead(lang: str) -> str:
    """Space, optionally with the language's "of" ("a couple of hundred")."""
    of = phrase_list(lang, "scale_of")
    return rf"\s*(?:(?:{word_regex(of).pattern})\s*)?" if of else r"\s*"


def _with_counted_scales(work: str, lang: str, nums: List[Num], mags: Mapping[str, float]) -> List[Num]:
    """A collective counts a scale after it: 'a couple hundred', 'un paio di
    centinaia', 'une dizaine de milliers'."""
    lead = _lead(lang)
    mag_after = re.compile(rf"{lead}(?P<mag>{word_regex(mags).pattern})") if mags else None
    out: List[Num] = []
    i = 0
    while i < len(nums):
        n = nums[i]
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        if n.collective and nxt is not None and re.fullmatch(lead, work[n.end:nxt.start]) \
                and (nxt.collective or _power_of_ten(nxt, 100)):
            out.append(Num(n.value * nxt.value, n.raw, n.scale * nxt.value, n.start, nxt.end, True))
            i += 2
            continue
        m = mag_after.match(work, n.end) if n.collective and mag_after is not None else None
        if m is not None and not any(o.start < m.end() and o.end > n.end for o in nums):
            factor = mags[_key(m.group("mag"))]
            n = Num(n.value * factor, n.raw, n.scale * factor, n.start, m.end(), True)
        out.append(n)
        i += 1
    return out


def _thousands(raw: float) -> float:
    """Largest power of 1000 dividing `raw`: the unit "et demi" halves in '2000000 et demi'."""
    unit = 1.0
    while raw and raw % (unit * 1000) == 0:
        unit *= 1000
    return unit


def _with_added_halves(work: str, lang: str, nums: List[Num], mags: Mapping[str, float]) -> List[Num]:
    """'two and a half (million)', 'deux millions et demi', 'un millón y medio'."""
    words = phrase_list(lang, "and_half")
    if not words:
        return nums
    half_after = re.compile(rf"\s*(?:{word_regex(words).pattern})")
    mag_after = re.compile(rf"\s*(?P<mag>{word_regex(mags).pattern})") if mags else None
    out: List[Num] = []
    skip = set()
    for i, n in enumerate(nums):
        if i in skip:
            continue
        m = half_after.match(work, n.end)
        if m is None or n.raw < 0:
            out.append(n)
            continue
        end, raw, scale = m.end(), n.raw, n.scale
        if scale > 1:
            raw += 0.5
        elif raw >= 1000:
            raw += _thousands(raw) / 2
        else:
            raw += 0.5
            nxt = nums[i + 1] if i + 1 < len(nums) else None
            mag = mag_after.match(work, end) if mag_after is not None else None
            if nxt is not None and not work[end:nxt.start].strip() and _power_of_ten(nxt, 1000):
                scale, end = nxt.raw, nxt.end
                skip.add(i + 1)
            elif mag is not None and not any(o.start < mag.end() and o.end > end for o in nums):
                scale, end = mags[_key(mag.group("mag"))], mag.end()
        out.append(Num(raw * scale, raw, scale, n.start, end, n.collective))
    return out


def _with_halves(work: str, lang: str, nums: List[Num], mags: Mapping[str, float]) -> List[Num]:
    """'half a million', 'medio millón', 'half a dozen', and 'mezzo milione' /
    'un demi-million' where no digit was written at all."""
    halves = phrase_list(lang, "half")
    if not halves:
        return nums
    half = word_regex(halves).pattern
    before = re.compile(rf"(?:{half})[\s-]*$")
    out = []
    for n in nums:
        m = before.search(work, 0, n.start)
        if m and (n.collective or _power_of_ten(n, 1000)):
            n = replace(n, value=n.value / 2, raw=n.raw / 2, start=m.start())
        out.append(n)
    if mags:
        for m in re.finditer(rf"(?:{half})[\s-]*(?P<mag>{word_regex(mags).pattern})", work):
            if not any(o.start < m.end() and o.end > m.start() for o in out):
                scale = mags[_key(m.group("mag"))]
                out.append(Num(scale / 2, 0.5, scale, m.start(), m.end()))
    return sorted(out, key=lambda n: n.start)


def _without_vague(work: str, lang: str, nums: List[Num]) -> List[Num]:
    """'a few hundred', 'quelques centaines', 'ein paar tausend': no value."""
    words = list(phrase_list(lang, "vague", "quantifiers"))
    marks = [re.escape(VAGUE)] + ([word_regex(words).pattern] if words else [])
    before = re.compile(rf"(?:{'|'.join(marks)}){_lead(lang)}$")
    return [n for n in nums if not before.search(work, 0, n.start)]
