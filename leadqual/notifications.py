"""Telling a sales rep about a hot lead. Notifications wait in the outbox until delivered."""
from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from typing import Any, Mapping, Protocol

log = logging.getLogger(__name__)


class DeliveryFailed(RuntimeError):
    """The rep's endpoint did not accept the notification; it stays in the outbox."""


class Notifier(Protocol):
    def send(self, target: str, payload: Mapping[str, Any]) -> None: ...


class WebhookNotifier:
    """POSTs the lead summary as JSON; any non-2xx answer or network error is a DeliveryFailed."""

    def __init__(self, timeout_seconds: float = 5.0) -> None:
        self.timeout_seconds = timeout_seconds

    def send(self, target: str, payload: Mapping[str, Any]) -> None:
        body = json.dumps(payload, default=str, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(
            target, data=body, method="POST", headers={"Content-Type": "application/json", "User-Agent": "leadqual"}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_seconds) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            raise DeliveryFailed(f"{target} answered {error.code}") from error
        except (urllib.error.URLError, OSError) as error:
            raise DeliveryFailed(f"{target} unreachable: {error}") from error
        if not 200 <= status < 300:
            raise DeliveryFailed(f"{target} answered {status}")
