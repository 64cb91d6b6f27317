"""order_value_eur / annual_revenue_eur: amounts with magnitude and currency, in EUR."""
import pytest

from leadqual.extraction import InvalidAnswer, extract
from leadqual.extraction.amounts import rate

# (lang, text, country, amount, currency)
CASES = [
    ("en", "£40k", None, 40_000, "GBP"),
    ("en", "$2M", None, 2_000_000, "USD"),
    ("en", "1.5 million euros", None, 1_500_000, "EUR"),
    ("en", "250k", None, 250_000, "EUR"),
    ("en", "about 80,000", "GB", 80_000, "GBP"),
    ("en", "CHF 30'000", None, 30_000, "CHF"),
    ("fr", "1,5 M€", None, 1_500_000, "EUR"),
    ("fr", "40 000 dollars", None, 40_000, "USD"),
    ("fr", "deux millions d'euros", None, 2_000_000, "EUR"),
    ("fr", "300 k€", None, 300_000, "EUR"),
    ("fr", "10 000 francs suisses", None, 10_000, "CHF"),
    ("es", "2.5 millones de pesos", None, 2_500_000, "MXN"),
    ("es", "2 millones", "MX", 2_000_000, "MXN"),
    ("es", "50 millones de pesos", "CO", 50_000_000, "COP"),
    ("es", "100 mil dólares", None, 100_000, "USD"),
    ("es", "medio millón de euros", None, 500_000, "EUR"),
    ("de", "1,2 Mio. Euro", None, 1_200_000, "EUR"),
    ("de", "CHF 30'000", None, 30_000, "CHF"),
    ("de", "50.000 €", None, 50_000, "EUR"),
    ("de", "25.000 Franken", None, 25_000, "CHF"),
    ("it", "50 mila euro", None, 50_000, "EUR"),
    ("it", "1,5 milioni", None, 1_500_000, "EUR"),
    ("it", "3 milioni di dollari", None, 3_000_000, "USD"),
    ("it", "duecentomila euro", None, 200_000, "EUR"),
    ("pt", "5 mil reais", None, 5_000, "BRL"),
    ("pt", "R$ 200 mil", None, 200_000, "BRL"),
    ("pt", "2 milhões", "BR", 2_000_000, "BRL"),
    ("pt", "uns 50 mil dólares", None, 50_000, "USD"),
]


@pytest.mark.parametrize("lang,text,country,amount,currency", CASES)
def test_amount_with_magnitude_and_currency_is_converted_to_eur(lang, text, country, amount, currency):
    got = extract("order_value_eur", text, lang, country=country)
    assert got.details["currency"] == currency
    assert got.details["amount"] == pytest.approx(amount)
    assert got.value == pytest.approx(round(amount * rate(currency), 2))


def test_amount_with_million_suffix_and_euro_sign_is_converted():
    got = extract("order_value_eur", "1,5 M€", "fr")
    assert got.value == 1_500_000.0
    assert got.details == {"amount": 1_500_000.0, "currency": "EUR", "min": 1_500_000.0, "max": 1_500_000.0}


def test_range_amount_borrows_the_upper_bound_magnitude_and_keeps_bounds():
    got = extract("annual_revenue_eur", "entre 50 et 60k", "fr")
    assert got.value == 55_000.0
    assert (got.details["min"], got.details["max"]) == (50_000.0, 60_000.0)


@pytest.mark.parametrize("country,currency", [("US", "USD"), ("GB", "GBP"), ("BR", "BRL"), ("MX", "MXN"), (None, "EUR")])
def test_amount_without_currency_takes_the_country_currency(country, currency):
    got = extract("order_value_eur", "2 millones", "es", country=country)
    assert got.details["currency"] == currency


@pytest.mark.parametrize("country,currency", [(None, "MXN"), ("AR", "ARS"), ("CL", "CLP"), ("CO", "COP"), ("ES", "MXN")])
def test_pesos_mean_mexican_pesos_unless_the_country_uses_another_peso(country, currency):
    assert extract("order_value_eur", "300 mil pesos", "es", country=country).details["currency"] == currency


def test_dollar_sign_in_canada_means_canadian_dollars():
    assert extract("order_value_eur", "$50k", "en", country="CA").details["currency"] == "CAD"


def test_iso_code_that_is_an_english_word_counts_only_in_capitals():
    assert extract("order_value_eur", "we'll try 50k", "en").details["currency"] == "EUR"
    assert extract("order_value_eur", "50k TRY", "en").details["currency"] == "TRY"


@pytest.mark.parametrize("lang,text,reason", [
    ("en", "not sure yet", "no_number"),
    ("fr", "aucune idée", "no_number"),
    ("es", "0 euros", "not_positive"),
    ("de", "-500 Euro", "not_positive"),
    ("it", "boh", "no_number"),
    ("pt", "não sei", "no_number"),
])
def test_amount_without_a_positive_number_is_rejected(lang, text, reason):
    with pytest.raises(InvalidAnswer) as err:
        extract("order_value_eur", text, lang)
    assert err.value.reason == reason
    assert err.value.slot == "order_value_eur"


def test_currency_missing_from_the_rates_table_is_rejected(monkeypatch):
    from leadqual.extraction import slots
    from leadqual.extraction.amounts import Amount

    monkeypatch.setattr(slots, "parse_amount", lambda *a, **k: Amount(5.0, 5.0, 5.0, "XXX"))
    with pytest.raises(InvalidAnswer) as err:
        extract("order_value_eur", "5 XXX", "en")
    assert err.value.reason == "unknown_currency"
