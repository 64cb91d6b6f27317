"""Ending a qualification: hand hot prospects (or those who ask for a person) to sales, or thank them."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from leadqual.bootstrap import services
from leadqual.model import PERSONAL_FIELDS, Temperature


class ActionConcludeQualification(Action):
    def name(self) -> Text:
        return "action_conclude_qualification"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        conclusion = services().conclude(tracker.sender_id)
        if tracker.get_slot("consent") is False:
            dispatcher.utter_message(response="utter_no_contact")
        elif conclusion.handed_off:
            dispatcher.utter_message(response="utter_handoff_hot")
        elif conclusion.temperature == Temperature.WARM:
            dispatcher.utter_message(response="utter_thanks_warm")
        else:
            dispatcher.utter_message(response="utter_thanks_cold")
        return [SlotSet("temperature", conclusion.temperature.value), SlotSet("escalated", conclusion.handed_off)]


class ActionHandoffHuman(Action):
    def name(self) -> Text:
        return "action_handoff_human"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        conclusion = services().conclude(tracker.sender_id, reason="ask_human")
        dispatcher.utter_message(response="utter_handoff_human")
        return [SlotSet("escalated", conclusion.handed_off)]


class ActionOptOut(Action):
    def name(self) -> Text:
        return "action_opt_out"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        # The understanding step already erased the contact details when it saw the opt-out.
        dispatcher.utter_message(response="utter_opt_out")
        return [SlotSet(slot, None) for slot in PERSONAL_FIELDS] + [SlotSet("consent", False)]
