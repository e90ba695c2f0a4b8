"""The intent model: read with numpy exactly as scikit-learn computed it, trained on the corpus
kept in the repo, deterministic, with a confidence and a close runner-up to ask about."""

import hashlib

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from billing.periods import Month
from bot.questions.corpus import expand
from bot.questions.follow_ups import is_follow_up, month_meant
from bot.questions.model import Ngrams, model
from bot.questions.other_bills import other_bill
from bot.questions.reader import INTENTS, understand

COMPANIES = ["Acme & Sons", "Globex Corporation", "Initech"]
APPS = ["shop", "acme-blog", "globex-api", "tps-reports"]
SENTENCES = [
    "payment payment next next next",
    "when is our next payment?",
    "whats the balnce, incl. anything carried over",
    "who gets the invoices  and why",
    "a",
    "zzapp plan?",
]


@pytest.mark.parametrize(("analyzer", "low", "high"), [("word", 1, 2), ("char_wb", 2, 5)])
def test_the_ngrams_are_weighed_as_scikit_learn_weighs_them(analyzer, low, high):
    fitted = TfidfVectorizer(analyzer=analyzer, ngram_range=(low, high), sublinear_tf=True)
    expected = fitted.fit_transform(SENTENCES).toarray()
    ours = Ngrams(analyzer, low, high, dict(fitted.vocabulary_), fitted.idf_)
    for row, text in enumerate(SENTENCES):
        got = np.zeros(len(fitted.vocabulary_))
        for col, value in ours.vector(text).items():
            got[col] = value
        assert np.allclose(got, expected[row]), text


def test_the_shipped_model_was_trained_on_the_corpus_kept_beside_it():
    assert expand.read() == expand.corpus()  # corpus.tsv is what the seeds expand to
    with np.load(expand.HERE.parent / "model.npz") as data:
        trained_on = str(data["corpus_sha256"])
    assert trained_on == hashlib.sha256(expand.CORPUS.read_bytes()).hexdigest()
    assert sorted(model().intents) == sorted(INTENTS)


def test_each_answer_has_a_confidence_and_the_same_words_get_the_same_answer():
    for text in ("when is the bill due?", "what is our balance", "who gets the invoices?"):
        first, again = understand(text, COMPANIES, APPS), understand(text, COMPANIES, APPS)
        assert first == again and 0.5 <= first.confidence <= 1.0, first
    assert understand("when is the bill due?").intent == "due_date"
    assert understand("what is our balance").intent == "due"
    assert understand("who gets the invoices?").intent == "invoice_email"
    assert understand("which apps are billed to us?").intent == "billed_apps"
    assert understand("how much is shop costing us?", COMPANIES, APPS).intent == "app_cost"
    assert understand("what can I do here?").intent == "permissions"


def test_a_close_runner_up_is_named_and_a_clear_answer_has_none():
    torn = understand("payment status")
    assert (torn.intent, torn.runner_up) == ("payments_made", "overdue")
    assert understand("when is our next payment?").runner_up is None


def test_follow_ups_are_a_name_or_a_month_after_a_lead_word():
    for text in ("and last month?", "what about shop?", "and shop?", "for globex?", "and march"):
        assert is_follow_up(understand(text, COMPANIES, APPS)), text
    for text in ("is anything overdue?", "and when is it due?", "hello"):
        assert not is_follow_up(understand(text, COMPANIES, APPS)), text


def test_months_are_read_relative_to_now_or_to_the_thread():
    december = Month(2026, 12)
    assert month_meant("last", None, december) == Month(2026, 11)
    assert month_meant("before", Month(2026, 10), december) == Month(2026, 9)
    assert month_meant("3", None, december) == Month(2026, 3)
    assert month_meant("12", None, Month(2027, 2)) == Month(2026, 12)
    assert understand("show the march statement").month == "3"
    assert understand("may I see the statement").month is None


def test_other_bills_are_noticed():
    assert other_bill("did the power bill go through? and ours here?") == "power bill"
    assert other_bill("when is our bill due") is None
