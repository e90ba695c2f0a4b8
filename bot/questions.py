"""From a question typed to @billbot to what it asks and about which company or app.

Pure and deterministic (no network model): the words are normalized, misspellings are mapped
onto a small vocabulary with rapidfuzz, company and app names are found fuzzily among the
names the asker may ask about, and each intent scores the cue phrases it finds. Weak cues
("who", "next", "last") count only when the question is about billing at all, so "who won
last night" is not a billing question.
"""

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

INTENTS = (
    "next_charge",
    "due",
    "last_statement",
    "overdue",
    "app_plan",
    "billing_access",
    "pay",
    "permissions",
    "unknown",
)
_ORDER = {intent: n for n, intent in enumerate(("permissions", "pay", "overdue", "app_plan"))}
MAX_QUESTION = 500  # characters read; the rest of a pasted essay is ignored


@dataclass(frozen=True)
class Question:
    intent: str  # one of INTENTS
    company: str | None = None  # as spelled in the names given, when the question names one
    app: str | None = None  # likewise for an app


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words the cues are written with; a misspelled word maps onto the closest one.
VOCABULARY = _set(
    """
    access accounts admin admins again allowed amount arrears balance bank behind bill billed
    billing bills breakdown card cards change charge charged charges charging contact contacts
    cost costs credit currently deadline debit debited debits delinquent details due estimate
    estimated expect expected expired failed forecast handles help hello high invoice invoiced
    invoices itemised itemized late latest level link manage method missed next outstanding
    overdue owe owed owes owing owner package paid pay paying payment payments people
    permission permissions plan plans previous pricing projected receipt receives recent renew
    renewal replace rights role roles statement statements subscription swap tier tiers
    unpaid upcoming update what when which autopay cycle payable cutoff total forgot forget
    caught privileges membership settle finance anyone besides teammate myself
    """
)
# Words that make a question about billing, so that weak cues may count.
_BILLING = re.compile(
    r"\b(access|amount|balance|bank|bills?|billed|billing|card|charged?|charges|charging|cost|"
    r"debit(ed)?|due|estimate|invoiced?|invoices|late|overdue|owed?|owes|owing|paid|pay|paying|"
    r"payments?|permissions?|plans?|receipt|renew\w*|role|statements?|subscription|tiers?|"
    r"unpaid|arrears|outstanding|autopay|cycle|tab|payable|cutoff|total|visa|amex|mastercard|"
    r"ach|sepa|settle|finance|privileges|membership|how much)\b|<app>|<company>|<plan>"
)
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december)"
_TIERS = r"(basic|premium|pro|free|starter|business|enterprise|paid)"


@dataclass(frozen=True)
class _Cue:
    pattern: re.Pattern[str]
    weight: int
    weak: bool = False  # counts only in a question about billing


def _cues(*rules: tuple[str, int] | tuple[str, int, bool]) -> tuple[_Cue, ...]:
    return tuple(_Cue(re.compile(r[0]), r[1], bool(r[2]) if len(r) > 2 else False) for r in rules)


CUES: dict[str, tuple[_Cue, ...]] = {
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
_NOT_A_QUESTION = re.compile(r"\b(what can you do|what do you do|who are you|help)\b")
_MENTION = re.compile(r"<[@#!][^>]*>")
_WORD = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*|&")
_NAME_NOISE = _set("& and the inc ltd llc gmbh corp corporation co company sa ag plc")


def understand(
    text: str,
    companies: Collection[str] = (),
    apps: Collection[str] = (),
    plans: Collection[str] = (),
) -> Question:
    """What is asked (an intent of INTENTS) and which company or app it names, if any."""
    words = _words(text[:MAX_QUESTION])
    app, words = _find(words, _app_keys(tuple(sorted(apps))), "<app>")
    _, words = _find(words, _app_keys(tuple(sorted(plans))), "<plan>")
    company, words = _find(words, _company_keys(tuple(sorted(companies))), "<company>")
    plain = " ".join(_canonical(w) for w in words)
    if _NOT_A_QUESTION.search(plain) and not _BILLING.search(plain):
        return Question("unknown", company, app)
    return Question(_intent(plain), company, app)


def _intent(plain: str) -> str:
    about_billing = bool(_BILLING.search(plain))
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


def _words(text: str) -> list[str]:
    text = _MENTION.sub(" ", text).lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"n't\b", " not", text).replace("'", "")
    return _WORD.findall(text)


@cache
def _canonical(word: str) -> str:
    """The vocabulary word a misspelling means ("paymnet" → "payment"), or the word itself."""
    if word in VOCABULARY or len(word) < 3 or not word.isalpha():
        return word
    cutoff = 85 if len(word) < 5 else 80
    found = process.extractOne(word, _LONG_WORDS, scorer=fuzz.ratio, score_cutoff=cutoff)
    # a typo rarely changes the first letter: "going" is not "owing"
    return found[0] if found and found[0][0] == word[0] else word


_LONG_WORDS = sorted(w for w in VOCABULARY if len(w) >= 4)


@cache
def _app_keys(apps: tuple[str, ...]) -> dict[str, str]:
    """key → app name; a key is the name without separators ("acme-blog" → "acmeblog")."""
    return {re.sub(r"[^a-z0-9]", "", name.lower()): name for name in apps if name.strip()}


@cache
def _company_keys(companies: tuple[str, ...]) -> dict[str, str]:
    """key → company name: its words without "& Sons"-like noise, and its first word alone."""
    keys: dict[str, str] = {}
    for name in companies:
        words = [w for w in _words(name) if w not in _NAME_NOISE]
        if not words:
            continue
        keys.setdefault("".join(words), name)
        first = words[0].replace("-", "").replace("_", "")
        if len(first) >= 4 and first not in VOCABULARY:
            keys.setdefault(first, name)
    return keys


def _find(words: list[str], keys: dict[str, str], placeholder: str) -> tuple[str | None, list[str]]:
    """The best-matching name among `keys` in 1-4 word windows, and the words with it replaced."""
    if not keys:
        return None, words
    best: tuple[float, int, int, str] | None = None
    for start, end, joined in _windows(words):
        if all(w in VOCABULARY for w in words[start:end]):
            continue
        if joined in keys:
            score = 100.0
            name = keys[joined]
        elif len(joined) >= 5:
            found = process.extractOne(joined, list(keys), scorer=fuzz.ratio, score_cutoff=85)
            if found is None:
                continue
            score, name = found[1], keys[found[0]]
        else:
            continue
        candidate = (score, end - start, -start, name)
        if best is None or candidate[:3] > best[:3]:
            best = candidate
    if best is None:
        return None, words
    score, length, negative_start, name = best
    start = -negative_start
    return name, [*words[:start], placeholder, *words[start + length :]]


def _windows(words: list[str]) -> Iterable[tuple[int, int, str]]:
    for start in range(len(words)):
        for end in range(start + 1, min(start + 4, len(words)) + 1):
            yield start, end, "".join(re.sub(r"[^a-z0-9]", "", w) for w in words[start:end])
