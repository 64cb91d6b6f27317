"""country: names in six languages, aliases, cities and demonyms to ISO codes."""
import pytest

from leadqual.extraction import InvalidAnswer, extract

CASES = [
    ("en", "France", "FR"), ("en", "we're based in the UK", "GB"), ("en", "a German company", "DE"),
    ("en", "in Munich", "DE"), ("en", "Deutschland", "DE"), ("en", "new york", "US"),
    ("fr", "a Lyon", "FR"), ("fr", "aux États-Unis", "US"), ("fr", "aux etats unis", "US"),
    ("fr", "nous sommes une société belge", "BE"), ("fr", "Allemagne", "DE"), ("fr", "à Genève", "CH"),
    ("es", "somos mexicanos", "MX"), ("es", "desde Bogotá", "CO"), ("es", "desde Bogota", "CO"),
    ("es", "EE.UU.", "US"), ("es", "en Alemania", "DE"), ("es", "una empresa argentina", "AR"),
    ("de", "wir sind ein deutsches Unternehmen", "DE"), ("de", "in München", "DE"), ("de", "Muenchen", "DE"),
    ("de", "Österreich", "AT"), ("de", "oesterreich", "AT"), ("de", "aus Frankreich", "FR"),
    ("it", "a Milano", "IT"), ("it", "siamo un'azienda italiana", "IT"), ("it", "negli Stati Uniti", "US"),
    ("it", "in Svizzera", "CH"), ("it", "Germania", "DE"),
    ("pt", "em São Paulo", "BR"), ("pt", "em Sao Paulo", "BR"), ("pt", "somos brasileiros", "BR"),
    ("pt", "em Lisboa", "PT"), ("pt", "em Portugal", "PT"), ("pt", "uma empresa espanhola", "ES"),
]


@pytest.mark.parametrize("lang,text,code", CASES)
def test_country_name_city_or_demonym_gives_iso_code(lang, text, code):
    assert extract("country", text, lang).value == code


@pytest.mark.parametrize("text,code", [("FR", "FR"), ("DEU", "DE"), ("usa", "US"), ("UK", "GB")])
def test_a_bare_code_or_abbreviation_as_the_whole_answer_is_a_country(text, code):
    assert extract("country", text, "en").value == code


def test_the_longest_name_wins():
    assert extract("country", "Guinea-Bissau", "en").value == "GW"
    assert extract("country", "Papua New Guinea", "en").value == "PG"
    assert extract("country", "we're in New Mexico", "en").value == "US"


def test_an_explicit_country_beats_a_city_and_a_demonym():
    assert extract("country", "a French company based in Madrid, Spain", "en").value == "ES"
    assert extract("country", "a French company based in Madrid", "en").value == "ES"


@pytest.mark.parametrize("lang,text", [
    ("en", "Indiana"),            # contains "India"
    ("en", "it's for us"),        # "us" is a pronoun
    ("pt", "ele usa muito"),      # "usa" = uses
    ("fr", "je ne sais pas"),
    ("es", "ninguno"),
    ("de", "Nirgendwo"),
    ("it", "boh"),
])
def test_no_country_inside_other_words_or_common_words(lang, text):
    with pytest.raises(InvalidAnswer) as err:
        extract("country", text, lang)
    assert err.value.reason == "unknown_country"


LOCAL_CITY_NAMES = [
    ("it", "a Marsiglia", "FR"), ("es", "en Marsella", "FR"), ("pt", "em Marselha", "FR"), ("de", "in Straßburg", "FR"),
    ("it", "a Strasburgo", "FR"), ("es", "en Burdeos", "FR"), ("it", "a Nizza", "FR"),
    ("it", "Berlino", "DE"), ("pt", "em Berlim", "DE"), ("it", "a Dresda", "DE"), ("es", "en Núremberg", "DE"),
    ("it", "ad Anversa", "BE"), ("es", "en Amberes", "BE"), ("pt", "em Antuérpia", "BE"), ("de", "in Lüttich", "BE"),
    ("it", "a Zurigo", "CH"), ("pt", "em Zurique", "CH"), ("fr", "à Bâle", "CH"), ("pt", "Basileia", "CH"),
    ("it", "a Siviglia", "ES"), ("pt", "em Sevilha", "ES"), ("it", "a Barcellona", "ES"),
    ("it", "all'Aia", "NL"), ("pt", "em Haia", "NL"), ("pt", "em Roterdão", "NL"),
    ("it", "a San Pietroburgo", "RU"), ("de", "in Sankt Petersburg", "RU"),
    ("it", "Città del Messico", "MX"), ("pt", "Cidade do México", "MX"), ("de", "Mexiko-Stadt", "MX"),
    ("de", "in Algier", "DZ"), ("it", "a Tangeri", "MA"), ("pt", "em Marraquexe", "MA"), ("en", "in Dublim", "IE"),
]


@pytest.mark.parametrize("lang,text,code", LOCAL_CITY_NAMES)
def test_a_city_is_known_by_its_name_in_each_language(lang, text, code):
    assert extract("country", text, lang).value == code


AFRICAN_DEMONYMS = [
    ("en", "an Angolan company", "AO"), ("en", "a Cameroonian firm", "CM"), ("en", "we're Mozambican", "MZ"),
    ("fr", "une société camerounaise", "CM"), ("fr", "une entreprise malienne", "ML"), ("fr", "nous sommes burkinabè", "BF"),
    ("fr", "une PME gabonaise", "GA"), ("fr", "une société togolaise", "TG"), ("fr", "une entreprise béninoise", "BJ"),
    ("es", "somos mozambiqueños", "MZ"), ("es", "empresa marfileña", "CI"), ("es", "somos angoleños", "AO"),
    ("de", "ein kapverdisches Unternehmen", "CV"), ("de", "eine senegalesische Firma", "SN"),
    ("de", "wir sind eine mosambikanische Firma", "MZ"),
    ("it", "un'azienda senegalese", "SN"), ("it", "una ditta ivoriana", "CI"), ("it", "siamo mozambicani", "MZ"),
    ("pt", "sou angolana", "AO"), ("pt", "somos são-tomenses", "ST"), ("pt", "uma empresa guineense", "GW"),
    ("pt", "empresa cabo-verdiana", "CV"), ("pt", "somos camaroneses", "CM"),
]


@pytest.mark.parametrize("lang,text,code", AFRICAN_DEMONYMS)
def test_african_demonyms_give_the_country_in_every_language(lang, text, code):
    assert extract("country", text, lang).value == code


@pytest.mark.parametrize("lang,text,code", [
    ("fr", "à Douala", "CM"), ("pt", "em Bissau", "GW"), ("fr", "à Bamako", "ML"), ("fr", "Ouagadougou", "BF"),
    ("pt", "em Nampula", "MZ"), ("fr", "à Yamoussoukro", "CI"),
])
def test_african_cities_give_the_country(lang, text, code):
    assert extract("country", text, lang).value == code


def test_a_new_demonym_next_to_a_company_word_counts_in_a_free_message():
    from leadqual.extraction import extract_all

    assert extract_all("nous sommes une société camerounaise", "fr")["country"].value == "CM"
    assert "country" not in extract_all("il est camerounais", "fr")
