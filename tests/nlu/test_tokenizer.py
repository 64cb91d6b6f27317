"""The language-aware tokenizer: each language's word splitting, and lemmas without accents for the word features."""
import pytest
from rasa.shared.nlu.training_data.message import Message

from addons.nlu.tokenizer import LanguageAwareTokenizer


def tokens(text, language):
    message = Message(data={"text": text, "language": language})
    return LanguageAwareTokenizer(LanguageAwareTokenizer.get_default_config()).tokenize(message, "text")


@pytest.mark.parametrize("text, language, words", [
    ("j'ai besoin d'une offre", "fr", ["j'", "ai", "besoin", "d'", "une", "offre"]),
    ("dell'azienda", "it", ["dell'", "azienda"]),
    ("we're based in Lyon 🙂", "en", ["we", "'re", "based", "in", "Lyon"]),
])
def test_words_are_split_the_way_the_language_writes_them(text, language, words):
    assert [token.text for token in tokens(text, language)] == words


@pytest.mark.parametrize("text, language, lemmas", [
    ("Intéressés", "fr", ["interesse"]),
    ("Angebote", "de", ["angebot"]),
    ("empresas", "es", ["empresa"]),
    ("não", "pt", ["nao"]),
])
def test_lemmas_are_dictionary_forms_without_accents(text, language, lemmas):
    assert [token.lemma for token in tokens(text, language)] == lemmas


def test_a_message_of_emojis_only_is_one_token():
    assert [token.text for token in tokens("👍", "en")] == ["👍"]


def test_an_unknown_language_is_read_with_the_default_one():
    assert [token.text for token in tokens("we're here", "xx")] == ["we", "'re", "here"]
