"""Prospects chat over the real REST channel with the trained model and the real action server.

Each prospect is a persona: the answer they would give to each question. The test answers
whatever the assistant asks (Rasa's `requested_slot`), so it checks the real dialogue, whatever
order the qualification plan sets.
"""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Dict, List, Tuple

from tests.integration.servers import say, tracker

LEADQUAL = str(Path(sys.executable).parent / "leadqual")


def texts(replies) -> List[str]:
    return [reply.get("text", "") for reply in replies]


def converse(urls, sender: str, opening: str, persona: Dict[str, str], metadata=None, max_turns: int = 25):
    """Open the conversation, then answer each question from the persona until the form ends."""
    transcript: List[Tuple[str, List[str]]] = [(opening, texts(say(urls["rasa"], sender, opening, metadata)))]
    asked: List[str] = []
    for _ in range(max_turns):
        state = tracker(urls, sender)
        requested = state["slots"].get("requested_slot")
        if not (state.get("active_loop") or {}).get("name") or not requested:
            return transcript, asked, state["slots"]
        assert requested in persona, f"asked {requested} after {asked}: {transcript[-1]}"
        asked.append(requested)
        transcript.append((persona[requested], texts(say(urls["rasa"], sender, persona[requested], metadata))))
    raise AssertionError(f"the form did not end after {max_turns} answers: {asked}")


def bot_lines(transcript) -> List[str]:
    return [reply for _, replies in transcript for reply in replies]


NORTHWIND = {
    "customer_type": "it's for my company",
    "need": "we need a CRM for our sales team",
    "employees": "about 120 people",
    "country": "we're in Manchester",
    "timeline_months": "next month, we want a quote as soon as possible",
    "decision_role": "I'm the sales director, I decide",
    "email": "anna.smith@northwind.co.uk",
    "consent": "yes",
}


def test_an_english_company_that_wants_to_buy_is_qualified_and_handed_to_a_rep(running_assistant, rep_webhook):
    sender = f"en-{uuid.uuid4().hex[:8]}"
    transcript, asked, state = converse(running_assistant, sender, "hello", NORTHWIND)
    assert asked[:2] == ["customer_type", "need"]
    assert state["language"] == "en"
    assert (state["customer_type"], state["country"], state["employees"]) == ("b2b", "GB", 120)
    assert state["email"] == "anna.smith@northwind.co.uk" and state["consent"] is True
    assert state["temperature"] == "hot" and state["escalated"] is True
    assert "company_name" not in asked  # hot: hand off now, finish later
    assert any("sales team will contact you" in line for line in bot_lines(transcript[-1:])), transcript
    received = [r for r in rep_webhook.wait_for(1) if r["json"]["prospect"]["conversation_id"] == sender]
    assert len(received) == 1
    lead = received[0]["json"]
    assert received[0]["path"] == "/hooks/lead"
    assert lead["prospect"]["temperature"] == "hot"
    assert lead["prospect"]["answers"]["email"] == "anna.smith@northwind.co.uk"
    assert lead["prospect"]["explanation"]


MARIE = {
    "customer_type": "c'est pour moi",
    "need": "je cherche un canapé pour mon salon",
    "country": "j'habite à Bordeaux",
    "order_value_eur": "environ 1500 euros",
    "timeline_months": "dans 3 mois",
    "purchase_frequency": "c'est la première fois",
    "email": "marie.dupont@orange.fr",
    "consent": "oui",
    "person_name": "Marie Dupont",
    "age": "42 ans",
    "occupation": "je suis infirmière",
    "prospect_source": "sur votre site",
}


def test_a_french_person_is_qualified_in_french_and_appears_in_the_export(running_assistant):
    sender = f"fr-{uuid.uuid4().hex[:8]}"
    transcript, asked, state = converse(running_assistant, sender, "bonjour", MARIE, metadata={"language": "fr-FR"})
    assert state["language"] == "fr"
    assert (state["customer_type"], state["country"], state["order_value_eur"]) == ("b2c", "FR", 1500.0)
    assert state["timeline_months"] == 3.0 and state["purchase_frequency"] == "first_purchase"
    assert "employees" not in asked  # a person is not asked their headcount
    lines = bot_lines(transcript)
    assert any("budget" in line for line in lines)
    assert not [line for line in lines if line.startswith(("What", "Which", "How", "Thank"))], lines

    exported = subprocess.run([LEADQUAL, "export", "--format", "csv"], capture_output=True, text=True, check=True,
                              env={**os.environ, "LEADQUAL_DATABASE_URL": running_assistant["database_url"]})
    rows = {row["email"]: row for row in csv.DictReader(io.StringIO(exported.stdout))}
    row = rows["marie.dupont@orange.fr"]
    assert (row["language"], row["customer_type"], row["country"], row["consent"]) == ("fr", "b2c", "FR", "True")
    assert row["temperature"] in ("cold", "warm", "hot") and 0 < float(row["appetence"]) < 1


