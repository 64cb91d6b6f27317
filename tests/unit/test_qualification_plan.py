"""Which question comes next, from the plan in data/qualification.yml."""
import pytest

from leadqual.config import DATA
from leadqual.model import Temperature
from leadqual.qualification import load_plan
from leadqual.yamlfile import ConfigError

PLAN = load_plan(DATA / "qualification.yml")


def test_the_branch_is_asked_first():
    assert PLAN.next_question({}) == "customer_type"


def test_a_company_is_asked_its_headcount_and_a_person_their_budget():
    b2b = {"customer_type": "b2b", "need": "crm", "country": "FR"}
    b2c = {"customer_type": "b2c", "need": "a sofa", "country": "FR"}
    assert PLAN.next_question(b2b) == "employees"
    assert PLAN.next_question(b2c) == "order_value_eur"


def test_known_answers_are_not_asked_again():
    answers = {"customer_type": "b2b", "need": "crm", "country": "FR", "employees": 50, "timeline_months": 3}
    assert PLAN.next_question(answers) == "email"


def test_a_phone_number_answers_the_contact_question():
    answers = {"customer_type": "b2c", "need": "x", "country": "FR", "order_value_eur": 10, "timeline_months": 1,
               "phone": "+33612345678"}
    assert PLAN.next_question(answers) == "consent"


def test_a_declined_question_is_skipped():
    assert PLAN.next_question({"customer_type": "b2b"}, skipped=["need"]) == "country"


def test_a_hot_prospect_is_only_asked_how_to_reach_them():
    answers = {"customer_type": "b2b", "need": "crm"}
    assert PLAN.next_question(answers, temperature=Temperature.HOT) == "email"
    assert PLAN.next_question({**answers, "email": "a@b.co"}, temperature=Temperature.HOT) == "consent"


def test_a_disengaged_prospect_is_asked_nothing():
    assert PLAN.next_question({}, disengaged=True) is None


def test_the_form_ends_when_everything_is_known():
    answers = {"customer_type": "b2b", "need": "crm", "country": "FR", "employees": 5, "timeline_months": 1,
               "email": "a@b.co", "consent": True}
    assert PLAN.next_question(answers) is None


def test_an_unknown_question_in_the_plan_is_refused_with_its_line(tmp_path):
    path = tmp_path / "qualification.yml"
    path.write_text("first: [customer_type]\nb2b:\n  - need\n  - shoe_size\nb2c: [need]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"qualification\.yml:4: unknown question 'shoe_size'"):
        load_plan(path)
