"""Which language a conversation is in.

Per message, two opinions are blended: a character n-gram classifier trained on the project's own
NLU examples (each file knows its language, and it knows chat words like "dale" or "genau") and
langdetect's probabilities restricted to the supported languages. Per conversation, the language
only changes on an explicit request or a confident, long-enough message: very short replies
("ok merci", "sì grazie") never flip it.
"""
from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Dict, Iterable, Mapping, Optional, Sequence, Tuple

from leadqual.model import SUPPORTED_LANGUAGES

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def words(text: str) -> int:
    return len(_WORD.findall(text or ""))


@functools.lru_cache(maxsize=1)
def _langdetect_factory():  # type: ignore[no-untyped-def]
    from langdetect import DetectorFactory, detector_factory

    DetectorFactory.seed = 0  # langdetect samples at random: a seed makes it repeatable
    detector_factory.init_factory()
    return detector_factory._factory


def langdetect_probabilities(text: str) -> Dict[str, float]:
    """langdetect's probabilities over every language it knows (empty when it finds no letters)."""
    from langdetect.lang_detect_exception import LangDetectException

    factory = _langdetect_factory()
    try:
        detector = factory.create()
        detector.append(text)
        return {item.lang: item.prob for item in detector.get_probabilities()}
    except LangDetectException:
        return {}


def restrict(probabilities: Mapping[str, float], languages: Sequence[str]) -> Dict[str, float]:
    """Renormalise ``probabilities`` over ``languages`` (uniform when none of them is present)."""
    kept = {lang: probabilities.get(lang, 0.0) for lang in languages}
    total = sum(kept.values())
    if total <= 0:
        return {lang: 1.0 / len(languages) for lang in languages}
    return {lang: p / total for lang, p in kept.items()}


class LanguageIdentifier:
    """Per-message language probabilities from a char n-gram model and langdetect."""

    def __init__(self, languages: Sequence[str] = SUPPORTED_LANGUAGES, pipeline=None) -> None:  # type: ignore[no-untyped-def]
        self.languages = tuple(languages)
        self.pipeline = pipeline

    def fit(self, texts: Iterable[str], labels: Iterable[str]) -> "LanguageIdentifier":
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline

        texts, labels = list(texts), list(labels)
        self.pipeline = make_pipeline(
            TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), lowercase=True, sublinear_tf=True,
                            preprocessor=_normalise),
            LogisticRegression(C=10.0, max_iter=2000),
        )
        self.pipeline.fit(texts, labels)
        return self

    def model_probabilities(self, text: str) -> Dict[str, float]:
        if self.pipeline is None:
            return {}
        probabilities = self.pipeline.predict_proba([text])[0]
        return restrict(dict(zip(self.pipeline.classes_, probabilities)), self.languages)

    def probabilities(self, text: str) -> Dict[str, float]:
        """Blend: langdetect counts for more as the message grows, the trained model for short ones."""
        model = self.model_probabilities(text)
        detected = restrict(langdetect_probabilities(text), self.languages) if words(text) else {}
        if not model:
            return detected or restrict({}, self.languages)
        if not detected:
            return model
        # langdetect is no better than chance on one to three words (5-fold CV on data/nlu): its share
        # grows with the length of the message, 0.05 a word up to 0.5.
        weight = min(0.5, 0.05 * words(text))
        return {lang: (1 - weight) * model[lang] + weight * detected[lang] for lang in self.languages}


def _normalise(text: str) -> str:
    return f" {unicodedata.normalize('NFC', text.lower())} "


@dataclass(frozen=True)
class LanguagePolicy:
    supported: Tuple[str, ...] = SUPPORTED_LANGUAGES
    default: str = "en"
    settle_probability: float = 0.9    # the conversation's language is settled once evidence is this sure
    switch_min_words: int = 4           # once settled, shorter messages never change the language
    switch_min_probability: float = 0.9
    hint_weight: float = 3.0            # how many times likelier the channel's hint makes its language
    unsupported_min_words: int = 3
    unsupported_min_probability: float = 0.8


@dataclass(frozen=True)
class LanguageDecision:
    language: str
    changed: bool
    reason: str
    settled: bool = False               # False while only short messages have been seen
    evidence: Mapping[str, float] = field(default_factory=dict)  # summed log-probabilities so far
    unsupported: Optional[str] = None   # a language we cannot speak, detected with confidence


_FLOOR = 1e-3  # one message can make a language unlikely, never impossible


