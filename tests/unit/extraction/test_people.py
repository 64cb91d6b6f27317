"""Free-text slots: company and person names, occupation, the need."""
import pytest

from leadqual.extraction import InvalidAnswer, extract

COMPANIES = [
    ("en", "we are Dupont SARL", "Dupont SARL"), ("en", "Acme", "Acme"), ("en", "it's called Blue Fox Ltd.", "Blue Fox Ltd"),
    ("fr", "c'est Dupont SARL", "Dupont SARL"), ("fr", "nous sommes Boulangerie Paul", "Boulangerie Paul"),
    ("es", "somos Construcciones García", "Construcciones García"), ("es", "se llama Tecno Sur", "Tecno Sur"),
    ("de", "wir sind die Müller GmbH", "die Müller GmbH"), ("de", "die Firma heißt Schmidt AG", "Schmidt AG"),
    ("it", "siamo Rossi Srl", "Rossi Srl"), ("it", "si chiama Bianchi & Figli", "Bianchi & Figli"),
    ("pt", "somos a Silva Lda", "a Silva Lda"), ("pt", "chama-se Costa Transportes", "Costa Transportes"),
]


@pytest.mark.parametrize("lang,text,expected", COMPANIES)
def test_company_name_is_given_without_its_lead_in(lang, text, expected):
    assert extract("company_name", text, lang).value == expected


def test_company_name_that_is_only_yes_is_rejected():
    with pytest.raises(InvalidAnswer) as err:
        extract("company_name", "oui", "fr")
    assert err.value.reason == "no_name"


NAMES = [
    ("en", "I'm Anna Schmidt", "Anna Schmidt"), ("en", "my name is john o'neil", "John O'neil"),
    ("fr", "je m'appelle Jean Dupont", "Jean Dupont"), ("fr", "je m'appelle jean de la fontaine", "Jean de la Fontaine"),
    ("es", "me llamo Ana", "Ana"), ("es", "soy maría lópez, de la empresa Sur", "María López"),
    ("de", "ich heiße Max Müller", "Max Müller"), ("de", "Mein Name ist anna schmidt", "Anna Schmidt"),
    ("it", "mi chiamo Luca", "Luca"), ("it", "sono giulia bianchi", "Giulia Bianchi"),
    ("pt", "meu nome é João", "João"), ("pt", "chamo-me ana silva", "Ana Silva"),
]


@pytest.mark.parametrize("lang,text,expected", NAMES)
def test_person_name_is_extracted_and_title_cased_when_lowercase(lang, text, expected):
    assert extract("person_name", text, lang).value == expected


@pytest.mark.parametrize("text", ["12345", "yes"])
def test_person_name_without_letters_or_only_yes_is_rejected(text):
    with pytest.raises(InvalidAnswer) as err:
        extract("person_name", text, "en")
    assert err.value.reason == "no_name"


OCCUPATIONS = [
    ("en", "I'm a nurse", "nurse"), ("en", "I work as an electrician", "electrician"),
    ("fr", "je suis infirmière", "infirmière"), ("fr", "je travaille comme comptable", "comptable"),
    ("es", "soy profesora", "profesora"), ("es", "trabajo como enfermero", "enfermero"),
    ("de", "ich bin Lehrerin", "Lehrerin"), ("de", "ich arbeite als Ingenieur", "Ingenieur"),
    ("it", "sono un medico", "medico"), ("it", "faccio l'avvocato", "avvocato"),
    ("pt", "sou enfermeira", "enfermeira"), ("pt", "trabalho como motorista", "motorista"),
]


@pytest.mark.parametrize("lang,text,expected", OCCUPATIONS)
def test_occupation_is_the_text_without_its_lead_in(lang, text, expected):
    assert extract("occupation", text, lang).value == expected


NEEDS = [
    ("en", "  I need a CRM for my sales team  ", "I need a CRM for my sales team"),
    ("fr", "un logiciel de facturation", "un logiciel de facturation"),
    ("es", "necesitamos un ERP", "necesitamos un ERP"),
    ("de", "eine neue Website", "eine neue Website"),
    ("it", "un gestionale per il magazzino", "un gestionale per il magazzino"),
    ("pt", "preciso de um site", "preciso de um site"),
]


@pytest.mark.parametrize("lang,text,expected", NEEDS)
def test_need_is_the_trimmed_message(lang, text, expected):
    assert extract("need", text, lang).value == expected


@pytest.mark.parametrize("lang,text", [("en", "CRM"), ("fr", "oui"), ("es", "sí claro"), ("de", "ja"),
                                       ("it", "sì"), ("pt", "42")])
def test_need_that_is_too_short_or_only_yes_no_is_rejected(lang, text):
    with pytest.raises(InvalidAnswer) as err:
        extract("need", text, lang)
    assert err.value.reason == "too_short"
