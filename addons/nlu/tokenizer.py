"""Splits words the way each language does ("j'ai", "l'entreprise", "dell'azienda", "d'une").

Uses a blank spaCy pipeline per language (tokenizer rules only, no model download), chosen by the
``language`` the LanguageDetector put on the message. Each token's lemma is its dictionary form without
accents ("intéressés" → "interesse", "Angebote" → "angebot"), from simplemma's shipped tables, so the word
featurizer sees one feature where chat spelling and inflection make many.
"""
from __future__ import annotations

import functools
from typing import Any, Dict, List, Text

import rasa.utils.io
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

from leadqual.language import unaccented_lower
from leadqual.model import SUPPORTED_LANGUAGES


@functools.lru_cache(maxsize=None)
def blank_pipeline(language: str):  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank(language)


@functools.lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> str:
    import simplemma

    return unaccented_lower(simplemma.lemmatize(word.lower(), lang=language))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class LanguageAwareTokenizer(Tokenizer):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            "token_pattern": None,
            "prefix_separator_symbol": None,
            "default_language": "en",
        }

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        self.emoji_pattern = rasa.utils.io.get_emoji_regex()
        self.default_language = config.get("default_language", "en")

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "LanguageAwareTokenizer":
        return cls(config)

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        text = message.get(attribute) or ""
        language = message.get("language")
        if language not in SUPPORTED_LANGUAGES:
            language = self.default_language
        doc = blank_pipeline(language)(text)
        tokens = [
            Token(token.text, token.idx, lemma=lemma(token.text, language))
            for token in doc
            if not token.is_space and not (token.is_punct and len(token.text) == 1 and token.text not in "@#&")
            and not self.emoji_pattern.fullmatch(token.text)
        ]
        if not tokens:
            tokens = [Token(text, 0)]
        return self._apply_token_pattern(tokens)
