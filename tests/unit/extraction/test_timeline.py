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
