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
