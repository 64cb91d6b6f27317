"""Settings from the environment. Every variable is listed in the README's configuration table."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Optional

from leadqual.model import SUPPORTED_LANGUAGES, UnknownLanguage

DATA = Path(__file__).parent / "data"
_ENV_REFERENCE = re.compile(r"\$\{(\w+)(?::-([^}]*))?\}")


@dataclass(frozen=True)
class Settings:
    database_url: str
    default_language: str
    scoring_file: Path
    reps_file: Path
    qualification_file: Path
    handoff_webhook_url: Optional[str]
    webhook_timeout_seconds: float

    @classmethod
    def from_env(cls, environ: Optional[Mapping[str, str]] = None) -> "Settings":
        env = os.environ if environ is None else environ
        default_language = env.get("LEADQUAL_DEFAULT_LANGUAGE", "en")
        if default_language not in SUPPORTED_LANGUAGES:
            raise UnknownLanguage(
                f"LEADQUAL_DEFAULT_LANGUAGE={default_language!r} is not one of {', '.join(SUPPORTED_LANGUAGES)}"
            )
        return cls(
            database_url=env.get("LEADQUAL_DATABASE_URL", "sqlite:///var/leadqual.db"),
            default_language=default_language,
            scoring_file=Path(env.get("LEADQUAL_SCORING_FILE", DATA / "scoring.yml")),
            reps_file=Path(env.get("LEADQUAL_REPS_FILE", DATA / "reps.yml")),
            qualification_file=Path(env.get("LEADQUAL_QUALIFICATION_FILE", DATA / "qualification.yml")),
            handoff_webhook_url=env.get("LEADQUAL_HANDOFF_WEBHOOK_URL") or None,
            webhook_timeout_seconds=float(env.get("LEADQUAL_WEBHOOK_TIMEOUT", "5")),
        )


def expand_env(value: Any, environ: Optional[Mapping[str, str]] = None) -> Any:
    """Replace ``${VAR}`` and ``${VAR:-default}`` in the strings of a loaded YAML value."""
    env = os.environ if environ is None else environ
    if isinstance(value, str):
        return _ENV_REFERENCE.sub(lambda m: env.get(m.group(1)) or (m.group(2) or ""), value)
    if isinstance(value, list):
        return [expand_env(item, env) for item in value]
    if isinstance(value, dict):
        return {key: expand_env(item, env) for key, item in value.items()}
    return value
