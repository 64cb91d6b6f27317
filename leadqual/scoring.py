"""Appetence: the probability that a prospect answers an offer, and the temperature it implies.

The model is a transparent points table (``data/scoring.yml``) turned into a probability by the
logistic function, with the course's rules on top (asking for information makes a prospect at
least warm; a clear wish to buy from a fitting prospect makes them hot; not interested is cold).
Every score carries the factors that moved it, in words a sales rep reads.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from leadqual.model import QUALIFICATION_SLOTS, SLOT_TYPES, Signal, Temperature
from leadqual.yamlfile import ConfigError, config_error, load_yaml

DEFAULT_SCORING_FILE = Path(__file__).parent / "data" / "scoring.yml"
ENGAGEMENT_SIGNALS = ("request_info", "buy_intent", "ask_human", "not_interested", "answered", "declined")
PER_ANSWER_SIGNALS = ("answered", "declined")


@dataclass(frozen=True)
class Band:
    max: Optional[float]
    points: float
    reason: str


@dataclass(frozen=True)
class Criterion:
    name: str
    label: str
    bands: Tuple[Band, ...] = ()
    values: Mapping[str, float] = field(default_factory=dict)
    default: float = 0.0
    default_reason: Optional[str] = None

    def factor(self, value: Any) -> Optional["Factor"]:
        """The contribution of one answer, or None when it scores nothing."""
        if value is None:
            return None
        if self.bands:
            number = float(value)
            band = next(b for b in self.bands if b.max is None or number <= b.max)
            return Factor(self.name, band.points, band.reason, feature=self._band_feature(band))
        key = _value_key(value)
        if key in self.values:
            return Factor(self.name, self.values[key], f"{self.label}: {key}", feature=self._value_feature(key))
        reason = self.default_reason or f"{self.label}: {key}"
        return Factor(self.name, self.default, reason, feature=self._value_feature(None))

    def features(self) -> Tuple[str, ...]:
        """Every ``Factor.feature`` this criterion can award: one per band, or one per value then the default."""
        if self.bands:
            return tuple(self._band_feature(band) for band in self.bands)
        return tuple(self._value_feature(key) for key in self.values) + (self._value_feature(None),)

    def _band_feature(self, band: Band) -> str:
        return f"{self.name}<={band.max}"

    def _value_feature(self, key: Optional[str]) -> str:
        return f"{self.name}={'*' if key is None else key}"


@dataclass(frozen=True)
class Factor:
    """One reason the score moved: a criterion's answer or an engagement signal."""

    name: str
    points: float
    reason: str
    feature: str = ""

    def describe(self) -> str:
        sign = "+" if self.points >= 0 else "−"
        return f"{self.reason} ({sign}{abs(self.points):.2f})"


@dataclass(frozen=True)
class Rules:
    warm: float
    hot: float
    request_info_at_least: Temperature
    ask_human_at_least: Temperature
    buy_intent_hot_min_fit: float
    not_interested_is_cold: bool


@dataclass(frozen=True)
class Evidence:
    """What is known of a prospect when it is scored."""

    answers: Mapping[str, Any]
    signals: Mapping[str, int] = field(default_factory=dict)
    answered: int = 0
    declined: int = 0
    last_signal: Optional[str] = None

    @classmethod
    def of(cls, answers: Mapping[str, Any], signals: Sequence[str] = (), declined: int = 0) -> "Evidence":
        """``signals`` in the order they were given: the last one says where the prospect stands now."""
        known = {k: v for k, v in answers.items() if v is not None}
        return cls(known, dict(Counter(signals)), answered=len(known), declined=declined,
                   last_signal=signals[-1] if signals else None)

    @classmethod
    def of_prospect(cls, prospect: Mapping[str, Any], signals: Sequence[str] = ()) -> "Evidence":
        """What is known of a stored prospect: its answers, its signals, the questions it declined."""
        return cls.of({slot: prospect.get(slot) for slot in QUALIFICATION_SLOTS}, signals,
                      declined=len(prospect.get("declined") or []))


@dataclass(frozen=True)
class Score:
    appetence: float
    temperature: Temperature
    factors: Tuple[Factor, ...]
    fit_points: float
    rule: Optional[str]
    disengaged: bool = False  # their latest signal says they are not interested

    def explanation(self, top: int = 3) -> List[str]:
        """The factors that moved the score most, strongest first, then the rule that applied."""
        ranked = sorted(self.factors, key=lambda f: abs(f.points), reverse=True)
        lines = [f.describe() for f in ranked[:top] if f.points != 0]
        if self.rule:
            lines.append(self.rule)
        return lines


@dataclass(frozen=True)
class ScoringModel:
    intercept: float
    criteria: Mapping[str, Criterion]
    signals: Mapping[str, Factor]
    rules: Rules
    top_factors: int = 3

    def score(self, evidence: Evidence) -> Score:
        factors: List[Factor] = []
        for name, criterion in self.criteria.items():
            factor = criterion.factor(evidence.answers.get(name))
            if factor is not None:
                factors.append(factor)
        fit = sum(f.points for f in factors)
        counts = dict(evidence.signals)
        counts["answered"] = evidence.answered
        counts["declined"] = evidence.declined
        for name, count in counts.items():
            signal = self.signals.get(name)
            if signal is None or not count:
                continue
            times = signal_times(name, count)
            factors.append(Factor(name, signal.points * times, signal.reason, feature=name))
        appetence = _logistic(self.intercept + sum(f.points for f in factors))
        disengaged = evidence.last_signal in ("not_interested", "opt_out")
        temperature, rule = self._temperature(appetence, counts, fit, disengaged)
        return Score(round(appetence, 4), temperature, tuple(factors), fit, rule, disengaged)

    def _temperature(self, appetence: float, counts: Mapping[str, int], fit: float,
                     disengaged: bool) -> Tuple[Temperature, Optional[str]]:
        rules = self.rules
        by_threshold = (
            Temperature.HOT if appetence >= rules.hot else Temperature.WARM if appetence >= rules.warm else Temperature.COLD
        )
        if rules.not_interested_is_cold and disengaged:
            return Temperature.COLD, "rule: not interested, so cold"
        if counts.get("buy_intent") and fit >= rules.buy_intent_hot_min_fit:
            return Temperature.HOT, "rule: wants to buy and fits the target, so hot"
        floor = Temperature.COLD
        rule = None
        if counts.get("request_info") and rules.request_info_at_least.rank > floor.rank:
            floor, rule = rules.request_info_at_least, "rule: asked for more information, so at least warm"
        if counts.get("ask_human") and rules.ask_human_at_least.rank > floor.rank:
            floor, rule = rules.ask_human_at_least, "rule: asked for a person, so at least warm"
        if floor.rank > by_threshold.rank:
            return floor, rule
        return by_threshold, None


