"""The question reader alone: names found fuzzily, mentions ignored, nothing but intents out."""

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.questions.reader import INTENTS, MAX_QUESTION, understand

COMPANIES = ["Acme & Sons", "Globex Corporation", "Initech", "Billing Co"]
APPS = ["shop", "acme-blog", "tps-reports"]


def test_company_names_are_found_misspelled_possessive_or_in_part():
    for text, company in [
        ("next charge for <@U1> globx?", "Globex Corporation"),
        ("what does initec's owe", "Initech"),
        ("acme n sons balance", "Acme & Sons"),
        ("ACME & SONS overdue?", "Acme & Sons"),
        ("who has billing access", None),  # "billing" is a word here, not "Billing Co"
    ]:
        assert understand(text, COMPANIES, APPS).company == company, text


def test_an_app_is_found_with_or_without_its_dashes():
    read = understand("what plan is tps reports on", COMPANIES, APPS)
    assert (read.intent, read.company, read.app) == ("app_plan", None, "tps-reports")
    assert understand("which tier is acme-blog on", COMPANIES, APPS).app == "acme-blog"


def test_what_is_not_about_billing_is_unknown():
    for text in ("who won last night", "when is the next standup", "help", "what can you do"):
        assert understand(text, COMPANIES, APPS).intent == "unknown", text


def test_a_long_question_is_read_only_to_its_limit():
    padded = "x " * MAX_QUESTION + "overdue?"
    assert understand(padded, COMPANIES, APPS).intent == "unknown"
    assert understand("overdue? " + padded, COMPANIES, APPS).intent == "overdue"


def test_thousands_of_companies_are_matched_by_name():
    many = [f"Client {n:04d} GmbH" for n in range(3000)] + ["Globex Corporation"]
    assert understand("what does globex owe", many, []).company == "Globex Corporation"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_one_of_the_intents(text):
    question = understand(text, COMPANIES, APPS)
    assert question.intent in INTENTS
    assert question.company in (None, *COMPANIES) and question.app in (None, *APPS)
