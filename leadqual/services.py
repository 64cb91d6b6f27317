"""The use cases the conversation calls: observe a message, choose the next question, hand off.

Each takes plain values and returns plain values, so Rasa actions stay thin adapters and the
whole flow is testable without a server.
"""
from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from leadqual import extraction
from leadqual.language import LanguagePolicy, decide_language, hint_from_locale, requested_language
from leadqual.model import QUALIFICATION_SLOTS, Signal, Temperature
from leadqual.notifications import DeliveryFailed, Notifier
from leadqual.qualification import QualificationPlan
from leadqual.routing import Router
from leadqual.scoring import Evidence, Score, ScoringModel
from leadqual.storage.repository import ProspectRepository, Row

log = logging.getLogger(__name__)

# Intents that are not an answer to the pending question when the NLU is sure of them.
DIGRESSIONS = frozenset({"bot_challenge", "ask_human", "not_interested", "opt_out", "out_of_scope", "goodbye",
                         "change_language"})
FREE_TEXT_SLOTS = frozenset({"need", "company_name", "occupation", "person_name", "current_supplier"})
# A name is any few words ("Taller Luz", "Blue Harbor"): the intent model has never seen it and may call it
# off-topic, so a short reply without a question mark to a name question is read as the name.
NAME_SLOTS = frozenset({"company_name", "person_name"})
NAME_MAX_WORDS = 5
# Questions a soft refusal can answer: "not before next year" is both "not now" and a timeline.
REFUSAL_ANSWERABLE_SLOTS = frozenset({"timeline_months"})
DIGRESSION_CONFIDENCE = 0.7
# Questions about the offer: when they answer nothing, the conversation acknowledges them first.
ENGAGED_DIGRESSIONS = frozenset({"request_info", "buy_intent"})
# Asking to switch language is no failure to answer: the question is asked again in the new language.
UNCOUNTED_DIGRESSIONS = frozenset({"change_language"})
NEED_MIN_WORDS = 5  # an opening message this long that asks to buy or for information states the need


@dataclass(frozen=True)
class Turn:
    """One prospect message, as the conversation layer saw it."""

    conversation_id: str
    message_id: str
    text: str
    intent: Optional[str] = None
    intent_confidence: float = 1.0
    language_probabilities: Mapping[str, float] = field(default_factory=dict)
    foreign_language: Optional[Tuple[str, float]] = None
    channel: str = "unknown"
    metadata: Mapping[str, Any] = field(default_factory=dict)
    current_language: Optional[str] = None
    language_evidence: Mapping[str, float] = field(default_factory=dict)
    language_settled: bool = False
    requested_slot: Optional[str] = None
    answer_failures: Mapping[str, int] = field(default_factory=dict)
    skipped_slots: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Observation:
    language: str
    language_settled: bool
    language_evidence: Mapping[str, float]
    unsupported_language: Optional[str]
    answers: Mapping[str, Any]
    appetence: float
    temperature: Temperature
    explanation: Tuple[str, ...]
    disengaged: bool
    escalated: bool
    returning: Optional[str] = None    # recognised in this message: existing_client, former_client or prospect
    # The form's counts, with this message counted when it left the pending question for something else.
    answer_failures: Mapping[str, int] = field(default_factory=dict)
    skipped_slots: Tuple[str, ...] = ()
    answered: bool = False             # the message answered the pending question


@dataclass(frozen=True)
class FormStep:
    next_slot: Optional[str]
    reask: Optional[str] = None        # the question to ask again, with an example
    gave_up_on: Optional[str] = None   # skipped after too many failed answers
    skipped: Tuple[str, ...] = ()
    failures: Mapping[str, int] = field(default_factory=dict)
    digression: bool = False           # the message was about something else: let the dialogue answer it


@dataclass(frozen=True)
class Conclusion:
    temperature: Temperature
    handed_off: bool
    rep_name: Optional[str] = None


def looks_like_a_name(text: str) -> bool:
    return 0 < len(text.split()) <= NAME_MAX_WORDS and "?" not in text


def is_digression(turn_intent: Optional[str], confidence: float, requested_slot: Optional[str],
                  text: str = "") -> bool:
    """True when the message is about something else than the pending question."""
    if requested_slot in NAME_SLOTS and turn_intent == "out_of_scope" and looks_like_a_name(text):
        return False
    if turn_intent in DIGRESSIONS and confidence >= DIGRESSION_CONFIDENCE:
        return True
    return requested_slot in FREE_TEXT_SLOTS and turn_intent == "request_info" and confidence >= DIGRESSION_CONFIDENCE


