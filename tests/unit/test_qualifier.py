"""The conversation's use cases end to end on the pure core: understand, ask next, hand off."""
from leadqual.model import Temperature
from leadqual.services import Turn

ENGLISH = {"en": 0.97, "fr": 0.01, "es": 0.005, "de": 0.005, "it": 0.005, "pt": 0.005}
FRENCH = {"fr": 0.97, "en": 0.01, "es": 0.005, "de": 0.005, "it": 0.005, "pt": 0.005}


def turn(text, n, intent="inform", requested=None, language=None, probabilities=ENGLISH, **extra):
    return Turn(conversation_id="conv-1", message_id=f"m{n}", text=text, intent=intent, intent_confidence=0.95,
                language_probabilities=probabilities, current_language=language, requested_slot=requested, **extra)


def test_an_answer_to_the_pending_question_is_stored_at_once(qualifier):
    qualifier.observe(turn("hello", 1, intent="greet"))
    observation = qualifier.observe(turn("about 200 people", 2, requested="employees", language="en"))
    assert observation.answers["employees"] == 200
    assert qualifier.repository.by_conversation("conv-1")["employees"] == 200


def test_one_message_can_answer_several_questions(qualifier):
    observation = qualifier.observe(turn("we're a 200-person logistics firm in Lyon", 1, requested="customer_type"))
    answers = observation.answers
    assert (answers["employees"], answers["sector"], answers["country"], answers["customer_type"]) == (
        200, "transport_logistics", "FR", "b2b")


def test_observing_the_same_message_twice_records_its_signal_once(qualifier):
    message = turn("can you send me your price list?", 1, intent="request_info")
    qualifier.observe(message)
    qualifier.observe(message)
    prospect = qualifier.repository.by_conversation("conv-1")
    assert qualifier.repository.signals_of(prospect["id"]) == ["request_info"]


def test_asking_for_information_makes_the_prospect_warm(qualifier):
    observation = qualifier.observe(turn("can you send me your price list?", 1, intent="request_info"))
    assert observation.temperature == Temperature.WARM


def test_the_language_follows_the_first_message_and_survives_a_short_reply(qualifier):
    first = qualifier.observe(turn("bonjour, je cherche un logiciel de gestion", 1, intent="greet", probabilities=FRENCH))
    assert first.language == "fr"
    assert first.language_settled
    second = qualifier.observe(turn("ok thanks", 2, intent="affirm", language="fr", language_settled=True,
                                    language_evidence=first.language_evidence))
    assert second.language == "fr"


def test_an_unclear_answer_is_asked_again_then_skipped(qualifier):
    qualifier.observe(turn("hello", 1, intent="greet"))
    ask = dict(requested_slot="employees", answered_now=False, after_user_message=True, text="blue", intent="inform",
               intent_confidence=0.9, language="en", skipped=[], failures={})
    first = qualifier.form_step("conv-1", **ask)
    assert (first.reask, first.next_slot, first.failures) == ("employees", "employees", {"employees": 1})
    second = qualifier.form_step("conv-1", **{**ask, "failures": first.failures})
    assert second.gave_up_on == "employees" and "employees" in second.skipped
    assert second.next_slot != "employees"


def test_a_declined_question_is_skipped_without_a_reask(qualifier):
    qualifier.observe(turn("hello", 1, intent="greet"))
    step = qualifier.form_step("conv-1", requested_slot="employees", answered_now=False, after_user_message=True,
                               text="I'd rather not say", intent="deny", intent_confidence=0.9, language="en",
                               skipped=[], failures={})
    assert step.reask is None and step.skipped == ("employees",)
    assert qualifier.repository.by_conversation("conv-1")["declined"] == ["employees"]


def test_a_digression_leaves_the_question_pending_for_the_dialogue(qualifier):
    qualifier.observe(turn("hello", 1, intent="greet"))
    step = qualifier.form_step("conv-1", requested_slot="employees", answered_now=False, after_user_message=True,
                               text="are you a robot?", intent="bot_challenge", intent_confidence=0.99, language="en",
                               skipped=[], failures={})
    assert step.digression and step.failures == {}


