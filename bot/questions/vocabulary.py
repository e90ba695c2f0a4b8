"""The words of a question: mentions dropped, contractions opened, and misspellings mapped onto
the small vocabulary the cues are written with ("paymnet" → "payment")."""

import re
from functools import cache

from rapidfuzz import fuzz, process


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words the cues are written with; a misspelled word maps onto the closest one.
VOCABULARY = word_set(
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
    expire expires expiry expiration valid email emailed address inbox sent apps billable
    costing price monthly history received through receiving app month months right set
    project projects account current receive emails owners this
    """
)
_LONG_WORDS = sorted(w for w in VOCABULARY if len(w) >= 4)
_MENTION = re.compile(r"<[@#!][^>]*>")
_WORD = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*|&")


def words_of(text: str) -> list[str]:
    """Lower-case words, without Slack mentions, possessives or apostrophes."""
    text = _MENTION.sub(" ", text).lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"n't\b", " not", text).replace("'", "")
    return _WORD.findall(text)


@cache
def canonical(word: str) -> str:
    """The vocabulary word a misspelling means ("paymnet" → "payment"), or the word itself."""
    if word in VOCABULARY or len(word) < 3 or not word.isalpha():
        return word
    cutoff = 85 if len(word) < 5 else 80
    found = process.extractOne(word, _LONG_WORDS, scorer=fuzz.ratio, score_cutoff=cutoff)
    # a typo rarely changes the first letter: "going" is not "owing"
    return found[0] if found and found[0][0] == word[0] else word
