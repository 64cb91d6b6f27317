"""Answers that pick one label from a closed set, by phrases in the data files.

A label wins by matched weight; for yes/no the earliest phrase wins ("yes, no
problem" is yes because "no problem" is itself a yes phrase).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from .data import phrase_list, phrase_map
from .text import Matcher, best_label, labelled, norms


@lru_cache(maxsize=None)
def category_matcher(lang: str, key: str) -> Matcher:
    node = phrase_map(lang, key) if isinstance(phrase_map(lang, key), dict) else {}
    if node:
        return Matcher(labelled(node), lang)
    return Matcher(((p, key) for p in phrase_list(lang, key)), lang)


def classify(text: str, lang: str, key: str) -> Optional[str]:
    """Best label of the `key` section of the phrases file, or None."""
    return best_label(category_matcher(lang, key).find(norms(text, lang)))  # type: ignore[return-value]


@lru_cache(maxsize=None)
def _yes_no(lang: str) -> Matcher:
    entries = [(p, True) for p in phrase_list(lang, "yes")] + [(p, False) for p in phrase_list(lang, "no")]
    return Matcher(entries, lang)


def parse_yes_no(text: str, lang: str) -> Optional[bool]:
    """True/False for a yes/no answer in the language, None when it is neither."""
    found = _yes_no(lang).find(norms(text, lang))
    return bool(found[0].label) if found else None


def only_yes_no(text: str, lang: str) -> bool:
    """The answer is nothing but yes/no words ("oui", "yes sure")."""
    words = norms(text, lang)
    covered = sum(m.end - m.start for m in _yes_no(lang).find(words))
    return bool(words) and covered == len(words)


def is_decline(text: str, lang: str) -> bool:
    """The prospect refuses to answer.  A multi-word phrase ("prefer not to
    say") is enough; a single word ("pass", "weiter") must be most of the
    message, so "pass me the brochure" is not a refusal."""
    words = norms(text, lang)
    found = category_matcher(lang, "decline").find(words)
    if any(m.end - m.start >= 2 for m in found):
        return True
    covered = sum(m.end - m.start for m in found)
    return bool(found) and covered * 2 >= len(words)