def digresses(turn_intent: Optional[str], confidence: float, requested_slot: Optional[str], text: str = "") -> bool:
    """True when the dialogue, not the form, answers the message: a digression or a question about the offer."""
    return is_digression(turn_intent, confidence, requested_slot, text) or (
        turn_intent in ENGAGED_DIGRESSIONS and confidence >= DIGRESSION_CONFIDENCE)


def can_answer(turn_intent: Optional[str], confidence: float, requested_slot: Optional[str], text: str = "") -> bool:
    """Whether the message may be read as the answer to the pending question.

    A free-text question ("what do you need?") would take any words, so a greeting or a question
    about prices is not read as its answer; it then counts as not understood. To "when would you buy?",
    a "not now" that names a time ("no rush, maybe next year") is a timeline, however sure the intent model
    is that it is a refusal: it is read as one if the timeline extractor understands it.
    """
    if requested_slot in REFUSAL_ANSWERABLE_SLOTS and turn_intent == "not_interested":
        return True
    if is_digression(turn_intent, confidence, requested_slot, text):
        return False
    return not (requested_slot in FREE_TEXT_SLOTS and turn_intent == "greet" and confidence >= DIGRESSION_CONFIDENCE)


class Qualifier:
    def __init__(self, repository: ProspectRepository, scoring: ScoringModel, plan: QualificationPlan,
                 router: Router, notifier: Notifier, language_policy: LanguagePolicy = LanguagePolicy(),
                 today: Callable[[], dt.date] = dt.date.today, deliver_in_background: bool = True) -> None:
        self.repository = repository
        self.scoring = scoring
        self.plan = plan
        self.router = router
        self.notifier = notifier
        self.language_policy = language_policy
        self.today = today
        self.deliver_in_background = deliver_in_background

    # -- every message ------------------------------------------------------------------------
    def observe(self, turn: Turn) -> Observation:
        hint = _language_hint(turn.metadata)
        requested = requested_language(turn.text) if turn.intent == "change_language" else None
        decision = decide_language(turn.current_language, turn.text, turn.language_probabilities, hint=hint,
                                   requested=requested, foreign=turn.foreign_language,
                                   evidence=turn.language_evidence, settled=turn.language_settled,
                                   policy=self.language_policy)
        prospect = self.repository.get_or_create(turn.conversation_id, _channel(turn), decision.language)
        found: Dict[str, extraction.Extracted] = {}
        if turn.intent == Signal.OPT_OUT.value:
            self.repository.opt_out(prospect["id"])
        else:
            found = self._understand(turn, decision.language, prospect)
            self.repository.save_answers(prospect["id"], {k: e.value for k, e in found.items()},
                                         {k: e.details for k, e in found.items() if e.details}, language=decision.language)
        signal = Signal.from_intent(turn.intent or "")
        if signal is not None and turn.intent_confidence >= DIGRESSION_CONFIDENCE:
            self.repository.add_signal(prospect["id"], signal.value, turn.message_id)
        prospect = self.repository.get(prospect["id"]) or prospect
        returning = None if turn.intent == Signal.OPT_OUT.value else self._recognise(prospect)
        if returning:
            prospect = self.repository.get(prospect["id"]) or prospect
        score = self.rescore(prospect)
        answers = {slot: prospect[slot] for slot in QUALIFICATION_SLOTS}
        failures, skipped = self._count_digression(turn, found)
        return Observation(
            language=decision.language,
            language_settled=decision.settled,
            language_evidence={lang: round(value, 3) for lang, value in decision.evidence.items()},
            unsupported_language=decision.unsupported,
            answers=answers,
            appetence=score.appetence,
            temperature=score.temperature,
            explanation=tuple(score.explanation(self.scoring.top_factors)),
            disengaged=score.disengaged,
            escalated=bool(prospect.get("escalated")),
            returning=returning,
            answer_failures=failures,
            skipped_slots=skipped,
            answered=bool(turn.requested_slot) and turn.requested_slot in found,
        )

    def _count_digression(self, turn: Turn, found: Mapping[str, Any]) -> Tuple[Dict[str, int], Tuple[str, ...]]:
        """A message that leaves the pending question unanswered for something else counts as a failed answer.

        The dialogue answers the digression and the form asks the question again; after ``max_failures``
        the question is skipped, so a prospect (or a model that keeps misreading their answer) never
        meets the same question in a loop. Counted here because the form, to let the dialogue answer,
        must return nothing for such a message.
        """
        requested = turn.requested_slot
        failures, skipped = dict(turn.answer_failures), tuple(turn.skipped_slots)
        if (not requested or requested in found or turn.intent in UNCOUNTED_DIGRESSIONS
                or not digresses(turn.intent, turn.intent_confidence, requested, turn.text)):
            return failures, skipped
        failures[requested] = failures.get(requested, 0) + 1
        if failures[requested] >= self.plan.max_failures and requested not in skipped:
            skipped += (requested,)
        return failures, skipped

    def _recognise(self, prospect: Row) -> Optional[str]:
        """Link a prospect to an earlier record with the same email or phone, once.

        Their known answers are copied (never over what this conversation said) so they are not
        asked again. Returns how they were recognised: existing_client, former_client or prospect.
        """
        details = prospect.get("details") or {}
        if "returning_of" in details:
            return None
        earlier = self.repository.find_by_contact(email=prospect.get("email"), phone=prospect.get("phone"),
                                                  exclude=prospect["id"])
        if earlier is None or earlier.get("opted_out_at"):
            return None
        known = {slot: earlier[slot] for slot in QUALIFICATION_SLOTS
                 if earlier.get(slot) is not None and prospect.get(slot) is None and slot != "consent"}
        self.repository.save_answers(prospect["id"], known, {"returning_of": earlier["id"]})
        source = earlier.get("prospect_source")
        return source if source in ("existing_client", "former_client") else "prospect"

    def _understand(self, turn: Turn, language: str, prospect: Row) -> Dict[str, "extraction.Extracted"]:
        """Answers in this message: the pending question first, then whatever else it clearly states."""
        country = prospect.get("country") or _country_hint(turn.metadata)
        today = self.today()
        found: Dict[str, extraction.Extracted] = {}
        requested = turn.requested_slot
        if requested and can_answer(turn.intent, turn.intent_confidence, requested, turn.text):
            answer = self._answer_to(requested, turn, language, country, today)
            if answer is not None:
                found[answer.slot] = answer
        if turn.intent not in DIGRESSIONS or turn.intent_confidence < DIGRESSION_CONFIDENCE:
            country = found["country"].value if "country" in found else country
            for slot, value in extraction.extract_all(turn.text, language, country=country, today=today).items():
                # What someone wants to buy ("payroll software") says nothing of their own sector.
                if slot == "sector" and (requested == "need" or "need" in found):
                    continue
                if slot not in found and prospect.get(slot) is None:
                    found[slot] = value
        if (prospect.get("need") is None and "need" not in found and not requested
                and turn.intent in ("buy_intent", "request_info", "inform") and len(turn.text.split()) >= NEED_MIN_WORDS):
            found["need"] = extraction.Extracted("need", turn.text.strip(), {})
        # What the channel already knows: a WhatsApp number, a signed-in visitor's email, a campaign source.
        for slot in ("phone", "email", "prospect_source"):
            value = (turn.metadata or {}).get("source" if slot == "prospect_source" else slot)
            if value and prospect.get(slot) is None and slot not in found:
                try:
                    found[slot] = extraction.extract(slot, str(value), language, country=country)
                except extraction.InvalidAnswer:
                    pass
        return found

    def _answer_to(self, slot: str, turn: Turn, language: str, country: Optional[str],
                   today: dt.date) -> Optional["extraction.Extracted"]:
        if slot == "consent" and turn.intent in ("affirm", "deny") and turn.intent_confidence >= DIGRESSION_CONFIDENCE:
            return extraction.Extracted("consent", turn.intent == "affirm", {})
        candidates = ("email", "phone") if slot in ("email", "phone") else (slot,)
        for candidate in candidates:
            try:
                return extraction.extract(candidate, turn.text, language, country=country, today=today)
            except extraction.InvalidAnswer:
                continue
        return None

    def rescore(self, prospect: Row) -> Score:
        return rescore(self.repository, self.scoring, prospect)

    # -- the form -----------------------------------------------------------------------------
    def form_step(self, conversation_id: str, *, requested_slot: Optional[str], answered_now: bool,
                  after_user_message: bool, text: str, intent: Optional[str], intent_confidence: float,
                  language: str, skipped: Sequence[str], failures: Mapping[str, int]) -> FormStep:
        """What the form does after a message: move on, re-ask, or skip a declined question."""
        prospect = self.repository.get_or_create(conversation_id)
        skipped_now = list(skipped)
        counts = dict(failures)
        reask = gave_up = None
        unanswered = bool(requested_slot) and after_user_message and not answered_now
        if unanswered and digresses(intent, intent_confidence, requested_slot, text):
            # Counted by observe(), which has already run for this message (see _count_digression).
            return FormStep(requested_slot, skipped=tuple(skipped), failures=counts, digression=True)
        if unanswered:
            declined = extraction.is_decline(text, language) or (intent == "deny" and requested_slot != "consent")
            if declined:
                skipped_now.append(requested_slot)
                self.repository.mark_declined(prospect["id"], requested_slot)
            else:
                counts[requested_slot] = counts.get(requested_slot, 0) + 1
                if counts[requested_slot] >= self.plan.max_failures:
                    skipped_now.append(requested_slot)
                    gave_up = requested_slot
                else:
                    reask = requested_slot
            prospect = self.repository.get(prospect["id"]) or prospect
        elif requested_slot in skipped and not after_user_message:
            gave_up = requested_slot  # skipped by observe() after one digression too many: say so as it moves on
        score = self.rescore(prospect)
        next_slot = reask or self.plan.next_question(
            {slot: prospect.get(slot) for slot in QUALIFICATION_SLOTS}, skipped_now, score.temperature,
            # only a sure refusal that answered nothing ends the questions
            disengaged=(intent == Signal.NOT_INTERESTED.value and intent_confidence >= DIGRESSION_CONFIDENCE
                        and not answered_now))
        return FormStep(next_slot, reask, gave_up, tuple(dict.fromkeys(skipped_now)), counts)

    # -- the end of the conversation ------------------------------------------------------------
    def conclude(self, conversation_id: str, reason: Optional[str] = None) -> Conclusion:
        """Hand a hot prospect (or one who asked for a person) to a rep, once."""
        prospect = self.repository.get_or_create(conversation_id)
        score = self.rescore(prospect)
        wants_person = reason == "ask_human"
        if prospect.get("opted_out_at") or not (score.temperature == Temperature.HOT or wants_person):
            return Conclusion(score.temperature, False)
        rep = self.router.route(prospect)
        why = "asked to talk to a person" if wants_person else "hot lead"
        payload = lead_summary(prospect, score, rep.public(), why)
        notes = [{"kind": "webhook", "target": rep.webhook_url, "payload": payload}] if rep.webhook_url else []
        handoff_id = self.repository.create_handoff(prospect["id"], rep.id, why, notes)
        if handoff_id is None:
            return Conclusion(score.temperature, True, rep.name)
        if not notes:
            log.warning("hot lead %s for %s but the rep has no webhook configured", prospect["id"], rep.id)
        if self.deliver_in_background:
            threading.Thread(target=self.deliver_pending, args=(handoff_id,), daemon=True).start()
        else:
            self.deliver_pending(handoff_id)
        return Conclusion(score.temperature, True, rep.name)

    def deliver_pending(self, handoff_id: Optional[int] = None) -> Tuple[int, int]:
        """Deliver what waits in the outbox; returns (delivered, failed). Failed rows stay for a retry."""
        delivered = failed = 0
        for note in self.repository.pending_notifications(handoff_id):
            try:
                self.notifier.send(note["target"], note["payload"])
            except DeliveryFailed as error:
                log.warning("notification %s not delivered: %s", note["id"], error)
                self.repository.mark_notification(note["id"], str(error))
                failed += 1
            else:
                self.repository.mark_notification(note["id"])
                delivered += 1
        return delivered, failed


