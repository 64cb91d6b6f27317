"""Appetence and temperature follow the course: fit and engagement, with its rules on top."""
from pathlib import Path

import pytest

from leadqual.model import Temperature
from leadqual.scoring import Evidence, load_scoring
from leadqual.yamlfile import ConfigError

MODEL = load_scoring()
FITTING_B2B = {"customer_type": "b2b", "employees": 120, "timeline_months": 2, "country": "FR"}


def score(answers, signals=(), declined=0):
    return MODEL.score(Evidence.of(answers, list(signals), declined))


def test_appetence_is_a_probability():
    for answers, signals in [({}, []), (FITTING_B2B, ["buy_intent"]), ({}, ["not_interested"])]:
        assert 0.0 < score(answers, signals).appetence < 1.0


@pytest.mark.parametrize("criterion, values", [
    ("employees", [1, 20, 100, 1000]),
    ("order_value_eur", [100, 5000, 50000, 500000]),
    ("annual_revenue_eur", [100000, 5e6, 2e7, 1e9]),
    ("subsidiaries", [0, 2, 10]),
])
def test_appetence_never_decreases_as_the_company_or_order_grows(criterion, values):
    scores = [score({"customer_type": "b2b", criterion: v}).appetence for v in values]
    assert scores == sorted(scores)
    assert scores[-1] > scores[0]


def test_appetence_never_increases_as_the_purchase_moves_away():
    scores = [score({"timeline_months": m}).appetence for m in (0, 2, 5, 11, 24)]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] > scores[-1]


def test_a_decision_maker_scores_higher_than_a_user():
    assert score({"decision_role": "decision_maker"}).appetence > score({"decision_role": "user"}).appetence


def test_asking_for_information_makes_a_prospect_at_least_warm():
    result = score({"customer_type": "b2c"}, ["request_info"])
    assert result.temperature in (Temperature.WARM, Temperature.HOT)
    assert score({"customer_type": "b2c"}).temperature == Temperature.COLD


def test_a_buy_intent_from_a_fitting_prospect_is_hot():
    assert score(FITTING_B2B, ["buy_intent"]).temperature == Temperature.HOT


def test_a_buy_intent_alone_is_not_enough_without_fit():
    result = score({"customer_type": "b2c", "timeline_months": 24}, ["buy_intent"])
    assert result.temperature != Temperature.HOT
    assert "rule: wants to buy" not in " ".join(result.explanation())


def test_not_interested_is_cold_whatever_the_fit():
    result = score(FITTING_B2B, ["buy_intent", "not_interested"])  # the latest word is no
    assert result.temperature == Temperature.COLD
    assert result.disengaged


def test_a_prospect_who_re_engages_after_saying_no_is_no_longer_held_cold():
    result = score(FITTING_B2B, ["not_interested", "buy_intent"])
    assert not result.disengaged
    assert result.temperature == Temperature.HOT


def test_declining_questions_lowers_appetence():
    assert score({"customer_type": "b2b"}, declined=3).appetence < score({"customer_type": "b2b"}).appetence


def test_the_explanation_names_the_strongest_factors_first():
    lines = score(FITTING_B2B, ["buy_intent"]).explanation()
    assert lines[0].startswith("wants to buy")
    assert any("mid-sized company" in line for line in lines)
    assert lines[-1].startswith("rule:")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "scoring.yml"
    path.write_text(text, encoding="utf-8")
    return path


VALID = Path(load_scoring.__globals__["DEFAULT_SCORING_FILE"]).read_text(encoding="utf-8")


def test_a_scoring_file_with_a_syntax_error_is_refused_with_its_line(tmp_path):
    path = write(tmp_path, "intercept: -2\ncriteria:\n  employees: [\n")
    with pytest.raises(ConfigError, match=r"scoring\.yml:\d+"):
        load_scoring(path)


def test_a_band_that_is_not_a_number_is_refused_with_its_line(tmp_path):
    broken = VALID.replace("{max: 49, points: 0.3,", "{max: 49, points: lots,")
    path = write(tmp_path, broken)
    line = next(i for i, l in enumerate(broken.splitlines(), 1) if "points: lots" in l)
    with pytest.raises(ConfigError, match=rf"scoring\.yml:{line}: .*must be a number"):
        load_scoring(path)


def test_thresholds_out_of_order_are_refused(tmp_path):
    path = write(tmp_path, VALID.replace("hot: 0.75", "hot: 0.2"))
    with pytest.raises(ConfigError, match="warm < hot"):
        load_scoring(path)


def test_an_unknown_criterion_is_refused(tmp_path):
    path = write(tmp_path, VALID.replace("  employees:\n", "  headcount:\n", 1))
    with pytest.raises(ConfigError, match="unknown criterion 'headcount'"):
        load_scoring(path)