def test_digressions_count_as_failed_answers_so_the_question_is_never_asked_in_a_loop(qualifier):
    qualifier.observe(turn("hello", 1, intent="greet"))
    first = qualifier.observe(turn("what's the weather like?", 2, intent="out_of_scope", requested="employees"))
    assert (first.answer_failures, first.skipped_slots) == ({"employees": 1}, ())
    second = qualifier.observe(turn("and who won the match?", 3, intent="out_of_scope", requested="employees",
                                    answer_failures=first.answer_failures))
    assert (second.answer_failures, second.skipped_slots) == ({"employees": 2}, ("employees",))
    resumed = qualifier.form_step("conv-1", requested_slot="employees", answered_now=False, after_user_message=False,
                                  text="and who won the match?", intent="out_of_scope", intent_confidence=0.95,
                                  language="en", skipped=second.skipped_slots, failures=second.answer_failures)
    assert resumed.gave_up_on == "employees" and resumed.next_slot not in (None, "employees")


def test_a_question_about_the_offer_counts_too_but_a_language_switch_does_not(qualifier):
    qualifier.observe(turn("hello", 1, intent="greet"))
    asked = qualifier.observe(turn("how much does it cost?", 2, intent="request_info", requested="employees"))
    assert asked.answer_failures == {"employees": 1}
    switched = qualifier.observe(turn("can we speak French?", 3, intent="change_language", requested="employees",
                                      answer_failures=asked.answer_failures))
    assert switched.answer_failures == {"employees": 1}


def test_an_answer_or_a_message_outside_the_form_counts_no_failure(qualifier):
    qualifier.observe(turn("hello", 1, intent="greet"))
    assert qualifier.observe(turn("about 40 people", 2, requested="employees")).answer_failures == {}
    assert qualifier.observe(turn("what's the weather like?", 3, intent="out_of_scope")).answer_failures == {}
    # a question about the offer that also answers the pending question is an answer
    answered = qualifier.observe(turn("how much would it cost for our 40 staff?", 4, intent="request_info",
                                      requested="employees"))
    assert answered.answers["employees"] == 40 and answered.answer_failures == {}


def test_a_hesitant_answer_the_model_leans_to_read_as_a_refusal_is_an_answer_and_the_form_goes_on(qualifier):
    qualifier.observe(turn("hola", 1, intent="greet", probabilities={"es": 0.99}))
    observation = qualifier.observe(Turn(conversation_id="conv-1", message_id="m2", intent_confidence=0.59,
                                         text="sin prisa, quizá el año que viene", intent="not_interested",
                                         language_probabilities={"es": 0.99}, current_language="es",
                                         requested_slot="timeline_months"))
    assert observation.answered and observation.answers["timeline_months"] == 12
    step = qualifier.form_step("conv-1", requested_slot="timeline_months", answered_now=True, after_user_message=True,
                               text="sin prisa, quizá el año que viene", intent="not_interested",
                               intent_confidence=0.59, language="es", skipped=[], failures={})
    assert step.next_slot is not None and step.next_slot != "timeline_months"


def test_a_not_now_that_names_a_time_answers_when_they_would_buy_however_sure_the_model_is(qualifier):
    qualifier.observe(turn("hallo", 1, intent="greet", probabilities={"de": 0.99}))
    text = "keine Eile, vielleicht nächstes Jahr"
    observation = qualifier.observe(turn(text, 2, intent="not_interested", requested="timeline_months",
                                         language="de", probabilities={"de": 0.99}))
    assert observation.answered and observation.answers["timeline_months"] == 12
    step = qualifier.form_step("conv-1", requested_slot="timeline_months", answered_now=True, after_user_message=True,
                               text=text, intent="not_interested", intent_confidence=0.95, language="de",
                               skipped=[], failures={})
    assert step.next_slot is not None and step.next_slot != "timeline_months"


def test_a_refusal_to_when_they_would_buy_that_names_no_time_still_ends_the_questions(qualifier):
    qualifier.observe(turn("hello", 1, intent="greet"))
    observation = qualifier.observe(turn("not interested, thanks", 2, intent="not_interested",
                                         requested="timeline_months"))
    assert not observation.answered and observation.answers["timeline_months"] is None
    step = qualifier.form_step("conv-1", requested_slot="timeline_months", answered_now=False,
                               after_user_message=True, text="not interested, thanks", intent="not_interested",
                               intent_confidence=0.95, language="en", skipped=[], failures={})
    assert step.digression


