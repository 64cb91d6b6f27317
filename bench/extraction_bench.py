"""Extraction accuracy per field and language on the held-out set leadqual/data/extraction_eval.yml."""
from __future__ import annotations

from typing import Dict


def run() -> Dict[str, object]:
    from leadqual.extraction import evaluation

    scores = evaluation.evaluate(evaluation.load_cases())
    table: Dict[str, Dict[str, float]] = {}
    for (slot, language), accuracy in sorted(scores.items()):
        table.setdefault(slot, {})[language] = round(accuracy, 4)
    overall = round(sum(scores.values()) / len(scores), 4) if scores else None
    return {"per_field": table, "mean": overall}
