"""Answers about the prospect's company: size, sector, age, structure."""
from __future__ import annotations

from functools import lru_cache
from typing import List, Optional, Tuple

from .choices import category_matcher, parse_yes_no
from .data import phrase_map, phrases, sectors
from .errors import InvalidAnswer
from .model import Context, Extracted
from .numbers import half_up, quantities
from .team import head_count, team_count, word_after
from .text import Matcher, best_label, labelled, norms

MAX_EMPLOYEES = 10_000_000  # larger than any employer: a misread number
YEAR_FRACTIONS = {"day": 1 / 365.25, "week": 1 / 52.18, "month": 1 / 12, "quarter": 1 / 4, "semester": 1 / 2, "year": 1.0}


def employees(ctx: Context) -> Extracted:
    """A head count, a sum of parts ("me and my partner" = 2) or "just me" = 1."""
    q = team_count(ctx.text, ctx.lang, speaker=True) or head_count(ctx.text, ctx.lang)
    if q is None:
        if category_matcher(ctx.lang, "solo").find(norms(ctx.text, ctx.lang)):
            return Extracted(ctx.slot, 1, {"min": 1, "max": 1})
        raise InvalidAnswer(ctx.slot, "no_number", ctx.text)
    if q.low <= 0:
        raise InvalidAnswer(ctx.slot, "not_positive", ctx.text)
    if q.high > MAX_EMPLOYEES:
        raise InvalidAnswer(ctx.slot, "implausible", ctx.text)
    return Extracted(ctx.slot, max(1, half_up(q.value)), {"min": half_up(q.low), "max": half_up(q.high)})


def subsidiaries(ctx: Context) -> Extracted:
    _, found = quantities(ctx.text, ctx.lang)
    if found:
        if found[0].low < 0:
            raise InvalidAnswer(ctx.slot, "not_positive", ctx.text)
        return Extracted(ctx.slot, half_up(found[0].value), {"min": half_up(found[0].low), "max": half_up(found[0].high)})
    if category_matcher(ctx.lang, "supplier_none").find(norms(ctx.text, ctx.lang)) or parse_yes_no(ctx.text, ctx.lang) is False:
        return Extracted(ctx.slot, 0, {})
    if parse_yes_no(ctx.text, ctx.lang):
        raise InvalidAnswer(ctx.slot, "need_number", ctx.text)
    raise InvalidAnswer(ctx.slot, "no_number", ctx.text)


@lru_cache(maxsize=None)
def _units(lang: str) -> Matcher:
    return Matcher(labelled(phrase_map(lang, "timeline", "units")), lang)


def _age_labels(text: str, lang: str) -> List[object]:
    return [m.label for m in category_matcher(lang, "company_age").find(norms(text, lang))]


def company_age(ctx: Context) -> Extracted:
    """Years since founding: a founding year, a duration, or "startup" = 1."""
    scan, found = quantities(ctx.text, ctx.lang)
    year_now = ctx.today.year
    whole = [q for q in found if not q.is_range and float(q.value).is_integer()]
    founded = next((int(q.value) for q in whole if 1800 <= q.value <= year_now), None)
    if founded is not None:
        return Extracted(ctx.slot, float(year_now - founded), {"founded": founded})
    if any(year_now < q.value <= 2100 for q in whole):
        raise InvalidAnswer(ctx.slot, "future_year", ctx.text)
    durations = [(q, word_after(scan, q, _units(ctx.lang), ctx.lang, within=1)) for q in found]
    with_unit = [(q, u) for q, u in durations if u is not None]
    if not with_unit and "new" in _age_labels(ctx.text, ctx.lang):
        return Extracted(ctx.slot, 1.0, {"founded": year_now - 1})
    if not found:
        raise InvalidAnswer(ctx.slot, "no_number", ctx.text)
    q, unit = with_unit[0] if with_unit else (found[0], "year")
    years = q.value * YEAR_FRACTIONS[str(unit)]
    if years <= 0:
        raise InvalidAnswer(ctx.slot, "not_positive", ctx.text)
    if years > 300:
        raise InvalidAnswer(ctx.slot, "bad_year", ctx.text)
    return Extracted(ctx.slot, round(years, 1), {"founded": year_now - int(years)})


def age(ctx: Context) -> Extracted:
    _, found = quantities(ctx.text, ctx.lang)
    if not found:
        raise InvalidAnswer(ctx.slot, "bad_age", ctx.text)
    value = found[0].value
    if float(value).is_integer() and 1900 <= value <= ctx.today.year:
        value = ctx.today.year - value  # a birth year
    if not 16 <= value <= 110:
        raise InvalidAnswer(ctx.slot, "bad_age", ctx.text)
    return Extracted(ctx.slot, half_up(value), {})


@lru_cache(maxsize=None)
def _sector_matcher(lang: str) -> Matcher:
    """The language's keywords plus English ones, which travel as loanwords."""
    entries: List[Tuple[str, str]] = []
    for key, langs in sectors().items():
        for source in dict.fromkeys((lang, "en")):
            entries.extend((w, key) for w in (langs.get(source) or ()))
    return Matcher(entries, lang, compounds=bool(phrases(lang).get("compounds")))


def find_sector(text: str, lang: str) -> Optional[str]:
    return best_label(_sector_matcher(lang).find(norms(text, lang)))  # type: ignore[return-value]


def sector(ctx: Context) -> Extracted:
    if not norms(ctx.text, ctx.lang):
        raise InvalidAnswer(ctx.slot, "empty", ctx.text)
    key = find_sector(ctx.text, ctx.lang)
    if key is None or key == "other":
        return Extracted(ctx.slot, "other", {"text": ctx.text.strip()})
    return Extracted(ctx.slot, key, {})
