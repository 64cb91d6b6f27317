"""The conversation's language: decided once, changed only on a clear request or a long message."""
import pytest

from leadqual.language import (LanguagePolicy, decide_language, hint_from_locale, requested_language,
                               langdetect_probabilities, restrict)

FRENCH = {"fr": 0.96, "en": 0.01, "es": 0.01, "de": 0.01, "it": 0.005, "pt": 0.005}
ENGLISH = {"en": 0.95, "fr": 0.01, "es": 0.01, "de": 0.01, "it": 0.01, "pt": 0.01}
UNSURE = {"fr": 0.3, "it": 0.3, "es": 0.2, "en": 0.1, "de": 0.05, "pt": 0.05}


def test_the_first_message_sets_the_language():
    decision = decide_language(None, "bonjour je cherche un logiciel", FRENCH)
    assert (decision.language, decision.changed) == ("fr", True)


def test_a_short_reply_never_flips_a_settled_conversation():
    assert decide_language("fr", "ok thanks", ENGLISH, settled=True).language == "fr"
    assert decide_language("de", "sì grazie", {"it": 0.99}, settled=True).language == "de"


def test_a_long_confident_message_settles_the_language_at_once():
    decision = decide_language(None, "bonjour, nous cherchons un logiciel de paie", FRENCH)
    assert (decision.language, decision.settled) == ("fr", True)


def test_a_single_short_message_does_not_settle_the_language():
    decision = decide_language(None, "ciao", UNSURE)
    assert not decision.settled


def test_short_messages_add_up_until_the_language_is_clear():
    spanish_ish = {"es": 0.5, "it": 0.4, "pt": 0.1}
    first = decide_language(None, "dale", {"it": 0.55, "es": 0.45})
    assert first.language == "it" and not first.settled
    second = decide_language(first.language, "si claro", spanish_ish, evidence=first.evidence)
    third = decide_language(second.language, "vale gracias", {"es": 0.95, "it": 0.03, "pt": 0.02}, evidence=second.evidence)
    assert (third.language, third.settled) == ("es", True)


def test_a_long_confident_message_in_another_language_switches():
    decision = decide_language("fr", "actually I would rather continue in plain English please", ENGLISH, settled=True)
    assert (decision.language, decision.changed) == ("en", True)


def test_a_long_but_unsure_message_does_not_switch():
    assert decide_language("en", "ok si va bene per me", UNSURE, settled=True).language == "en"


def test_an_explicit_request_switches_even_when_short():
    decision = decide_language("en", "en français svp", ENGLISH, requested="fr")
    assert (decision.language, decision.reason) == ("fr", "asked for")


def test_the_channel_hint_decides_an_ambiguous_opening():
    assert decide_language(None, "ciao", UNSURE, hint="it").language == "it"
    assert decide_language(None, "ciao", UNSURE, hint="fr").language == "fr"


def test_a_message_without_letters_uses_the_hint_then_the_default():
    assert decide_language(None, "👍", {}, hint="pt").language == "pt"
    assert decide_language(None, "123", {}, policy=LanguagePolicy(default="de")).language == "de"


def test_an_unsupported_language_is_answered_in_the_conversation_language():
    decision = decide_language("fr", "Здравствуйте, мне нужна информация о ценах", {}, foreign=("ru", 0.99), settled=True)
    assert (decision.language, decision.unsupported) == ("fr", "ru")
    assert decide_language(None, "Здравствуйте, мне нужна информация", {}, foreign=("ru", 0.99)).language == "en"


@pytest.mark.parametrize("text, language", [
    ("parlez-vous français ?", "fr"), ("can we switch to English", "en"), ("¿hablas español?", "es"),
    ("auf Deutsch bitte", "de"), ("parli italiano?", "it"), ("pode falar em português", "pt"),
    ("on peut parler en anglais ?", "en"), ("können wir Englisch sprechen", "en"),
])
def test_the_requested_language_is_read_in_any_supported_language(text, language):
    assert requested_language(text) == language


def test_naming_two_languages_is_not_a_request_for_either():
    assert requested_language("English or French, as you like") is None


@pytest.mark.parametrize("value, expected", [("fr-CH", "fr"), ("pt_BR", "pt"), ("de", "de"), ("ru-RU", None), (None, None)])
def test_browser_and_telegram_locales_become_hints(value, expected):
    assert hint_from_locale(value) == expected


def test_langdetect_is_repeatable():
    text = "ok merci"
    assert langdetect_probabilities(text) == langdetect_probabilities(text)


def test_restricting_renormalises_over_supported_languages():
    result = restrict({"fr": 0.5, "ca": 0.5}, ("fr", "en"))
    assert result == {"fr": 1.0, "en": 0.0}
