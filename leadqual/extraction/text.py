"""Normalisation, tokenisation and phrase matching shared by the extractors.

Everything is matched on folded tokens (lower case, accents stripped, elisions
split by spaCy's rules for the language) so that data files list phrases the
way people write them, accents optional, and a phrase only ever matches whole
words: "l'entreprise" yields "l'" + "entreprise", and "Indiana" never contains
"india".  A trailing `*` on a data word makes it a stem ("logisti*").

Languages that glue compounds (German, `compounds: true` in the phrases file)
also match a one-word keyword at the end of a longer word: "Individualsoftware"
ends with "software", "Kontraktlogistik" contains the stem "logisti*".  Only
keywords of five letters or more do so, unless a data word opts in with a
leading `*` ("*bau": "Hausbau", "Holzbau").  The head of a compound is its
last part, so such a tail beats a stem matched from the word's start when it
begins after that stem ("Buchhaltungssoftware" is software), but never a
keyword that is the whole word.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, Hashable, Iterable, List, Mapping, Optional, Sequence, Tuple

_CLEAN = str.maketrans({
    "’": "'", "‘": "'", "´": "'", "`": "'", "ʼ": "'", "‛": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\t": " ", "\n": " ", "\r": " ",
})
_FOLD = str.maketrans({"ß": "ss", "ẞ": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
SYMBOLS = frozenset("$€£¥₹₽₩&+%")
_PIECES = re.compile(r"[^-/.,;:!?()\[\]{}\"«»“”]+")


def clean(text: str) -> str:
    """NFC plus plain apostrophes, dashes and spaces; keeps case and accents."""
    return unicodedata.normalize("NFC", text).translate(_CLEAN)


def fold(text: str) -> str:
    """Matching key: lower case without diacritics (Bogotá == bogota)."""
    text = clean(text).lower().translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Token:
    norm: str  # folded text used for matching
    start: int  # character offsets into clean(text)
    end: int


@lru_cache(maxsize=None)
def _tokenizer(lang: str) -> Any:
    import spacy  # heavy (pulls thinc): only on first use, never at import time

    try:
        return spacy.blank(lang).tokenizer
    except Exception:  # a language spaCy lacks still gets its generic rules
        return spacy.blank("xx").tokenizer


@lru_cache(maxsize=4096)
def tokenize(text: str, lang: str) -> Tuple[Token, ...]:
    """Word tokens of `text`, sub-split on - / . so "États-Unis" == "etats unis"."""
    out: List[Token] = []
    for tok in _tokenizer(lang)(clean(text)):
        for m in _PIECES.finditer(tok.text):
            norm = fold(m.group())
            if norm.strip("'") and (any(c.isalnum() for c in norm) or norm in SYMBOLS):
                out.append(Token(norm, tok.idx + m.start(), tok.idx + m.end()))
    return tuple(out)


def norms(text: str, lang: str) -> Tuple[str, ...]:
    return tuple(t.norm for t in tokenize(text, lang))


Pattern = Tuple[Tuple[str, bool], ...]  # (token, is_stem) pairs


@dataclass(frozen=True)
class Match:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    label: Any  # whatever the caller attached to the phrase
    weight: float


def compile_pattern(phrase: str, lang: str) -> Pattern:
    parts: List[Tuple[str, bool]] = []
    for word in phrase.split():
        stem = len(word) > 1 and word.endswith("*")
        pieces = list(norms(word.rstrip("*") if stem else word, lang))
        if word.endswith("'") and pieces and not pieces[-1].endswith("'"):
            pieces[-1] += "'"  # an elided article alone ("l'") tokenizes without its apostrophe
        parts.extend((p, stem and i == len(pieces) - 1) for i, p in enumerate(pieces))
    return tuple(parts)


TAIL_MIN = 5  # letters a keyword needs to match as the end of a compound
_HEAD_MIN = 3  # letters that must come before it ("Hausbau", not "Abau")


class Matcher:
    """Finds the leftmost-longest, non-overlapping phrase matches in a token list.

    A phrase prefixed with `~` is weak (weight 0.5): it counts, but any plain
    keyword of another label outweighs it ("industrie du logiciel").  With
    `compounds`, a word nothing matched from its start may end with a keyword.
    """

    def __init__(self, entries: Iterable[Tuple[str, Hashable]], lang: str, compounds: bool = False) -> None:
        self._exact: Dict[str, List[Tuple[Pattern, Any, float]]] = {}
        self._stems: Dict[str, List[Tuple[Pattern, Any, float]]] = {}
        self._tails: List[Tuple[str, bool, Any, float]] = []
        for phrase, label in entries:
            weight = 0.5 if phrase.startswith("~") else 1.0
            head = phrase.lstrip("~").startswith("*")
            for variant in {phrase, phrase.translate(_UMLAUTS)}:  # "Muenchen" typed without umlauts
                pattern = compile_pattern(variant.lstrip("~").lstrip("*"), lang)
                if not pattern:
                    continue
                first, stem = pattern[0]
                bucket = self._stems.setdefault(first[:3], []) if stem else self._exact.setdefault(first, [])
                bucket.append((pattern, label, weight))
                if compounds and len(pattern) == 1 and (head or len(first) >= TAIL_MIN):
                    self._tails.append((first, stem, label, weight))

    def _candidates(self, word: str) -> Iterable[Tuple[Pattern, Any, float]]:
        yield from self._exact.get(word, ())
        for key in {word[:n] for n in (1, 2, 3)}:
            yield from self._stems.get(key, ())

    def find(self, tokens: Sequence[str]) -> List[Match]:
        found: List[Match] = []
        i = 0
        while i < len(tokens):
            best = None
            stem_end = 0  # letters a one-word stem match covers; 0 when it is not one
            for pattern, label, weight in self._candidates(tokens[i]):
                if len(pattern) <= len(tokens) - i and _fits(pattern, tokens, i):
                    if best is None or len(pattern) > best.end - best.start:
                        best = Match(i, i + len(pattern), label, weight)
                        stem_end = len(pattern[0][0]) if len(pattern) == 1 and pattern[0][1] else 0
            if self._tails and (best is None or stem_end):
                tail = self._tail(tokens[i], i, stem_end)
                best = tail or best
            if best is None:
                i += 1
            else:
                found.append(best)
                i = best.end
        return found

    def _tail(self, token: str, at: int, after: int) -> Optional[Match]:
        """The keyword ending latest in the compound `token` (its head is last),
        the longest on a tie; a stem may be followed by more letters.  It must
        start at or after `after`, where a stem matched from the start ends:
        "Buchhaltungssoftware" is software, "Maschinenbau" stays machinery."""
        best: Optional[Tuple[Tuple[int, int], Any, float]] = None
        for word, stem, label, weight in self._tails:
            start = token.rfind(word) if stem else len(token) - len(word)
            if start < max(_HEAD_MIN, after) or token[start:start + len(word)] != word:
                continue
            rank = (start + len(word), len(word))
            if best is None or rank > best[0]:
                best = (rank, label, weight)
        return None if best is None else Match(at, at + 1, best[1], best[2])


def _fits(pattern: Pattern, tokens: Sequence[str], at: int) -> bool:
    for k, (word, stem) in enumerate(pattern):
        tok = tokens[at + k]
        if not (tok.startswith(word) if stem else tok == word):
            return False
    return True


def labelled(mapping: Mapping[str, Sequence[str]]) -> List[Tuple[str, str]]:
    """Flatten {label: [phrases]} into (phrase, label) pairs for a Matcher."""
    return [(p, label) for label, items in mapping.items() for p in (items or ())]


def best_label(matches: Sequence[Match]) -> Any:
    """Label with the most matched weight; ties go to the earliest match, so
    None is returned only when nothing matched."""
    score: Dict[Any, float] = {}
    first: Dict[Any, int] = {}
    for m in matches:
        score[m.label] = score.get(m.label, 0.0) + m.weight * (m.end - m.start)
        first.setdefault(m.label, m.start)
    if not score:
        return None
    return max(score, key=lambda lab: (score[lab], -first[lab]))


def word_regex(words: Iterable[str]) -> "re.Pattern[str]":
    """Alternation of folded `words`, longest first, bounded by non-letters."""
    alts = sorted({fold(w) for w in words if w}, key=len, reverse=True)
    parts = []
    for w in alts:
        left = r"(?<![^\W\d_])" if w[0].isalnum() else ""
        right = r"(?![^\W\d_])" if w[-1].isalnum() else ""
        parts.append(left + re.escape(w).replace(r"\ ", r"\s+") + right)
    return re.compile("|".join(parts) if parts else r"(?!x)x")
