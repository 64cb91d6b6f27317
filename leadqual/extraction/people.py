"""Free-text answers: names, occupations, competitors, the need itself.

These keep the prospect's own words and only strip the lead-ins people put
in front ("we are", "je m'appelle", "wir nutzen"), which the phrases files
list per language.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import List, Optional

from .data import phrase_list
from .text import Matcher, clean, fold, norms, tokenize

_QUOTES = "\"'“”«»‘’`"
_CUT = re.compile(r"[,;:!?()\[\]\n]|\.\s|\s[-–]\s")


@lru_cache(maxsize=None)
def _lead_ins(lang: str, slot: str) -> Matcher:
    return Matcher(((p, True) for p in phrase_list(lang, "lead_ins", slot)), lang)


@lru_cache(maxsize=None)
def _stops(lang: str) -> Matcher:
    return Matcher(((p, True) for p in phrase_list(lang, "stops")), lang)


def peel(text: str, lang: str, slot: str) -> str:
    """Remove lead-in phrases at the start, repeatedly ("oui, c'est la société X")."""
    body = clean(text).strip().strip(_QUOTES + " ")
    for _ in range(5):
        toks = tokenize(body, lang)
        found = _lead_ins(lang, slot).find([t.norm for t in toks]) if toks else []
        if not found or found[0].start != 0 or found[0].end == len(toks):
            break
        body = body[toks[found[0].end - 1].end:].lstrip(" ,:;.-–!").strip(_QUOTES + " ")
    return body


def first_clause(text: str) -> str:
    """Up to the first punctuation that ends a name ("Dupont SA, in Lyon")."""
    return _CUT.split(text + " ", maxsplit=1)[0].strip().rstrip(".").strip(_QUOTES + " ")


def until_stop(text: str, lang: str) -> str:
    """Cut at a connector such as "and"/"mais"/"von der Firma"."""
    toks = tokenize(text, lang)
    found = [m for m in _stops(lang).find([t.norm for t in toks]) if m.start > 0]
    return text[: toks[found[0].start].start].strip() if found else text.strip()


def person_name(text: str, lang: str) -> Optional[str]:
    body = until_stop(first_clause(peel(text, lang, "person_name")), lang)
    words: List[str] = []
    for word in body.split():
        if not re.fullmatch(r"[^\W\d_]+(?:['-][^\W\d_]+)*\.?", word):
            break
        words.append(word)
    if not words or len(words) > 5:
        return None
    name = " ".join(words)
    if name == name.lower() or (name == name.upper() and len(name) > 3):
        name = _title(words, lang)
    return name


def _title(words: List[str], lang: str) -> str:
    particles = {fold(p) for p in phrase_list(lang, "name_particles")}
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        out.append(low if i > 0 and fold(low) in particles else "-".join(p[:1].upper() + p[1:] for p in low.split("-")))
    return " ".join(out)


def company_name(text: str, lang: str) -> Optional[str]:
    name = first_clause(peel(text, lang, "company_name"))
    return name if re.search(r"[^\W_]", name) else None


def occupation(text: str, lang: str) -> Optional[str]:
    body = first_clause(peel(text, lang, "occupation"))
    return body if re.search(r"[^\W\d_]", body) else None


def supplier_name(text: str, lang: str) -> Optional[str]:
    body = until_stop(first_clause(peel(text, lang, "current_supplier")), lang)
    return body if re.search(r"[^\W_]", body) and len(norms(body, lang)) <= 6 else None


def letter_words(text: str) -> int:
    return len(re.findall(r"[^\W\d_]{2,}|\b[^\W\d_]\b", clean(text)))