def test_a_sure_refusal_answers_nothing_and_ends_the_questions(qualifier):
    qualifier.observe(turn("hello", 1, intent="greet"))
    observation = qualifier.observe(turn("no thanks, not interested at all", 2, intent="not_interested",
                                         requested="employees"))
    assert not observation.answered
    step = qualifier.form_step("conv-1", requested_slot="employees", answered_now=False, after_user_message=False,
                               text="no thanks, not interested at all", intent="not_interested",
                               intent_confidence=0.95, language="en", skipped=[], failures={})
    assert step.next_slot is None


def test_a_company_name_the_intent_model_calls_off_topic_is_still_read_as_the_name(qualifier):
    qualifier.observe(turn("hello", 1, intent="greet"))
    observation = qualifier.observe(turn("Taller Luz", 2, intent="out_of_scope", requested="company_name",
                                         language="es"))
    assert observation.answers["company_name"] == "Taller Luz"


def test_an_off_topic_question_while_a_name_is_asked_stays_a_digression(qualifier):
    qualifier.observe(turn("hello", 1, intent="greet"))
    observation = qualifier.observe(turn("what's the weather in Madrid?", 2, intent="out_of_scope",
                                         requested="company_name", language="en"))
    assert observation.answers["company_name"] is None
    step = qualifier.form_step("conv-1", requested_slot="company_name", answered_now=False, after_user_message=True,
                               text="what's the weather in Madrid?", intent="out_of_scope", intent_confidence=0.99,
                               language="en", skipped=[], failures={})
    assert step.digression


def test_a_hot_prospect_is_handed_off_once_and_the_rep_is_notified(qualifier, notifier):
    qualifier.observe(turn("we are a company of 120 people in France, we need a CRM next month", 1))
    qualifier.observe(turn("we want a quote", 2, intent="buy_intent"))
    first = qualifier.conclude("conv-1")
    again = qualifier.conclude("conv-1")
    assert first.handed_off and first.temperature == Temperature.HOT
    assert again.handed_off
    assert len(notifier.sent) == 1
    payload = notifier.sent[0]["payload"]
    assert payload["prospect"]["temperature"] == "hot"
    assert payload["prospect"]["answers"]["employees"] == 120
    assert notifier.sent[0]["target"] == "http://127.0.0.1:9/hooks/lead"


def test_a_cold_prospect_is_not_handed_off(qualifier, notifier):
    qualifier.observe(turn("just looking", 1, intent="not_interested"))
    assert qualifier.conclude("conv-1").handed_off is False
    assert notifier.sent == []


def test_a_rep_that_cannot_be_reached_leaves_the_lead_in_the_outbox(qualifier, notifier):
    notifier.fail = True
    qualifier.observe(turn("we want to order 500 units next month for our 300 employees in Germany", 1, intent="buy_intent"))
    qualifier.conclude("conv-1", reason="ask_human")
    pending = qualifier.repository.pending_notifications()
    assert len(pending) == 1 and pending[0]["status"] == "failed"
    notifier.fail = False
    assert qualifier.deliver_pending() == (1, 0)
    assert qualifier.repository.pending_notifications() == []


def test_an_opt_out_erases_what_was_said_before(qualifier):
    qualifier.observe(turn("my email is anna@example.com", 1))
    qualifier.observe(turn("delete my data", 2, intent="opt_out"))
    prospect = qualifier.repository.by_conversation("conv-1")
    assert prospect["email"] is None and prospect["opted_out_at"] is not None


def test_what_a_company_wants_to_buy_is_not_taken_for_its_sector(qualifier):
    qualifier.observe(turn("for my company", 1, requested="customer_type"))
    observation = qualifier.observe(turn("a payroll software for our teams", 2, requested="need", language="en"))
    assert observation.answers["need"] == "a payroll software for our teams"
    assert observation.answers["sector"] is None
