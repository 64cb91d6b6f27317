"""Score the extractors on the held-out set in leadqual/data/extraction_eval.yml.

The set was written before the extractors were tuned and must not be edited
to match them; run `python -m leadqual.extraction.evaluation` for the table.
Amount cases state the expected value as "AMOUNT CODE" so that the set checks
understanding, not the exchange rates of the day.
"""
from __future__ import annotations

import datetime
import math
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from .amounts import rate
from .data import DATA_DIR, SchemaError, expect_mapping, load_yaml
from .errors import InvalidAnswer
from .slots import extract

EVAL_FILE = DATA_DIR / "extraction_eval.yml"


@dataclass(frozen=True)
class Case:
    slot: str
    lang: str
    text: str
    expected: Any  # None: the answer must be rejected
    kwargs: Mapping[str, Any] = field(default_factory=dict)


CaseLike = Union[Case, Tuple[str, str, str, Any, Mapping[str, Any]], Mapping[str, Any]]


def _validate(data: Any) -> None:
    data = expect_mapping(data, ())
    if not isinstance(data.get("cases"), list):
        raise SchemaError(("cases",), "expected a list of cases")
    for i, case in enumerate(data["cases"]):
        case = expect_mapping(case, ("cases", i))
        for key in ("slot", "lang", "text"):
            if not isinstance(case.get(key), str):
                raise SchemaError(("cases", i), f"case {i} lacks a string {key!r}")


def load_cases(path: Path = EVAL_FILE) -> List[Case]:
    data = load_yaml(path, _validate)
    today = data.get("today")
    cases = []
    for raw in data["cases"]:
        kwargs = dict(raw.get("kwargs") or {})
        if isinstance(today, datetime.date):
            kwargs.setdefault("today", today)
        cases.append(Case(raw["slot"], raw["lang"], raw["text"], raw.get("expected"), kwargs))
    return cases


def _as_case(case: CaseLike) -> Case:
    if isinstance(case, Case):
        return case
    if isinstance(case, Mapping):
        return Case(case["slot"], case["lang"], case["text"], case.get("expected"), dict(case.get("kwargs") or {}))
    slot, lang, text, expected, kwargs = case
    return Case(slot, lang, text, expected, dict(kwargs or {}))


def expected_value(case: Case) -> Any:
    """Amounts written "40000 GBP" become EUR with the shipped rates."""
    if case.slot.endswith("_eur") and isinstance(case.expected, str):
        amount, code = case.expected.split()
        return round(float(amount) * rate(code), 2)
    return case.expected


def is_correct(case: Case) -> bool:
    want = expected_value(case)
    try:
        got = extract(case.slot, case.text, case.lang, **case.kwargs).value
    except InvalidAnswer:
        return want is None
    if want is None:
        return False
    if isinstance(want, (int, float)) and not isinstance(want, bool) and isinstance(got, (int, float)):
        return math.isclose(float(got), float(want), rel_tol=1e-6, abs_tol=0.05)
    return got == want


def evaluate(cases: Iterable[CaseLike]) -> Dict[Tuple[str, str], float]:
    """Accuracy per (slot, lang)."""
    right: Dict[Tuple[str, str], int] = defaultdict(int)
    total: Dict[Tuple[str, str], int] = defaultdict(int)
    for raw in cases:
        case = _as_case(raw)
        key = (case.slot, case.lang)
        total[key] += 1
        right[key] += is_correct(case)
    return {key: right[key] / total[key] for key in sorted(total)}


def failures(cases: Iterable[CaseLike]) -> List[Case]:
    return [c for c in map(_as_case, cases) if not is_correct(c)]


def main(argv: Optional[Sequence[str]] = None) -> int:
    scores = evaluate(load_cases())
    langs = sorted({lang for _, lang in scores})
    slots = list(dict.fromkeys(slot for slot, _ in scores))
    print(f"{'slot':18}" + "".join(f"{lang:>7}" for lang in langs))
    for slot in slots:
        print(f"{slot:18}" + "".join(f"{scores.get((slot, lang), float('nan')):7.0%}" for lang in langs))
    overall = sum(scores.values()) / len(scores)
    print(f"{'mean':18}{overall:7.1%}")
    if argv and "--failures" in argv:
        for case in failures(load_cases()):
            print(f"  {case.slot} {case.lang} {case.text!r} expected {case.expected!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
