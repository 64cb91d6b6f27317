"""Detects the language of each message for the conversation-level decision taken in actions.

Trained on the project's own NLU examples (each block's ``metadata.language``) and blended with
langdetect (see ``leadqual.language``). Adds to the parse data:
``language`` (this message's most likely supported language), ``language_probabilities`` and
``language_foreign`` (langdetect's top language when it is none of the supported ones).
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from addons.nlu import storage
from leadqual.language import LanguageIdentifier, langdetect_probabilities, words
from leadqual.model import SUPPORTED_LANGUAGES
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

log = logging.getLogger(__name__)
LANGUAGE = "language"
PROBABILITIES = "language_probabilities"
FOREIGN = "language_foreign"
MODEL_FILE = "language_identifier.joblib"


def example_language(message: Message) -> Optional[str]:
    """The language a training example was written in, from its block's metadata."""
    metadata = message.get("metadata") or {}
    intent_metadata = metadata.get("intent") or {}
    language = intent_metadata.get(LANGUAGE) if isinstance(intent_metadata, dict) else None
    return language


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=True)
class LanguageDetector(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"languages": list(SUPPORTED_LANGUAGES)}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 identifier: Optional[LanguageIdentifier] = None) -> None:
        self.config = config
        self.languages = tuple(config["languages"])
        self.model_storage = model_storage
        self.resource = resource
        self.identifier = identifier or LanguageIdentifier(self.languages)

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "LanguageDetector":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "LanguageDetector":
        pipeline = storage.load(model_storage, resource, MODEL_FILE)
        if pipeline is None:
            log.warning("no trained language model in this Rasa model: langdetect only")
        return cls(config, model_storage, resource, LanguageIdentifier(tuple(config["languages"]), pipeline))

    def train(self, training_data: TrainingData) -> Resource:
        examples = [(m.get(TEXT), example_language(m)) for m in training_data.intent_examples]
        examples = [(text, lang) for text, lang in examples if text and lang in self.languages]
        if len({lang for _, lang in examples}) < 2:
            log.warning("fewer than two languages carry metadata.language: language model not trained")
            return self.resource
        self.identifier.fit([t for t, _ in examples], [l for _, l in examples])
        storage.save(self.model_storage, self.resource, MODEL_FILE, self.identifier.pipeline)
        return self.resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for message in training_data.training_examples:
            language = example_language(message)
            if language:
                message.set(LANGUAGE, language)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            probabilities = self.identifier.probabilities(text)
            best = max(probabilities, key=probabilities.__getitem__)
            message.set(LANGUAGE, best, add_to_output=True)
            message.set(PROBABILITIES, {k: round(v, 4) for k, v in probabilities.items()}, add_to_output=True)
            raw = langdetect_probabilities(text) if words(text) >= 3 else {}
            top = max(raw, key=raw.__getitem__) if raw else None
            if top and top not in self.languages:
                message.set(FOREIGN, [top, round(raw[top], 4)], add_to_output=True)
        return messages
