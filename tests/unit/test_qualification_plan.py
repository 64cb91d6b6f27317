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
    b2b = {"customer_type": "b2b", "need": "crm"}
    b2c = {"customer_type": "b2c", "need": "a sofa", "country": "FR"}
    assert PLAN.next_question(b2b) == "employees"
    assert PLAN.next_question(b2c) == "order_value_eur"


def test_known_answers_are_not_asked_again():
    answers = {"customer_type": "b2b", "need": "crm", "country": "FR", "employees": 50, "timeline_months": 3,
               "decision_role": "user"}
    assert PLAN.next_question(answers) == "email"


def test_a_phone_number_answers_the_contact_question():
    answers = {"customer_type": "b2c", "need": "x", "country": "FR", "order_value_eur": 10, "timeline_months": 1,
               "purchase_frequency": "regular", "phone": "+33612345678"}
    assert PLAN.next_question(answers) == "consent"


def test_a_declined_question_is_skipped():
    assert PLAN.next_question({"customer_type": "b2b"}, skipped=["need"]) == "employees"


def test_a_cold_prospect_is_spared_the_optional_questions():
    answers = {"customer_type": "b2c", "need": "x", "country": "FR", "order_value_eur": 10, "timeline_months": 1,
               "purchase_frequency": "regular", "email": "a@b.co", "consent": True, "person_name": "Ana"}
    assert PLAN.next_question(answers, temperature=Temperature.COLD) is None
    assert PLAN.next_question(answers, temperature=Temperature.WARM) == "age"


def test_every_course_criterion_is_asked_in_its_branch():
    b2b = set(PLAN.questions("b2b"))
    b2c = set(PLAN.questions("b2c"))
    assert {"company_name", "sector", "employees", "country", "annual_revenue_eur", "order_value_eur", "subsidiaries",
            "company_age_years", "current_supplier", "decision_role", "timeline_months", "need"} <= b2b
    assert {"person_name", "age", "occupation", "purchase_frequency", "order_value_eur", "timeline_months", "country",
            "need"} <= b2c


def test_a_hot_prospect_is_only_asked_how_to_reach_them():
    answers = {"customer_type": "b2b", "need": "crm"}
    assert PLAN.next_question(answers, temperature=Temperature.HOT) == "email"
    assert PLAN.next_question({**answers, "email": "a@b.co"}, temperature=Temperature.HOT) == "consent"


def test_a_disengaged_prospect_is_asked_nothing():
    assert PLAN.next_question({}, disengaged=True) is None


def test_the_form_ends_when_everything_is_known():
    answers = {slot: "x" for slot in PLAN.questions("b2b") if slot != "contact"}
    answers.update(customer_type="b2b", email="a@b.co")
    assert PLAN.next_question(answers, temperature=Temperature.WARM) is None


def test_an_unknown_question_in_the_plan_is_refused_with_its_line(tmp_path):
    path = tmp_path / "qualification.yml"
    path.write_text("first: [customer_type]\nb2b:\n  - need\n  - shoe_size\nb2c: [need]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"qualification\.yml:4: unknown question 'shoe_size'"):
        load_plan(path)
