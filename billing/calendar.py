"""Time zones and local dates: a company's day is the day on its own clock."""

from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from billing.errors import Invalid


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def check_timezone(name: str) -> str:
    if name not in _zones():
        raise Invalid(f"“{name}” is not a time zone (use an IANA name such as Europe/Berlin).")
    try:
        return ZoneInfo(name).key
    except ZoneInfoNotFoundError as error:
        raise Invalid(f"“{name}” is not a time zone on this machine.") from error


def local_date(now: datetime, timezone: str) -> date:
    if now.tzinfo is None:
        raise ValueError("`now` must be timezone-aware")
    return now.astimezone(ZoneInfo(timezone)).date()
