"""The first reader, kept for comparison only: cue phrases with weights per intent (the reader
billbot shipped before the intent model). bench/compare_readers.py scores it beside the model.
It knows only the intents it was written for."""

import re
from dataclasses import dataclass

_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december)"
_TIERS = r"(basic|premium|pro|free|starter|business|enterprise|paid)"


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    weight: int
    weak: bool = False  # counts only in a question about billing


def _cues(*rules: tuple[str, int] | tuple[str, int, bool]) -> tuple[Cue, ...]:
    return tuple(Cue(re.compile(r[0]), r[1], bool(r[2]) if len(r) > 2 else False) for r in rules)


CUES: dict[str, tuple[Cue, ...]] = {
    "next_charge": _cues(
        (r"\b(next|upcoming)\b", 3, True),
        (r"\bagain\b", 2, True),
        (r"\b(estimated?|forecast|projected|expected)\b", 2),
        (r"\bhow much will\b", 2, True),
        (r"\bwhen (will|do|does|is|are|you)\b.*\b(charged?|billed|debit(ed)?|invoiced)\b", 1),
        (r"\brenew(al)?\b", 2),
        (r"\bautopay\b", 3),
        (r"\b(coming out|going on the card)\b", 2, True),
        (r"\bon the (1st|first)\b", 2, True),
        (rf"\bhow much is (this month|next month|{_MONTH})\b|\b{_MONTH} looking\b", 3, True),
    ),
    "due": _cues(
        (r"\bdue\b", 3),
        (r"\b(owe|owed|owes|owing)\b", 3),
        (r"\b(balance|outstanding|deadline)\b", 3),
        (r"\bamount\b", 1, True),
        (r"\b(currently|right now|by when|atm|this cycle|current invoice)\b", 1, True),
        (r"\b(tab|payable|open amount|on the hook)\b", 3, True),
        (r"\b(cutoff|cut off|by what date|needs? paying)\b", 2, True),
        (r"\btotal\b", 1, True),
    ),
    "last_statement": _cues(
        (r"\b(last|latest|previous|recent)\b", 2, True),
        (r"\b(breakdown|itemi[sz]ed|line by line|receipt)\b", 3),
        (r"\b(statement|invoice|bill)s?\b", 1),
        (r"\b(high|expensive)\b", 1, True),
        (r"\b(made up of|what it was|what was in)\b", 2, True),
    ),
    "overdue": _cues(
        (r"\b(overdue|past due|arrears|delinquent)\b", 5),
        (r"\b(late|behind|unpaid|miss(ed)?|not paid)\b", 3, True),
        (r"\bfailed\b", 2, True),
        (r"\bin the red\b|\bforg[eo]t to pay\b|\bpast (its|the) due\b", 5),
        (r"\b(slip\w*|caught up)\b", 3, True),
    ),
    "app_plan": _cues(
        (r"\b(plan|plans|tier|tiers|package|subscription|level)\b.*<app>", 3),
        (r"<app>.*\b(plan|plans|tier|tiers|package|subscription|level)\b", 3),
        (r"\b(our|we on|are we on)\b.*\bplans?\b", 3),
        (r"\bapps?\b.*\bplans?\b|\bplans?\b.*\bapps?\b", 3),
        (r"<app>.*<plan>|<plan>.*<app>", 3),
        (rf"<app>.*\b{_TIERS}\b.*\bor\b|<app>.*\bon (the )?{_TIERS}\b", 2),
    ),
    "billing_access": _cues(
        (r"\bwho\b", 2, True),
        (r"\baccess\b", 2),
        (r"\b(contacts?|handles)\b", 1, True),
        (r"\bpeople\b", 1, True),
        (r"\b(which|what) people\b", 2, True),
        (r"\b(anyone (else|besides)|eyes on|finance (person|people|team|contact))\b", 2, True),
    ),
    "pay": _cues(
        (r"\b(card|cards)\b", 2),
        (r"\bpayment (method|details)\b", 3),
        (r"\b(update|change|add|swap|replace|expired|enter)\b", 2, True),
        (r"\bhow (do|can|should|would|to)( i| we)? pay\b", 4),
        (r"\bwhere (do|can)( i| we)? pay\b", 4),
        (r"\b(link|bank)\b", 2, True),
        (r"\bpay\b", 1),
        (r"\b(visa|amex|mastercard|ach|sepa|direct debit)\b", 3),
        (r"\b(settle|where do i put|new number)\b", 2, True),
        (r"\bpay now\b|\b(like|want|wanna) to pay\b", 2),
        (r"\b(somewhere|where) to pay\b", 3),
        (r"\bon file\b", 1, True),
    ),
    "permissions": _cues(
        (r"\bmy (role|roles|permissions?|rights|access)\b", 5),
        (r"\b(what|which) (role|roles)\b", 3),
        (r"\b(what|which) can i\b", 4),
        (r"\bwhat am i\b|\bam i (allowed|able)\b", 3),
        (r"\bam i\b", 2),
        (r"\b(do|can) i have\b", 3),
        (r"\ballowed\b", 2),
        (r"\bcan i\b", 2),
        (r"\bpermissions?\b", 2),
        (r"\b(admin|owner|viewer|invite)\b", 1, True),
        (r"\bprivileges?\b", 3),
        (r"\bmy (account|membership)\b|\bmembership\b|\bmyself\b|\b(can|could) i add\b", 2, True),
    ),
}


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


def cue_intent(text: str, companies=(), apps=(), plans=()) -> str:
    """The old reader's intent for `text` ("unknown" when no cue scores)."""
    from bot.questions.names import app_keys, company_keys, find_name
    from bot.questions.vocabulary import canonical, words_of

    words = words_of(text[:500])
    _, words = find_name(words, app_keys(tuple(sorted(apps))), "<app>")
    _, words = find_name(words, app_keys(tuple(sorted(plans))), "<plan>")
    _, words = find_name(words, company_keys(tuple(sorted(companies))), "<company>")
    plain = " ".join(canonical(w) for w in words)
    if re.search(
        r"\b(what can you do|what do you do|who are you|help)\b", plain
    ) and not BILLING.search(plain):
        return "unknown"
    return best_intent(plain)
