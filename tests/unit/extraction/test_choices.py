"""Closed-set answers: yes/no, decline, customer type, role, frequency, source, supplier."""
import pytest

from leadqual.extraction import InvalidAnswer, extract, is_decline, parse_yes_no

YES_NO = [
    ("en", "yes please", True), ("en", "no thanks", False), ("en", "yes, no problem", True),
    ("fr", "oui bien sûr", True), ("fr", "non merci", False), ("fr", "pas d'accord", False),
    ("es", "sí, claro", True), ("es", "no, gracias", False),
    ("de", "ja gerne", True), ("de", "nein danke", False),
    ("it", "sì certo", True), ("it", "no grazie", False),
    ("pt", "sim, claro", True), ("pt", "não obrigado", False),
]


@pytest.mark.parametrize("lang,text,expected", YES_NO)
def test_yes_no_is_parsed_and_stored_as_consent(lang, text, expected):
    assert parse_yes_no(text, lang) is expected
    assert extract("consent", text, lang).value is expected


@pytest.mark.parametrize("lang", ["en", "fr", "es", "de", "it", "pt"])
def test_consent_without_yes_or_no_is_rejected(lang):
    assert parse_yes_no("42", lang) is None
    with pytest.raises(InvalidAnswer) as err:
        extract("consent", "42", lang)
    assert err.value.reason == "not_yes_no"


DECLINES = [
    ("en", "prefer not to say"), ("en", "skip"), ("en", "pass"),
    ("fr", "je préfère ne pas répondre"), ("fr", "je prefere ne pas repondre"),
    ("es", "prefiero no decirlo"), ("es", "paso"),
    ("de", "lieber nicht"), ("de", "keine Angabe"),
    ("it", "preferisco non rispondere"), ("it", "passo"),
    ("pt", "prefiro não dizer"), ("pt", "prefiro nao dizer"),
]


@pytest.mark.parametrize("lang,text", DECLINES)
def test_refusal_to_answer_is_a_decline(lang, text):
    assert is_decline(text, lang)


@pytest.mark.parametrize("lang,text", [
    ("en", "pass me the brochure please"), ("en", "yes"), ("fr", "oui"), ("es", "sí"), ("de", "ja"),
    ("it", "sì"), ("pt", "sim"),
])
def test_ordinary_answer_is_not_a_decline(lang, text):
    assert not is_decline(text, lang)


CUSTOMER = [
    ("en", "for my company", "b2b"), ("en", "personal use", "b2c"),
    ("fr", "pour mon entreprise", "b2b"), ("fr", "pour moi", "b2c"), ("fr", "je suis un particulier", "b2c"),
    ("es", "para mi empresa", "b2b"), ("es", "para mí", "b2c"),
    ("de", "für unsere Firma", "b2b"), ("de", "privat", "b2c"),
    ("it", "per la mia azienda", "b2b"), ("it", "per me", "b2c"), ("it", "per la ditta", "b2b"),
    ("pt", "para a minha empresa", "b2b"), ("pt", "para mim", "b2c"),
]


@pytest.mark.parametrize("lang,text,expected", CUSTOMER)
def test_customer_type_is_b2b_for_companies_and_b2c_for_individuals(lang, text, expected):
    assert extract("customer_type", text, lang).value == expected


@pytest.mark.parametrize("lang,text", [("en", "it's for our restaurant"), ("fr", "pour notre cabinet d'avocats"),
                                       ("de", "für unsere GmbH")])
def test_customer_type_is_b2b_when_the_answer_names_a_business(lang, text):
    assert extract("customer_type", text, lang).value == "b2b"


def test_unclear_customer_type_is_rejected():
    with pytest.raises(InvalidAnswer) as err:
        extract("customer_type", "hmm", "en")
    assert err.value.reason == "unclear"


ROLES = [
    ("en", "I'm the CEO", "decision_maker"), ("en", "I recommend, my boss decides", "influencer"),
    ("en", "I just use it", "user"),
    ("fr", "c'est moi qui décide", "decision_maker"), ("fr", "je conseille la direction", "influencer"),
    ("fr", "simple utilisateur", "user"),
    ("es", "soy el dueño", "decision_maker"), ("es", "soy asesor", "influencer"),
    ("de", "ich bin Geschäftsführer", "decision_maker"), ("de", "ich bin nur Nutzer", "user"),
    ("it", "sono il direttore", "decision_maker"), ("it", "faccio parte del team che sceglie", "influencer"),
    ("pt", "sou sócio", "decision_maker"), ("pt", "sou utilizador", "user"),
]


