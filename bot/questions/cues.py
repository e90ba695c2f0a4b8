"""The cue phrases of each intent and their weights, written over the vocabulary's words and
the placeholders a found name leaves (<app>, <company>, <plan>). Weak cues ("who", "next",
"last") count only in a question about billing."""

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
