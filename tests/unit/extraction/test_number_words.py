"""Number words text2num leaves alone: halves, "and a half", counted scales, vague counts."""
import pytest

from leadqual.extraction import InvalidAnswer, extract, parse_number

HALVES = [
    # a half before a magnitude or a collective, with or without a digit written
    ("en", "half a billion", 500_000_000), ("en", "half a dozen", 6),
    ("fr", "un demi-milliard", 500_000_000), ("fr", "une demi-douzaine", 6),
    ("es", "media docena", 6), ("es", "medio millar", 500),
    ("de", "eine halbe Milliarde", 500_000_000), ("de", "ein halbes Dutzend", 6),
    ("it", "mezzo miliardo", 500_000_000), ("it", "mezza dozzina", 6),
    ("pt", "meio bilhão", 500_000_000), ("pt", "meia dúzia", 6),
    # "and a half" after a number, before or after its magnitude
    ("en", "three and a half million", 3_500_000), ("en", "one and a half million", 1_500_000),
    ("fr", "trois millions et demi", 3_500_000), ("fr", "un million et demi", 1_500_000),
    ("es", "tres millones y medio", 3_500_000), ("es", "uno y medio", 1.5),
    ("de", "viereinhalb Millionen", 4_500_000), ("de", "anderthalb Millionen", 1_500_000), ("de", "eineinhalb", 1.5),
    ("it", "tre milioni e mezzo", 3_500_000), ("it", "uno e mezzo", 1.5),
    ("pt", "três milhões e meio", 3_500_000), ("pt", "um e meio", 1.5),
]


@pytest.mark.parametrize("lang,text,expected", HALVES)
def test_halves_and_and_a_half_are_read_in_every_language(lang, text, expected):
    assert parse_number(text, lang) == pytest.approx(expected)


@pytest.mark.parametrize("lang,text", [
    ("en", "half a million euros"), ("fr", "un demi-million d'euros"), ("es", "medio millón de euros"),
    ("de", "eine halbe Million Euro"), ("it", "mezzo milione di euro"), ("pt", "meio milhão de euros"),
])
def test_half_a_million_is_an_amount_without_any_digit(lang, text):
    assert extract("order_value_eur", text, lang).value == 500_000


@pytest.mark.parametrize("lang,text", [
    ("en", "two and a half million euros"), ("fr", "2 millions et demi d'euros"), ("es", "dos millones y medio de euros"),
    ("de", "zweieinhalb Millionen Euro"), ("it", "due milioni e mezzo di euro"), ("pt", "dois milhões e meio de euros"),
])
def test_a_magnitude_and_a_half_adds_half_of_the_magnitude(lang, text):
    assert extract("order_value_eur", text, lang).value == 2_500_000


COUNTED_SCALES = [
    ("en", "a couple of thousand", 2000), ("en", "a couple hundred staff", 200),
    ("fr", "une vingtaine de milliers", 20_000), ("fr", "deux centaines", 200),
    ("es", "un par de miles", 2000), ("es", "una veintena de miles", 20_000),
    ("de", "zwei Dutzend", 24),
    ("it", "una decina di migliaia", 10_000), ("it", "un paio di migliaia", 2000),
    ("pt", "duas dezenas de milhares", 20_000), ("pt", "um par de milhares", 2000),
]


@pytest.mark.parametrize("lang,text,expected", COUNTED_SCALES)
def test_a_collective_counts_the_scale_after_it(lang, text, expected):
    assert extract("employees", text, lang).value == expected


VAGUE = [
    ("en", "several thousand"), ("en", "hundreds of people"), ("en", "a few dozen"),
    ("fr", "plusieurs centaines"), ("fr", "des milliers"), ("fr", "quelques dizaines"), ("fr", "des dizaines de milliers"),
    ("es", "varios cientos"), ("es", "cientos de empleados"), ("es", "decenas de miles"),
    ("de", "mehrere hundert"), ("de", "Hunderte Mitarbeiter"), ("de", "ein paar tausend"),
    ("it", "alcune centinaia"), ("it", "migliaia"), ("it", "qualche migliaio"),
    ("pt", "algumas centenas"), ("pt", "milhares de pessoas"), ("pt", "dezenas de milhares"),
]


@pytest.mark.parametrize("lang,text", VAGUE)
def test_a_count_without_a_conventional_value_is_no_number(lang, text):
    assert parse_number(text, lang) is None
    for slot in ("employees", "order_value_eur"):
        with pytest.raises(InvalidAnswer) as err:
            extract(slot, text, lang)
        assert err.value.reason == "no_number"


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "2 millions", 2_000_000), ("fr", "2,5 millions", 2_500_000), ("de", "zwei Millionen", 2_000_000),
    ("es", "3 millones", 3_000_000), ("it", "tre centinaia", 300), ("pt", "duas centenas", 200),
])
def test_a_plural_scale_after_a_number_is_still_a_magnitude(lang, text, expected):
    assert parse_number(text, lang) == pytest.approx(expected)
