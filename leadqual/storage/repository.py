"""The prospect file as a repository: the only place that writes SQL.

Every write is idempotent for one conversation and one message, because Rasa may run an
action twice for the same user message.
"""
from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from typing import Any, Callable, Dict, Iterable, Iterator, List, Mapping, NamedTuple, Optional, Sequence

from sqlalchemy import and_, case, func, insert, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from leadqual.model import OUTCOMES, PERSONAL_FIELDS, QUALIFICATION_SLOTS, coerce
from leadqual.storage.schema import (
    company_key,
    email_key,
    handoffs,
    outbox,
    prospects,
    score_history,
    scoring_models,
    signals,
)

Row = Dict[str, Any]
IMPORT_CHANNEL = "import"
# Columns the prospect file may be counted by (a whitelist: the name comes from the caller).
COUNTABLE = ("language", "prospect_source", "temperature", "outcome", "channel")


class UnknownProspect(LookupError):
    """No prospect has this id."""

    def __init__(self, prospect_id: int) -> None:
        super().__init__(f"no prospect with id {prospect_id}")
        self.prospect_id = prospect_id


class Match(NamedTuple):
    """An existing prospect that a new one duplicates, and the field that told."""

    prospect: Row
    by: str


def normalise_company(name: str) -> str:
    """A company name as de-duplication compares it; the same rule as ``schema.company_key``."""
    return name.replace(" ", "").lower()


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

    # -- imports and outcomes --------------------------------------------------------------------
    @contextmanager
    def held_open(self) -> Iterator[None]:
        """Keep a connection open over many small transactions (an import): SQLite checkpoints its
        write-ahead log whenever its last connection closes, which made each row three times slower."""
        with self.engine.connect():
            yield

    def find_duplicate(self, email: Optional[str] = None, phone: Optional[str] = None,
                       company_name: Optional[str] = None) -> Optional[Match]:
        """The earliest prospect with this email, else this phone, else this company name (case and spaces
        aside); a weaker key never joins two prospects a stronger one tells apart (two contacts of one company)."""
        keys = [
            ("email", email_key(prospects.c.email), email.lower() if email else None),
            ("phone", prospects.c.phone, phone or None),
            ("company_name", company_key(prospects.c.company_name), normalise_company(company_name) if company_name else None),
        ]
        with self.engine.connect() as conn:
            for rank, (field, key, value) in enumerate(keys):
                if not value:
                    continue
                stronger = [or_(k.is_(None), k == v) for _, k, v in keys[:rank] if v]
                query = select(prospects).where(key == value, *stronger).order_by(prospects.c.id).limit(1)
                row = conn.execute(query).first()
                if row is not None:
                    return Match(dict(row._mapping), field)
        return None

    def insert_imported(self, answers: Mapping[str, Any], source: str, file_name: str, language: Optional[str],
                        details: Optional[Mapping[str, Any]] = None) -> int:
        """A prospect read from a file: no conversation, its source and file recorded."""
        values: Dict[str, Any] = {slot: coerce(slot, value) for slot, value in answers.items() if slot in QUALIFICATION_SLOTS}
        values.setdefault("prospect_source", source)
        now = self.clock()
        with self.engine.begin() as conn:
            result = conn.execute(insert(prospects).values(
                **values, channel=IMPORT_CHANNEL, language=language, imported_from=file_name, escalated=False,
                declined=[], details=dict(details or {}), created_at=now, updated_at=now))
        return int(result.inserted_primary_key[0])

    def fill_empty(self, prospect_id: int, answers: Mapping[str, Any], details: Optional[Mapping[str, Any]] = None) -> List[str]:
        """Store only the answers the prospect lacks (never overwrite); returns the slots filled."""
        values = {slot: coerce(slot, value) for slot, value in answers.items() if slot in QUALIFICATION_SLOTS and value is not None}
        with self.engine.begin() as conn:
            current = conn.execute(select(prospects).where(prospects.c.id == prospect_id)).first()
            if current is None:
                raise UnknownProspect(prospect_id)
            filled = {slot: value for slot, value in values.items() if current._mapping[slot] is None}
            if not filled:
                return []
            known = current.details or {}
            extra = {slot: detail for slot, detail in (details or {}).items() if slot in filled and slot not in known}
            declined = [slot for slot in current.declined or [] if slot not in filled]  # as save_answers does
            conn.execute(update(prospects).where(prospects.c.id == prospect_id)
                         .values(**filled, details={**known, **extra}, declined=declined, updated_at=self.clock()))
        return sorted(filled)

    def record_outcome(self, prospect_id: int, outcome: str) -> bool:
        """What sales finally got from the prospect; recording the same outcome again changes nothing."""
        if outcome not in OUTCOMES:
            raise ValueError(f"an outcome is one of {', '.join(OUTCOMES)}, not {outcome!r}")
        with self.engine.begin() as conn:
            current = conn.execute(select(prospects.c.outcome).where(prospects.c.id == prospect_id)).first()
            if current is None:
                raise UnknownProspect(prospect_id)
            if current.outcome == outcome:
                return False
            now = self.clock()
            conn.execute(update(prospects).where(prospects.c.id == prospect_id).values(outcome=outcome, outcome_at=now, updated_at=now))
        return True

    def outcomes(self) -> List[Row]:
        """Every prospect with an outcome, with its signals (``signals``: kinds, one per message), for fitting."""
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(select(prospects).where(prospects.c.outcome.isnot(None)).order_by(prospects.c.id))]
            counted = conn.execute(
                select(signals.c.prospect_id, signals.c.kind, func.count().label("n"))
                .join(prospects, prospects.c.id == signals.c.prospect_id)
                .where(prospects.c.outcome.isnot(None))
                .group_by(signals.c.prospect_id, signals.c.kind)
            )
            by_prospect: Dict[int, List[str]] = {}
            for prospect_id, kind, n in counted:
                by_prospect.setdefault(prospect_id, []).extend([kind] * n)
        for row in rows:
            row["signals"] = by_prospect.get(row["id"], [])
        return rows

    # -- counts -----------------------------------------------------------------------------------
    def counts_by(self, column: str) -> Dict[Optional[str], int]:
        """How many prospects per value of ``column`` (one of COUNTABLE)."""
        key = _countable(column)
        with self.engine.connect() as conn:
            return {value: n for value, n in conn.execute(select(key, func.count()).group_by(key).order_by(key))}

    def funnel_counts(self, by: str) -> List[Row]:
        """Per value of ``by``: prospects, how many ever reached warm, hot, and won, and how many were lost.

        The stage reached is the highest temperature in the score history; a won prospect has reached them all.
        """
        key = _countable(by)
        rank = case((score_history.c.temperature == "hot", 2), (score_history.c.temperature == "warm", 1), else_=0)
        reached = (select(score_history.c.prospect_id, func.max(rank).label("rank"))
                   .group_by(score_history.c.prospect_id).subquery())
        stage = case((prospects.c.outcome == "won", 3), else_=func.coalesce(reached.c.rank, 0))
        each = (select(key.label("grp"), stage.label("stage"), prospects.c.outcome)
                .select_from(prospects.outerjoin(reached, reached.c.prospect_id == prospects.c.id)).subquery())

        def at_least(level: int):  # type: ignore[no-untyped-def]
            return func.sum(case((each.c.stage >= level, 1), else_=0))

        query = (select(each.c.grp, func.count().label("cold"), at_least(1).label("warm"), at_least(2).label("hot"),
                        at_least(3).label("won"), func.sum(case((each.c.outcome == "lost", 1), else_=0)).label("lost"))
                 .group_by(each.c.grp).order_by(each.c.grp))
        with self.engine.connect() as conn:
            return [{"group": r.grp, "cold": r.cold, "warm": int(r.warm), "hot": int(r.hot), "won": int(r.won),
                     "lost": int(r.lost)} for r in conn.execute(query)]

    # -- fitted scoring models ----------------------------------------------------------------------
    def save_scoring_model(self, kind: str, weights: Mapping[str, Any], brier_hand: Optional[float],
                           brier_learned: Optional[float], n_outcomes: int, active: bool = True) -> int:
        """Keep a fit's result; an active one replaces the active one before it."""
        with self.engine.begin() as conn:
            if active:
                conn.execute(update(scoring_models).where(scoring_models.c.active.is_(True)).values(active=False))
            result = conn.execute(insert(scoring_models).values(
                created_at=self.clock(), kind=kind, weights=dict(weights), brier_hand=brier_hand,
                brier_learned=brier_learned, n_outcomes=n_outcomes, active=active))
        return int(result.inserted_primary_key[0])

    def active_scoring_model(self) -> Optional[Row]:
        with self.engine.connect() as conn:
            row = conn.execute(select(scoring_models).where(scoring_models.c.active.is_(True))
                               .order_by(scoring_models.c.id.desc()).limit(1)).first()
        return dict(row._mapping) if row else None


def _countable(column: str):  # type: ignore[no-untyped-def]
    if column not in COUNTABLE:
        raise ValueError(f"prospects are counted by {', '.join(COUNTABLE)}, not {column!r}")
    return prospects.c[column]
