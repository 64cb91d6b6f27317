"""employees: head counts, ranges (midpoint), collectives and words."""
import pytest

from leadqual.extraction import InvalidAnswer, extract

CASES = [
    ("en", "about 200", 200, 200, 200), ("en", "10-20 people", 15, 10, 20), ("en", "a dozen", 12, 12, 12),
    ("en", "between 5 and 10", 8, 5, 10), ("en", "just me", 1, 1, 1),
    ("fr", "une cinquantaine", 50, 50, 50), ("fr", "entre 50 et 60", 55, 50, 60), ("fr", "1 500 salariés", 1500, 1500, 1500),
    ("fr", "deux douzaines", 24, 24, 24),
    ("es", "unos doscientos", 200, 200, 200), ("es", "entre 10 y 20", 15, 10, 20), ("es", "una docena", 12, 12, 12),
    ("es", "somos 35 personas", 35, 35, 35),
    ("de", "zweihundert Leute", 200, 200, 200), ("de", "20 bis 30 Mitarbeiter", 25, 20, 30), ("de", "ein Dutzend", 12, 12, 12),
    ("de", "1.200 Beschäftigte", 1200, 1200, 1200),
    ("it", "una ventina", 20, 20, 20), ("it", "tra 10 e 20 dipendenti", 15, 10, 20), ("it", "trecento", 300, 300, 300),
    ("it", "siamo in 8", 8, 8, 8),
    ("pt", "cerca de 30 funcionários", 30, 30, 30), ("pt", "entre 50 e 70", 60, 50, 70), ("pt", "uma dúzia", 12, 12, 12),
    ("pt", "duzentos", 200, 200, 200),
]


@pytest.mark.parametrize("lang,text,value,low,high", CASES)
def test_head_count_or_range_midpoint_is_the_employee_count(lang, text, value, low, high):
    got = extract("employees", text, lang)
    assert (got.value, got.details["min"], got.details["max"]) == (value, low, high)
    assert isinstance(got.value, int)


def test_the_number_next_to_a_people_word_wins_over_other_numbers():
    assert extract("employees", "3 offices and 120 employees", "en").value == 120


@pytest.mark.parametrize("lang,text,reason", [
    ("en", "0", "not_positive"), ("fr", "-5", "not_positive"), ("es", "no sé", "no_number"),
    ("de", "viele", "no_number"), ("it", "tanti", "no_number"), ("pt", "muitos", "no_number"),
    ("en", "50000000000", "implausible"),
])
def test_employee_answer_without_a_positive_count_is_rejected(lang, text, reason):
    with pytest.raises(InvalidAnswer) as err:
        extract("employees", text, lang)
    assert err.value.reason == reason
