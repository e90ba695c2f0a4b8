"""Readers of time: days, months, time zones, days before, and times of day."""

import re
from datetime import date
from functools import cache
from zoneinfo import available_timezones

from billing.periods import Month
from billing.reminders import check_time, parse_days
from bot.grammar.errors import Bad
from bot.grammar.tokens import Token

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def day(tok: Token) -> date:
    """A date written YYYY-MM-DD."""
    if _DATE.fullmatch(tok.text) and not tok.escape:
        try:
            return date(int(tok.text[:4]), int(tok.text[5:7]), int(tok.text[8:]))
        except ValueError:
            pass
    raise Bad(f"{tok.shown} is not a date (use YYYY-MM-DD).")


def month(tok: Token) -> Month:
    if tok.escape:
        raise Bad(f"{tok.shown} is not a month (use YYYY-MM).")
    return Month.parse(tok.text)


@cache
def _zones() -> dict[str, str]:
    return {zone.lower(): zone for zone in available_timezones()}


def timezone(tok: Token) -> str:
    """An IANA zone name in any case, as the zone database spells it."""
    zone = _zones().get(tok.text.lower())
    if zone is None:
        raise Bad(f"{tok.shown} is not a time zone (use an IANA name like Europe/Berlin or UTC).")
    return zone


def days(tok: Token) -> int:
    return parse_days(tok.text)


def time(tok: Token) -> str:
    return check_time(tok.text)
