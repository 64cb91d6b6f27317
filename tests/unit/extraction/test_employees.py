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


@pytest.mark.parametrize("lang,text,value", [
    ("en", "2 founders and 8 engineers", 10), ("fr", "2 gérants et 6 employés", 8),
    ("es", "3 socias y 7 trabajadores", 10), ("de", "2 Gesellschafter und 9 Angestellte", 11),
    ("it", "2 soci e 5 dipendenti", 7), ("pt", "3 sócios e 9 funcionários", 12),
])
def test_head_counts_joined_by_and_add_up(lang, text, value):
    assert extract("employees", text, lang).value == value


@pytest.mark.parametrize("lang,text,value", [
    ("en", "my wife and I", 2), ("fr", "ma femme et moi", 2), ("es", "yo y mi hermano", 2),
    ("de", "ich und meine Frau", 2), ("it", "io e mia moglie", 2), ("pt", "eu e a minha mulher", 2),
    ("en", "me and 4 employees", 5), ("fr", "moi et 2 salariés", 3), ("es", "yo y tres empleados", 4),
    ("de", "ich und zwei Angestellte", 3), ("it", "io e tre dipendenti", 4), ("pt", "eu e dois funcionários", 3),
])
def test_the_speaker_and_the_people_named_with_them_are_counted(lang, text, value):
    assert extract("employees", text, lang).value == value


@pytest.mark.parametrize("lang,text", [
    ("en", "I'm on my own"), ("fr", "je travaille seule"), ("es", "trabajo sola"),
    ("de", "ich arbeite allein"), ("it", "lavoro da sola"), ("pt", "trabalho sozinha"),
])
def test_working_alone_is_one_employee(lang, text):
    assert extract("employees", text, lang).value == 1


@pytest.mark.parametrize("lang,text,value", [
    ("en", "12 employees and I'm the founder", 12), ("fr", "8 salariés et je suis le gérant", 8),
    ("en", "10 employees, 4 of them engineers", 10), ("en", "3 shops and 25 employees", 25),
])
def test_parts_are_not_added_without_a_joined_count(lang, text, value):
    assert extract("employees", text, lang).value == value


def test_a_free_message_adds_counted_parts_but_not_the_speaker():
    from leadqual.extraction import extract_all

    assert extract_all("we're 2 partners and 5 employees", "en")["employees"].value == 7
    assert extract_all("3 associés et 10 salariés", "fr")["employees"].value == 13
    assert "employees" not in extract_all("my husband and I want a new kitchen", "en")
    assert "employees" not in extract_all("we work with 40 partners across Europe", "en")  # partners alone: no staff
