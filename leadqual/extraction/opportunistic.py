"""extract_all: what a free message states without being asked.

Only unambiguous cues count, because a wrong guess here silently skips a
question: a number needs a unit word ("200 people", "50k€ budget"), a country
name must not double as a common word, a demonym needs a company word next
to it, a delay needs "in"/"dans"/"tra".  A bare "200" fills nothing.
"""
from __future__ import annotations

import datetime
import re
from typing import Dict, Optional

from .amounts import parse_amount
from .choices import category_matcher
from .company import find_sector
from .contact import find_email, find_phone
from .data import phrases
from .geo import find_country
from .model import Extracted
from .numbers import half_up, quantities
from .people import person_name
from .team import head_count
from .text import best_label, norms, tokenize
from .timeline import parse_timeline


def _amounts(text: str, lang: str, country: Optional[str]) -> Dict[str, Extracted]:
    """An amount counts only with a cue word for revenue or budget."""
    out: Dict[str, Extracted] = {}
    words = norms(text, lang)
    for m in category_matcher(lang, "amount_cues").find(words):
        if m.label in out:
            continue
        amount = parse_amount(text, lang, country)
        _, found = quantities(text, lang)
        if amount is None or not any(q.scaled or q.high >= 1000 for q in found):
            continue
        try:
            value = amount.in_eur()
        except KeyError:
            continue
        out[str(m.label)] = Extracted(str(m.label), value, {"amount": amount.amount, "currency": amount.currency,
                                                             "min": amount.low, "max": amount.high})
        break  # one amount per message: which cue it belongs to is the first one's
    return out


def _founded(text: str, lang: str, today: datetime.date) -> Optional[Extracted]:
    """'founded in 2010', 'depuis 1998': a founding cue right before a year."""
    toks = tokenize(text, lang)
    for m in category_matcher(lang, "company_age").find([t.norm for t in toks]):
        cue = text[toks[m.start].start:toks[m.end - 1].end]
        if m.label != "founded" or m.end >= len(toks) or len(cue) < 4:  # not a bare "en"/"nel"
            continue
        nxt = toks[m.end].norm
        if re.fullmatch(r"1[89]\d\d|20\d\d", nxt) and 1800 <= int(nxt) <= today.year:
            return Extracted("company_age_years", float(today.year - int(nxt)), {"founded": int(nxt)})
    return None


def _name(text: str, lang: str) -> Optional[Extracted]:
    found = category_matcher(lang, "name_intro").find(norms(text, lang))
    if not found:
        return None
    toks = tokenize(text, lang)
    name = person_name(text[toks[found[0].start].start:], lang)
    return Extracted("person_name", name, {}) if name else None


def _customer_type(text: str, lang: str, company: bool) -> Optional[str]:
    """Only phrases of two words or more ("for my company", "pour moi"): a lone
    "clientes" or "home" says little in a free message.  A head count, an
    industry or a company noun means a company is talking."""
    words = norms(text, lang)
    kind = best_label([m for m in category_matcher(lang, "customer_type").find(words) if m.end - m.start >= 2])
    if kind is None and (company or category_matcher(lang, "company_nouns").find(words)):
        kind = "b2b"
    return None if kind is None else str(kind)


def extract_all(text: str, lang: str, *, country: Optional[str] = None,
                today: Optional[datetime.date] = None) -> Dict[str, Extracted]:
    """Every slot the message clearly fills, by slot name."""
    phrases(lang)
    today = today or datetime.date.today()
    out: Dict[str, Extracted] = {}
    if not isinstance(text, str) or not text.strip():
        return out
    email = find_email(text, lang)
    if email:
        out["email"] = Extracted("email", email, {})
    phone = find_phone(text, lang, country)
    if phone:
        out["phone"] = Extracted("phone", phone, {})
    staff = head_count(text, lang, strict=True)
    if staff is not None and staff.low > 0:
        out["employees"] = Extracted("employees", half_up(staff.value), {"min": half_up(staff.low), "max": half_up(staff.high)})
    out.update(_amounts(text, lang, country))
    place = find_country(text, lang, strict=True)
    if place is not None:
        out["country"] = Extracted("country", place[0], {})
    sector = find_sector(text, lang)
    if sector is not None and sector != "other":
        out["sector"] = Extracted("sector", sector, {})
    kind = _customer_type(text, lang, company=bool({"employees", "sector"} & set(out)))
    if kind is not None:
        out["customer_type"] = Extracted("customer_type", kind, {})
    months = parse_timeline(text, lang, today, strict=True)
    if months is not None:
        out["timeline_months"] = Extracted("timeline_months", months, {})
    for found in (_founded(text, lang, today), _name(text, lang)):
        if found is not None:
            out[found.slot] = found
    return out