def test_an_answer_that_cannot_be_understood_is_asked_again_then_skipped(running_assistant):
    sender = f"fr-{uuid.uuid4().hex[:8]}"
    for line in ["bonjour", "pour mon entreprise", "un logiciel de paie pour nos équipes"]:
        say(running_assistant["rasa"], sender, line)
    assert tracker(running_assistant, sender)["slots"]["requested_slot"] == "employees"
    replies = texts(say(running_assistant["rasa"], sender, "beaucoup"))
    assert any("Par exemple" in reply for reply in replies), replies
    assert tracker(running_assistant, sender)["slots"]["requested_slot"] == "employees"
    say(running_assistant["rasa"], sender, "aucune idée franchement")
    state = tracker(running_assistant, sender)["slots"]
    assert state["requested_slot"] != "employees"  # skipped after two failures: never a loop
    assert (state["customer_type"], state["need"]) == ("b2b", "un logiciel de paie pour nos équipes")


def test_off_topic_questions_are_answered_and_the_pending_question_is_skipped_after_two(running_assistant):
    sender = f"en-{uuid.uuid4().hex[:8]}"
    for line in ["hello", "it's for my company", "we need a CRM for our sales team"]:
        say(running_assistant["rasa"], sender, line)
    assert tracker(running_assistant, sender)["slots"]["requested_slot"] == "employees"
    say(running_assistant["rasa"], sender, "what's the weather like today?")
    state = tracker(running_assistant, sender)["slots"]
    assert (state["requested_slot"], state["answer_failures"]) == ("employees", {"employees": 1})
    replies = texts(say(running_assistant["rasa"], sender, "who won the football match last night?"))
    state = tracker(running_assistant, sender)["slots"]
    assert state["requested_slot"] not in (None, "employees") and "employees" in state["skipped_slots"]
    assert any("leave that one" in reply for reply in replies), replies
    assert (state["customer_type"], state["need"]) == ("b2b", "we need a CRM for our sales team")


KUECHENBAU_DE = {
    "customer_type": "für unsere Firma",
    "need": "wir brauchen eine Software für die Lagerverwaltung",
    "employees": "etwa 45 Mitarbeiter",
    "country": "wir sitzen in Stuttgart",
    "timeline_months": "keine Eile, vielleicht nächstes Jahr",
    "decision_role": "ich bin der Geschäftsführer",
    "email": "k.braun@kuechenbau-braun.de",
    "consent": "ja, gerne",
    "company_name": "Küchenbau Braun",
    "order_value_eur": "so um die 20.000 Euro",
    "sector": "Möbelbau",
    "annual_revenue_eur": "etwa 6 Millionen Euro im Jahr",
    "current_supplier": "bisher nutzen wir Excel",
    "subsidiaries": "keine Tochterfirmen",
    "company_age_years": "seit 1998",
    "prospect_source": "über eine Messe",
}


def test_no_rush_that_names_a_time_answers_when_they_would_buy_and_the_questions_go_on(running_assistant):
    sender = f"de-{uuid.uuid4().hex[:8]}"
    transcript, asked, state = converse(running_assistant, sender, "Hallo", KUECHENBAU_DE)
    assert "timeline_months" in asked and asked[-1] != "timeline_months", asked
    assert state["timeline_months"] == 12 and state["email"] == "k.braun@kuechenbau-braun.de"


def test_a_declined_question_moves_on_in_german(running_assistant):
    sender = f"de-{uuid.uuid4().hex[:8]}"
    for line in ["Hallo", "für unsere Firma", "wir brauchen eine Buchhaltungssoftware"]:
        say(running_assistant["rasa"], sender, line)
    replies = texts(say(running_assistant["rasa"], sender, "das möchte ich lieber nicht sagen"))
    state = tracker(running_assistant, sender)["slots"]
    assert state["language"] == "de"
    assert "employees" in state["skipped_slots"] and state["requested_slot"] == "country"
    assert any("Land" in reply for reply in replies), replies
