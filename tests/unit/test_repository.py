"""The prospect file stores every answer at once, idempotently, and never loses a handoff."""
import datetime as dt

import pytest

from leadqual.storage.database import create_engine_for
from leadqual.storage.repository import ProspectRepository


@pytest.fixture
def repository(database_url):
    return ProspectRepository(create_engine_for(database_url), clock=lambda: dt.datetime(2026, 11, 28, 12, 0))


def test_one_conversation_is_one_prospect(repository):
    first = repository.get_or_create("conv-1", "rest", "fr")
    again = repository.get_or_create("conv-1", "rest", "fr")
    assert first["id"] == again["id"]
    assert len(list(repository.iter_prospects())) == 1


def test_answers_are_stored_in_their_types(repository):
    prospect = repository.get_or_create("conv-1")
    repository.save_answers(prospect["id"], {"employees": "200", "consent": True, "order_value_eur": "1500.5", "country": "FR"})
    stored = repository.get(prospect["id"])
    assert (stored["employees"], stored["consent"], stored["order_value_eur"], stored["country"]) == (200, True, 1500.5, "FR")


def test_the_same_signal_for_the_same_message_is_recorded_once(repository):
    prospect = repository.get_or_create("conv-1")
    assert repository.add_signal(prospect["id"], "buy_intent", "msg-1") is True
    assert repository.add_signal(prospect["id"], "buy_intent", "msg-1") is False
    assert repository.add_signal(prospect["id"], "buy_intent", "msg-2") is True
    assert repository.signals_of(prospect["id"]) == ["buy_intent", "buy_intent"]


def test_a_score_is_kept_in_the_history_only_when_it_changes(repository):
    prospect = repository.get_or_create("conv-1")
    assert repository.record_score(prospect["id"], 0.2, "cold", ["a"]) is True
    assert repository.record_score(prospect["id"], 0.2, "cold", ["a"]) is False
    assert repository.record_score(prospect["id"], 0.5, "warm", ["b"]) is True
    assert [row["temperature"] for row in repository.score_history(prospect["id"])] == ["cold", "warm"]


def test_a_prospect_is_handed_off_once_with_its_notification_waiting_in_the_outbox(repository):
    prospect = repository.get_or_create("conv-1")
    note = {"kind": "webhook", "target": "http://127.0.0.1:9/lead", "payload": {"id": prospect["id"]}}
    handoff = repository.create_handoff(prospect["id"], "rep-1", "hot lead", [note])
    assert handoff is not None
    assert repository.create_handoff(prospect["id"], "rep-1", "hot lead", [note]) is None
    pending = repository.pending_notifications()
    assert [(n["handoff_id"], n["status"]) for n in pending] == [(handoff, "pending")]
    assert repository.get(prospect["id"])["escalated"] is True


def test_a_failed_notification_stays_pending_and_a_delivered_one_leaves(repository):
    prospect = repository.get_or_create("conv-1")
    repository.create_handoff(prospect["id"], "rep-1", "hot", [{"kind": "webhook", "target": "x", "payload": {}}])
    note = repository.pending_notifications()[0]
    repository.mark_notification(note["id"], "connection refused")
    assert repository.pending_notifications()[0]["attempts"] == 1
    repository.mark_notification(note["id"])
    assert repository.pending_notifications() == []


def test_opting_out_erases_identity_but_keeps_the_anonymous_record(repository):
    prospect = repository.get_or_create("conv-1")
    repository.save_answers(prospect["id"], {"email": "anna@example.com", "phone": "+33612345678", "country": "FR"})
    repository.opt_out(prospect["id"])
    stored = repository.get(prospect["id"])
    assert (stored["email"], stored["phone"], stored["consent"]) == (None, None, False)
    assert stored["country"] == "FR" and stored["opted_out_at"] is not None


def test_a_returning_prospect_is_found_by_email_whatever_its_case(repository):
    old = repository.get_or_create("conv-old")
    repository.save_answers(old["id"], {"email": "Anna@Example.com"})
    new = repository.get_or_create("conv-new")
    assert repository.find_by_contact(email="anna@example.com", exclude=new["id"])["id"] == old["id"]
    assert repository.find_by_contact(email="nobody@example.com") is None


def test_export_filters_by_temperature_and_language(repository):
    for conversation, language, temperature in [("a", "fr", "hot"), ("b", "en", "hot"), ("c", "fr", "cold")]:
        prospect = repository.get_or_create(conversation, language=language)
        repository.record_score(prospect["id"], 0.5, temperature, [])
    rows = repository.iter_prospects(temperature="hot", language="fr")
    assert [row["conversation_id"] for row in rows] == ["a"]
