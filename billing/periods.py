"""Calendar months, the billing period: parsing "YYYY-MM", bounds, days and neighbours."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

from billing.errors import Invalid

_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


@cache
def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _quote(text: str) -> str:
    return f"“{text if len(text) <= 40 else text[:40] + '…'}”"


@dataclass(frozen=True, order=True, slots=True)
class Month:
    """One calendar month; orders by time, prints as "2026-11"."""

    year: int
    month: int

    def __post_init__(self) -> None:
        fields = (self.year, self.month)
        if any(isinstance(value, bool) or not isinstance(value, int) for value in fields):
            raise Invalid(f"{self.year!r}-{self.month!r} is not a month.")
        if not (1 <= self.year <= 9999 and 1 <= self.month <= 12):
            raise Invalid(f"{_quote(f'{self.year:04d}-{self.month:02d}')} is not a month.")

    @classmethod
    def parse(cls, text: str) -> Month:
        """'2026-11' -> Month(2026, 11), or Invalid with the expected form."""
        cleaned = text.strip() if isinstance(text, str) else ""
        match = _MONTH.fullmatch(cleaned)
        if match is None or not (match[1] != "0000" and "01" <= match[2] <= "12"):
            shown = _quote(text if isinstance(text, str) else repr(text))
            raise Invalid(f"{shown} is not a month (use YYYY-MM).")
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    def label(self) -> str:
        """As people write it: "October 2026"."""
        return f"{calendar.month_name[self.month]} {self.year}"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def days(self) -> int:
        return _days_in(self.year, self.month)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, self.days)

    def next(self) -> Month:
        return Month(self.year + 1, 1) if self.month == 12 else Month(self.year, self.month + 1)

    def previous(self) -> Month:
        return Month(self.year - 1, 12) if self.month == 1 else Month(self.year, self.month - 1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and day.year == self.year and day.month == self.month

    def each_day(self) -> Iterator[date]:
        for number in range(1, self.days + 1):
            yield date(self.year, self.month, number)
