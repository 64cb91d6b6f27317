"""After every prospect message (Rasa runs custom slot mappings then): language, answers, score."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.turns import response_text, turn_from
from leadqual.bootstrap import services


class ActionUnderstandMessage(Action):
    def name(self) -> Text:
        return "action_understand_message"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        turn = turn_from(tracker.sender_id, tracker.latest_message, tracker.events, tracker.slots,
                         tracker.get_latest_input_channel())
        if not turn.text:
            return []
        observation = services().observe(turn)
        if observation.unsupported_language:
            text = response_text(domain, "utter_unsupported_language", observation.language)
            if text:
                dispatcher.utter_message(text=text)
        events: List[EventType] = [
            SlotSet("language", observation.language),
            SlotSet("language_settled", observation.language_settled),
            SlotSet("language_evidence", dict(observation.language_evidence)),
        ]
        events += [SlotSet(slot, value) for slot, value in observation.answers.items()
                   if value is not None and tracker.get_slot(slot) != value]
        events += [
            SlotSet("appetence", observation.appetence),
            SlotSet("temperature", observation.temperature.value),
            SlotSet("escalated", observation.escalated),
            SlotSet("answered", observation.answered),
        ]
        if dict(observation.answer_failures) != (tracker.get_slot("answer_failures") or {}):
            events.append(SlotSet("answer_failures", dict(observation.answer_failures)))
        if list(observation.skipped_slots) != (tracker.get_slot("skipped_slots") or []):
            events.append(SlotSet("skipped_slots", list(observation.skipped_slots)))
        if observation.returning:
            events.append(SlotSet("returning", observation.returning))
        return events
