"""Head counts, including those told as a sum of parts.

"3 partners and 12 employees" is 15: numbers followed by a people word add up
when an "and" word (`team.and` in the phrases file) joins them.  The people
words are `people` plus `team.members`, which count only as such a part: "40
partners" alone is not a head count.  For the employees question the speaker
and single people count too: "me and my partner" is 2, "mon associé, moi et 3
salariés" is 5.  The speaker (`team.self`: "me", "moi", "ich") only counts when
linked to someone by "and", and not as a trailing "... and I" followed by more
words next to a number ("12 employees and I'm the boss" stays 12).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Sequence, Tuple

from .choices import category_matcher
from .data import phrase_list, phrase_map
from .numbers import Quantity, Scan, quantities
from .text import Match, Matcher, Token, labelled, tokenize


def word_after(scan: Scan, q: Quantity, matcher: Matcher, lang: str, within: int = 2) -> Optional[object]:
    """Label of a phrase starting at most `within` words after the quantity."""
    found = _match_after(tokenize(scan.text, lang), q, matcher, within)
    return None if found is None else found.label


def _match_after(toks: Sequence[Token], q: Quantity, matcher: Matcher, within: int) -> Optional[Match]:
    after = [i for i, t in enumerate(toks) if t.start >= q.end]
    if not after:
        return None
    first = after[0]
    for m in matcher.find([t.norm for t in toks]):
        if first <= m.start <= first + within:
            return m
    return None


@dataclass(frozen=True)
class _Part:
    start: int  # token span in the scan text
    end: int
    low: float
    high: float
    kind: str  # "count", "self" or "one"


@lru_cache(maxsize=None)
def _team(lang: str) -> Matcher:
    return Matcher(labelled({k: v for k, v in phrase_map(lang, "team").items() if k in ("and", "self", "one")}), lang)


@lru_cache(maxsize=None)
def _part_cues(lang: str) -> Matcher:
    """People words, plus those that only count as a part ("partners", "associés")."""
    words = list(phrase_list(lang, "people")) + list(phrase_list(lang, "team", "members"))
    return Matcher(((w, True) for w in words), lang)


def _parts(found: Sequence[Quantity], toks: Sequence[Token], lang: str, speaker: bool) -> List[_Part]:
    parts: List[_Part] = []
    for q in found:
        m = _match_after(toks, q, _part_cues(lang), 2)
        first = next((i for i, t in enumerate(toks) if t.start >= q.start), None)
        if m is not None and first is not None:
            parts.append(_Part(first, m.end, q.low, q.high, "count"))
    if speaker:
        for m in _team(lang).find([t.norm for t in toks]):
            if m.label in ("self", "one") and not any(p.start < m.end and m.start < p.end for p in parts):
                parts.append(_Part(m.start, m.end, 1.0, 1.0, str(m.label)))
    return sorted(parts, key=lambda p: p.start)


def _chains(parts: Sequence[_Part], joins: Sequence[Match]) -> List[Tuple[List[_Part], bool]]:
    """Runs of parts separated by nothing but one "and" word or punctuation,
    with whether an "and" joined them."""
    chains: List[Tuple[List[_Part], bool]] = []
    run: List[_Part] = []
    joined = False
    for part in parts:
        if run:
            gap = (run[-1].end, part.start)
            by_and = any((m.start, m.end) == gap for m in joins)
            if by_and or gap[0] == gap[1]:
                run.append(part)
                joined = joined or by_and
                continue
            chains.append((run, joined))
        run, joined = [part], False
    if run:
        chains.append((run, joined))
    return chains


def team_count(text: str, lang: str, speaker: bool = False) -> Optional[Quantity]:
    """The sum of a head count told in parts, or None when it is not one."""
    scan, found = quantities(text, lang)
    toks = tokenize(scan.text, lang)
    parts = _parts(found, toks, lang, speaker)
    joins = [m for m in _team(lang).find([t.norm for t in toks]) if m.label == "and"]
    for run, joined in _chains(parts, joins):
        last = run[-1]
        if last.kind == "self" and last.end < len(toks) and any(p.kind == "count" for p in run):
            run = run[:-1]  # "12 employees and I'm the boss"
        if joined and len(run) >= 2:
            first_q = toks[run[0].start].start
            return Quantity(sum(p.low for p in run), sum(p.high for p in run), first_q, toks[run[-1].end - 1].end,
                            any(q.scaled for q in found))
    return None


def head_count(text: str, lang: str, strict: bool = False) -> Optional[Quantity]:
    """The quantity that counts people; `strict` needs a word such as "staff"."""
    summed = team_count(text, lang)
    if summed is not None:
        return summed
    scan, found = quantities(text, lang)
    people = category_matcher(lang, "people")
    cued = [q for q in found if word_after(scan, q, people, lang) is not None]
    if cued:
        return cued[0]
    return None if strict or not found else found[0]
