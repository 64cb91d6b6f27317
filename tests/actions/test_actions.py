"""The Rasa actions as Rasa calls them: a tracker in, events and messages out, the prospect file updated."""
from __future__ import annotations

import asyncio
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.forms import ValidateQualificationForm
from actions.handoff import ActionConcludeQualification, ActionOptOut
from actions.understanding import ActionUnderstandMessage

ENGLISH = {"en": 0.97, "fr": 0.01, "es": 0.005, "de": 0.005, "it": 0.005, "pt": 0.005}
DOMAIN = {"responses": {"utter_unsupported_language": [
    {"text": "Sorry, I can chat in English…", "condition": [{"type": "slot", "name": "language", "value": "en"}]}]}}


def make_tracker(text: str, intent: str = "inform", slots: Optional[Dict[str, Any]] = None,
                 latest_action: str = "action_listen", set_this_turn: Optional[Dict[str, Any]] = None,
                 probabilities=ENGLISH, foreign=None, metadata=None) -> Tracker:
    message = {"text": text, "intent": {"name": intent, "confidence": 0.95}, "message_id": f"id-{text}",
               "language_probabilities": probabilities, "entities": []}
    if foreign:
        message["language_foreign"] = foreign
    events: List[Dict[str, Any]] = [{"event": "user", "text": text, "metadata": metadata or {}, "parse_data": message}]
    events += [{"event": "slot", "name": k, "value": v} for k, v in (set_this_turn or {}).items()]
    return Tracker("conv-1", {**(slots or {}), **(set_this_turn or {})}, message, events, False, None,
                   {"name": "qualification_form"}, latest_action)


def run(action, tracker: Tracker, domain=None):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, domain or DOMAIN))
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_understanding_sets_the_language_and_the_answers_it_found(qualifier):
    messages, slots = run(ActionUnderstandMessage(), make_tracker("we're a 200-person logistics firm in Lyon"))
    assert messages == []
    assert slots["language"] == "en"
    assert (slots["employees"], slots["sector"], slots["country"], slots["customer_type"]) == (
        200, "transport_logistics", "FR", "b2b")
    assert slots["temperature"] in ("cold", "warm", "hot") and 0 < slots["appetence"] < 1


def test_a_long_message_in_an_unsupported_language_is_answered_with_the_supported_ones(qualifier):
    messages, slots = run(ActionUnderstandMessage(),
                          make_tracker("Здравствуйте, мне нужна информация о ценах", probabilities={}, foreign=["ru", 0.99]))
    assert [m["text"] for m in messages] == ["Sorry, I can chat in English…"]
    assert slots["language"] == "en"


def test_the_form_asks_the_next_question_of_the_plan(qualifier):
    tracker = make_tracker("for my company", slots={"requested_slot": "customer_type", "language": "en"},
                           set_this_turn={"customer_type": "b2b"})
    run(ActionUnderstandMessage(), tracker)
    messages, slots = run(ValidateQualificationForm(), tracker)
    assert messages == [] and slots["requested_slot"] == "need"


def test_the_form_re_asks_an_unclear_answer_with_an_example(qualifier):
    tracker = make_tracker("lots", slots={"requested_slot": "employees", "language": "en", "customer_type": "b2b"})
    messages, slots = run(ValidateQualificationForm(), tracker)
    assert [m["response"] for m in messages] == ["utter_reask_employees"]
    assert slots["requested_slot"] == "employees" and slots["answer_failures"] == {"employees": 1}


def test_the_form_lets_the_dialogue_answer_a_digression(qualifier):
    tracker = make_tracker("are you a bot?", intent="bot_challenge",
                           slots={"requested_slot": "employees", "language": "en"})
    assert run(ValidateQualificationForm(), tracker) == ([], {})


def test_a_second_digression_skips_the_question_and_the_form_says_so_as_it_moves_on(qualifier):
    prospect = qualifier.repository.get_or_create("conv-1")
    qualifier.repository.save_answers(prospect["id"], {"customer_type": "b2b", "need": "a CRM"})
    slots = {"requested_slot": "employees", "language": "en", "answer_failures": {"employees": 1}}
    _, understood = run(ActionUnderstandMessage(), make_tracker("tell me a joke", intent="out_of_scope", slots=slots))
    assert understood["answer_failures"] == {"employees": 2} and understood["skipped_slots"] == ["employees"]
    resumed = make_tracker("tell me a joke", intent="out_of_scope", slots={**slots, **understood})
    resumed.events += [{"event": "action", "name": "utter_out_of_scope"}, {"event": "bot", "text": "I can't help."},
                       {"event": "action", "name": "qualification_form"}]
    messages, form = run(ValidateQualificationForm(), resumed)
    assert [m["response"] for m in messages] == ["utter_give_up_question"]
    assert form["requested_slot"] not in (None, "employees") and "employees" in form["skipped_slots"]


def test_the_form_welcomes_back_a_prospect_recognised_in_this_message(qualifier):
    old = qualifier.repository.get_or_create("earlier-conversation")
    qualifier.repository.save_answers(old["id"], {"email": "anna@example.com", "company_name": "Northwind",
                                                  "prospect_source": "former_client"})
    tracker = make_tracker("anna@example.com", slots={"requested_slot": "email", "language": "en"})
    _, understood = run(ActionUnderstandMessage(), tracker)
    assert understood["returning"] == "former_client" and understood["company_name"] == "Northwind"
    tracker = make_tracker("anna@example.com", slots={"requested_slot": "email", "language": "en"},
                           set_this_turn={"email": "anna@example.com", "returning": "former_client"})
    messages, _ = run(ValidateQualificationForm(), tracker)
    assert messages[0]["response"] == "utter_welcome_back"


def test_concluding_a_cold_qualification_thanks_without_a_handoff(qualifier, notifier):
    run(ActionUnderstandMessage(), make_tracker("just for myself"))
    messages, slots = run(ActionConcludeQualification(), make_tracker("no thanks", slots={"consent": None}))
    assert [m["response"] for m in messages] == ["utter_thanks_cold"]
    assert slots["escalated"] is False and notifier.sent == []


def test_opting_out_clears_the_contact_slots(qualifier):
    messages, slots = run(ActionOptOut(), make_tracker("delete my data", intent="opt_out"))
    assert [m["response"] for m in messages] == ["utter_opt_out"]
    assert slots["email"] is None and slots["phone"] is None and slots["consent"] is False


def test_the_form_does_not_count_a_failure_when_it_resumes_after_a_digression(qualifier):
    prospect = qualifier.repository.get_or_create("conv-1")
    qualifier.repository.save_answers(prospect["id"], {"customer_type": "b2b", "need": "a CRM"})
    tracker = make_tracker("are you a bot?", intent="bot_challenge", slots={"requested_slot": "employees", "language": "en"})
    tracker.events += [{"event": "action", "name": "utter_iamabot"}, {"event": "bot", "text": "I'm a virtual assistant."},
                       {"event": "action", "name": "qualification_form"}]
    messages, slots = run(ValidateQualificationForm(), tracker)
    assert messages == [] and slots["answer_failures"] == {} and slots["requested_slot"] == "employees"
