"""Which intent a question's words ask: each intent scores the cues it finds, the best wins."""

import re

from bot.questions.cues import CUES

# Words that make a question about billing, so that weak cues may count.
BILLING = re.compile(
    r"\b(access|amount|balance|bank|bills?|billed|billing|card|charged?|charges|charging|cost|"
    r"debit(ed)?|due|estimate|invoiced?|invoices|late|overdue|owed?|owes|owing|paid|pay|paying|"
    r"payments?|permissions?|plans?|receipt|renew\w*|role|statements?|subscription|tiers?|"
    r"unpaid|arrears|outstanding|autopay|cycle|tab|payable|cutoff|total|visa|amex|mastercard|"
    r"ach|sepa|settle|finance|privileges|membership|how much)\b|<app>|<company>|<plan>"
)
# among intents with the same score, the first of these wins; the others after them
_ORDER = {intent: n for n, intent in enumerate(("permissions", "pay", "overdue", "app_plan"))}


def best_intent(plain: str) -> str:
    """The intent whose cues score highest in `plain` (canonical words), or "unknown"."""
    about_billing = bool(BILLING.search(plain))
    scores = {
        intent: sum(
            c.weight for c in cues if (about_billing or not c.weak) and c.pattern.search(plain)
        )
        for intent, cues in CUES.items()
    }
    best = max(scores.values())
    if best < 2:
        return "unknown"
    tied = [intent for intent, score in scores.items() if score == best]
    return min(tied, key=lambda intent: _ORDER.get(intent, len(_ORDER)))
