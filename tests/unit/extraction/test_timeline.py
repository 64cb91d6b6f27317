"""timeline_months: months from today (2026-11-28) until the purchase."""
import datetime

import pytest

from leadqual.extraction import InvalidAnswer, extract

TODAY = datetime.date(2026, 11, 28)

CASES = [
    ("en", "asap", 0), ("en", "next month", 1), ("en", "next quarter", 2), ("en", "in 6 months", 6),
    ("en", "in two weeks", 0.5), ("en", "next year", 12), ("en", "no rush", 12), ("en", "in March", 4),
    ("fr", "tout de suite", 0), ("fr", "dans 6 mois", 6), ("fr", "le trimestre prochain", 2),
    ("fr", "en fevrier", 3), ("fr", "pas pressé", 12), ("fr", "dans 3 semaines", 0.7),
    ("es", "ya", 0), ("es", "en 6 meses", 6), ("es", "el próximo trimestre", 2), ("es", "en enero", 2),
    ("es", "sin prisa", 12), ("es", "el mes que viene", 1),
    ("de", "sofort", 0), ("de", "in sechs Monaten", 6), ("de", "nächstes Quartal", 2), ("de", "im März", 4),
    ("de", "keine Eile", 12), ("de", "in 10 Tagen", 0.3),
    ("it", "subito", 0), ("it", "tra sei mesi", 6), ("it", "il prossimo trimestre", 2), ("it", "a dicembre", 1),
    ("it", "nessuna fretta", 12), ("it", "l'anno prossimo", 12),
    ("pt", "já", 0), ("pt", "em 6 meses", 6), ("pt", "próximo trimestre", 2), ("pt", "em maio", 6),
    ("pt", "sem pressa", 12), ("pt", "daqui a 2 anos", 24),
]


@pytest.mark.parametrize("lang,text,months", CASES)
def test_timeline_phrase_becomes_months_from_today(lang, text, months):
    assert extract("timeline_months", text, lang, today=TODAY).value == pytest.approx(months, abs=0.01)


def test_current_month_name_counts_as_zero_and_next_occurrence_is_used():
    assert extract("timeline_months", "November", "en", today=TODAY).value == 0
    assert extract("timeline_months", "in October", "en", today=TODAY).value == 11


def test_month_with_explicit_year_uses_that_year():
    assert extract("timeline_months", "mars 2028", "fr", today=TODAY).value == 16


@pytest.mark.parametrize("day,months", [(datetime.date(2026, 12, 1), 1), (datetime.date(2026, 10, 1), 3),
                                        (datetime.date(2026, 2, 10), 2)])
def test_next_quarter_counts_months_to_its_first_month_at_least_one(day, months):
    assert extract("timeline_months", "next quarter", "en", today=day).value == months


def test_lowercase_english_may_is_a_verb_not_a_month():
    with pytest.raises(InvalidAnswer):
        extract("timeline_months", "we may buy something", "en", today=TODAY)
    assert extract("timeline_months", "probably in May", "en", today=TODAY).value == 6


@pytest.mark.parametrize("lang,text", [
    ("en", "depends on the board"), ("fr", "ça dépend"), ("es", "depende"), ("de", "kommt drauf an"),
    ("it", "dipende"), ("pt", "depende"),
])
def test_answer_without_time_reference_is_rejected(lang, text):
    with pytest.raises(InvalidAnswer) as err:
        extract("timeline_months", text, lang, today=TODAY)
    assert err.value.reason == "no_timeline"


HALVES = [
    ("en", "within half a year", 6), ("en", "two and a half years", 30), ("en", "a month and a half", 1.5),
    ("en", "in 2 years and a half", 30), ("en", "in one and a half years", 18),
    ("fr", "dans une demi-année", 6), ("fr", "dans deux ans et demi", 30), ("fr", "d'ici un mois et demi", 1.5),
    ("es", "dentro de medio año", 6), ("es", "en dos años y medio", 30), ("es", "en un mes y medio", 1.5),
    ("de", "innerhalb eines halben Jahres", 6), ("de", "in zweieinhalb Jahren", 30), ("de", "in anderthalb Monaten", 1.5),
    ("it", "entro mezzo anno", 6), ("it", "tra due anni e mezzo", 30), ("it", "tra un mese e mezzo", 1.5),
    ("pt", "em meio ano", 6), ("pt", "daqui a dois anos e meio", 30), ("pt", "num mês e meio", 1.5),
]


@pytest.mark.parametrize("lang,text,months", HALVES)
def test_half_units_and_a_unit_and_a_half_are_fractions_of_the_unit(lang, text, months):
    assert extract("timeline_months", text, lang, today=TODAY).value == pytest.approx(months, abs=0.01)


@pytest.mark.parametrize("lang,text", [
    ("en", "next semester"), ("fr", "dans un semestre"), ("es", "en un semestre"),
    ("de", "im nächsten Halbjahr"), ("it", "tra un semestre"), ("pt", "dentro de um semestre"),
])
def test_a_semester_is_six_months(lang, text):
    assert extract("timeline_months", text, lang, today=TODAY).value == 6


def test_a_half_delay_is_trusted_in_a_free_message():
    from leadqual.extraction import extract_all

    assert extract_all("we need it within half a year", "en", today=TODAY)["timeline_months"].value == 6
    assert extract_all("wir brauchen es in einem halben Jahr", "de", today=TODAY)["timeline_months"].value == 6
    assert extract_all("on en a besoin dans deux ans et demi", "fr", today=TODAY)["timeline_months"].value == 30


@pytest.mark.parametrize("lang,text,months", [
    ("en", "we're targeting june", 7), ("en", "hoping to sign in september", 10), ("en", "the plan is to buy in august", 9),
    ("fr", "on vise avril", 5), ("es", "apuntamos a abril", 5), ("de", "wir peilen April an", 5),
    ("it", "puntiamo ad aprile", 5), ("pt", "queremos fechar em abril", 5),
])
def test_a_lowercase_month_after_a_verb_phrase_is_a_month(lang, text, months):
    assert extract("timeline_months", text, lang, today=TODAY).value == months


def test_a_month_that_is_also_a_verb_needs_a_capital_or_a_cue_word():
    assert extract("timeline_months", "we plan to buy by may", "en", today=TODAY).value == 6
    assert extract("timeline_months", "we may sign in september", "en", today=TODAY).value == 10
    assert extract("timeline_months", "the board meets in march", "en", today=TODAY).value == 4
    with pytest.raises(InvalidAnswer):
        extract("timeline_months", "we will march on regardless", "en", today=TODAY)
