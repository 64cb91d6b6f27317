from tests.integration.conftest import prospect_db, rep_webhook, running_assistant  # noqa: F401  (shared servers)
