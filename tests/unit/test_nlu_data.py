"""The intent training data: every intent in every language, enough of it, and no contradictions."""
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

from bench.nlu_cv import load_examples, near_duplicate_key
from leadqual.model import SUPPORTED_LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
INTENTS = [intent for intent in yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["intents"]
           if intent != "nlu_fallback"]  # predicted by the FallbackClassifier, never trained
EXAMPLES = load_examples()
# Cross-validated intent macro-F1 was about 0.90 with ~230 phrasings per intent and language and passed the 0.92
# target at these counts (about 7,500 messages per language), the intents the classifier confuses most needing
# the most (bench/REPORT.md): keep at least this many.
MIN_DISTINCT = {"inform": 1400, "out_of_scope": 800, "request_info": 650, "not_interested": 600,
                "buy_intent": 500, "deny": 500}
MIN_DISTINCT_DEFAULT = 300


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_intent_has_enough_distinct_examples(language):
    distinct = defaultdict(set)
    for text, intent, example_language in EXAMPLES:
        if example_language == language:
            distinct[intent].add(near_duplicate_key(text))
    short = {intent: len(distinct[intent]) for intent in INTENTS
             if len(distinct[intent]) < MIN_DISTINCT.get(intent, MIN_DISTINCT_DEFAULT)}
    assert short == {}


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_no_text_is_taught_as_two_intents(language):
    intents_of = defaultdict(set)
    for text, intent, example_language in EXAMPLES:
        if example_language == language:
            intents_of[near_duplicate_key(text)].add(intent)
    assert {key: sorted(found) for key, found in intents_of.items() if len(found) > 1} == {}


def test_no_example_is_written_twice():
    counts = Counter(EXAMPLES)
    assert [example for example, n in counts.items() if n > 1] == []


def test_examples_are_labelled_with_the_language_of_their_file():
    assert {language for _, _, language in EXAMPLES} == set(SUPPORTED_LANGUAGES)


def test_benchmark_short_messages_stay_out_of_the_training_data():
    held_out = yaml.safe_load((ROOT / "bench" / "short_messages.yml").read_text(encoding="utf-8"))["messages"]
    held_keys = {near_duplicate_key(message) for messages in held_out.values() for message in messages}
    assert sorted(held_keys & {near_duplicate_key(text) for text, _, _ in EXAMPLES}) == []


def test_cross_validation_folds_keep_variants_of_a_message_together_and_every_intent_in_each_fold():
    from bench.nlu_cv import folds

    examples = [("Bien sûr ! 👍", "affirm", "fr"), ("bien sur", "affirm", "fr"), ("oui", "affirm", "fr"),
                ("ok", "affirm", "fr"), ("non", "deny", "fr"), ("nan", "deny", "fr"), ("jamais", "deny", "fr")]
    parts = folds(examples, 2)
    home = {text: index for index, part in enumerate(parts) for text, _, _ in part}
    assert home["Bien sûr ! 👍"] == home["bien sur"]
    assert sorted(e for part in parts for e in part) == sorted(examples)
    assert all({intent for _, intent, _ in part} == {"affirm", "deny"} for part in parts)
