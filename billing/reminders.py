"""When each notification and each charge attempt is due: pure rules over a company's reminder
settings, its time zone and the operator's charge and due days. Everything happens at the
company's reminder time in its own zone."""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from billing.calendar import local_date
from billing.errors import Invalid

RETRY_AFTER_DAYS = (3, 7)  # a failed charge is tried again this many days after the charge day
PAYMENT_DUE_DAYS_BEFORE = 3
OVERDUE_EVERY_DAYS = 7
MAX_DAYS = 28  # every month has 28 days: a reminder never reaches back past the last charge day
_TIME = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")


@dataclass(frozen=True)
class Schedule:
    """A company's reminder settings."""

    timezone: str = "UTC"
    at: time = time(9, 0)
    days_before: int = 3
    on: bool = True

    def moment(self, day: date) -> datetime:
        """The reminder time on a local day, in UTC."""
        local = datetime.combine(day, self.at, tzinfo=ZoneInfo(self.timezone))
        return local.astimezone(UTC)

    def next_moment(self, now: datetime) -> datetime:
        """The first reminder time at or after now."""
        today = local_date(now, self.timezone)
        moment = self.moment(today)
        return moment if moment >= now else self.moment(today + timedelta(days=1))

    def charge_upcoming_at(self, charge_on: date) -> datetime:
        return self.moment(charge_on - timedelta(days=self.days_before))

    def payment_due_at(self, due_on: date) -> datetime:
        return self.moment(due_on - timedelta(days=PAYMENT_DUE_DAYS_BEFORE))

    def charge_at(self, charge_on: date, attempt: int) -> datetime | None:
        """Attempt 0 on the charge day, then the retries; None when no tries are left."""
        if attempt == 0:
            return self.moment(charge_on)
        if attempt <= len(RETRY_AFTER_DAYS):
            return self.moment(charge_on + timedelta(days=RETRY_AFTER_DAYS[attempt - 1]))
        return None

    def overdue_round(self, due_on: date, now: datetime) -> int | None:
        """Which overdue reminder is due now: 0 the day after the due day, then one a week;
        None before the first. Only the latest round counts, so a missed week is not sent late."""
        first = due_on + timedelta(days=1)
        today = local_date(now, self.timezone)
        if today < first:
            return None
        weeks = (today - first).days // OVERDUE_EVERY_DAYS
        round_day = first + timedelta(days=weeks * OVERDUE_EVERY_DAYS)
        if now < self.moment(round_day):
            return weeks - 1 if weeks > 0 else None
        return weeks


def check_days(days: int) -> int:
    if not 1 <= days <= MAX_DAYS:
        raise Invalid(f"Reminders go 1 to {MAX_DAYS} days before the charge day, not {days}.")
    return days


def parse_days(text: str) -> int:
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 9:
        raise Invalid(f"“{text[:20]}” is not a number of days (1 to {MAX_DAYS}).")
    return check_days(int(digits))


def check_time(text: str) -> str:
    """A 24-hour time of day, `9:00` or `09:00`, as stored: `09:00`."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        raise Invalid(f"“{text[:20]}” is not a time of day (24-hour HH:MM, like 09:00 or 17:30).")
    return f"{int(match[1]):02d}:{match[2]}"


def parse_time(text: str) -> time:
    hours, minutes = check_time(text).split(":")
    return time(int(hours), int(minutes))


def card_expires_first(card_expires: date | None, charge_on: date) -> bool:
    """The saved card stops working before the charge day."""
    return card_expires is not None and card_expires < charge_on


def last_day_of_card(exp_month: int, exp_year: int) -> date:
    """A card is good through the last day of its expiry month."""
    if exp_month == 12:
        return date(exp_year, 12, 31)
    return date(exp_year, exp_month + 1, 1) - timedelta(days=1)
