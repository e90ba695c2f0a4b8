"""Calendar months: parsing, bounds, neighbours, membership."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from billing.errors import Invalid
from billing.periods import Month

months = st.builds(Month, st.integers(2, 9998), st.integers(1, 12))


def test_parse_and_print() -> None:
    assert Month.parse("2026-11") == Month(2026, 11)
    assert Month.parse(" 2026-01\n") == Month(2026, 1)
    assert str(Month(2026, 11)) == "2026-11"
    assert str(Month(987, 3)) == "0987-03"


@pytest.mark.parametrize(
    "text", ["2026-13", "2026-00", "0000-05", "2026-1", "26-11", "2026/11", "2026-11-01", "", "x"]
)
def test_parse_refuses_what_is_not_a_month(text: str) -> None:
    with pytest.raises(Invalid) as error:
        Month.parse(text)
    assert error.value.message == f"“{text}” is not a month (use YYYY-MM)."


@pytest.mark.parametrize(("year", "month"), [(2026, 0), (2026, 13), (0, 1), (10000, 1)])
def test_constructor_refuses_impossible_months(year: int, month: int) -> None:
    with pytest.raises(Invalid):
        Month(year, month)


@pytest.mark.parametrize(
    ("month", "days", "last"),
    [
        (Month(2026, 11), 30, date(2026, 11, 30)),
        (Month(2025, 10), 31, date(2025, 10, 31)),
        (Month(2024, 2), 29, date(2024, 2, 29)),
        (Month(2025, 2), 28, date(2025, 2, 28)),
        (Month(1900, 2), 28, date(1900, 2, 28)),
        (Month(2000, 2), 29, date(2000, 2, 29)),
    ],
)
def test_bounds(month: Month, days: int, last: date) -> None:
    assert month.days == days
    assert month.first_day == date(month.year, month.month, 1)
    assert month.last_day == last
    assert list(month.each_day()) == [month.first_day + timedelta(days=n) for n in range(days)]


def test_neighbours_cross_years() -> None:
    assert Month(2026, 12).next() == Month(2027, 1)
    assert Month(2027, 1).previous() == Month(2026, 12)
    assert Month(2026, 5).next() == Month(2026, 6)


def test_of_and_contains() -> None:
    nov = Month(2026, 11)
    assert Month.of(date(2026, 11, 22)) == nov
    assert date(2026, 11, 1) in nov
    assert date(2026, 11, 30) in nov
    assert date(2026, 12, 1) not in nov
    assert date(2025, 11, 5) not in nov
    assert "2026-11-05" not in nov


def test_months_order_by_time() -> None:
    assert Month(2025, 12) < Month(2026, 1) < Month(2026, 2)
    assert sorted([Month(2026, 3), Month(2025, 7), Month(2026, 1)]) == [
        Month(2025, 7),
        Month(2026, 1),
        Month(2026, 3),
    ]


@given(months)
def test_round_trips(month: Month) -> None:
    assert Month.parse(str(month)) == month
    assert month.next().previous() == month
    assert month.last_day + timedelta(days=1) == month.next().first_day
    assert Month.of(month.last_day) == month
    assert len(list(month.each_day())) == month.days
