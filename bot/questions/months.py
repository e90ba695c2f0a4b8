"""The month a question names, in words relative to the month it is asked in or the month a
thread was about: "last month", "the month before", "march"."""

import re

NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_SHORT = {name[:3]: n for n, name in enumerate(NAMES, 1)}
_BEFORE = re.compile(r"\b(month before|previous month|before that|prior month|one before)\b")
_LAST = re.compile(r"\blast month\b")
_THIS = re.compile(r"\b(this month|current month)\b")
_NAMED = re.compile(r"\b(" + "|".join([*NAMES, *_SHORT]) + r")\b")


def month_asked(plain: str) -> str | None:
    """ "before" (the month before the one talked about), "last", "this", a month's number
    "1".."12", or None when no month is named. "may" counts only with a statement word."""
    if _BEFORE.search(plain):
        return "before"
    if _LAST.search(plain):
        return "last"
    if _THIS.search(plain):
        return "this"
    for found in _NAMED.finditer(plain):
        word = found.group(1)
        if word == "may" and not re.search(
            r"\b(in|for|of|from) may\b|\bmay('s)? (bill|invoice|statement)", plain
        ):
            continue
        return str(NAMES.index(word) + 1 if word in NAMES else _SHORT[word])
    return None
