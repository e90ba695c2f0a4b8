"""When a month's statement is final: the operator's charge and due days, and the statuses of a
closed statement."""

from dataclasses import dataclass
from datetime import date

from billing.periods import Month

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
