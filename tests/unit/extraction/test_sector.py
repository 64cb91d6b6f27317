"""sector: keywords and stems per language into the sectors.yml taxonomy."""
import pytest

from leadqual.extraction import InvalidAnswer, extract
from leadqual.extraction.data import sectors

CASES = [
    ("en", "logistics", "transport_logistics"), ("en", "we're a software company", "it_software"),
    ("en", "a law firm", "professional_services"), ("en", "we run three restaurants", "hospitality_food"),
    ("en", "dairy farm", "agriculture"),
    ("fr", "la logistique", "transport_logistics"), ("fr", "BTP", "construction"),
    ("fr", "l'hôtellerie", "hospitality_food"), ("fr", "une agence immobilière", "real_estate"),
    ("fr", "industrie du logiciel", "it_software"),
    ("es", "transporte de mercancías", "transport_logistics"), ("es", "construcción", "construction"),
    ("es", "una clínica dental", "health"), ("es", "una aseguradora", "finance_insurance"),
    ("de", "Logistikunternehmen", "transport_logistics"), ("de", "Maschinenbau", "manufacturing"),
    ("de", "eine Spedition", "transport_logistics"), ("de", "Einzelhandel", "retail"),
    ("de", "Großhandel für Elektroartikel", "wholesale"),
    ("it", "spedizioni", "transport_logistics"), ("it", "edilizia", "construction"),
    ("it", "dell'agenzia immobiliare", "real_estate"), ("it", "una scuola di lingue", "education"),
    ("pt", "logística", "transport_logistics"), ("pt", "construção civil", "construction"),
    ("pt", "uma imobiliária", "real_estate"), ("pt", "telecomunicações", "media_telecom"),
]


@pytest.mark.parametrize("lang,text,key", CASES)
def test_sector_keyword_or_stem_maps_to_taxonomy_key(lang, text, key):
    assert extract("sector", text, lang).value == key


@pytest.mark.parametrize("lang,text", [
    ("en", "we sell dreams"), ("fr", "on fait des trucs"), ("es", "cosas varias"),
    ("de", "irgendwas"), ("it", "un po' di tutto"), ("pt", "de tudo um pouco"),
])
def test_unrecognised_sector_is_other_and_keeps_the_text(lang, text):
    got = extract("sector", text, lang)
    assert got.value == "other"
    assert got.details == {"text": text}


def test_sector_stem_does_not_match_inside_an_unrelated_word():
    assert extract("sector", "bauer", "de").value == "other"  # "bau" is construction, "Bauer" is not


def test_every_sector_has_eight_keywords_in_every_language():
    for key, langs in sectors().items():
        for lang in ("en", "fr", "es", "de", "it", "pt"):
            assert len(langs.get(lang) or ()) >= 8, (key, lang)


def test_empty_sector_answer_is_rejected():
    with pytest.raises(InvalidAnswer) as err:
        extract("sector", "...", "en")
    assert err.value.reason == "empty"


@pytest.mark.parametrize("lang,text,key", [
    ("en", "we grow tomatoes", "agriculture"), ("fr", "nous cultivons des pommes", "agriculture"),
    ("es", "cultivamos naranjas", "agriculture"), ("it", "coltiviamo ulivi", "agriculture"),
    ("pt", "plantamos eucaliptos", "agriculture"), ("de", "wir bauen Gemüse an", "agriculture"),
    ("es", "fabricamos muebles", "manufacturing"), ("fr", "nous fabriquons des meubles", "manufacturing"),
    ("it", "fabbrichiamo mobili", "manufacturing"),
    ("en", "we build houses", "construction"), ("fr", "nous construisons des maisons", "construction"),
    ("it", "costruiamo case", "construction"), ("es", "reformamos pisos", "construction"), ("pt", "remodelamos casas", "construction"),
    ("en", "we code mobile apps", "it_software"), ("es", "programamos aplicaciones", "it_software"),
    ("it", "programmiamo gestionali", "it_software"), ("pt", "programamos sites", "it_software"),
    ("fr", "nous sommes développeurs", "it_software"), ("de", "wir entwickeln Apps", "it_software"),
])
def test_verbs_and_their_stems_name_the_sector(lang, text, key):
    assert extract("sector", text, lang).value == key


@pytest.mark.parametrize("text,key", [
    ("Wir programmieren Buchhaltungssoftware", "it_software"),  # the head of the compound decides
    ("Kontraktlogistik", "transport_logistics"), ("ein Steuerberatungsbüro", "professional_services"),
    ("Holzbau und Innenausbau", "construction"), ("Erdgasversorgung", "energy_utilities"),
    ("Gemüseanbau", "agriculture"), ("eine Zahnklinik", "health"), ("Autohandel", "retail"),
    ("Maschinenbau", "manufacturing"),  # a stem that covers the word wins over a shorter head inside it
])
def test_german_compounds_match_by_their_last_part(text, key):
    assert extract("sector", text, "de").value == key


@pytest.mark.parametrize("text", ["Netzwerk", "Workshop", "Datenbank", "verfügbar"])
def test_short_words_inside_german_compounds_do_not_match(text):
    assert extract("sector", text, "de").value == "other"
