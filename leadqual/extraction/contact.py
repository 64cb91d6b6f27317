"""E-mail addresses and phone numbers, validated by their libraries.

An address may be spelled out ("lucie point roux arobase gmail point com"):
the words for @ . - _ come from `email_words` in the phrases file, and the
rebuilt address is validated like a typed one.

The default phone region comes from the phrases file (`phone_region`) so a
French speaker's "06 12 34 56 78" is French; English has none, because
English speakers are everywhere, so their numbers need a + prefix unless the
country is known.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from .data import phrase_map, phrases
from .text import clean, fold, word_regex

_EMAIL = re.compile(r"[\w.+'%-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_PHONE_RUN = re.compile(r"\+?\(?\d[\d\s().\-/]{4,}\d")
_SIGNS = {"at": "@", "dot": ".", "dash": "-", "underscore": "_"}
_EDGES = ",;:!?()<>[]\"'«»"


def _valid(candidate: str) -> Optional[str]:
    try:
        return validate_email(candidate, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        return None


def find_email(text: str, lang: Optional[str] = None) -> Optional[str]:
    """The first syntactically valid address, lower-cased, or None; with
    `lang`, also one spelled out in words."""
    for m in _EMAIL.finditer(clean(text)):
        found = _valid(m.group().strip(".-'"))
        if found:
            return found
    return spelled_email(text, lang) if lang else None


@lru_cache(maxsize=None)
def _sign_table(lang: str) -> Dict[str, str]:
    """Folded sign word -> its character; a typed "@" counts as well."""
    table = {fold(w): _SIGNS[kind] for kind, ws in phrase_map(lang, "email_words").items() for w in (ws or ())}
    table["@"] = "@"
    return table


@lru_cache(maxsize=None)
def _sign_regex(lang: str) -> "re.Pattern[str]":
    return word_regex(_sign_table(lang))


def _pieces(text: str, lang: str) -> List[Tuple[bool, str]]:
    """(is_sign, text) runs: sign words become their character."""
    work = fold(text)
    out: List[Tuple[bool, str]] = []
    pos = 0
    for m in _sign_regex(lang).finditer(work):
        out.extend((False, w.strip(_EDGES)) for w in work[pos:m.start()].split() if w.strip(_EDGES))
        out.append((True, _sign_table(lang)[re.sub(r"\s+", " ", m.group())]))
        pos = m.end()
    out.extend((False, w.strip(_EDGES)) for w in work[pos:].split() if w.strip(_EDGES))
    return out


def spelled_email(text: str, lang: str) -> Optional[str]:
    """'name dot surname at gmail dot com' -> name.surname@gmail.com.  The last
    @ word followed by a dotted domain wins ("write me at ana at acme dot com");
    the local part is the words before it joined by sign words."""
    pieces = _pieces(text, lang)
    for i in reversed(range(len(pieces))):
        if pieces[i] != (True, "@"):
            continue
        domain = "".join(_run(pieces[i + 1:], "-."))
        local = "".join(reversed(_run(pieces[:i][::-1], "-._")))
        if local and "." in domain:
            found = _valid(f"{local}@{domain.rstrip('.')}")
            if found:
                return found
    return None


def _run(pieces: List[Tuple[bool, str]], signs: str) -> List[str]:
    """Word (sign word)* from the start of `pieces`; a dangling sign is dropped."""
    out: List[str] = []
    for is_sign, piece in pieces:
        if is_sign == bool(len(out) % 2) and (not is_sign or piece in signs):
            out.append(piece)
        else:
            break
    return out[:-1] if len(out) % 2 == 0 and out else out


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
