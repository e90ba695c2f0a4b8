"""Which notices are due when, and when a month is closed: pure rules of a schedule and now."""

from datetime import UTC, date, datetime, time

from billing.closing import Calendar, charge_moment_come, month_over
from billing.due_notices import (
    Unpaid,
    is_past_due,
    unpaid_reminders,
    upcoming_kinds,
    upcoming_month,
)
from billing.periods import Month
from billing.reminders import Schedule

BERLIN = Schedule(timezone="Europe/Berlin", at=time(9, 0), days_before=3)
CALENDAR = Calendar(charge_day=1, due_day=15)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_the_heads_up_window_runs_from_days_before_the_charge_until_the_charge():
    assert upcoming_month(BERLIN, CALENDAR, utc(2026, 11, 28, 7)) is None
    assert upcoming_month(BERLIN, CALENDAR, utc(2026, 11, 28, 8)) == Month(2026, 11)
    assert upcoming_month(BERLIN, CALENDAR, utc(2026, 11, 30, 22, 59)) == Month(2026, 11)
    assert upcoming_month(BERLIN, CALENDAR, utc(2026, 12, 1, 8)) is None
    off = Schedule(timezone="Europe/Berlin", on=False)
    assert upcoming_month(off, CALENDAR, utc(2026, 11, 29, 8)) is None


def test_a_heads_up_needs_an_estimate_and_warns_of_a_card_that_expires_first():
    charge_on = date(2026, 12, 1)
    card = {"stripe": True, "has_card": True, "charge_on": charge_on}
    assert upcoming_kinds(0, card_expires=date(2026, 11, 30), **card) == []
    assert upcoming_kinds(4900, card_expires=date(2026, 12, 31), **card) == ["charge_upcoming"]
    expiring = upcoming_kinds(4900, card_expires=date(2026, 11, 30), **card)
    assert expiring == ["charge_upcoming", "card_expiring"]
    by_hand = {**card, "stripe": False}
    assert upcoming_kinds(4900, card_expires=date(2026, 11, 30), **by_hand) == ["charge_upcoming"]


def test_payment_due_before_the_due_day_then_overdue_rounds():
    due_on = date(2026, 12, 15)
    assert unpaid_reminders(BERLIN, due_on, utc(2026, 12, 12, 7)) == []
    assert unpaid_reminders(BERLIN, due_on, utc(2026, 12, 12, 8)) == [Unpaid("payment_due")]
    assert unpaid_reminders(BERLIN, due_on, utc(2026, 12, 16, 8)) == [Unpaid("overdue", 0)]
    assert unpaid_reminders(BERLIN, due_on, utc(2026, 12, 23, 8)) == [Unpaid("overdue", 1)]


def test_past_due_and_month_over_go_by_the_company_clock():
    assert not is_past_due(date(2026, 12, 15), "Europe/Berlin", utc(2026, 12, 15, 22, 59))
    assert is_past_due(date(2026, 12, 15), "Europe/Berlin", utc(2026, 12, 15, 23))
    assert not month_over(Month(2026, 11), "Pacific/Honolulu", utc(2026, 12, 1, 9))
    assert month_over(Month(2026, 11), "Pacific/Honolulu", utc(2026, 12, 1, 10))


def test_the_scheduler_closes_at_the_charge_days_reminder_time():
    november = Month(2026, 11)
    assert not charge_moment_come(BERLIN, CALENDAR, november, utc(2026, 12, 1, 7, 59))
    assert charge_moment_come(BERLIN, CALENDAR, november, utc(2026, 12, 1, 8))
