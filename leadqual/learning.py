"""Checking the hand-made appetence model against what sales won and lost, and learning a better one.

The learned model sees a prospect exactly as the hand model does: one indicator per criterion band
or value that ``ScoringModel`` would award (the ``Factor.feature`` strings), and the engagement
signals counted as ``ScoringModel`` counts them. So the hand model is a logistic model over those
features with its points as weights, a logistic regression fitted on outcomes has the same form, and
its coefficients can replace the points (``with_learned_weights``). Both are compared by their
Brier score on outcomes held out of the fit; the better one becomes the active scoring model.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from leadqual.scoring import Evidence, ScoringModel, signal_times
from leadqual.storage.repository import ProspectRepository

DEFAULT_MIN_OUTCOMES = 50
BINS = 10
Weights = Dict[str, Any]  # {"intercept": float, "features": {feature: float}}


class NotEnoughOutcomes(ValueError):
    """Too few recorded outcomes (or of one kind only) to fit and check a model."""

    def __init__(self, found: int, needed: int, detail: str = "") -> None:
        super().__init__(
            f"{found} outcomes are recorded and fitting needs at least {needed}"
            + (f" ({detail})" if detail else "")
            + "; record them with `leadqual outcome ID won|lost`"
        )
        self.found = found
        self.needed = needed


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int
    mean_predicted: Optional[float]
    observed_rate: Optional[float]


@dataclass(frozen=True)
class FitReport:
    n_outcomes: int
    n_won: int
    n_train: int
    n_test: int
    brier_hand: float
    brier_learned: float
    reliability_hand: Tuple[Bin, ...]
    reliability_learned: Tuple[Bin, ...]
    weights: Weights
    model_id: int
    active_kind: str  # hand | learned: which model the fit made active

    @property
    def learned_is_better(self) -> bool:
        return self.active_kind == "learned"

    def lines(self, top: int = 8) -> List[str]:
        out = [
            f"{self.n_outcomes} outcomes ({self.n_won} won): fitted on {self.n_train}, checked on {self.n_test}",
            f"Brier score on the held-out outcomes (lower is better): hand {self.brier_hand:.4f}, learned {self.brier_learned:.4f}",
            f"active scoring model: {self.active_kind} (row {self.model_id})",
            "reliability on the held-out outcomes (predicted -> observed, count):",
            f"  {'bin':<11}{'hand':>22}{'learned':>22}",
        ]
        for hand, learned in zip(self.reliability_hand, self.reliability_learned):
            out.append(f"  {hand.low:.1f}-{hand.high:.1f}    {_bin_text(hand):>22}{_bin_text(learned):>22}")
        strongest = sorted(self.weights["features"].items(), key=lambda kv: abs(kv[1]), reverse=True)[:top]
        out.append(f"strongest learned weights (intercept {self.weights['intercept']:+.2f}):")
        out += [f"  {feature:<32}{weight:+.2f}" for feature, weight in strongest]
        return out


def feature_names(model: ScoringModel) -> List[str]:
    """Every feature the hand model can award, criteria first, then its signals."""
    names: List[str] = []
    for criterion in model.criteria.values():
        names.extend(criterion.features())
    return names + list(model.signals)


def features(model: ScoringModel, evidence: Evidence) -> Dict[str, float]:
    """The features of one prospect, as ``ScoringModel.score`` sees it."""
    found: Dict[str, float] = {}
    for name, criterion in model.criteria.items():
        factor = criterion.factor(evidence.answers.get(name))
        if factor is not None:
            found[factor.feature] = 1.0
    counts = {**evidence.signals, "answered": evidence.answered, "declined": evidence.declined}
    for name in model.signals:
        times = signal_times(name, counts.get(name, 0))
        if times:
            found[name] = float(times)
    return found


def fit(repository: ProspectRepository, scoring_model: ScoringModel, *, min_outcomes: int = DEFAULT_MIN_OUTCOMES,
        test_fraction: float = 0.3, seed: int = 0, regularisation: float = 1.0) -> FitReport:
    """Fit on a stratified split of the outcomes, compare with the hand model on the rest, keep the better."""
    import numpy as np  # heavy: only when fitting
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import brier_score_loss
    from sklearn.model_selection import train_test_split

    rows = repository.outcomes()
    won = sum(row["outcome"] == "won" for row in rows)
    if len(rows) < min_outcomes:
        raise NotEnoughOutcomes(len(rows), min_outcomes)
    if min(won, len(rows) - won) < 2:
        raise NotEnoughOutcomes(len(rows), min_outcomes, f"{won} won and {len(rows) - won} lost: at least 2 of each are needed")
    vocabulary = feature_names(scoring_model)
    evidences = [Evidence.of_prospect(row, row["signals"]) for row in rows]
    x = np.array([[f.get(name, 0.0) for name in vocabulary] for f in (features(scoring_model, e) for e in evidences)])
    y = np.array([1 if row["outcome"] == "won" else 0 for row in rows])
    train, test = train_test_split(np.arange(len(rows)), test_size=test_fraction, stratify=y, random_state=seed)
    learner = LogisticRegression(C=regularisation, max_iter=5000).fit(x[train], y[train])
    learned = learner.predict_proba(x[test])[:, 1]
    hand = np.array([scoring_model.score(evidences[i]).appetence for i in test])
    brier_hand = float(brier_score_loss(y[test], hand))
    brier_learned = float(brier_score_loss(y[test], learned))
    weights: Weights = {"intercept": float(learner.intercept_[0]),
                        "features": {name: float(w) for name, w in zip(vocabulary, learner.coef_[0])}}
    kind = "learned" if brier_learned < brier_hand else "hand"
    stored = weights if kind == "learned" else hand_weights(scoring_model)
    model_id = repository.save_scoring_model(kind, stored, brier_hand, brier_learned, len(rows), active=True)
    return FitReport(len(rows), won, len(train), len(test), brier_hand, brier_learned,
                     reliability(hand, y[test]), reliability(learned, y[test]), weights, model_id, kind)


def reliability(predicted: Sequence[float], observed: Sequence[int], bins: int = BINS) -> Tuple[Bin, ...]:
    """Predictions in ``bins`` equal bins of probability: how many, their mean, and the observed rate."""
    table = []
    for index in range(bins):
        low, high = index / bins, (index + 1) / bins
        inside = [(p, o) for p, o in zip(predicted, observed) if low <= p < high or (index == bins - 1 and p == 1.0)]
        count = len(inside)
        table.append(Bin(low, high, count,
                         sum(float(p) for p, _ in inside) / count if count else None,
                         sum(int(o) for _, o in inside) / count if count else None))
    return tuple(table)


def reliability_png(report: FitReport, path: Path) -> Path:
    """Mean predicted against observed rate per bin, for both models, with the diagonal of perfect calibration."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # heavy: only when a chart is asked for
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6, 6))
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    axes.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfectly calibrated")
    for name, table in (("hand", report.reliability_hand), ("learned", report.reliability_learned)):
        points = [(b.mean_predicted, b.observed_rate) for b in table if b.count]
        axes.plot([p for p, _ in points], [o for _, o in points], marker="o",
                  label=f"{name} (Brier {getattr(report, 'brier_' + name):.3f})")
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    axes.set_xlabel("predicted appetence")
    axes.set_ylabel("observed rate of won")
    axes.set_title(f"reliability on {report.n_test} held-out outcomes")
    axes.legend(loc="upper left")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png")
    return path


