"""From seeds to the corpus: each seed's slots filled with names unlike the test world's, then
typed the way people type in chat (greetings, "pls", dropped apostrophes, a typo or two).

Deterministic: one seeded random generator, so the same seeds give the same corpus.
`python -m bot.questions.corpus.expand` rewrites corpus.tsv beside it.
"""

import random
import re
from pathlib import Path

HERE = Path(__file__).parent
SEEDS, CORPUS = HERE / "seeds.txt", HERE / "corpus.tsv"
VARIANTS = 6  # typed variants of each seed, besides the seed itself

# The names the slots are filled with, and that the reader is told of while learning, so that
# it learns the placeholders a found name leaves, not these names.
COMPANIES = ("Umbrella Corp", "Hooli", "Stark Industries", "Vandelay Imports", "Wayne Enterprises")
APPS = ("webshop", "api-gateway", "landing-page", "crm", "mobile-backend", "docs-site")
PLANS = ("Starter", "Business", "Premium")
MONTHS = ("january", "march", "june", "september", "november", "december", "last month's")
OTHER_BILLS = (
    "power bill",
    "electricity bill",
    "phone bill",
    "internet bill",
    "gas bill",
    "water bill",
    "aws bill",
    "amex",
    "credit card bill",
    "rent",
    "visa",
    "mobile plan",
)
_SLOTS = {"co": COMPANIES, "app": APPS, "plan": PLANS, "month": MONTHS, "other": OTHER_BILLS}

_OPENINGS = (
    "hey, ",
    "hi billbot, ",
    "quick q: ",
    "quick question, ",
    "sorry to bother, ",
    "hey bot ",
    "morning! ",
    "can you tell me ",
    "do you know ",
    "question: ",
    "hello, ",
    "yo ",
)
_CLOSINGS = ("?", " pls", " please", " thanks", " thx", "??", "!", " asap", " :pray:", " ty")
_CHAT = (  # (pattern, replacement): how chat shortens words
    (r"\bwhat's\b", "whats"),
    (r"\bwhat is\b", "whats"),
    (r"\bplease\b", "pls"),
    (r"\byou\b", "u"),
    (r"\bare\b", "r"),
    (r"\bwhen's\b", "whens"),
    (r"\bdon't\b", "dont"),
    (r"\bisn't\b", "isnt"),
    (r"\bwe're\b", "were"),
    (r"\bthe\b ", ""),
    (r"\bour\b", "r"),
    (r"\btonight\b", "tonite"),
)


def seeds() -> list[tuple[str, str]]:
    """(intent, seed) pairs, in the file's order."""
    found: list[tuple[str, str]] = []
    intent = None
    for line in SEEDS.read_text().splitlines():
        line = line.strip()
        if line.startswith("## "):
            intent = line[3:].strip()
        elif line and not line.startswith("#") and intent:
            found.append((intent, line))
    return found


def fill(seed: str, rng: random.Random) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: rng.choice(_SLOTS[m.group(1)]), seed)


def typo(word: str, rng: random.Random) -> str:
    """One slip of the fingers: a letter dropped, doubled or swapped with the next."""
    if len(word) < 4 or not word.isalpha():
        return word
    at = rng.randrange(1, len(word) - 1)
    slip = rng.randrange(3)
    if slip == 0:
        return word[:at] + word[at + 1 :]
    if slip == 1:
        return word[:at] + word[at] + word[at:]
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def typed(text: str, rng: random.Random) -> str:
    """The seed as someone might type it in chat."""
    if rng.random() < 0.5:
        text = text.lower()
    for pattern, short in _CHAT:
        if rng.random() < 0.3:
            text = re.sub(pattern, short, text)
    words = text.split(" ")
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        at = rng.randrange(len(words))
        words[at] = typo(words[at], rng)
    text = " ".join(words)
    if rng.random() < 0.35:
        text = rng.choice(_OPENINGS) + text
    text = text.rstrip("?!. ")
    if rng.random() < 0.6:
        text += rng.choice(_CLOSINGS)
    return text


def corpus() -> list[tuple[str, str]]:
    """(intent, text) pairs: each seed filled once as written, then VARIANTS typed variants."""
    rng = random.Random(19)
    rows: list[tuple[str, str]] = []
    for intent, seed in seeds():
        rows.append((intent, fill(seed, rng)))
        rows += [(intent, typed(fill(seed, rng), rng)) for _ in range(VARIANTS)]
    return rows


def write() -> int:
    rows = corpus()
    CORPUS.write_text("".join(f"{intent}\t{text}\n" for intent, text in rows))
    return len(rows)


def read() -> list[tuple[str, str]]:
    """The kept corpus.tsv as (intent, text) pairs."""
    rows = []
    for line in CORPUS.read_text().splitlines():
        intent, _, text = line.partition("\t")
        rows.append((intent, text))
    return rows


if __name__ == "__main__":
    print(f"{write()} rows written to {CORPUS}")
