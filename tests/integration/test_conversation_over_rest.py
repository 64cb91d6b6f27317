"""A prospect chats over the real REST channel with the trained model and the real action server."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import uuid
from pathlib import Path

from tests.integration.servers import say, tracker

LEADQUAL = str(Path(sys.executable).parent / "leadqual")


def texts(replies):
    return [reply.get("text", "") for reply in replies]


def chat(urls, sender, lines, metadata=None):
    transcript = []
    for line in lines:
        transcript.append((line, texts(say(urls["rasa"], sender, line, metadata))))
    return transcript


def slots(urls, sender):
    return tracker(urls, sender)["slots"]


def test_an_english_company_that_wants_to_buy_is_qualified_and_handed_to_a_rep(running_assistant, rep_webhook):
    sender = f"en-{uuid.uuid4().hex[:8]}"
    transcript = chat(running_assistant, sender, [
        "hello",
        "it's for my company",
        "we need a CRM for our sales team",
        "we're in Manchester",
        "about 120 people",
        "we want a quote, we'd like to start next month",
        "anna.smith@northwind.co.uk",
        "yes",
    ])
    state = slots(running_assistant, sender)
    assert state["language"] == "en"
    assert (state["customer_type"], state["country"], state["employees"]) == ("b2b", "GB", 120)
    assert state["email"] == "anna.smith@northwind.co.uk" and state["consent"] is True
    assert state["temperature"] == "hot" and state["escalated"] is True
    assert any("sales team will contact you" in reply for reply in transcript[-1][1]), transcript
    received = [r for r in rep_webhook.wait_for(1) if r["json"]["prospect"]["conversation_id"] == sender]
    assert len(received) == 1
    lead = received[0]["json"]
    assert received[0]["path"] == "/hooks/lead"
    assert lead["prospect"]["temperature"] == "hot"
    assert lead["prospect"]["answers"]["email"] == "anna.smith@northwind.co.uk"
    assert lead["prospect"]["explanation"]


def test_a_french_person_is_qualified_in_french_and_appears_in_the_export(running_assistant):
    sender = f"fr-{uuid.uuid4().hex[:8]}"
    transcript = chat(running_assistant, sender, [
        "bonjour",
        "c'est pour moi",
        "je cherche un canapé pour mon salon",
        "j'habite à Bordeaux",
        "environ 1500 euros",
        "dans 3 mois",
        "marie.dupont@orange.fr",
        "oui",
    ], metadata={"language": "fr-FR"})
    state = slots(running_assistant, sender)
    assert state["language"] == "fr"
    assert (state["customer_type"], state["country"], state["order_value_eur"]) == ("b2c", "FR", 1500.0)
    assert state["timeline_months"] == 3.0
    bot_lines = [reply for _, replies in transcript for reply in replies]
    assert "Combien de personnes" not in " ".join(bot_lines)  # a person is not asked their headcount
    assert any("Quel budget" in reply for reply in bot_lines)
    assert all("Which" not in reply and "What" not in reply for reply in bot_lines), bot_lines

    exported = subprocess.run([LEADQUAL, "export", "--format", "csv"], capture_output=True, text=True, check=True,
                              env={**os.environ, "LEADQUAL_DATABASE_URL": running_assistant["database_url"]})
    rows = {row["email"]: row for row in csv.DictReader(io.StringIO(exported.stdout))}
    row = rows["marie.dupont@orange.fr"]
    assert (row["language"], row["customer_type"], row["country"], row["consent"]) == ("fr", "b2c", "FR", "True")
    assert row["temperature"] in ("cold", "warm", "hot") and 0 < float(row["appetence"]) < 1


def test_an_answer_that_cannot_be_understood_is_asked_again_in_the_prospects_language(running_assistant):
    sender = f"fr-{uuid.uuid4().hex[:8]}"
    chat(running_assistant, sender, ["bonjour", "pour mon entreprise", "un logiciel de paie", "nous sommes à Lyon"])
    replies = texts(say(running_assistant["rasa"], sender, "beaucoup"))
    assert any("Par exemple" in reply for reply in replies), replies
    assert slots(running_assistant, sender)["requested_slot"] == "employees"
    replies = texts(say(running_assistant["rasa"], sender, "je ne sais pas trop"))
    assert slots(running_assistant, sender)["requested_slot"] != "employees"  # skipped after two failures: no loop
    state = slots(running_assistant, sender)
    assert (state["customer_type"], state["country"]) == ("b2b", "FR")  # nothing recorded was lost
