"""Intent macro-F1 per language by stratified k-fold cross-validation of the full NLU pipeline."""
from __future__ import annotations

import asyncio
import json
import random
import re
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import yaml

from leadqual.language import unaccented_lower

ROOT = Path(__file__).resolve().parent.parent
# Held-out predictions of the last cross-validation (git-ignored), so other fallback settings can be scored.
PREDICTIONS = ROOT / "var" / "bench" / "nlu_cv_predictions.json"
Example = Tuple[str, str, str]  # text, intent, language


def load_examples() -> List[Example]:
    examples = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            if "intent" not in block:
                continue
            language = (block.get("metadata") or {}).get("language", path.stem)
            for line in block["examples"].splitlines():
                text = line.strip()[2:].strip() if line.strip().startswith("- ") else ""
                if text:
                    examples.append((text, block["intent"], language))
    return examples


def near_duplicate_key(text: str) -> str:
    """The text without case, accents, emojis and punctuation: "Bien sûr ! 👍" and "bien sur" share a key."""
    return " ".join(re.findall(r"[^\W_]+|[@.]", unaccented_lower(text))) or text.strip()


def folds(examples: List[Example], k: int, seed: int = 0) -> List[List[Example]]:
    """Stratified by (intent, language): every fold sees every intent in every language.

    Near-duplicates (same `near_duplicate_key`) always land in the same fold, so an accent or emoji
    variant of a held-out message is never in its training folds.
    """
    strata: Dict[Tuple[str, str], Dict[str, List[Example]]] = defaultdict(lambda: defaultdict(list))
    for example in examples:
        strata[(example[1], example[2])][near_duplicate_key(example[0])].append(example)
    result: List[List[Example]] = [[] for _ in range(k)]
    rng = random.Random(seed)
    for stratum in sorted(strata):
        groups = [strata[stratum][key] for key in sorted(strata[stratum])]
        rng.shuffle(groups)
        for index, group in enumerate(groups):
            result[index % k].extend(group)
    return result


def write_nlu(examples: List[Example], path: Path) -> None:
    blocks: Dict[Tuple[str, str], List[str]] = defaultdict(list)
    for text, intent, language in examples:
        blocks[(intent, language)].append(text)
    nlu = [{"intent": intent, "metadata": {"language": language}, "examples": "".join(f"- {t}\n" for t in texts)}
           for (intent, language), texts in sorted(blocks.items())]
    path.write_text(yaml.safe_dump({"version": "3.1", "nlu": nlu}, allow_unicode=True, sort_keys=False), encoding="utf-8")


async def _parse(model_path: str, texts: List[str]) -> List[Dict[str, object]]:
    from rasa.core.agent import Agent

    agent = Agent.load(model_path)
    return [await agent.parse_message(text) for text in texts]


async def _predict(model_path: str, texts: List[str]) -> List[str]:
    return [parsed["intent"]["name"] for parsed in await _parse(model_path, texts)]


def _top_two(parsed: Dict[str, object]) -> Tuple[str, float, float]:
    """The classifier's own best intent and the two best confidences, before the FallbackClassifier."""
    ranking = [r for r in parsed["intent_ranking"] if r["name"] != "nlu_fallback"]  # type: ignore[index]
    second = ranking[1]["confidence"] if len(ranking) > 1 else 0.0
    return ranking[0]["name"], ranking[0]["confidence"], second


def fallback_settings(config: Path) -> Tuple[float, float]:
    """The FallbackClassifier's threshold and ambiguity threshold in a pipeline config (Rasa's defaults otherwise)."""
    from rasa.core.constants import DEFAULT_NLU_FALLBACK_AMBIGUITY_THRESHOLD, DEFAULT_NLU_FALLBACK_THRESHOLD

    pipeline = yaml.safe_load(config.read_text(encoding="utf-8"))["pipeline"]
    fallback = next((c for c in pipeline if c["name"] == "FallbackClassifier"), None)
    if fallback is None:
        return 0.0, 0.0
    return (float(fallback.get("threshold", DEFAULT_NLU_FALLBACK_THRESHOLD)),
            float(fallback.get("ambiguity_threshold", DEFAULT_NLU_FALLBACK_AMBIGUITY_THRESHOLD)))


def with_fallback(top_two: List[Tuple[str, float, float]], threshold: float, ambiguity: float) -> List[str]:
    """What the FallbackClassifier makes of the classifier's predictions."""
    return ["nlu_fallback" if first < threshold or first - second < ambiguity else name
            for name, first, second in top_two]


def fallback_grid(truth: List[Example], top_two: List[Tuple[str, float, float]]) -> List[Dict[str, object]]:
    """Mean macro-F1 over languages for each FallbackClassifier setting, from the same predictions."""
    grid = []
    for threshold in (0.0, 0.1, 0.2, 0.3, 0.4):
        for ambiguity in (0.0, 0.05, 0.1):
            predicted = with_fallback(top_two, threshold, ambiguity)
            scores = _scores(truth, predicted)
            grid.append({"threshold": threshold, "ambiguity_threshold": ambiguity,
                         "mean_macro_f1": round(sum(r["macro_f1"] for r in scores.values()) / len(scores), 4),
                         "fallback_rate": round(sum(p == "nlu_fallback" for p in predicted) / len(predicted), 4)})
    return grid


