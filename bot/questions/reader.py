"""From a question typed to @billbot to what it asks and about which company or app.

Pure and deterministic (no network model): the words are normalized, misspellings are mapped
onto a small vocabulary with rapidfuzz, company and app names are found fuzzily among the
names the asker may ask about, and each intent scores the cue phrases it finds. Weak cues
("who", "next", "last") count only when the question is about billing at all, so "who won
last night" is not a billing question.
"""

import re
from collections.abc import Collection
from dataclasses import dataclass

from bot.questions.cues import CUES
from bot.questions.names import app_keys, company_keys, find_name
from bot.questions.scoring import BILLING, best_intent
from bot.questions.vocabulary import canonical, words_of

INTENTS = (*CUES, "unknown")  # what a question may ask; "unknown": none of them
MAX_QUESTION = 500  # characters read; the rest of a pasted essay is ignored
_NOT_A_QUESTION = re.compile(r"\b(what can you do|what do you do|who are you|help)\b")


@dataclass(frozen=True)
class Question:
    intent: str  # one of INTENTS
    company: str | None = None  # as spelled in the names given, when the question names one
    app: str | None = None  # likewise for an app


def understand(
    text: str,
    companies: Collection[str] = (),
    apps: Collection[str] = (),
    plans: Collection[str] = (),
) -> Question:
    """What is asked (an intent of INTENTS) and which company or app it names, if any."""
    words = words_of(text[:MAX_QUESTION])
    app, words = find_name(words, app_keys(tuple(sorted(apps))), "<app>")
    _, words = find_name(words, app_keys(tuple(sorted(plans))), "<plan>")
    company, words = find_name(words, company_keys(tuple(sorted(companies))), "<company>")
    plain = " ".join(canonical(w) for w in words)
    if _NOT_A_QUESTION.search(plain) and not BILLING.search(plain):
        return Question("unknown", company, app)
    return Question(best_intent(plain), company, app)
