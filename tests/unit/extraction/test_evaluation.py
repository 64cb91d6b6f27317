"""The held-out evaluation set and its scorer."""
from collections import Counter

import pytest

from leadqual.extraction.evaluation import Case, evaluate, expected_value, load_cases

FIELDS = ("employees", "order_value_eur", "country", "sector", "timeline_months", "phone", "email", "customer_type")


def test_evaluate_reports_accuracy_per_slot_and_language():
    cases = [
        ("employees", "en", "12 people", 12, {}),
        ("employees", "en", "lots", 5, {}),
        ("country", "fr", "en Belgique", "BE", {}),
        ("email", "de", "kaputt@", None, {}),
    ]
    assert evaluate(cases) == {("country", "fr"): 1.0, ("email", "de"): 1.0, ("employees", "en"): 0.5}


def test_a_wrong_value_or_an_unexpected_rejection_scores_zero():
    assert evaluate([Case("country", "en", "France", "DE")]) == {("country", "en"): 0.0}
    assert evaluate([Case("email", "en", "a@b.co", None)]) == {("email", "en"): 0.0}
    assert evaluate([Case("email", "en", "nope", "a@b.co")]) == {("email", "en"): 0.0}


def test_amount_expectations_are_converted_with_the_rates_table():
    assert expected_value(Case("order_value_eur", "en", "", "100 GBP")) == pytest.approx(114.0)


def test_held_out_set_has_ten_cases_per_field_and_language():
    counts = Counter((c.slot, c.lang) for c in load_cases())
    for field in FIELDS:
        for lang in ("en", "fr", "es", "de", "it", "pt"):
            assert counts[(field, lang)] >= 10, (field, lang)
