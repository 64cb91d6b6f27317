"""The linear intent classifier as Rasa runs it: trained, saved in the model, loaded again, then asked."""
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.nlu.linear_classifier import LinearIntentClassifier
from addons.nlu.tokenizer import LanguageAwareTokenizer

EXAMPLES = {
    "greet": ["hello", "hi there", "good morning", "hey", "bonjour", "salut", "hola", "buenos días", "hallo", "ciao"],
    "request_info": ["how much does it cost?", "what are your prices", "do you deliver to Spain?", "any free trial?",
                     "combien ça coûte ?", "quels sont vos tarifs", "¿cuánto cuesta?", "was kostet das?",
                     "quanto costa?", "quanto custa?"],
    "opt_out": ["delete my data", "stop messaging me", "unsubscribe me", "don't contact me again",
                "supprimez mes données", "ne me contactez plus", "borrad mis datos", "löschen Sie meine Daten",
                "cancellate i miei dati", "apaguem os meus dados"],
}
LANGUAGE = {"bonjour": "fr", "salut": "fr", "hola": "es", "buenos días": "es", "hallo": "de", "ciao": "it"}


def messages(texts):
    tokenizer = LanguageAwareTokenizer(LanguageAwareTokenizer.get_default_config())
    found = []
    for text, intent in texts:
        message = Message(data={"text": text, "language": LANGUAGE.get(text, "en"), **({"intent": intent} if intent else {})})
        tokenizer.process([message])
        found.append(message)
    return found


@pytest.fixture
def trained(tmp_path):
    storage = LocalModelStorage(tmp_path)
    resource = Resource("intents")
    context = ExecutionContext(GraphSchema({}), "test")
    config = {**LinearIntentClassifier.get_default_config(), "calibration_folds": 2}
    classifier = LinearIntentClassifier.create(config, storage, resource, context)
    classifier.train(TrainingData(messages([(t, i) for i, texts in EXAMPLES.items() for t in texts])))
    return LinearIntentClassifier.load(config, storage, resource, context)


def test_a_loaded_model_ranks_every_intent_with_probabilities(trained):
    [message] = trained.process(messages([("hello there!", None)]))
    ranking = message.get("intent_ranking")
    assert message.get("intent")["name"] == "greet"
    assert [r["name"] for r in ranking][0] == "greet" and len(ranking) == 3
    assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0)
    assert ranking[0]["confidence"] > ranking[1]["confidence"]


@pytest.mark.parametrize("text, intent", [
    ("how much would it cost for us?", "request_info"),
    ("please delete all my data", "opt_out"),
    ("Combien coûte l'abonnement ?", "request_info"),
])
def test_it_generalises_to_messages_it_did_not_see(trained, text, intent):
    [message] = trained.process(messages([(text, None)]))
    assert message.get("intent")["name"] == intent


def test_a_message_without_text_is_left_alone(trained):
    message = Message(data={"text": ""})
    trained.process([message])
    assert message.get("intent") is None


def test_without_a_trained_model_messages_get_no_intent(tmp_path):
    storage, resource = LocalModelStorage(tmp_path), Resource("never-trained")
    context = ExecutionContext(GraphSchema({}), "test")
    classifier = LinearIntentClassifier.load(LinearIntentClassifier.get_default_config(), storage, resource, context)
    [message] = classifier.process(messages([("hello", None)]))
    assert message.get("intent") is None
