"""Company, app and plan names found in a question's words, misspelled or in part, among the
names the asker may ask about (rapidfuzz over 1-4 word windows)."""

import re
from collections.abc import Iterable
from functools import cache

from rapidfuzz import fuzz, process

from bot.questions.vocabulary import VOCABULARY, word_set, words_of

_NAME_NOISE = word_set("& and the inc ltd llc gmbh corp corporation co company sa ag plc")


@cache
def app_keys(apps: tuple[str, ...]) -> dict[str, str]:
    """key → app name; a key is the name without separators ("acme-blog" → "acmeblog")."""
    return {re.sub(r"[^a-z0-9]", "", name.lower()): name for name in apps if name.strip()}


@cache
def company_keys(companies: tuple[str, ...]) -> dict[str, str]:
    """key → company name: its words without "& Sons"-like noise, and its first word alone."""
    keys: dict[str, str] = {}
    for name in companies:
        words = [w for w in words_of(name) if w not in _NAME_NOISE]
        if not words:
            continue
        keys.setdefault("".join(words), name)
        first = words[0].replace("-", "").replace("_", "")
        if len(first) >= 4 and first not in VOCABULARY:
            keys.setdefault(first, name)
    return keys


def find_name(
    words: list[str], keys: dict[str, str], placeholder: str
) -> tuple[str | None, list[str]]:
    """The best-matching name among `keys` in 1-4 word windows, and the words with it replaced."""
    if not keys:
        return None, words
    best: tuple[float, int, int, str] | None = None
    for start, end, joined in _windows(words):
        if all(w in VOCABULARY for w in words[start:end]):
            continue
        found = _match(joined, keys)
        if found is None:
            continue
        candidate = (found[0], end - start, -start, found[1])
        if best is None or candidate[:3] > best[:3]:
            best = candidate
    if best is None:
        return None, words
    _, length, negative_start, name = best
    start = -negative_start
    return name, [*words[:start], placeholder, *words[start + length :]]


def _match(joined: str, keys: dict[str, str]) -> tuple[float, str] | None:
    """(score, name) of the key `joined` spells: exactly, or closely enough when 5+ letters."""
    if joined in keys:
        return 100.0, keys[joined]
    if len(joined) < 5:
        return None
    found = process.extractOne(joined, list(keys), scorer=fuzz.ratio, score_cutoff=85)
    return None if found is None else (found[1], keys[found[0]])


def _windows(words: list[str]) -> Iterable[tuple[int, int, str]]:
    for start in range(len(words)):
        for end in range(start + 1, min(start + 4, len(words)) + 1):
            yield start, end, "".join(re.sub(r"[^a-z0-9]", "", w) for w in words[start:end])
