"""Each temperature and a returning former client, over the real REST channel, in several languages."""
from __future__ import annotations

import os
import subprocess
import uuid

from tests.integration.servers import say, tracker
from tests.integration.test_conversation_over_rest import LEADQUAL, bot_lines, converse

SMALL_SHOP_ES = {
    "customer_type": "para mi empresa",
    "need": "un programa sencillo para las facturas",
    "employees": "somos tres",
    "country": "estamos en Sevilla",
    "timeline_months": "sin prisa, quizá el año que viene",
    "decision_role": "solo lo usaría yo, decide mi socio",
    "email": "lucia@tallerluz.es",
    "consent": "no, prefiero que no me llamen",
    "company_name": "Taller Luz",
    "order_value_eur": "unos 300 euros",
    "sector": "reparación de bicicletas",
}


def test_a_small_spanish_company_in_no_hurry_stays_cold_and_is_not_handed_off(running_assistant, rep_webhook):
    sender = f"es-{uuid.uuid4().hex[:8]}"
    transcript, asked, state = converse(running_assistant, sender, "hola buenas", SMALL_SHOP_ES)
    assert state["language"] == "es"
    assert (state["customer_type"], state["country"], state["employees"]) == ("b2b", "ES", 3)
    assert state["temperature"] == "cold" and state["escalated"] is False
    assert state["consent"] is False
    assert any("no nos pondremos en contacto" in line.lower() or "no le contactaremos" in line.lower()
               or "contact" in line.lower() for line in bot_lines(transcript[-1:])), transcript[-1]
    assert not [r for r in rep_webhook.received if r["json"]["prospect"]["conversation_id"] == sender]


CURIOUS_DE = {
    "customer_type": "privat, für mich",
    "need": "ich suche eine neue Einbauküche",
    "country": "ich wohne in Köln",
    "order_value_eur": "so um die 8000 Euro",
    "timeline_months": "in einem halben Jahr",
    "purchase_frequency": "zum ersten Mal",
    "email": "jonas.weber@web.de",
    "consent": "ja gerne",
    "person_name": "Jonas Weber",
    "age": "38",
    "occupation": "ich bin Lehrer",
    "prospect_source": "über Ihre Website",
}


def test_a_german_person_who_asks_for_prices_is_warm(running_assistant, rep_webhook):
    sender = f"de-{uuid.uuid4().hex[:8]}"
    say(running_assistant["rasa"], sender, "Hallo, was kostet bei Ihnen eine Küche ungefähr?")
    transcript, asked, state = converse(running_assistant, sender, "können Sie mir eine Preisliste schicken?", CURIOUS_DE)
    assert state["language"] == "de"
    assert state["customer_type"] == "b2c" and state["order_value_eur"] == 8000.0
    assert state["temperature"] == "warm"
    assert "age" in asked  # a warm prospect is asked the optional questions too
    assert not [r for r in rep_webhook.received if r["json"]["prospect"]["conversation_id"] == sender]


def test_a_former_client_writing_in_italian_is_welcomed_back_and_not_asked_again(running_assistant, tmp_path):
    clients = tmp_path / "ex-clienti.csv"
    clients.write_text("Azienda;Email;Telefono;Paese;Dipendenti;Settore\n"
                       "Rossi Arredamenti;giulia@rossiarredamenti.it;+39 333 123 4567;Italia;45;mobili\n",
                       encoding="utf-8")
    env = {**os.environ, "LEADQUAL_DATABASE_URL": running_assistant["database_url"]}
    imported = subprocess.run([LEADQUAL, "import", str(clients), "--source", "former_client", "--language", "it",
                               "--delimiter", ";"], capture_output=True, text=True, env=env)
    assert imported.returncode == 0, imported.stderr

    sender = f"it-{uuid.uuid4().hex[:8]}"
    whatsapp = {"phone": "+393331234567", "channel": "whatsapp"}
    persona = {"customer_type": "per l'azienda", "need": "vorremmo rinnovare lo showroom",
               "timeline_months": "entro due mesi", "decision_role": "sono la titolare, decido io",
               "consent": "sì certo", "order_value_eur": "circa 20 mila euro",
               "annual_revenue_eur": "circa 3 milioni", "current_supplier": "nessuno al momento",
               "subsidiaries": "nessuna", "company_age_years": "fondata nel 1998"}
    transcript, asked, state = converse(running_assistant, sender, "buongiorno", persona, metadata=whatsapp)
    assert state["language"] == "it" and state["returning"] == "former_client"
    assert any("ritrovarla" in line for line in bot_lines(transcript[:1])), transcript[0]
    assert state["company_name"] == "Rossi Arredamenti" and state["employees"] == 45 and state["country"] == "IT"
    assert not {"company_name", "employees", "country", "email", "sector"} & set(asked)
    assert tracker(running_assistant, sender)["slots"]["prospect_source"] == "former_client"
