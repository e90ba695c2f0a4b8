"""A question asked in a thread that already has a subject: "and last month?", "what about
shop?" keep the thread's question; any question there keeps the thread's company unless it
names another."""

import re

from billing.periods import Month
from bot.questions.months import NAMES, month_asked
from bot.questions.reader import PLACEHOLDERS, Question
from bot.questions.vocabulary import word_set

_LEAD = re.compile(
    r"^(and|what about|how about|same for|same|also|ok and|and for|what of|now|then|for)\b"
)
_FILLER = {
    *word_set("and what about how same for also ok of now then the a an one please pls thanks"),
    *word_set("month before previous prior last this current that in it its"),
    *NAMES,
    *(n[:3] for n in NAMES),
    *PLACEHOLDERS.values(),
}


def is_follow_up(question: Question) -> bool:
    """Only a name or a month beyond a lead word: it asks the thread's question again."""
    rest = [w for w in question.plain.split() if w not in _FILLER]
    names_something = bool(question.app or question.company or question.month)
    if rest:
        return False
    return bool(_LEAD.search(question.plain)) or names_something


def month_meant(asked: str | None, talked_about: Month | None, current: Month) -> Month | None:
    """The month `asked` (see months.month_asked) means when asked in `current`."""
    match asked:
        case None:
            return None
        case "before":
            return (talked_about or current).previous()
        case "last":
            return current.previous()
        case "this":
            return current
    number = int(asked)
    year = current.year if number <= current.month else current.year - 1
    return Month(year, number)


__all__ = ["is_follow_up", "month_asked", "month_meant"]
