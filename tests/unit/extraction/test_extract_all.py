"""extract_all: several slots from one free message, on unambiguous cues only."""
import datetime

import pytest

from leadqual.extraction import extract_all

TODAY = datetime.date(2026, 11, 28)

CASES = [
    ("en", "we're a 200-person logistics firm in Lyon",
     {"employees": 200, "sector": "transport_logistics", "country": "FR", "customer_type": "b2b"}),
    ("en", "Hi, my name is Tom Baker, email tom@baker.co.uk, we'd like to start in 3 months",
     {"person_name": "Tom Baker", "email": "tom@baker.co.uk", "timeline_months": 3.0}),
    ("fr", "Nous sommes une PME de 45 salariés à Nantes dans le BTP, on voudrait démarrer dans 3 mois",
     {"employees": 45, "country": "FR", "sector": "construction", "customer_type": "b2b", "timeline_months": 3.0}),
    ("fr", "je m'appelle Claire Martin, joignable au 06 12 34 56 78",
     {"person_name": "Claire Martin", "phone": "+33612345678"}),
    ("es", "Somos una empresa mexicana de software con 30 empleados y un presupuesto de 2 millones de pesos",
     {"employees": 30, "country": "MX", "sector": "it_software", "customer_type": "b2b",
      "order_value_eur": round(2_000_000 * 0.0468, 2)}),
    ("es", "me llamo Ana López, escríbeme a ana@lopez.es",
     {"person_name": "Ana López", "email": "ana@lopez.es"}),
    ("de", "Wir sind ein Maschinenbauer aus Stuttgart mit 120 Mitarbeitern, Umsatz 20 Mio. Euro",
     {"employees": 120, "country": "DE", "sector": "manufacturing", "customer_type": "b2b",
      "annual_revenue_eur": 20_000_000.0}),
    ("de", "Ich heiße Jan Becker, wir brauchen das in 2 Wochen, gegründet 2012",
     {"person_name": "Jan Becker", "timeline_months": 0.5, "company_age_years": 14.0}),
    ("it", "mi chiamo Luca Rossi, siamo una software house di Milano con 15 dipendenti",
     {"person_name": "Luca Rossi", "country": "IT", "sector": "it_software", "customer_type": "b2b", "employees": 15}),
    ("it", "il mio numero è 333 123 4567, ci serve tra sei mesi",
     {"phone": "+393331234567", "timeline_months": 6.0}),
    ("pt", "Somos uma transportadora em Lisboa, fundada em 2005, meu email é ze@transp.pt",
     {"country": "PT", "sector": "transport_logistics", "customer_type": "b2b", "company_age_years": 21.0,
      "email": "ze@transp.pt"}),
    ("pt", "meu nome é Carla Souza, temos 60 funcionários e faturamento de 5 milhões de reais",
     {"person_name": "Carla Souza", "employees": 60, "customer_type": "b2b",
      "annual_revenue_eur": round(5_000_000 * 0.161, 2)}),
]


@pytest.mark.parametrize("lang,text,expected", CASES)
def test_free_message_fills_every_clearly_stated_slot_and_nothing_else(lang, text, expected):
    got = {slot: e.value for slot, e in extract_all(text, lang, today=TODAY).items()}
    assert got == pytest.approx(expected)


@pytest.mark.parametrize("lang,text", [
    ("en", "200"), ("en", "we are now ready to talk"), ("en", "it's for us"), ("fr", "oui"),
    ("es", "ya somos clientes"), ("de", "jetzt"), ("it", "ok grazie"), ("pt", "pode ser"),
    ("en", "I speak German"), ("en", "we may buy a turkey"),
])
def test_vague_message_fills_nothing(lang, text):
    assert extract_all(text, lang, today=TODAY) == {}


def test_every_extracted_slot_names_itself():
    for slot, item in extract_all("we're a 200-person logistics firm in Lyon", "en").items():
        assert item.slot == slot
