"""E-mail addresses and phone numbers, validated by their libraries.

The default phone region comes from the phrases file (`phone_region`) so a
French speaker's "06 12 34 56 78" is French; English has none, because
English speakers are everywhere, so their numbers need a + prefix unless the
country is known.
"""
from __future__ import annotations

import re
from typing import Optional

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from .data import phrases
from .text import clean

_EMAIL = re.compile(r"[\w.+'%-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_PHONE_RUN = re.compile(r"\+?\(?\d[\d\s().\-/]{4,}\d")


def find_email(text: str) -> Optional[str]:
    """The first syntactically valid address, lower-cased, or None."""
    for m in _EMAIL.finditer(clean(text)):
        candidate = m.group().strip(".-'")
        try:
            result = validate_email(candidate, check_deliverability=False)
        except EmailNotValidError:
            continue
        return result.normalized.lower()
    return None


def default_region(lang: str, country: Optional[str]) -> Optional[str]:
    if country:
        return country.upper()
    region = phrases(lang).get("phone_region")
    return str(region).upper() if region else None


def find_phone(text: str, lang: str, country: Optional[str] = None) -> Optional[str]:
    """The first valid phone number in E.164, or None."""
    region = default_region(lang, country)
    cleaned = clean(text)
    for match in phonenumbers.PhoneNumberMatcher(cleaned, region or "ZZ", leniency=phonenumbers.Leniency.VALID):
        return phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
    # The matcher is conservative about odd punctuation ("089 / 12 34 56 78").
    for run in _PHONE_RUN.findall(cleaned):
        try:
            number = phonenumbers.parse(run, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None