def decide_language(
    current: Optional[str],
    text: str,
    probabilities: Mapping[str, float],
    hint: Optional[str] = None,
    requested: Optional[str] = None,
    foreign: Optional[Tuple[str, float]] = None,
    evidence: Optional[Mapping[str, float]] = None,
    settled: bool = False,
    policy: LanguagePolicy = LanguagePolicy(),
) -> LanguageDecision:
    """The conversation's language after this message.

    Until the language is settled, each message adds its log-probabilities to the evidence (so
    three short French replies outweigh one ambiguous word); once settled, only an explicit
    request (``requested``) or a long, confident message in another language changes it.
    ``probabilities`` are over the supported languages; ``foreign`` is langdetect's top language
    when it is none of them.
    """
    if requested in policy.supported:
        return LanguageDecision(requested, requested != current, "asked for", settled=True)  # type: ignore[arg-type]
    count = words(text)
    fallback = current or (hint if hint in policy.supported else policy.default)
    if foreign and count >= policy.unsupported_min_words and foreign[1] >= policy.unsupported_min_probability:
        return LanguageDecision(fallback, fallback != current, "unsupported language", settled, dict(evidence or {}),
                                unsupported=foreign[0])
    best, p = _best(probabilities)
    if current in policy.supported and settled:
        if best and best != current and count >= policy.switch_min_words and p >= policy.switch_min_probability:
            return LanguageDecision(best, True, "confident message in another language", True, _log(probabilities, policy))
        return LanguageDecision(current, False, "kept", True, dict(evidence or {}))  # type: ignore[arg-type]
    if best is None:
        return LanguageDecision(fallback, fallback != current, "no letters: kept, hint or default", settled, dict(evidence or {}))
    if evidence:
        summed = dict(evidence)
    else:
        summed = {lang: math.log(policy.hint_weight if lang == hint else 1.0) for lang in policy.supported}
    for lang, logp in _log(probabilities, policy).items():
        summed[lang] = summed.get(lang, 0.0) + logp
    language, confidence = _best(_softmax(summed))
    settled_now = confidence >= policy.settle_probability and (count >= policy.switch_min_words or bool(evidence))
    return LanguageDecision(language, language != current, "evidence so far", settled_now, summed)  # type: ignore[arg-type]


def _log(probabilities: Mapping[str, float], policy: LanguagePolicy) -> Dict[str, float]:
    return {lang: math.log(max(probabilities.get(lang, 0.0), _FLOOR)) for lang in policy.supported}


def _softmax(logs: Mapping[str, float]) -> Dict[str, float]:
    top = max(logs.values())
    exp = {lang: math.exp(value - top) for lang, value in logs.items()}
    total = sum(exp.values())
    return {lang: value / total for lang, value in exp.items()}


def _best(probabilities: Mapping[str, float]) -> Tuple[Optional[str], float]:
    if not probabilities or max(probabilities.values()) <= 0:
        return None, 0.0
    total = sum(probabilities.values())
    best = max(probabilities, key=probabilities.__getitem__)
    return best, probabilities[best] / total


@functools.lru_cache(maxsize=None)
def _language_names(languages: Tuple[str, ...]) -> Dict[str, str]:
    """Every way to name a supported language in any supported language ("allemand" -> de)."""
    from babel import Locale

    names: Dict[str, str] = {}
    for speaker in languages:
        locale = Locale.parse(speaker)
        for target in languages:
            name = locale.languages.get(target)
            if name:
                names[unaccented_lower(name)] = target
    return names


def requested_language(text: str, languages: Sequence[str] = SUPPORTED_LANGUAGES) -> Optional[str]:
    """The language named in a request to switch ("parlez-vous français ?" -> fr), if exactly one is."""
    folded = unaccented_lower(text)
    names = _language_names(tuple(languages))
    found = {target for name, target in names.items() if re.search(rf"\b{re.escape(name)}", folded)}
    return found.pop() if len(found) == 1 else None


def hint_from_locale(value: Optional[str], languages: Sequence[str] = SUPPORTED_LANGUAGES) -> Optional[str]:
    """'fr-CH', 'pt_BR' or 'de' -> a supported language, else None."""
    if not value:
        return None
    code = re.split(r"[-_]", str(value).strip().lower())[0]
    return code if code in languages else None


def unaccented_lower(text: str) -> str:
    """Lower case without diacritics ("Intéressés" -> "interesses"), for keys and features that ignore both."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
