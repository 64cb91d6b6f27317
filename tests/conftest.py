"""Shared fixtures: a migrated SQLite prospect file per test and the composition root swapped."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any, Dict, List, Mapping

import pytest

os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

ROOT = Path(__file__).resolve().parent.parent


class RecordingNotifier:
    """A notifier for the pure core's tests: remembers what it was asked to send."""

    def __init__(self, fail: bool = False) -> None:
        self.sent: List[Dict[str, Any]] = []
        self.fail = fail

    def send(self, target: str, payload: Mapping[str, Any]) -> None:
        from leadqual.notifications import DeliveryFailed

        if self.fail:
            raise DeliveryFailed(f"{target} refused")
        self.sent.append({"target": target, "payload": dict(payload)})


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    from leadqual.storage.database import upgrade

    url = f"sqlite:///{tmp_path / 'leadqual.db'}"
    upgrade(url)
    return url


@pytest.fixture
def settings(database_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    from leadqual.config import Settings

    return Settings.from_env({"LEADQUAL_DATABASE_URL": database_url,
                              "LEADQUAL_HANDOFF_WEBHOOK_URL": "http://127.0.0.1:9/hooks/lead"})


@pytest.fixture
def notifier() -> RecordingNotifier:
    return RecordingNotifier()


@pytest.fixture
def qualifier(settings, notifier):  # type: ignore[no-untyped-def]
    from leadqual import bootstrap

    built = bootstrap.build(settings, notifier=notifier, deliver_in_background=False)
    built.today = lambda: dt.date(2026, 11, 28)
    bootstrap.override(built)
    yield built
    bootstrap.override(None)
