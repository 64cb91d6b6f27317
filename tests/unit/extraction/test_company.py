"""subsidiaries, company_age_years and age."""
import datetime

import pytest

from leadqual.extraction import InvalidAnswer, extract

TODAY = datetime.date(2026, 11, 28)

SUBSIDIARIES = [
    ("en", "three", 3), ("en", "none", 0), ("fr", "aucune", 0), ("fr", "nous en avons 4", 4),
    ("es", "ninguna", 0), ("es", "dos filiales", 2), ("de", "keine", 0), ("de", "5 Tochterfirmen", 5),
    ("it", "nessuna", 0), ("it", "ne abbiamo 2", 2), ("pt", "nenhuma", 0), ("pt", "temos 3", 3),
]


@pytest.mark.parametrize("lang,text,expected", SUBSIDIARIES)
def test_subsidiaries_count_or_none_is_zero(lang, text, expected):
    assert extract("subsidiaries", text, lang).value == expected


@pytest.mark.parametrize("lang,text", [("en", "yes"), ("fr", "oui"), ("de", "ja")])
def test_subsidiaries_yes_without_a_number_asks_for_one(lang, text):
    with pytest.raises(InvalidAnswer) as err:
        extract("subsidiaries", text, lang)
    assert err.value.reason == "need_number"


AGES = [
    ("en", "15 years", 15.0, 2011), ("en", "founded in 2010", 16.0, 2010), ("en", "a startup", 1.0, 2025),
    ("fr", "depuis 1998", 28.0, 1998), ("fr", "créée il y a 6 mois", 0.5, 2026),
    ("es", "fundada en 1985", 41.0, 1985), ("es", "20 años", 20.0, 2006),
    ("de", "seit 2001", 25.0, 2001), ("de", "gerade gegründet", 1.0, 2025),
    ("it", "fondata nel 1987", 39.0, 1987), ("it", "da 10 anni", 10.0, 2016),
    ("pt", "desde 2015", 11.0, 2015), ("pt", "somos uma startup", 1.0, 2025),
    ("en", "1998", 28.0, 1998),
]


@pytest.mark.parametrize("lang,text,years,founded", AGES)
def test_company_age_from_duration_founding_year_or_startup(lang, text, years, founded):
    got = extract("company_age_years", text, lang, today=TODAY)
    assert got.value == pytest.approx(years, abs=0.05)
    assert got.details["founded"] == founded


@pytest.mark.parametrize("text,reason", [("founded in 2030", "future_year"), ("no idea", "no_number"),
                                         ("500 years", "bad_year")])
def test_company_age_that_is_impossible_is_rejected(text, reason):
    with pytest.raises(InvalidAnswer) as err:
        extract("company_age_years", text, "en", today=TODAY)
    assert err.value.reason == reason


PERSON_AGES = [
    ("en", "34", 34), ("en", "I'm 34", 34), ("fr", "j'ai 34 ans", 34), ("fr", "trente-quatre", 34),
    ("es", "tengo 45 años", 45), ("es", "cuarenta", 40), ("de", "ich bin 34", 34), ("de", "vierunddreißig", 34),
    ("it", "ho 29 anni", 29), ("it", "ventinove", 29), ("pt", "tenho 52 anos", 52), ("pt", "nasci em 1990", 36),
]


@pytest.mark.parametrize("lang,text,expected", PERSON_AGES)
def test_age_is_read_from_digits_words_or_birth_year(lang, text, expected):
    assert extract("age", text, lang, today=TODAY).value == expected


@pytest.mark.parametrize("text", ["12", "150", "old enough", "0"])
def test_age_outside_16_to_110_is_rejected(text):
    with pytest.raises(InvalidAnswer) as err:
        extract("age", text, "en", today=TODAY)
    assert err.value.reason == "bad_age"
