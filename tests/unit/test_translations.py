"""Every bot message exists in every supported language: a missing translation fails here."""
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

from leadqual.model import SUPPORTED_LANGUAGES

DOMAIN = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain.yml").read_text(encoding="utf-8"))
RESPONSES = DOMAIN["responses"]


def variation_key(variation):
    """The non-language conditions of a variation: its group of translations."""
    return tuple(sorted((c["name"], str(c["value"])) for c in variation.get("condition", []) if c["name"] != "language"))


def language_of(variation):
    return next((c["value"] for c in variation.get("condition", []) if c["name"] == "language"), None)


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_each_response_has_exactly_one_variation_per_language(name):
    groups = defaultdict(list)
    for variation in RESPONSES[name]:
        groups[variation_key(variation)].append(language_of(variation))
    for key, languages in groups.items():
        assert Counter(languages) == Counter(SUPPORTED_LANGUAGES), f"{name} {key or ''}: {sorted(filter(None, languages))}"


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_translations_keep_the_same_buttons_and_are_not_copies(name):
    groups = defaultdict(dict)
    for variation in RESPONSES[name]:
        groups[variation_key(variation)][language_of(variation)] = variation
    for key, by_language in groups.items():
        english = by_language["en"]
        for language, variation in by_language.items():
            assert len(variation.get("buttons", [])) == len(english.get("buttons", [])), f"{name} {language}"
            if language != "en":
                assert variation["text"] != english["text"], f"{name} in {language} is the English text"


def test_every_question_the_form_can_ask_has_a_question_and_a_reask():
    from leadqual.model import QUALIFICATION_SLOTS

    missing = [f"utter_{kind}_{slot}" for slot in QUALIFICATION_SLOTS for kind in ("ask", "reask")
               if f"utter_{kind}_{slot}" not in RESPONSES]
    assert missing == []


def test_the_chat_page_has_its_texts_in_every_language():
    import json

    texts = json.loads((Path(__file__).resolve().parents[2] / "web" / "static" / "ui.json").read_text(encoding="utf-8"))
    assert set(SUPPORTED_LANGUAGES) <= set(texts)
    for language in SUPPORTED_LANGUAGES:
        assert set(texts[language]) == {"title", "placeholder", "send", "error"}, language
        if language != "en":
            assert texts[language]["title"] != texts["en"]["title"], language


def test_every_language_has_training_data_and_extraction_phrases():
    root = Path(__file__).resolve().parents[2]
    for language in SUPPORTED_LANGUAGES:
        assert (root / "data" / "nlu" / f"{language}.yml").exists(), language
        assert (root / "leadqual" / "data" / "phrases" / f"{language}.yml").exists(), language