def hand_weights(model: ScoringModel) -> Weights:
    """The hand model's points in the learned model's form."""
    points: Dict[str, float] = {}
    for criterion in model.criteria.values():
        awarded = [b.points for b in criterion.bands] if criterion.bands else [*criterion.values.values(), criterion.default]
        points.update(zip(criterion.features(), awarded))
    points.update({name: signal.points for name, signal in model.signals.items()})
    return {"intercept": model.intercept, "features": points}


def active_weights(repository: ProspectRepository) -> Optional[Weights]:
    """The learned weights the last fit made active, or None when the hand model is the one to use."""
    row = repository.active_scoring_model()
    return row["weights"] if row is not None and row["kind"] == "learned" else None


def with_learned_weights(model: ScoringModel, weights: Mapping[str, Any]) -> ScoringModel:
    """``model`` with its intercept, criterion points and signal points replaced by learned ones.

    Reasons and temperature rules stay those of the hand model; a feature the weights lack scores 0.
    """
    learned: Mapping[str, float] = weights["features"]
    criteria = {}
    for name, criterion in model.criteria.items():
        names = criterion.features()
        if criterion.bands:
            bands = tuple(dataclasses.replace(b, points=learned.get(f, 0.0)) for b, f in zip(criterion.bands, names))
            criteria[name] = dataclasses.replace(criterion, bands=bands)
        else:
            values = {key: learned.get(f, 0.0) for key, f in zip(criterion.values, names)}
            criteria[name] = dataclasses.replace(criterion, values=values, default=learned.get(names[-1], 0.0))
    signals = {name: dataclasses.replace(signal, points=learned.get(name, 0.0)) for name, signal in model.signals.items()}
    return dataclasses.replace(model, intercept=float(weights["intercept"]), criteria=criteria, signals=signals)


def _bin_text(b: Bin) -> str:
    if not b.count:
        return "-"
    return f"{b.mean_predicted:.2f} -> {b.observed_rate:.2f} ({b.count})"