def signal_times(name: str, count: int) -> int:
    """How many times a signal seen ``count`` times counts: repeating one confirms it, it does not
    multiply it, except the per-answer ones."""
    return count if name in PER_ANSWER_SIGNALS else (1 if count else 0)


def _logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _value_key(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def load_scoring(path: Path = DEFAULT_SCORING_FILE) -> ScoringModel:
    """Read and check a scoring file; anything wrong is a ConfigError with file and line."""
    path = Path(path)
    raw = load_yaml(path)
    if not isinstance(raw, dict):
        raise config_error(path, "a scoring file is a mapping with intercept, criteria, signals and temperature")
    for key in ("intercept", "criteria", "signals", "temperature"):
        if key not in raw:
            raise config_error(path, f"missing '{key}'")
    intercept = _number(path, raw["intercept"], "intercept")
    criteria = {name: _criterion(path, name, spec) for name, spec in (raw["criteria"] or {}).items()}
    signals = {}
    for name, spec in (raw["signals"] or {}).items():
        if name not in ENGAGEMENT_SIGNALS:
            raise config_error(path, f"unknown signal '{name}' (known: {', '.join(ENGAGEMENT_SIGNALS)})", "signals", name)
        if not isinstance(spec, dict) or "points" not in spec:
            raise config_error(path, f"signal '{name}' needs points", "signals", name)
        signals[name] = Factor(name, _number(path, spec["points"], "signals", name, "points"), str(spec.get("reason", name)), name)
    rules = _rules(path, raw["temperature"] or {})
    top = int((raw.get("explanation") or {}).get("top_factors", 3))
    return ScoringModel(intercept, criteria, signals, rules, top)


def _criterion(path: Path, name: str, spec: Any) -> Criterion:
    if name not in SLOT_TYPES:
        raise config_error(path, f"unknown criterion '{name}' (criteria are answers: {', '.join(QUALIFICATION_SLOTS)})", "criteria", name)
    if not isinstance(spec, dict) or ("bands" in spec) == ("values" in spec):
        raise config_error(path, f"criterion '{name}' needs either bands or values", "criteria", name)
    label = str(spec.get("label", name))
    if "bands" in spec:
        bands = []
        previous = -math.inf
        for index, band in enumerate(spec["bands"] or []):
            if not isinstance(band, dict) or "points" not in band:
                raise config_error(path, f"band {index + 1} of '{name}' needs points", "criteria", name, "bands", index)
            top = band.get("max")
            if top is not None:
                top = _number(path, top, "criteria", name, "bands", index, "max")
                if top <= previous:
                    raise config_error(path, f"bands of '{name}' must have increasing max", "criteria", name, "bands", index)
                previous = top
            elif index != len(spec["bands"]) - 1:
                raise config_error(path, f"only the last band of '{name}' may omit max", "criteria", name, "bands", index)
            points = _number(path, band["points"], "criteria", name, "bands", index, "points")
            bands.append(Band(top, points, str(band.get("reason", f"{label} up to {top}"))))
        if not bands or bands[-1].max is not None:
            raise config_error(path, f"the last band of '{name}' must have no max, to take every larger value", "criteria", name)
        return Criterion(name, label, bands=tuple(bands))
    values = {}
    for key, points in (spec["values"] or {}).items():
        values[_value_key(key)] = _number(path, points, "criteria", name, "values", key)
    default = _number(path, spec.get("default", 0.0), "criteria", name, "default")
    return Criterion(name, label, values=values, default=default, default_reason=spec.get("default_reason"))


def _rules(path: Path, spec: Dict[str, Any]) -> Rules:
    def temperature(key: str) -> Temperature:
        try:
            return Temperature(spec.get(key, "warm"))
        except ValueError:
            raise config_error(path, f"'{key}' must be cold, warm or hot", "temperature", key) from None

    warm = _number(path, spec.get("warm"), "temperature", "warm")
    hot = _number(path, spec.get("hot"), "temperature", "hot")
    if not 0 < warm < hot < 1:
        raise config_error(path, "thresholds must satisfy 0 < warm < hot < 1", "temperature", "hot")
    return Rules(
        warm=warm,
        hot=hot,
        request_info_at_least=temperature("request_info_at_least"),
        ask_human_at_least=temperature("ask_human_at_least"),
        buy_intent_hot_min_fit=_number(path, spec.get("buy_intent_hot_min_fit", 0.0), "temperature", "buy_intent_hot_min_fit"),
        not_interested_is_cold=bool(spec.get("not_interested_is_cold", True)),
    )


def _number(path: Path, value: Any, *keys: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise config_error(path, f"{'.'.join(map(str, keys))} must be a number, not {value!r}", *keys)
    return float(value)
