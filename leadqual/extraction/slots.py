"""The slot registry: one pure function per slot, and `extract` in front.

Each extractor gets a Context and returns an Extracted or raises
InvalidAnswer; none of them talks to the dialogue layer, so they are tested
as plain functions.
"""
from __future__ import annotations

import datetime
from typing import Callable, Dict, Optional

from . import company, people
from .amounts import parse_amount
from .choices import category_matcher, classify, only_yes_no, parse_yes_no
from .contact import find_email, find_phone
from .data import phrases
from .errors import InvalidAnswer
from .geo import find_country
from .model import Context, Extracted
from .text import norms
from .timeline import parse_timeline

Extractor = Callable[[Context], Extracted]


def _reject(ctx: Context, reason: str) -> InvalidAnswer:
    return InvalidAnswer(ctx.slot, reason, ctx.text)


def customer_type(ctx: Context) -> Extracted:
    """b2b/b2c phrases first; a company noun or an industry ("for our
    restaurant") also means a business."""
    label = classify(ctx.text, ctx.lang, "customer_type")
    if label is None and (category_matcher(ctx.lang, "company_nouns").find(norms(ctx.text, ctx.lang))
                          or company.find_sector(ctx.text, ctx.lang) not in (None, "other")):
        label = "b2b"
    if label is None:
        raise _reject(ctx, "unclear")
    return Extracted(ctx.slot, label, {})


def need(ctx: Context) -> Extracted:
    text = " ".join(ctx.text.split())
    if people.letter_words(text) < 2 or only_yes_no(text, ctx.lang):
        raise _reject(ctx, "too_short")
    return Extracted(ctx.slot, text, {})


def country(ctx: Context) -> Extracted:
    found = find_country(ctx.text, ctx.lang)
    if found is None:
        raise _reject(ctx, "unknown_country")
    return Extracted(ctx.slot, found[0], {})


def amount_eur(ctx: Context) -> Extracted:
    amount = parse_amount(ctx.text, ctx.lang, ctx.country)
    if amount is None:
        raise _reject(ctx, "no_number")
    if amount.low <= 0:
        raise _reject(ctx, "not_positive")
    try:
        value = amount.in_eur()
    except KeyError:
        raise _reject(ctx, "unknown_currency") from None
    details = {"amount": amount.amount, "currency": amount.currency, "min": amount.low, "max": amount.high}
    return Extracted(ctx.slot, value, details)


def timeline_months(ctx: Context) -> Extracted:
    months = parse_timeline(ctx.text, ctx.lang, ctx.today)
    if months is None:
        raise _reject(ctx, "no_timeline")
    return Extracted(ctx.slot, months, {})


def email(ctx: Context) -> Extracted:
    found = find_email(ctx.text, ctx.lang)
    if found is None:
        raise _reject(ctx, "bad_email")
    return Extracted(ctx.slot, found, {})


def phone(ctx: Context) -> Extracted:
    found = find_phone(ctx.text, ctx.lang, ctx.country)
    if found is None:
        raise _reject(ctx, "bad_phone")
    return Extracted(ctx.slot, found, {})


def consent(ctx: Context) -> Extracted:
    answer = parse_yes_no(ctx.text, ctx.lang)
    if answer is None:
        raise _reject(ctx, "not_yes_no")
    return Extracted(ctx.slot, answer, {})


def company_name(ctx: Context) -> Extracted:
    name = people.company_name(ctx.text, ctx.lang)
    if name is None or only_yes_no(name, ctx.lang):
        raise _reject(ctx, "no_name")
    return Extracted(ctx.slot, name, {})


def current_supplier(ctx: Context) -> Extracted:
    """A competitor's name, "none", or "yes" (has one, did not say which)."""
    words = norms(ctx.text, ctx.lang)
    none = category_matcher(ctx.lang, "supplier_none").find(words)
    if none and (none[0].start == 0 or sum(m.end - m.start for m in none) * 2 >= len(words)):
        return Extracted(ctx.slot, "none", {})
    name = people.supplier_name(ctx.text, ctx.lang)
    if name is not None and not only_yes_no(name, ctx.lang):
        return Extracted(ctx.slot, name, {})
    if parse_yes_no(ctx.text, ctx.lang):
        return Extracted(ctx.slot, "yes", {})
    raise _reject(ctx, "unclear")


def _label_or_other(key: str) -> Extractor:
    def extractor(ctx: Context) -> Extracted:
        if not norms(ctx.text, ctx.lang):
            raise _reject(ctx, "empty")
        label = classify(ctx.text, ctx.lang, key)
        if label is None:
            return Extracted(ctx.slot, "other", {"text": ctx.text.strip()})
        return Extracted(ctx.slot, label, {})
    extractor.__doc__ = f"A label from the {key!r} phrases, or 'other' keeping the text."
    return extractor


def purchase_frequency(ctx: Context) -> Extracted:
    label = classify(ctx.text, ctx.lang, "purchase_frequency")
    if label is None:
        raise _reject(ctx, "unclear")
    return Extracted(ctx.slot, label, {})


def occupation(ctx: Context) -> Extracted:
    found = people.occupation(ctx.text, ctx.lang)
    if found is None:
        raise _reject(ctx, "too_short")
    return Extracted(ctx.slot, found, {})


def person_name(ctx: Context) -> Extracted:
    found = people.person_name(ctx.text, ctx.lang)
    if found is None or only_yes_no(found, ctx.lang):
        raise _reject(ctx, "no_name")
    return Extracted(ctx.slot, found, {})


EXTRACTORS: Dict[str, Extractor] = {
    "customer_type": customer_type,
    "need": need,
    "country": country,
    "employees": company.employees,
    "order_value_eur": amount_eur,
    "annual_revenue_eur": amount_eur,
    "timeline_months": timeline_months,
    "email": email,
    "phone": phone,
    "consent": consent,
    "company_name": company_name,
    "sector": company.sector,
    "subsidiaries": company.subsidiaries,
    "company_age_years": company.company_age,
    "current_supplier": current_supplier,
    "decision_role": _label_or_other("decision_role"),
    "age": company.age,
    "occupation": occupation,
    "purchase_frequency": purchase_frequency,
    "person_name": person_name,
    "prospect_source": _label_or_other("prospect_source"),
}


def extract(slot: str, text: str, lang: str, *, country: Optional[str] = None,
            today: Optional[datetime.date] = None) -> Extracted:
    """Understand `text` as the answer to the question for `slot`.

    Raises KeyError for an unknown slot, UnsupportedLanguage when no phrases
    file exists for `lang`, InvalidAnswer when the answer holds no value.
    """
    extractor = EXTRACTORS[slot]
    phrases(lang)  # fail early and clearly for an unsupported language
    if not isinstance(text, str) or not text.strip():
        raise InvalidAnswer(slot, "empty", text if isinstance(text, str) else "")
    ctx = Context(slot, text.strip(), lang, country.upper() if country else None, today or datetime.date.today())
    return extractor(ctx)