def cross_validate(k: int = 3, config: Path = ROOT / "config.yml", predictions: Optional[Path] = PREDICTIONS,
                   peer: bool = True) -> Dict[str, object]:
    """Trains `config`'s pipeline on k-1 folds and scores it on the held-out fold, for each fold."""
    from rasa.model_training import train_nlu

    examples = load_examples()
    parts = folds(examples, k)
    truth: List[Example] = []
    parsed: List[Dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for index in range(k):
            train = [e for j, part in enumerate(parts) if j != index for e in part]
            nlu_file = Path(tmp) / f"train{index}.yml"
            write_nlu(train, nlu_file)
            model = train_nlu(str(config), str(nlu_file), str(Path(tmp) / "models"),
                              fixed_model_name=f"fold{index}", domain=str(ROOT / "domain.yml"))
            parsed += asyncio.run(_parse(model, [e[0] for e in parts[index]]))
            truth += parts[index]
    top_two = [_top_two(p) for p in parsed]
    if predictions is not None:
        predictions.parent.mkdir(parents=True, exist_ok=True)
        predictions.write_text(json.dumps({"truth": truth, "top_two": top_two}, ensure_ascii=False), encoding="utf-8")
    result = {"folds": k, "examples": len(truth), "config": config.name, **scored(truth, top_two, config)}
    if peer:
        linear = linear_peer(parts)
        result["linear_peer"] = {language: row["macro_f1"] for language, row in _scores(*linear).items()}
    return result


def scored(truth: List[Example], top_two: List[Tuple[str, float, float]], config: Path) -> Dict[str, object]:
    threshold, ambiguity = fallback_settings(config)
    return {"fallback_setting": {"threshold": threshold, "ambiguity_threshold": ambiguity},
            "per_language": _scores(truth, with_fallback(top_two, threshold, ambiguity)),
            "fallback_grid": fallback_grid(truth, top_two)}


def rescore(config: Path = ROOT / "config.yml") -> Dict[str, object]:
    """The last cross-validation's predictions scored again under the FallbackClassifier settings of `config`."""
    saved = json.loads(PREDICTIONS.read_text(encoding="utf-8"))
    truth = [tuple(e) for e in saved["truth"]]
    return scored(truth, [tuple(t) for t in saved["top_two"]], config)  # type: ignore[arg-type]


def linear_peer(parts: List[List[Example]]) -> Tuple[List[Example], List[str]]:
    """A peer on the same folds: TF-IDF word 1-2-grams and char 2-5-grams into a linear SVM."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline, make_union
    from sklearn.svm import LinearSVC

    truth: List[Example] = []
    predicted: List[str] = []
    for index, held_out in enumerate(parts):
        train = [e for j, part in enumerate(parts) if j != index for e in part]
        model = make_pipeline(
            make_union(TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True),
                       TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
            LinearSVC(C=0.5, class_weight="balanced"))
        model.fit([e[0] for e in train], [e[1] for e in train])
        predicted += list(model.predict([e[0] for e in held_out]))
        truth += held_out
    return truth, predicted


def _scores(truth: List[Example], predicted: List[str]) -> Dict[str, Dict[str, object]]:
    from sklearn.metrics import f1_score

    per_language = {}
    for language in sorted({e[2] for e in truth}):
        pairs = [(e[1], p) for e, p in zip(truth, predicted) if e[2] == language]
        labels = sorted({t for t, _ in pairs})
        gold, guess = [t for t, _ in pairs], [p for _, p in pairs]
        confusions = Counter((t, p) for t, p in pairs if t != p)
        per_language[language] = {
            "macro_f1": round(f1_score(gold, guess, labels=labels, average="macro"), 4),
            "examples": len(pairs),
            "fallback": sum(p == "nlu_fallback" for _, p in pairs),
            "per_intent_f1": dict(zip(labels, (round(f, 3) for f in f1_score(gold, guess, labels=labels,
                                                                              average=None)))),
            "top_confusions": [[t, p, n] for (t, p), n in confusions.most_common(5)],
        }
    return per_language


def blind_examples() -> List[Example]:
    data = yaml.safe_load((ROOT / "bench" / "intent_blind.yml").read_text(encoding="utf-8"))
    return [(text, intent, language) for language, intents in sorted(data["messages"].items())
            for intent, texts in sorted(intents.items()) for text in texts]


def blind(model: Path = ROOT / "models" / "leadqual.tar.gz") -> Dict[str, object]:
    """Macro-F1 of the trained model on bench/intent_blind.yml, messages written without seeing data/nlu."""
    examples = blind_examples()
    trained = {(near_duplicate_key(text), language) for text, _, language in load_examples()}
    unseen = [(near_duplicate_key(text), language) not in trained for text, _, language in examples]
    predicted = asyncio.run(_predict(str(model), [e[0] for e in examples]))
    return {"examples": len(examples), "per_language": _scores(examples, predicted),
            "also_in_training": len(examples) - sum(unseen),
            "unseen_per_language": _scores([e for e, new in zip(examples, unseen) if new],
                                           [p for p, new in zip(predicted, unseen) if new]),
            "misses": [[e[0], e[1], p] for e, p in zip(examples, predicted) if e[1] != p]}


def main() -> None:
    """python -m bench.nlu_cv [CONFIG]: cross-validates another pipeline (e.g. while tuning) without the report."""
    import sys

    config = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "config.yml"
    print(json.dumps(cross_validate(config=config), indent=1))


if __name__ == "__main__":
    main()
