"""The composition root: builds the engine, repository, scoring model, router and notifier.

Nothing is built at import time; ``services()`` builds once on first use, and tests call
``override()`` to swap in their own.
"""
from __future__ import annotations

import threading
from typing import Optional

from leadqual.config import Settings
from leadqual.language import LanguagePolicy
from leadqual.learning import active_weights, with_learned_weights
from leadqual.notifications import Notifier, WebhookNotifier
from leadqual.qualification import load_plan
from leadqual.routing import load_router
from leadqual.scoring import load_scoring
from leadqual.services import Qualifier
from leadqual.storage.database import create_engine_for
from leadqual.storage.repository import ProspectRepository

_lock = threading.Lock()
_built: Optional[Qualifier] = None


def build(settings: Settings, notifier: Optional[Notifier] = None, deliver_in_background: bool = True) -> Qualifier:
    """Everything the conversation needs, from settings; bad configuration files fail here.

    The scoring model is the hand-set file, or the weights `leadqual scoring fit` made active
    (fitted on recorded outcomes and better calibrated on held-out ones).
    """
    repository = ProspectRepository(create_engine_for(settings.database_url))
    scoring = load_scoring(settings.scoring_file)
    weights = active_weights(repository)
    if weights is not None:
        scoring = with_learned_weights(scoring, weights)
    return Qualifier(
        repository=repository,
        scoring=scoring,
        plan=load_plan(settings.qualification_file),
        router=load_router(settings.reps_file, fallback_webhook=settings.handoff_webhook_url),
        notifier=notifier or WebhookNotifier(settings.webhook_timeout_seconds),
        language_policy=LanguagePolicy(default=settings.default_language),
        deliver_in_background=deliver_in_background,
    )


def check(settings: Settings) -> None:
    """Read every configuration and data file, raising ConfigError (file:line: reason) on the first bad one."""
    from leadqual import extraction
    from leadqual.extraction.data import phrases, places

    load_scoring(settings.scoring_file)
    load_plan(settings.qualification_file)
    load_router(settings.reps_file, fallback_webhook=settings.handoff_webhook_url)
    for language in extraction.SUPPORTED_LANGUAGES:
        phrases(language)
    places()


def services() -> Qualifier:
    global _built
    with _lock:
        if _built is None:
            _built = build(Settings.from_env())
        return _built


def override(qualifier: Optional[Qualifier]) -> None:
    """Use ``qualifier`` from now on (None: build from the environment again on next use)."""
    global _built
    with _lock:
        _built = qualifier
