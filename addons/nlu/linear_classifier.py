"""Intent classifier: a linear SVM on word and character n-grams, with calibrated confidences.

Two views of each message, weighted as TF-IDF with sublinear term frequency and each scaled to unit length:
the words as the tokenizer's lemmas (dictionary form without accents, so "intéressés" and "interesse" are one
feature) in unigrams and bigrams, and the characters of the text as written in n-grams within word
boundaries (typos, emojis, missing accents, words no dictionary knows). A one-vs-rest linear SVM with
balanced class weights learns the intents; its scores become probabilities by Platt scaling fitted on
cross-validated predictions, so a confidence means what the FallbackClassifier and the dialogue assume:
how often such a prediction is right. Chosen over DIET by cross-validation on this project's data, where it
scored higher; a whole `rasa train` takes about two and a half minutes on two cores instead of a quarter of an
hour (bench/REPORT.md).
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text, Tuple

import numpy as np

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.nlu import storage

log = logging.getLogger(__name__)
MODEL_FILE = "linear_intent_classifier.joblib"


def views(message: Message) -> Tuple[str, str]:
    """The message as lemmas (from the tokenizer) and as written."""
    text = message.get(TEXT) or ""
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    return " ".join(token.lemma or token.text for token in tokens), text


def _lemmas(pair: Tuple[str, str]) -> str:
    return pair[0]


def _text(pair: Tuple[str, str]) -> str:
    return pair[1].lower()


def build_model(config: Dict[Text, Any]):  # type: ignore[no-untyped-def]
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import make_pipeline, make_union
    from sklearn.svm import LinearSVC

    words = TfidfVectorizer(preprocessor=_lemmas, analyzer="word", token_pattern=r"(?u)\b\w+\b",
                            ngram_range=(1, config["word_max_ngram"]), sublinear_tf=True)
    characters = TfidfVectorizer(preprocessor=_text, analyzer="char_wb", lowercase=True,
                                 ngram_range=(config["char_min_ngram"], config["char_max_ngram"]), sublinear_tf=True)
    svm = LinearSVC(C=config["C"], class_weight="balanced", random_state=config["random_seed"])
    # Shuffled folds: training data comes grouped by intent and language, and unshuffled folds would fit the
    # scaling on scores from models that never saw some languages.
    folds = StratifiedKFold(config["calibration_folds"], shuffle=True, random_state=config["random_seed"])
    return make_pipeline(make_union(words, characters),
                         CalibratedClassifierCV(svm, cv=folds, method="sigmoid", ensemble=False))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(GraphComponent, IntentClassifier):
    @classmethod
    def required_components(cls) -> List[type]:
        return [Tokenizer]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            # chosen by cross-validation (bench/nlu_cv.py)
            "C": 1.0,
            "word_max_ngram": 2,
            "char_min_ngram": 2,
            "char_max_ngram": 5,
            "calibration_folds": 3,   # the Platt scaling is fitted on this many folds' held-out scores
            "ranking_length": 10,
            "random_seed": 42,
        }

    @staticmethod
    def required_packages() -> List[Text]:
        return ["sklearn"]

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 model: Optional[Dict[str, Any]] = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self.model_storage = model_storage
        self.resource = resource
        self.model = model

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "LinearIntentClassifier":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "LinearIntentClassifier":
        model = storage.load(model_storage, resource, MODEL_FILE)
        if model is None:
            log.warning("no trained intent classifier in this Rasa model: messages get no intent")
        return cls(config, model_storage, resource, model)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(INTENT) and m.get(TEXT)]
        intents = sorted({m.get(INTENT) for m in examples})
        if len(intents) < 2:
            log.warning("fewer than two intents to learn: intent classifier not trained")
            return self.resource
        pipeline = build_model(self.config)
        # sklearn 1.1's calibration counts classes on the label values: numeric labels keep that exact.
        pipeline.fit([views(m) for m in examples], np.array([intents.index(m.get(INTENT)) for m in examples]))
        self.model = {"intents": intents, "pipeline": pipeline}
        storage.save(self.model_storage, self.resource, MODEL_FILE, self.model)
        return self.resource

    def process(self, messages: List[Message]) -> List[Message]:
        with_text = [m for m in messages if m.get(TEXT)]
        if self.model is None or not with_text:
            return messages
        intents = self.model["intents"]
        probabilities = self.model["pipeline"].predict_proba([views(m) for m in with_text])
        length = self.config["ranking_length"]
        for message, row in zip(with_text, probabilities):
            ranking = [{"name": intents[j], "confidence": float(row[j])} for j in np.argsort(-row)]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking[:length] if length > 0 else ranking, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
