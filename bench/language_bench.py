"""Language decision on short messages: the conversation-level decision beside raw langdetect and lingua.

The identifier is trained exactly as the NLU component trains it (on data/nlu, each block's
language); the short messages of bench/short_messages.yml are held out from that data.
"""
from __future__ import annotations

import random
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import yaml

from bench.nlu_cv import load_examples
from leadqual.language import LanguageIdentifier, decide_language, langdetect_probabilities
from leadqual.model import SUPPORTED_LANGUAGES

HERE = Path(__file__).resolve().parent
LINGUA_NAMES = {"en": "ENGLISH", "fr": "FRENCH", "es": "SPANISH", "de": "GERMAN", "it": "ITALIAN", "pt": "PORTUGUESE"}


def short_messages() -> List[Tuple[str, str]]:
    data = yaml.safe_load((HERE / "short_messages.yml").read_text(encoding="utf-8"))["messages"]
    return [(str(text), language) for language, texts in data.items() for text in texts]


def _lingua():  # type: ignore[no-untyped-def]
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:
        return None
    detector = LanguageDetectorBuilder.from_languages(*(getattr(Language, LINGUA_NAMES[l]) for l in SUPPORTED_LANGUAGES)).build()
    codes = {getattr(Language, name): code for code, name in LINGUA_NAMES.items()}

    def detect(text: str) -> Optional[str]:
        found = detector.detect_language_of(text)
        return codes.get(found) if found is not None else None

    return detect


def _langdetect_top(text: str) -> Optional[str]:
    probabilities = langdetect_probabilities(text)
    return max(probabilities, key=probabilities.__getitem__) if probabilities else None


def run(seed: int = 0, conversations_per_message: int = 1) -> Dict[str, object]:
    examples = load_examples()
    identifier = LanguageIdentifier().fit([e[0] for e in examples], [e[2] for e in examples])
    messages = short_messages()
    by_language: Dict[str, List[str]] = {}
    for text, language in messages:
        by_language.setdefault(language, []).append(text)
    lingua = _lingua()
    rng = random.Random(seed)
    rows = []
    for text, language in messages:
        probabilities = identifier.probabilities(text)
        opening = decide_language(None, text, probabilities)
        # In context: two earlier short replies of the same prospect, then this one.
        earlier = rng.sample([t for t in by_language[language] if t != text], 2)
        decision = None
        for message in earlier + [text]:
            decision = decide_language(decision.language if decision else None, message, identifier.probabilities(message),
                                       evidence=decision.evidence if decision else None,
                                       settled=decision.settled if decision else False)
        rows.append({
            "text": text, "language": language, "words": len(text.split()),
            "opening": opening.language, "in_context": decision.language if decision else None,
            "langdetect": _langdetect_top(text), "lingua": lingua(text) if lingua else None,
        })

    def accuracy(key: str, subset=None) -> Optional[float]:  # type: ignore[no-untyped-def]
        chosen = [r for r in rows if subset is None or subset(r)]
        if not chosen or (key == "lingua" and lingua is None):
            return None
        return round(sum(r[key] == r["language"] for r in chosen) / len(chosen), 4)

    result = {"messages": len(rows), "lingua_available": lingua is not None}
    for key in ("opening", "in_context", "langdetect", "lingua"):
        result[key] = accuracy(key)
        result[f"{key}_1_2_words"] = accuracy(key, lambda r: r["words"] <= 2)
        result[f"{key}_per_language"] = {l: accuracy(key, lambda r, l=l: r["language"] == l) for l in SUPPORTED_LANGUAGES}
    result["errors_opening"] = [(r["text"], r["language"], r["opening"]) for r in rows if r["opening"] != r["language"]][:40]
    return result
