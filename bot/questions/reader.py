"""From a question typed to @billbot to what it asks and about which company or app.

Pure and deterministic (no network model): the words are normalized, misspellings are mapped
onto a small vocabulary with rapidfuzz, company, app and plan names are found fuzzily among
the names the asker may ask about and replaced by placeholders, and the intent model
(bot/questions/model.py) gives every intent a probability. The likeliest is the answer, its
probability the confidence; when the runner-up is close, the reader says so and bot/ask.py
asks back.
"""

import re
from collections.abc import Collection
from dataclasses import dataclass

from bot.questions.model import model
from bot.questions.months import month_asked
from bot.questions.names import app_keys, company_keys, find_name
from bot.questions.other_bills import other_bill
from bot.questions.vocabulary import canonical, words_of

INTENTS = (
    "next_charge",
    "due_date",
    "due",
    "overdue",
    "last_statement",
    "app_plan",
    "billed_apps",
    "app_cost",
    "billing_access",
    "invoice_email",
    "pay",
    "card_expiry",
    "payments_made",
    "permissions",
    "unknown",  # none of them: not a billing question
)
MAX_QUESTION = 500  # characters read; the rest of a pasted essay is ignored
SURE = 0.5  # at or above this confidence the likeliest intent is answered without asking
CLOSE = 0.2  # below SURE, a runner-up this close to the likeliest is asked about
PLACEHOLDERS = {"<app>": "zzapp", "<company>": "zzcompany", "<plan>": "zzplan"}


@dataclass(frozen=True)
class Question:
    intent: str  # one of INTENTS
    company: str | None = None  # as spelled in the names given, when the question names one
    app: str | None = None  # likewise for an app
    confidence: float = 1.0  # the model's probability of `intent`
    runner_up: str | None = None  # a close second intent worth asking about
    month: str | None = None  # a month named: "YYYY-MM"-free words, see months.month_asked
    other_bill: str | None = None  # some other bill the question mentions ("the power bill")
    plain: str = ""  # the words the model read


def plain_words(
    text: str,
    companies: Collection[str] = (),
    apps: Collection[str] = (),
    plans: Collection[str] = (),
) -> tuple[str, str | None, str | None]:
    """(the words the model reads, the company named, the app named)."""
    words = words_of(text[:MAX_QUESTION])
    app, words = find_name(words, app_keys(tuple(sorted(apps))), "<app>")
    _, words = find_name(words, app_keys(tuple(sorted(plans))), "<plan>")
    company, words = find_name(words, company_keys(tuple(sorted(companies))), "<company>")
    plain = " ".join(PLACEHOLDERS.get(w) or canonical(w) for w in words)
    return plain, company, app


def understand(
    text: str,
    companies: Collection[str] = (),
    apps: Collection[str] = (),
    plans: Collection[str] = (),
) -> Question:
    """What is asked (an intent of INTENTS), how surely, and which company or app it names."""
    plain, company, app = plain_words(text, companies, apps, plans)
    low = " ".join(words_of(text[:MAX_QUESTION]))
    month, other = month_asked(low), other_bill(low)
    if not re.search(r"[a-z]", plain):
        return Question("unknown", company, app, 1.0, None, month, other, plain)
    (intent, confidence), (second, chance) = model().ranked(plain)[:2]
    close = confidence < SURE and confidence - chance < CLOSE and "unknown" not in (intent, second)
    return Question(
        intent, company, app, confidence, second if close else None, month, other, plain
    )
