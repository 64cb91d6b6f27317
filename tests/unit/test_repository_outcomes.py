"""Outcomes, duplicates and counts of the prospect file, as the import, the funnel and the fit need them."""
import datetime as dt

import pytest

from leadqual.storage.database import create_engine_for
from leadqual.storage.repository import ProspectRepository, UnknownProspect


@pytest.fixture
def clock():
    now = [dt.datetime(2026, 11, 28, 12, 0)]
    return now


@pytest.fixture
def repository(database_url, clock):
    return ProspectRepository(create_engine_for(database_url), clock=lambda: clock[0])


def test_an_outcome_is_recorded_with_its_time_and_can_be_corrected(repository, clock):
    prospect = repository.get_or_create("conv-1")
    assert repository.record_outcome(prospect["id"], "lost") is True
    clock[0] = dt.datetime(2026, 12, 1, 9, 0)
    assert repository.record_outcome(prospect["id"], "lost") is False  # the same again changes nothing
    assert repository.get(prospect["id"])["outcome_at"] == dt.datetime(2026, 11, 28, 12, 0)
    assert repository.record_outcome(prospect["id"], "won") is True
    stored = repository.get(prospect["id"])
    assert (stored["outcome"], stored["outcome_at"]) == ("won", dt.datetime(2026, 12, 1, 9, 0))


def test_an_outcome_for_an_unknown_prospect_names_the_id(repository):
    with pytest.raises(UnknownProspect, match="no prospect with id 404"):
        repository.record_outcome(404, "won")


def test_an_outcome_is_won_or_lost(repository):
    prospect = repository.get_or_create("conv-1")
    with pytest.raises(ValueError, match="won, lost"):
        repository.record_outcome(prospect["id"], "maybe")


def test_outcomes_for_fitting_carry_the_answers_and_signals(repository):
    won = repository.get_or_create("conv-won")
    repository.save_answers(won["id"], {"employees": 120})
    repository.add_signal(won["id"], "buy_intent", "m1")
    repository.add_signal(won["id"], "buy_intent", "m2")
    repository.record_outcome(won["id"], "won")
    repository.get_or_create("conv-open")
    rows = repository.outcomes()
    assert [(r["conversation_id"], r["employees"], r["signals"]) for r in rows] == [("conv-won", 120, ["buy_intent", "buy_intent"])]


def test_a_duplicate_is_found_by_email_before_phone_before_company(repository):
    by_company = repository.insert_imported({"company_name": "Acme  SA"}, "other", "a.csv", "en")
    by_phone = repository.insert_imported({"phone": "+33612345678"}, "other", "a.csv", "en")
    by_email = repository.insert_imported({"email": "Anna@Example.com"}, "other", "a.csv", "en")

    match = repository.find_duplicate("anna@example.COM", "+33612345678", "ACME SA")
    assert (match.prospect["id"], match.by) == (by_email, "email")
    match = repository.find_duplicate("nobody@example.com", "+33612345678", "ACME SA")
    assert (match.prospect["id"], match.by) == (by_phone, "phone")
    match = repository.find_duplicate(None, None, "acme sa")
    assert (match.prospect["id"], match.by) == (by_company, "company_name")
    assert repository.find_duplicate("nobody@example.com", "+34600000000", "Other") is None
    assert repository.find_duplicate(None, None, None) is None


def test_two_contacts_of_one_company_with_their_own_emails_are_not_duplicates(repository):
    anna = repository.insert_imported({"email": "anna@acme.com", "company_name": "Acme"}, "other", "a.csv", "en")
    assert repository.find_duplicate("bob@acme.com", None, "Acme") is None
    assert repository.find_duplicate(None, None, "Acme").prospect["id"] == anna  # nothing tells them apart
    shared_phone = repository.insert_imported({"email": "carl@beta.com", "phone": "+4930123456"}, "other", "a.csv", "en")
    assert repository.find_duplicate("dora@beta.com", "+4930123456", None) is None
    assert repository.find_duplicate("CARL@beta.com", "+4930123456", None).prospect["id"] == shared_phone


def test_filling_empty_answers_never_overwrites_one(repository):
    prospect_id = repository.insert_imported({"company_name": "Acme", "employees": 10}, "other", "a.csv", "en")
    filled = repository.fill_empty(prospect_id, {"company_name": "ACME Corp", "employees": 900, "country": "FR"})
    stored = repository.get(prospect_id)
    assert filled == ["country"]
    assert (stored["company_name"], stored["employees"], stored["country"]) == ("Acme", 10, "FR")


def test_prospects_are_counted_by_a_column_in_the_database(repository):
    for name, language, temperature in [("a", "fr", "hot"), ("b", "fr", "cold"), ("c", "en", "cold")]:
        prospect = repository.get_or_create(name, language=language)
        repository.record_score(prospect["id"], 0.5, temperature, [])
    assert repository.counts_by("language") == {"en": 1, "fr": 2}
    assert repository.counts_by("temperature") == {"cold": 2, "hot": 1}
    with pytest.raises(ValueError):
        repository.counts_by("email; DROP TABLE prospects")


def test_only_one_fitted_scoring_model_is_active(repository):
    first = repository.save_scoring_model("learned", {"intercept": 0.1, "features": {}}, 0.2, 0.1, 60)
    second = repository.save_scoring_model("hand", {"intercept": -2.2, "features": {}}, 0.2, 0.3, 80)
    active = repository.active_scoring_model()
    assert (active["id"], active["kind"], active["n_outcomes"]) == (second, "hand", 80)
    assert first != second
