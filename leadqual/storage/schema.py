"""Tables of the prospect file. Changes go through a new Alembic revision, never by editing a past one."""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    literal_column,
)

from leadqual.model import QUALIFICATION_SLOTS, SLOT_TYPES

metadata = MetaData()

_COLUMN_TYPES = {str: lambda: Text(), float: lambda: Float(), int: lambda: Integer(), bool: lambda: Boolean()}


def answer_columns():
    return [Column(slot, _COLUMN_TYPES[SLOT_TYPES[slot]](), nullable=True) for slot in QUALIFICATION_SLOTS]


prospects = Table(
    "prospects",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("conversation_id", String(255), nullable=True, unique=True),
    Column("channel", String(64), nullable=False, default="unknown"),
    Column("language", String(8), nullable=True),
    *answer_columns(),
    Column("appetence", Float, nullable=True),
    Column("temperature", String(8), nullable=True),
    Column("explanation", JSON, nullable=True),
    Column("escalated", Boolean, nullable=False, default=False),
    Column("declined", JSON, nullable=True),
    Column("details", JSON, nullable=True),
    Column("opted_out_at", DateTime, nullable=True),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("outcome", String(8), nullable=True),  # won | lost, recorded by sales
    Column("outcome_at", DateTime, nullable=True),
    Column("imported_from", Text, nullable=True),  # the file an imported prospect came from
    Index("ix_prospects_email", "email"),
    Index("ix_prospects_phone", "phone"),
    Index("ix_prospects_company_name", "company_name"),
)


def email_key(column):  # type: ignore[no-untyped-def]
    """An email as de-duplication compares it: whatever its case."""
    return func.lower(column)


def company_key(column):  # type: ignore[no-untyped-def]
    """A company name as de-duplication compares it: whatever its case and spaces."""
    # Literals, not bound parameters: SQLite uses an expression index only for the same literal expression.
    return func.lower(func.replace(column, literal_column("' '"), literal_column("''")))


# The lookups of de-duplication, indexed as they are queried (SQLite >= 3.9 and PostgreSQL index expressions).
Index("ix_prospects_email_key", email_key(prospects.c.email))
Index("ix_prospects_company_key", company_key(prospects.c.company_name))

# Every engagement signal, once per message: Rasa may run an action twice for one message.
signals = Table(
    "signals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("prospect_id", Integer, ForeignKey("prospects.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("message_id", String(255), nullable=False),
    Column("created_at", DateTime, nullable=False),
    UniqueConstraint("prospect_id", "kind", "message_id", name="uq_signal_per_message"),
)

score_history = Table(
    "score_history",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("prospect_id", Integer, ForeignKey("prospects.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("appetence", Float, nullable=False),
    Column("temperature", String(8), nullable=False),
    Column("explanation", JSON, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

handoffs = Table(
    "handoffs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("prospect_id", Integer, ForeignKey("prospects.id", ondelete="CASCADE"), nullable=False, unique=True),
    Column("rep_id", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

# A notification is written in the same transaction as its handoff, then delivered: a crash
# between the two leaves a pending row to retry, never a lost lead.
outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("handoff_id", Integer, ForeignKey("handoffs.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("target", Text, nullable=False),
    Column("payload", JSON, nullable=False),
    Column("status", String(16), nullable=False, default="pending"),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text, nullable=True),
    Column("created_at", DateTime, nullable=False),
    Column("delivered_at", DateTime, nullable=True),
)

# Each fit of the appetence model on recorded outcomes; the active row is the model the scorer may use.
scoring_models = Table(
    "scoring_models",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("created_at", DateTime, nullable=False),
    Column("kind", String(8), nullable=False),  # hand | learned: which model won the comparison
    Column("weights", JSON, nullable=False),
    Column("brier_hand", Float, nullable=True),
    Column("brier_learned", Float, nullable=True),
    Column("n_outcomes", Integer, nullable=False),
    Column("active", Boolean, nullable=False, default=False),
)
