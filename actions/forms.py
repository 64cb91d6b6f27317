"""The qualification form's flow: next question, re-ask with an example, or skip a declined one."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.turns import replying_to_prospect, slots_set_since_user_message
from leadqual.bootstrap import services


class ValidateQualificationForm(Action):
    def name(self) -> Text:
        return "validate_qualification_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        requested = tracker.get_slot("requested_slot")
        intent = tracker.latest_message.get("intent") or {}
        step = services().form_step(
            tracker.sender_id,
            requested_slot=requested,
            answered_now=bool(requested) and requested in tracker.slots_to_validate(),
            after_user_message=replying_to_prospect(tracker.events, "qualification_form"),
            text=tracker.latest_message.get("text") or "",
            intent=intent.get("name"),
            intent_confidence=float(intent.get("confidence") or 0.0),
            language=tracker.get_slot("language") or "en",
            skipped=tracker.get_slot("skipped_slots") or [],
            failures=tracker.get_slot("answer_failures") or {},
        )
        if step.digression:
            return []  # nothing answered: Rasa rejects the form and a rule answers the digression
        if tracker.get_slot("returning") and "returning" in slots_set_since_user_message(tracker.events):
            dispatcher.utter_message(response="utter_welcome_back")
        if step.reask:
            dispatcher.utter_message(response=f"utter_reask_{step.reask}")
        elif step.gave_up_on:
            dispatcher.utter_message(response="utter_give_up_question")
        elif len(step.skipped) > len(tracker.get_slot("skipped_slots") or []):
            dispatcher.utter_message(response="utter_skip_question")
        events: List[EventType] = [
            SlotSet("skipped_slots", list(step.skipped)),
            SlotSet("answer_failures", dict(step.failures)),
        ]
        return events + [SlotSet("requested_slot", step.next_slot)]