@pytest.mark.parametrize("lang,text,expected", ROLES)
def test_decision_role_is_recognised(lang, text, expected):
    assert extract("decision_role", text, lang).value == expected


def test_unknown_role_is_other_and_keeps_the_text():
    got = extract("decision_role", "intern", "en")
    assert (got.value, got.details) == ("other", {"text": "intern"})


FREQUENCY = [
    ("en", "first time", "first_purchase"), ("en", "every month", "regular"), ("en", "once a year", "occasional"),
    ("fr", "c'est la première fois", "first_purchase"), ("fr", "de temps en temps", "occasional"),
    ("es", "a veces", "occasional"), ("es", "cada mes", "regular"),
    ("de", "ab und zu", "occasional"), ("de", "regelmäßig", "regular"),
    ("it", "ogni tanto", "occasional"), ("it", "è la prima volta", "first_purchase"),
    ("pt", "às vezes", "occasional"), ("pt", "todo mês", "regular"),
]


@pytest.mark.parametrize("lang,text,expected", FREQUENCY)
def test_purchase_frequency_is_recognised(lang, text, expected):
    assert extract("purchase_frequency", text, lang).value == expected


def test_unclear_purchase_frequency_is_rejected():
    with pytest.raises(InvalidAnswer) as err:
        extract("purchase_frequency", "bananas", "en")
    assert err.value.reason == "unclear"


SOURCES = [
    ("en", "met you at a trade show", "trade_show"), ("en", "found your website on google", "website"),
    ("en", "we used to work with you", "former_client"), ("en", "we're already a client", "existing_client"),
    ("fr", "au salon de Lyon", "trade_show"), ("fr", "recommandé par un ami", "referral"),
    ("fr", "ancien client", "former_client"),
    ("es", "en una feria", "trade_show"), ("es", "me lo recomendó un amigo", "referral"),
    ("de", "auf der Messe", "trade_show"), ("de", "über Ihre Website", "website"),
    ("it", "alla fiera di Milano", "trade_show"), ("it", "già cliente", "existing_client"),
    ("pt", "numa feira", "trade_show"), ("pt", "indicação de um colega", "referral"),
]


@pytest.mark.parametrize("lang,text,expected", SOURCES)
def test_prospect_source_is_recognised(lang, text, expected):
    assert extract("prospect_source", text, lang).value == expected


SUPPLIERS = [
    ("en", "no supplier", "none"), ("en", "yes, Salesforce", "Salesforce"), ("en", "yes", "yes"),
    ("fr", "non", "none"), ("fr", "on travaille avec Dupont SA", "Dupont SA"),
    ("es", "ninguno", "none"), ("es", "trabajamos con Acme", "Acme"),
    ("de", "keinen", "none"), ("de", "wir nutzen SAP", "SAP"),
    ("it", "nessuno", "none"), ("it", "sì, usiamo Zucchetti", "Zucchetti"),
    ("pt", "nenhum", "none"), ("pt", "sim", "yes"),
]


@pytest.mark.parametrize("lang,text,expected", SUPPLIERS)
def test_current_supplier_is_a_name_none_or_yes(lang, text, expected):
    assert extract("current_supplier", text, lang).value == expected


B2C_GIFTS_AND_HOMES = [
    ("en", "a birthday present for my dad"), ("en", "it's for our apartment"),
    ("fr", "c'est pour offrir à ma mère"), ("fr", "pour mon appartement"),
    ("es", "un regalo para mi novia"), ("es", "es para mi piso"),
    ("de", "als Geschenk für meine Eltern"), ("de", "für unser Haus"),
    ("it", "un regalo per mio marito"), ("it", "per il mio appartamento"),
    ("pt", "é uma prenda para o meu pai"), ("pt", "para o meu apartamento"),
]


@pytest.mark.parametrize("lang,text", B2C_GIFTS_AND_HOMES)
def test_a_gift_a_relative_or_a_home_means_a_private_customer(lang, text):
    from leadqual.extraction import extract_all

    assert extract("customer_type", text, lang).value == "b2c"
    assert extract_all(text, lang)["customer_type"].value == "b2c"


@pytest.mark.parametrize("lang,text", [("en", "for our office"), ("fr", "pour notre société"), ("de", "für unsere Firma")])
def test_business_cues_still_win_over_the_new_private_cues(lang, text):
    assert extract("customer_type", text, lang).value == "b2b"
