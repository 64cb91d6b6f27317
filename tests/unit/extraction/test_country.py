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
