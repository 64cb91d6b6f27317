"""Learning appetence from outcomes: it recovers known weights, beats a wrong hand model, and refuses thin data."""
import math

import pytest

from leadqual.learning import (
    NotEnoughOutcomes,
    active_weights,
    feature_names,
    features,
    fit,
    hand_weights,
    reliability_png,
    with_learned_weights,
)
from leadqual.scoring import Evidence
from leadqual.storage.database import create_engine_for
from leadqual.storage.repository import ProspectRepository
from leadqual.storage.schema import prospects
from tests.unit.prospect_data import HAND, NOW, STRONGEST, TRUE_WEIGHTS, simulate


@pytest.fixture
def repository(database_url):
    return ProspectRepository(create_engine_for(database_url), clock=lambda: NOW)


@pytest.fixture
def wrong_hand_model():
    """A hand model that believes the opposite of the truth."""
    return with_learned_weights(HAND, {"intercept": 1.0, "features": {f: -w for f, w in TRUE_WEIGHTS.items()}})


def test_the_learned_model_beats_a_wrong_hand_model_and_becomes_active(repository, wrong_hand_model):
    simulate(repository.engine, 2000)
    report = fit(repository, wrong_hand_model, seed=0)

    assert (report.n_outcomes, report.n_train, report.n_test) == (2000, 1400, 600)
    assert report.brier_learned <= report.brier_hand
    assert report.active_kind == "learned"
    assert active_weights(repository) == report.weights
    assert sum(b.count for b in report.reliability_learned) == 600 and len(report.reliability_learned) == 10


def test_the_learned_weights_recover_the_sign_of_the_strongest_true_weights(repository, wrong_hand_model):
    simulate(repository.engine, 2000)
    learned = fit(repository, wrong_hand_model, seed=0).weights["features"]
    assert {f: learned[f] > 0 for f in STRONGEST} == {f: TRUE_WEIGHTS[f] > 0 for f in STRONGEST}
    assert abs(learned["timeline_months<=1.0"]) > abs(learned["customer_type=b2b"])


def test_a_scoring_model_built_from_learned_weights_scores_as_the_learned_model(repository, wrong_hand_model):
    simulate(repository.engine, 300)
    weights = fit(repository, wrong_hand_model, min_outcomes=100).weights
    model = with_learned_weights(HAND, weights)
    evidence = Evidence.of({"employees": 30, "timeline_months": 2, "decision_role": "influencer", "consent": True},
                           ["request_info", "request_info"], declined=1)
    logit = weights["intercept"] + sum(weights["features"][f] * v for f, v in features(HAND, evidence).items())
    assert model.score(evidence).appetence == pytest.approx(1 / (1 + math.exp(-logit)), abs=1e-4)
    assert model.rules == HAND.rules and model.criteria["employees"].bands[0].reason == HAND.criteria["employees"].bands[0].reason


def test_the_hand_model_in_weight_form_scores_as_the_hand_model():
    same = with_learned_weights(HAND, hand_weights(HAND))
    evidence = Evidence.of({"customer_type": "b2b", "employees": 120, "sector": "retail", "consent": False}, ["buy_intent"])
    assert same.score(evidence) == HAND.score(evidence)


def test_every_feature_the_hand_model_awards_is_one_the_learner_sees():
    vocabulary = set(feature_names(HAND))
    evidence = Evidence.of({"employees": 3, "annual_revenue_eur": 1e9, "current_supplier": "Acme", "consent": True,
                            "prospect_source": "referral", "sector": "health"}, ["ask_human", "not_interested"], declined=2)
    assert set(features(HAND, evidence)) <= vocabulary
    assert {f.feature for f in HAND.score(evidence).factors} == set(features(HAND, evidence))


def test_fitting_below_the_minimum_of_outcomes_says_how_many_exist_and_are_needed(repository):
    simulate(repository.engine, 30)
    with pytest.raises(NotEnoughOutcomes, match="30 outcomes are recorded and fitting needs at least 50"):
        fit(repository, HAND)
    assert repository.active_scoring_model() is None


def test_fitting_needs_both_won_and_lost_outcomes(repository):
    simulate(repository.engine, 60)
    with repository.engine.begin() as conn:
        conn.execute(prospects.update().values(outcome="won"))
    with pytest.raises(NotEnoughOutcomes, match="60 won and 0 lost"):
        fit(repository, HAND)


def test_the_reliability_plot_is_a_png_file(repository, wrong_hand_model, tmp_path):
    simulate(repository.engine, 200)
    report = fit(repository, wrong_hand_model, min_outcomes=100)
    assert reliability_png(report, tmp_path / "reliability.png").read_bytes()[:4] == b"\x89PNG"
