from datetime import UTC, date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from billing.errors import Invalid
from billing.reminders import Schedule, card_expires_first, last_day_of_card, parse_time

BERLIN = Schedule(timezone="Europe/Berlin", at=time(9, 0), days_before=3)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_the_reminder_time_is_local_to_the_company():
    assert BERLIN.moment(date(2026, 11, 1)) == utc(2026, 11, 1, 8)  # CET: UTC+1
    assert BERLIN.moment(date(2026, 7, 1)) == utc(2026, 7, 1, 7)  # CEST: UTC+2


def test_charge_upcoming_comes_days_before_the_charge_day():
    assert BERLIN.charge_upcoming_at(date(2026, 12, 1)) == utc(2026, 11, 28, 8)


def test_charges_are_retried_after_3_and_7_days_then_stop():
    tries = [BERLIN.charge_at(date(2026, 12, 1), n) for n in range(4)]
    assert tries == [utc(2026, 12, 1, 8), utc(2026, 12, 4, 8), utc(2026, 12, 8, 8), None]


def test_overdue_the_day_after_the_due_day_then_weekly():
    due = date(2026, 12, 15)
    assert BERLIN.overdue_round(due, utc(2026, 12, 16, 7)) is None  # before 09:00 Berlin
    assert BERLIN.overdue_round(due, utc(2026, 12, 16, 8)) == 0
    assert BERLIN.overdue_round(due, utc(2026, 12, 22, 12)) == 0
    assert BERLIN.overdue_round(due, utc(2026, 12, 23, 7)) == 0  # the week's time not yet come
    assert BERLIN.overdue_round(due, utc(2026, 12, 23, 8)) == 1
    assert BERLIN.overdue_round(due, utc(2027, 1, 20, 8)) == 5


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1)))
def test_the_next_reminder_time_is_never_in_the_past_nor_a_day_away(naive):
    now = naive.replace(tzinfo=UTC)
    moment = BERLIN.next_moment(now)
    assert now <= moment and (moment - now).total_seconds() <= 25 * 3600


def test_times_are_checked():
    assert parse_time("7:05") == time(7, 5)
    for bad in ("25:00", "9", "09:60", "nine", "09:5", "24:00"):
        with pytest.raises(Invalid):
            parse_time(bad)


def test_a_card_is_good_through_its_expiry_month():
    assert last_day_of_card(2, 2028) == date(2028, 2, 29)
    assert last_day_of_card(12, 2026) == date(2026, 12, 31)
    assert card_expires_first(date(2026, 11, 30), date(2026, 12, 1))
    assert not card_expires_first(date(2026, 12, 31), date(2026, 12, 1))
    assert not card_expires_first(None, date(2026, 12, 1))
