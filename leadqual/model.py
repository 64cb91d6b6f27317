"""The words of the domain: what a prospect is, which answers we collect, how warm they are."""
from __future__ import annotations

import enum
from pathlib import Path
from typing import Dict, Tuple

import yaml


def _supported_languages() -> Tuple[str, ...]:
    """The languages listed in data/languages.yml: a new language is data, not code."""
    path = Path(__file__).parent / "data" / "languages.yml"
    languages = tuple(yaml.safe_load(path.read_text(encoding="utf-8"))["supported"])
    if not languages or not all(isinstance(l, str) and len(l) == 2 for l in languages):
        raise ValueError(f"{path}: 'supported' must list two-letter language codes")
    return languages


SUPPORTED_LANGUAGES: Tuple[str, ...] = _supported_languages()

# Answers the assistant collects, in the column order of the prospect file.
QUALIFICATION_SLOTS: Tuple[str, ...] = (
    "customer_type",
    "person_name",
    "email",
    "phone",
    "country",
    "need",
    "order_value_eur",
    "timeline_months",
    "consent",
    "prospect_source",
    "company_name",
    "sector",
    "employees",
    "annual_revenue_eur",
    "subsidiaries",
    "company_age_years",
    "current_supplier",
    "decision_role",
    "age",
    "occupation",
    "purchase_frequency",
)

# Python type of each stored answer; the database columns follow it.
SLOT_TYPES: Dict[str, type] = {
    "customer_type": str,
    "person_name": str,
    "email": str,
    "phone": str,
    "country": str,
    "need": str,
    "order_value_eur": float,
    "timeline_months": float,
    "consent": bool,
    "prospect_source": str,
    "company_name": str,
    "sector": str,
    "employees": int,
    "annual_revenue_eur": float,
    "subsidiaries": int,
    "company_age_years": float,
    "current_supplier": str,
    "decision_role": str,
    "age": int,
    "occupation": str,
    "purchase_frequency": str,
}

# What identifies a person: erased when they opt out.
PERSONAL_FIELDS: Tuple[str, ...] = ("person_name", "email", "phone", "company_name", "age", "occupation", "need")

CUSTOMER_TYPES = ("b2b", "b2c")
PROSPECT_SOURCES = ("trade_show", "website", "existing_client", "former_client", "referral", "other")
DECISION_ROLES = ("decision_maker", "influencer", "user", "other")
PURCHASE_FREQUENCIES = ("first_purchase", "occasional", "regular")
# What sales recorded at the end: the ground truth the appetence model is checked and fitted against.
OUTCOMES = ("won", "lost")


class Temperature(str, enum.Enum):
    """The course's funnel: cold has not rejected, warm asked for more, hot is certain."""

    COLD = "cold"
    WARM = "warm"
    HOT = "hot"

    @property
    def rank(self) -> int:
        return ("cold", "warm", "hot").index(self.value)

    @classmethod
    def at_least(cls, a: "Temperature", b: "Temperature") -> "Temperature":
        return a if a.rank >= b.rank else b


class Signal(str, enum.Enum):
    """What a prospect's message says about their engagement, beyond the answers."""

    REQUEST_INFO = "request_info"
    BUY_INTENT = "buy_intent"
    ASK_HUMAN = "ask_human"
    NOT_INTERESTED = "not_interested"
    OPT_OUT = "opt_out"

    @classmethod
    def from_intent(cls, intent: str) -> "Signal | None":
        try:
            return cls(intent)
        except ValueError:
            return None


class UnknownLanguage(ValueError):
    """A language the assistant has no translations for."""


def coerce(slot: str, value: object) -> object:
    """A slot value in its stored type; None stays None."""
    if value is None:
        return None
    kind = SLOT_TYPES[slot]
    if kind is bool:
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1", "yes")
        return bool(value)
    if kind is int:
        return int(round(float(value)))  # type: ignore[arg-type]
    if kind is float:
        return float(value)  # type: ignore[arg-type]
    return str(value)
