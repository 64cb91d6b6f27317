"""Reading a Rasa tracker's plain data into leadqual's Turn. Works on dicts, not on a Tracker."""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional

from leadqual.services import Turn


def latest_user_event(events: List[Mapping[str, Any]]) -> Mapping[str, Any]:
    return next((event for event in reversed(events) if event.get("event") == "user"), {})


def slots_set_since_user_message(events: List[Mapping[str, Any]]) -> Dict[str, Any]:
    """Slots set after the latest prospect message (by any action), latest value wins."""
    found: Dict[str, Any] = {}
    for event in reversed(events):
        if event.get("event") == "user":
            break
        if event.get("event") == "slot" and event.get("name") not in found:
            found[event["name"]] = event.get("value")
    return found


def replying_to_prospect(events: List[Mapping[str, Any]], form_name: str) -> bool:
    """True when the form runs right after a prospect message (not after the bot answered a digression).

    Rasa runs the validation on a copy of the tracker that ends with the form's own action, so the
    latest action name cannot tell; the events can: no other action since the latest user message.
    """
    for event in reversed(events):
        if event.get("event") == "user":
            return True
        if event.get("event") == "action" and event.get("name") not in (form_name, "action_extract_slots"):
            return False
    return False


def message_metadata(events: List[Mapping[str, Any]], slots: Mapping[str, Any]) -> Dict[str, Any]:
    """Channel metadata of the latest message, over what the session started with."""
    started = slots.get("session_started_metadata") or {}
    latest = latest_user_event(events).get("metadata") or {}
    return {**started, **latest}


def turn_from(sender_id: str, latest_message: Mapping[str, Any], events: List[Mapping[str, Any]],
              slots: Mapping[str, Any], input_channel: Optional[str]) -> Turn:
    intent = latest_message.get("intent") or {}
    user_event = latest_user_event(events)
    message_id = latest_message.get("message_id") or user_event.get("message_id") or f"t{user_event.get('timestamp')}"
    foreign = latest_message.get("language_foreign")
    return Turn(
        conversation_id=sender_id,
        message_id=str(message_id),
        text=latest_message.get("text") or "",
        intent=intent.get("name"),
        intent_confidence=float(intent.get("confidence") or 0.0),
        language_probabilities=latest_message.get("language_probabilities") or {},
        foreign_language=(foreign[0], float(foreign[1])) if foreign else None,
        channel=input_channel or "unknown",
        metadata=message_metadata(events, slots),
        current_language=slots.get("language"),
        language_evidence=slots.get("language_evidence") or {},
        language_settled=bool(slots.get("language_settled")),
        requested_slot=slots.get("requested_slot") if slots.get("requested_slot") else None,
        answer_failures=slots.get("answer_failures") or {},
        skipped_slots=tuple(slots.get("skipped_slots") or ()),
    )


def response_text(domain: Mapping[str, Any], name: str, language: str) -> Optional[str]:
    """The text of response ``name`` in ``language``, for messages sent before the slot is set."""
    for variation in (domain.get("responses") or {}).get(name, []):
        conditions = variation.get("condition") or []
        if any(c.get("name") == "language" and c.get("value") == language for c in conditions):
            return variation.get("text")
    return None
