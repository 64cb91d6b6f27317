"""Intent macro-F1 per language by stratified k-fold cross-validation of the full NLU pipeline."""
from __future__ import annotations

import asyncio
import random
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Tuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
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


def folds(examples: List[Example], k: int, seed: int = 0) -> List[List[Example]]:
    """Stratified by (intent, language): every fold sees every intent in every language."""
    groups: Dict[Tuple[str, str], List[Example]] = defaultdict(list)
    for example in examples:
        groups[(example[1], example[2])].append(example)
    result: List[List[Example]] = [[] for _ in range(k)]
    rng = random.Random(seed)
    for key in sorted(groups):
        items = groups[key][:]
        rng.shuffle(items)
        for index, item in enumerate(items):
            result[index % k].append(item)
    return result


def lookups() -> List[Dict[str, object]]:
    """The lookup tables of data/nlu, which every fold trains with as the real model does."""
    found = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        found += [block for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"] if "lookup" in block]
    return found


def write_nlu(examples: List[Example], path: Path) -> None:
    blocks: Dict[Tuple[str, str], List[str]] = defaultdict(list)
    for text, intent, language in examples:
        blocks[(intent, language)].append(text)
    nlu = [{"intent": intent, "metadata": {"language": language}, "examples": "".join(f"- {t}\n" for t in texts)}
           for (intent, language), texts in sorted(blocks.items())] + lookups()
    path.write_text(yaml.safe_dump({"version": "3.1", "nlu": nlu}, allow_unicode=True, sort_keys=False), encoding="utf-8")


async def _predict(model_path: str, texts: List[str]) -> List[str]:
    from rasa.core.agent import Agent

    agent = Agent.load(model_path)
    predictions = []
    for text in texts:
        parsed = await agent.parse_message(text)
        predictions.append(parsed["intent"]["name"])
    return predictions


def cross_validate(k: int = 3) -> Dict[str, object]:
    from rasa.model_training import train_nlu
    from sklearn.metrics import f1_score

    examples = load_examples()
    parts = folds(examples, k)
    truth: List[Example] = []
    predicted: List[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for index in range(k):
            train = [e for j, part in enumerate(parts) if j != index for e in part]
            nlu_file = Path(tmp) / f"train{index}.yml"
            write_nlu(train, nlu_file)
            model = train_nlu(str(ROOT / "config.yml"), str(nlu_file), str(Path(tmp) / "models"),
                              fixed_model_name=f"fold{index}", domain=str(ROOT / "domain.yml"))
            predicted += asyncio.run(_predict(model, [e[0] for e in parts[index]]))
            truth += parts[index]
    per_language = {}
    for language in sorted({e[2] for e in truth}):
        pairs = [(e[1], p) for e, p in zip(truth, predicted) if e[2] == language]
        labels = sorted({t for t, _ in pairs})
        per_language[language] = {
            "macro_f1": round(f1_score([t for t, _ in pairs], [p for _, p in pairs], labels=labels, average="macro"), 4),
            "examples": len(pairs),
            "fallback": sum(p == "nlu_fallback" for _, p in pairs),
        }
    return {"folds": k, "examples": len(truth), "per_language": per_language}
