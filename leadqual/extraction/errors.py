"""Error types of the extraction package.

Callers branch on the type and on `InvalidAnswer.reason`, never on message
text, so the reasons are short stable English codes.
"""
from __future__ import annotations

from leadqual.yamlfile import ConfigError  # one error type for every bad data file

__all__ = ["ConfigError", "InvalidAnswer", "UnsupportedLanguage"]


class UnsupportedLanguage(ValueError):
    """No phrases file exists for the language, so nothing can be understood."""


class InvalidAnswer(ValueError):
    """The answer does not contain a usable value for the slot.

    `reason` is a short code ("no_number", "bad_email", ...) the dialogue layer
    maps to a re-prompt; it is part of the API.
    """

    def __init__(self, slot: str, reason: str, text: str = "") -> None:
        super().__init__(f"{slot}: {reason}")
        self.slot = slot
        self.reason = reason
        self.text = text
