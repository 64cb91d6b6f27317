"""Value types shared by every extractor."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any, Optional

from leadqual.model import SUPPORTED_LANGUAGES  # one list, in data/languages.yml


@dataclass(frozen=True)
class Extracted:
    """One slot value understood from an answer.

    `value` is what the dialogue stores; `details` keeps what was lost in
    normalising it (original currency, range bounds, founding year...) so that
    sales can see what the prospect actually said.
    """

    slot: str
    value: Any
    details: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    """Everything an extractor may look at, so extractors stay pure functions."""

    slot: str
    text: str
    lang: str
    country: Optional[str]
    today: datetime.date
