"""A trained component's object saved in, and read back from, the Rasa model."""
from __future__ import annotations

from typing import Any, Optional

import joblib

from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage


def save(model_storage: ModelStorage, resource: Resource, filename: str, value: Any) -> None:
    with model_storage.write_to(resource) as directory:
        joblib.dump(value, directory / filename)


def load(model_storage: ModelStorage, resource: Resource, filename: str) -> Optional[Any]:
    """The saved object, or None when this model holds none (the component was not trained)."""
    try:
        with model_storage.read_from(resource) as directory:
            return joblib.load(directory / filename)
    except (ValueError, FileNotFoundError):
        return None
