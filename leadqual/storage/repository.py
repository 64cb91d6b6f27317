"""The prospect file as a repository: the only place that writes SQL.

Every write is idempotent for one conversation and one message, because Rasa may run an
action twice for the same user message.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from leadqual.model import PERSONAL_FIELDS, QUALIFICATION_SLOTS, coerce
from leadqual.storage.schema import handoffs, outbox, prospects, score_history, signals

Row = Dict[str, Any]


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class ProspectRepository:
    def __init__(self, engine: Engine, clock: Callable[[], dt.datetime] = utcnow) -> None:
        self.engine = engine
        self.clock = clock

    # -- prospects -------------------------------------------------------------------------
    def get_or_create(self, conversation_id: str, channel: str = "unknown", language: Optional[str] = None) -> Row:
        found = self.by_conversation(conversation_id)
        if found is not None:
            return found
        now = self.clock()
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(prospects).values(
                        conversation_id=conversation_id,
                        channel=channel or "unknown",
                        language=language,
                        escalated=False,
                        declined=[],
                        details={},
                        created_at=now,
                        updated_at=now,
                    )
                )
        except IntegrityError:
            pass  # another worker created it for the same conversation: use theirs
        found = self.by_conversation(conversation_id)
        assert found is not None
        return found

    def by_conversation(self, conversation_id: str) -> Optional[Row]:
        with self.engine.connect() as conn:
            row = conn.execute(select(prospects).where(prospects.c.conversation_id == conversation_id)).first()
        return dict(row._mapping) if row else None

    def get(self, prospect_id: int) -> Optional[Row]:
        with self.engine.connect() as conn:
            row = conn.execute(select(prospects).where(prospects.c.id == prospect_id)).first()
        return dict(row._mapping) if row else None

    def find_by_contact(self, email: Optional[str] = None, phone: Optional[str] = None, exclude: Optional[int] = None) -> Optional[Row]:
        """The earliest other prospect with this email or phone: a returning prospect."""
        conditions = []
        if email:
            conditions.append(func.lower(prospects.c.email) == email.lower())
        if phone:
            conditions.append(prospects.c.phone == phone)
        if not conditions:
            return None
        query = select(prospects).where(or_(*conditions)).order_by(prospects.c.created_at, prospects.c.id)
        if exclude is not None:
            query = query.where(prospects.c.id != exclude)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return dict(row._mapping) if row else None

    def save_answers(self, prospect_id: int, answers: Mapping[str, Any], details: Optional[Mapping[str, Any]] = None,
                     language: Optional[str] = None) -> None:
        """Store answers as soon as they are known; writing the same answer twice changes nothing."""
        values: Dict[str, Any] = {slot: coerce(slot, value) for slot, value in answers.items() if slot in QUALIFICATION_SLOTS}
        with self.engine.begin() as conn:
            current = conn.execute(select(prospects.c.details, prospects.c.declined).where(prospects.c.id == prospect_id)).one()
            if details:
                values["details"] = {**(current.details or {}), **details}
            answered = set(values) & set(QUALIFICATION_SLOTS)
            if answered and current.declined:
                values["declined"] = [slot for slot in current.declined if slot not in answered]
            if language:
                values["language"] = language
            if not values:
                return
            values["updated_at"] = self.clock()
            conn.execute(update(prospects).where(prospects.c.id == prospect_id).values(**values))

    def mark_declined(self, prospect_id: int, slot: str) -> None:
        with self.engine.begin() as conn:
            current = conn.execute(select(prospects.c.declined).where(prospects.c.id == prospect_id)).scalar_one()
            declined = list(current or [])
            if slot in declined:
                return
            conn.execute(
                update(prospects).where(prospects.c.id == prospect_id).values(declined=declined + [slot], updated_at=self.clock())
            )

    def opt_out(self, prospect_id: int) -> None:
        """The prospect asked to be left alone: erase what identifies them, keep the anonymous score."""
        with self.engine.begin() as conn:
            conn.execute(
                update(prospects)
                .where(prospects.c.id == prospect_id)
                .values(**{field: None for field in PERSONAL_FIELDS}, consent=False, opted_out_at=self.clock(), updated_at=self.clock())
            )

    # -- signals -----------------------------------------------------------------------------
    def add_signal(self, prospect_id: int, kind: str, message_id: str) -> bool:
        """Record a signal once per message; returns False when it was already there."""
        exists = select(signals.c.id).where(
            and_(signals.c.prospect_id == prospect_id, signals.c.kind == kind, signals.c.message_id == message_id)
        )
        try:
            with self.engine.begin() as conn:
                if conn.execute(exists).first():
                    return False
                conn.execute(insert(signals).values(prospect_id=prospect_id, kind=kind, message_id=message_id, created_at=self.clock()))
        except IntegrityError:
            return False
        return True

    def signals_of(self, prospect_id: int) -> List[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(signals.c.kind).where(signals.c.prospect_id == prospect_id).order_by(signals.c.id)).scalars())

    # -- scores ------------------------------------------------------------------------------
    def record_score(self, prospect_id: int, appetence: float, temperature: str, explanation: Sequence[str]) -> bool:
        """Keep the current score on the prospect and a history row each time it changes."""
        with self.engine.begin() as conn:
            current = conn.execute(select(prospects.c.appetence, prospects.c.temperature).where(prospects.c.id == prospect_id)).one()
            if current.appetence == appetence and current.temperature == temperature:
                return False
            now = self.clock()
            conn.execute(
                update(prospects)
                .where(prospects.c.id == prospect_id)
                .values(appetence=appetence, temperature=temperature, explanation=list(explanation), updated_at=now)
            )
            conn.execute(
                insert(score_history).values(
                    prospect_id=prospect_id, appetence=appetence, temperature=temperature, explanation=list(explanation), created_at=now
                )
            )
        return True

    def score_history(self, prospect_id: int) -> List[Row]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(score_history).where(score_history.c.prospect_id == prospect_id).order_by(score_history.c.id))
            return [dict(r._mapping) for r in rows]

    # -- handoffs and their notifications -----------------------------------------------------
    def create_handoff(self, prospect_id: int, rep_id: str, reason: str,
                       notifications: Iterable[Mapping[str, Any]]) -> Optional[int]:
        """Create the handoff and its outbox rows in one transaction; None if already handed off."""
        now = self.clock()
        try:
            with self.engine.begin() as conn:
                if conn.execute(select(handoffs.c.id).where(handoffs.c.prospect_id == prospect_id)).first():
                    return None
                handoff_id = conn.execute(
                    insert(handoffs).values(prospect_id=prospect_id, rep_id=rep_id, reason=reason, created_at=now)
                ).inserted_primary_key[0]
                for note in notifications:
                    conn.execute(
                        insert(outbox).values(
                            handoff_id=handoff_id, kind=note["kind"], target=note["target"], payload=note["payload"],
                            status="pending", attempts=0, created_at=now,
                        )
                    )
                conn.execute(update(prospects).where(prospects.c.id == prospect_id).values(escalated=True, updated_at=now))
        except IntegrityError:
            return None
        return int(handoff_id)

    def handoff_of(self, prospect_id: int) -> Optional[Row]:
        with self.engine.connect() as conn:
            row = conn.execute(select(handoffs).where(handoffs.c.prospect_id == prospect_id)).first()
        return dict(row._mapping) if row else None

    def pending_notifications(self, handoff_id: Optional[int] = None) -> List[Row]:
        query = select(outbox).where(outbox.c.status != "delivered").order_by(outbox.c.id)
        if handoff_id is not None:
            query = query.where(outbox.c.handoff_id == handoff_id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def mark_notification(self, notification_id: int, error: Optional[str] = None) -> None:
        values: Dict[str, Any] = {"attempts": outbox.c.attempts + 1}
        if error is None:
            values.update(status="delivered", delivered_at=self.clock(), last_error=None)
        else:
            values.update(status="failed", last_error=error[:1000])
        with self.engine.begin() as conn:
            conn.execute(update(outbox).where(outbox.c.id == notification_id).values(**values))

    # -- the prospect file ----------------------------------------------------------------------
    def iter_prospects(self, temperature: Optional[str] = None, since: Optional[dt.datetime] = None,
                       source: Optional[str] = None, language: Optional[str] = None) -> Iterator[Row]:
        query = select(prospects).order_by(prospects.c.id)
        if temperature:
            query = query.where(prospects.c.temperature == temperature)
        if since:
            query = query.where(prospects.c.created_at >= since)
        if source:
            query = query.where(prospects.c.prospect_source == source)
        if language:
            query = query.where(prospects.c.language == language)
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield dict(row._mapping)
