"""When a month's statement is final: the operator's charge and due days, and the statuses of a
closed statement."""

from dataclasses import dataclass
from datetime import date, datetime

from billing.calendar import local_date
from billing.periods import Month
from billing.reminders import Schedule

CLOSED = ("finalized", "carried", "paid", "past_due", "void")


@dataclass(frozen=True)
class Calendar:
    """The operator's charge and due days (CHARGE_DAY, DUE_DAY)."""

    charge_day: int = 1
    due_day: int = 15

    def charge_on(self, month: Month) -> date:
        return month.next().first_day.replace(day=self.charge_day)

    def due_on(self, month: Month) -> date:
        return month.next().first_day.replace(day=self.due_day)


def month_over(month: Month, timezone: str, now: datetime) -> bool:
    """The month has ended on the company's own clock."""
    return local_date(now, timezone) >= month.next().first_day


def charge_moment_come(schedule: Schedule, calendar: Calendar, month: Month, now: datetime) -> bool:
    """The charge day's reminder time has come on the company's clock (when the scheduler
    closes the month)."""
    return schedule.moment(calendar.charge_on(month)) <= now
