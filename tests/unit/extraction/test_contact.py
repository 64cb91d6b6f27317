"""email and phone: validated with email-validator and phonenumbers."""
import pytest

from leadqual.extraction import InvalidAnswer, extract

EMAILS = [
    ("en", "my email is Anna.Smith@Example.com", "anna.smith@example.com"), ("en", "bob@acme.io.", "bob@acme.io"),
    ("fr", "mon mail c'est jean@orange.fr", "jean@orange.fr"), ("fr", "Contact@Dupont-SARL.fr", "contact@dupont-sarl.fr"),
    ("es", "mi correo es ana@empresa.es", "ana@empresa.es"), ("es", "VENTAS@DISTRI.MX", "ventas@distri.mx"),
    ("de", "meine E-Mail: k.schmidt@web.de", "k.schmidt@web.de"), ("de", "<info@firma.de>", "info@firma.de"),
    ("it", "la mia email è giulia@libero.it", "giulia@libero.it"), ("it", "m.rossi+crm@azienda.it", "m.rossi+crm@azienda.it"),
    ("pt", "meu email é joao@empresa.com.br", "joao@empresa.com.br"), ("pt", "R.Costa@sapo.pt obrigado", "r.costa@sapo.pt"),
]


@pytest.mark.parametrize("lang,text,expected", EMAILS)
def test_email_is_found_validated_and_lowercased(lang, text, expected):
    assert extract("email", text, lang).value == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "anna at acme"), ("fr", "luc@laposte"), ("es", "maria@@hotmail.com"),
    ("de", "anna.schmidt@"), ("it", "non ho email"), ("pt", "pedro@gmail"),
])
def test_malformed_or_missing_email_is_rejected(lang, text):
    with pytest.raises(InvalidAnswer) as err:
        extract("email", text, lang)
    assert err.value.reason == "bad_email"


PHONES = [
    ("en", "+44 20 7946 0958", None, "+442079460958"), ("en", "(202) 456-1111", "US", "+12024561111"),
    ("fr", "06 12 34 56 78", "FR", "+33612345678"), ("fr", "01.42.68.53.00", None, "+33142685300"),
    ("es", "612 345 678", None, "+34612345678"), ("es", "55 1234 5678", "MX", "+525512345678"),
    ("de", "0151 23456789", None, "+4915123456789"), ("de", "089 / 12 34 56 78", None, "+498912345678"),
    ("it", "333 123 4567", None, "+393331234567"), ("it", "0039 347 123 4567", None, "+393471234567"),
    ("pt", "912 345 678", None, "+351912345678"), ("pt", "(11) 91234-5678", "BR", "+5511912345678"),
]


@pytest.mark.parametrize("lang,text,country,expected", PHONES)
def test_phone_is_normalised_to_e164_with_country_or_language_region(lang, text, country, expected):
    assert extract("phone", text, lang, country=country).value == expected


def test_english_phone_without_prefix_or_country_is_rejected():
    with pytest.raises(InvalidAnswer) as err:
        extract("phone", "020 7946 0958", "en")
    assert err.value.reason == "bad_phone"
    assert extract("phone", "020 7946 0958", "en", country="GB").value == "+442079460958"


@pytest.mark.parametrize("lang,text", [
    ("en", "12345"), ("fr", "06 12 34"), ("es", "no tengo"), ("de", "123"), ("it", "non lo so"), ("pt", "1234"),
])
def test_impossible_phone_number_is_rejected(lang, text):
    with pytest.raises(InvalidAnswer) as err:
        extract("phone", text, lang)
    assert err.value.reason == "bad_phone"


SPELLED = [
    ("en", "it's maria underscore lopez at outlook dot com", "maria_lopez@outlook.com"),
    ("en", "write to sales at acme hyphen tools dot co dot uk", "sales@acme-tools.co.uk"),
    ("fr", "paul tiret martin arobase free point fr", "paul-martin@free.fr"),
    ("fr", "c'est Jean point Dupont arobase Orange point FR", "jean.dupont@orange.fr"),
    ("es", "carlos punto ruiz arroba yahoo punto es", "carlos.ruiz@yahoo.es"),
    ("es", "ventas arroba distribuciones guion sur punto mx", "ventas@distribuciones-sur.mx"),
    ("de", "anna punkt schulz at gmx punkt de", "anna.schulz@gmx.de"),
    ("de", "info at meine-firma punkt de", "info@meine-firma.de"),
    ("it", "luca punto bianchi chiocciola gmail punto com", "luca.bianchi@gmail.com"),
    ("it", "ufficio trattino basso acquisti chiocciola azienda punto it", "ufficio_acquisti@azienda.it"),
    ("pt", "rita ponto costa arroba hotmail ponto com", "rita.costa@hotmail.com"),
    ("pt", "geral arroba empresa ponto com ponto br", "geral@empresa.com.br"),
]


@pytest.mark.parametrize("lang,text,expected", SPELLED)
def test_spelled_out_email_is_rebuilt_and_validated(lang, text, expected):
    assert extract("email", text, lang).value == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "maria at outlook"), ("en", "ping me at the office dot"), ("fr", "je suis au bureau point final"),
    ("es", "arroba punto com"), ("de", "at punkt"), ("it", "chiocciola"), ("pt", "ana arroba"),
])
def test_spelled_out_email_without_a_user_and_a_dotted_domain_is_rejected(lang, text):
    with pytest.raises(InvalidAnswer) as err:
        extract("email", text, lang)
    assert err.value.reason == "bad_email"


def test_the_last_at_word_separates_user_and_domain_in_a_sentence():
    from leadqual.extraction import extract_all

    assert extract("email", "you can reach me at tom dot hill at gmail dot com", "en").value == "tom.hill@gmail.com"
    assert extract_all("you can reach me at tom dot hill at gmail dot com", "en")["email"].value == "tom.hill@gmail.com"