def rescore(repository: ProspectRepository, scoring: ScoringModel, prospect: Row) -> Score:
    """Score a stored prospect from its answers and signals, and keep the score (and its history)."""
    score = scoring.score(Evidence.of_prospect(prospect, repository.signals_of(prospect["id"])))
    repository.record_score(prospect["id"], score.appetence, score.temperature.value,
                            score.explanation(scoring.top_factors))
    return score


def lead_summary(prospect: Row, score: Score, rep: Mapping[str, Any], reason: str) -> Dict[str, Any]:
    """What a rep receives: who, how warm, why, and every answer."""
    return {
        "event": "lead.handoff",
        "reason": reason,
        "rep": dict(rep),
        "prospect": {
            "id": prospect["id"],
            "conversation_id": prospect.get("conversation_id"),
            "channel": prospect.get("channel"),
            "language": prospect.get("language"),
            "appetence": score.appetence,
            "temperature": score.temperature.value,
            "explanation": score.explanation(),
            "answers": {slot: prospect.get(slot) for slot in QUALIFICATION_SLOTS if prospect.get(slot) is not None},
            "created_at": _iso(prospect.get("created_at")),
        },
    }


def _iso(value: Any) -> Optional[str]:
    return value.isoformat(timespec="seconds") if isinstance(value, dt.datetime) else value


def _language_hint(metadata: Mapping[str, Any]) -> Optional[str]:
    metadata = metadata or {}
    for key in ("language", "locale", "language_code"):
        hint = hint_from_locale(metadata.get(key))
        if hint:
            return hint
    return None


def _country_hint(metadata: Mapping[str, Any]) -> Optional[str]:
    country = (metadata or {}).get("country")
    return str(country).upper() if country else None


def _channel(turn: Turn) -> str:
    return str((turn.metadata or {}).get("channel") or turn.channel or "unknown")
