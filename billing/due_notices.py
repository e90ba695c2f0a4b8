"""Which reminders are due at a moment: pure rules over a company's schedule, its statements'
days and `now`. (When exactly each is due lives in billing/reminders.py.)"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from billing.calendar import local_date
from billing.closing import Calendar
from billing.periods import Month
from billing.reminders import Schedule, card_expires_first


@dataclass(frozen=True)
class Unpaid:
    """A reminder about a closed statement not paid yet."""

    kind: str  # payment_due | overdue
    round: int | None = None  # overdue: 0 the day after the due day, then one a week


def upcoming_month(schedule: Schedule, calendar: Calendar, now: datetime) -> Month | None:
    """The month whose charge_upcoming heads-up is due: from `days_before` the charge day until
    the charge; None outside that window or with reminders off."""
    if not schedule.on:
        return None
    month = Month.of(local_date(now, schedule.timezone))
    charge_on = calendar.charge_on(month)
    if schedule.charge_upcoming_at(charge_on) <= now < schedule.moment(charge_on):
        return month
    return None


def upcoming_kinds(
    estimate_minor: int,
    *,
    stripe: bool,
    has_card: bool,
    card_expires: date | None,
    charge_on: date,
) -> list[str]:
    """charge_upcoming when something will be billed; card_expiring too when the saved card
    stops working before the charge day."""
    if estimate_minor <= 0:
        return []
    if stripe and has_card and card_expires_first(card_expires, charge_on):
        return ["charge_upcoming", "card_expiring"]
    return ["charge_upcoming"]


def unpaid_reminders(schedule: Schedule, due_on: date, now: datetime) -> list[Unpaid]:
    """payment_due 3 days before the due day, overdue the day after and then weekly."""
    due = []
    if schedule.payment_due_at(due_on) <= now < schedule.moment(due_on + timedelta(days=1)):
        due.append(Unpaid("payment_due"))
    overdue = schedule.overdue_round(due_on, now)
    if overdue is not None:
        due.append(Unpaid("overdue", overdue))
    return due


def is_past_due(due_on: date, timezone: str, now: datetime) -> bool:
    """Unpaid after the due day, on the company's own clock."""
    return local_date(now, timezone) > due_on
