"""parse_number: locale digits, magnitudes and number words in six languages."""
import pytest

from leadqual.extraction import parse_number

CASES = [
    # English: comma groups, point decimals, K/M suffixes, words
    ("en", "1,500", 1500),
    ("en", "1.5", 1.5),
    ("en", "250k", 250_000),
    ("en", "2.5M", 2_500_000),
    ("en", "about two hundred fifty", 250),
    ("en", "3 bn", 3_000_000_000),
    ("en", "half a million", 500_000),
    # French: space groups (also U+202F), comma decimals, words with hedges
    ("fr", "1 500", 1500),
    ("fr", "1\u202f500", 1500),
    ("fr", "1,5", 1.5),
    ("fr", "2,5 millions", 2_500_000),
    ("fr", "deux cent cinquante", 250),
    ("fr", "a peu pres deux cent cinquante", 250),
    ("fr", "3 mille", 3000),
    ("fr", "1,2 Md", 1_200_000_000),
    # Spanish
    ("es", "1.500", 1500),
    ("es", "dos mil", 2000),
    ("es", "2.5 millones", 2_500_000),
    ("es", "unos doscientos", 200),
    ("es", "3 mil millones", 3_000_000_000),
    # German
    ("de", "1.500", 1500),
    ("de", "zweihundertfünfzig", 250),
    ("de", "1,5 Mio.", 1_500_000),
    ("de", "2 Mrd", 2_000_000_000),
    ("de", "30'000", 30_000),
    # Italian
    ("it", "trecento", 300),
    ("it", "50 mila", 50_000),
    ("it", "1.000.000", 1_000_000),
    ("it", "2,5 milioni", 2_500_000),
    ("it", "una decina", 10),
    # Portuguese
    ("pt", "5 mil", 5000),
    ("pt", "2 milhões", 2_000_000),
    ("pt", "duzentos e cinquenta", 250),
    ("pt", "1.234,5", 1234.5),
    ("pt", "uma dúzia", 12),
]


@pytest.mark.parametrize("lang,text,expected", CASES)
def test_number_in_locale_format_magnitude_or_words_is_read(lang, text, expected):
    assert parse_number(text, lang) == pytest.approx(expected)


@pytest.mark.parametrize("lang,text", [
    ("en", "no idea"), ("fr", "je ne sais pas"), ("es", "ni idea"),
    ("de", "keine Ahnung"), ("it", "non lo so"), ("pt", "não sei"),
])
def test_text_without_a_number_gives_none(lang, text):
    assert parse_number(text, lang) is None


def test_the_decimal_mark_follows_the_locale():
    assert parse_number("1.500", "en") == 1.5
    assert parse_number("1.500", "de") == 1500
    assert parse_number("1,500", "en") == 1500
    assert parse_number("1,500", "fr") == 1.5


def test_a_leading_minus_is_kept():
    assert parse_number("-5", "en") == -5


def test_a_magnitude_letter_glued_to_a_word_is_not_a_magnitude():
    assert parse_number("10 months", "en") == 10


def test_range_lower_bound_shares_the_thousands_of_the_upper_bound():
    from leadqual.extraction.numbers import quantities

    _, found = quantities("entre 10 et 15 000 euros", "fr")
    assert (found[0].low, found[0].high) == (10_000, 15_000)
    _, found = quantities("between 5 and 1000", "en")
    assert (found[0].low, found[0].high) == (5, 1000)
