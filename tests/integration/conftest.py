"""One trained assistant (action server + Rasa server) shared by the integration and browser tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.servers import ROOT, WebhookReceiver, assistant


def pytest_collection_modifyitems(items):  # type: ignore[no-untyped-def]
    for item in items:
        if "tests/integration" in str(item.fspath) or "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def rep_webhook():
    receiver = WebhookReceiver()
    yield receiver
    receiver.close()


@pytest.fixture(scope="session")
def prospect_db(tmp_path_factory) -> str:
    from leadqual.storage.database import upgrade

    url = f"sqlite:///{tmp_path_factory.mktemp('prospects') / 'leadqual.db'}"
    upgrade(url)
    return url


@pytest.fixture(scope="session")
def running_assistant(rep_webhook, prospect_db, tmp_path_factory):
    if not (ROOT / "models" / "leadqual.tar.gz").exists():
        pytest.fail("no trained model: run `make train` (make test does it)")
    logs = Path(tmp_path_factory.mktemp("assistant-logs"))
    env = {"LEADQUAL_DATABASE_URL": prospect_db, "LEADQUAL_HANDOFF_WEBHOOK_URL": f"{rep_webhook.url}/hooks/lead"}
    with assistant(env, logs) as urls:
        yield {**urls, "database_url": prospect_db, "logs": str(logs)}
