"""Which question to ask next: the plan from ``data/qualification.yml`` and what is already known."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence, Tuple

from leadqual.model import QUALIFICATION_SLOTS, Temperature
from leadqual.yamlfile import config_error, load_yaml

CONTACT = "contact"  # an email address or a phone number, whichever the prospect gives
HOT_STILL_ASKED = (CONTACT, "consent")


@dataclass(frozen=True)
class QualificationPlan:
    first: Tuple[str, ...]
    branches: Mapping[str, Tuple[str, ...]]
    optional: Tuple[str, ...]
    max_failures: int

    def questions(self, customer_type: Optional[str]) -> Tuple[str, ...]:
        """Every question of the prospect's branch, in order (the first ones until the branch is known)."""
        if customer_type not in self.branches:
            return self.first
        return self.first + tuple(q for q in self.branches[customer_type] if q not in self.first)

    def next_question(self, answers: Mapping[str, Any], skipped: Sequence[str] = (),
                      temperature: Optional[Temperature] = None, disengaged: bool = False) -> Optional[str]:
        """The slot to ask for next, or None when the form is done."""
        if disengaged:
            return None
        for question in self.questions(answers.get("customer_type")):
            slot = _slot_for(question, answers)
            if slot is None or question in skipped or slot in skipped:
                continue
            if temperature == Temperature.HOT and question not in HOT_STILL_ASKED:
                continue
            if question in self.optional and temperature in (None, Temperature.COLD):
                continue
            return slot
        return None


def _slot_for(question: str, answers: Mapping[str, Any]) -> Optional[str]:
    """The slot that answers ``question``, or None if it is already answered."""
    if question == CONTACT:
        return None if answers.get("email") or answers.get("phone") else "email"
    return None if answers.get(question) is not None else question


def load_plan(path: Path) -> QualificationPlan:
    raw = load_yaml(path)
    if not isinstance(raw, dict):
        raise config_error(path, "a qualification file is a mapping with first, b2b and b2c")
    known = set(QUALIFICATION_SLOTS) | {CONTACT}

    def questions(key: str) -> Tuple[str, ...]:
        value = raw.get(key) or []
        if not isinstance(value, list):
            raise config_error(path, f"'{key}' must be a list of questions", key)
        for index, question in enumerate(value):
            if question not in known:
                raise config_error(path, f"unknown question '{question}'", key, index)
        return tuple(value)

    branches = {"b2b": questions("b2b"), "b2c": questions("b2c")}
    max_failures = raw.get("max_failures", 2)
    if not isinstance(max_failures, int) or max_failures < 1:
        raise config_error(path, "max_failures must be a whole number of at least 1", "max_failures")
    return QualificationPlan(questions("first"), branches, questions("optional"), max_failures)
