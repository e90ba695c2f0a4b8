"""Everything due at a moment, once: the charge day's month close, charges and their retries,
reminders, and invitations that ran out. The scheduler runs this every minute;
`billbot run-due --at` runs it once. Running it twice at the same moment changes nothing."""

from dataclasses import dataclass
from datetime import datetime

from billing.closing import Calendar
from billing.periods import Month
from commands.charge_statements import ChargeReport, charge_due
from commands.close_month import CloseReport, close_month
from commands.expire_invitations import expire_invitations
from commands.write_due_notices import NoticeReport, write_due_notices
from payments.gateway import Gateway
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class DueReport:
    closed: list[CloseReport]
    charges: ChargeReport
    notices: NoticeReport
    expired_invitations: int


def run_due(
    uow: UnitOfWork, gateway: Gateway, *, now: datetime, calendar: Calendar = Calendar()
) -> DueReport:
    this_month = Month.of(now.date())
    closed = [
        close_month(uow, month=month, now=now, calendar=calendar, on_charge_day=True)
        for month in (this_month.previous().previous(), this_month.previous())
    ]
    charges = charge_due(uow, gateway, now=now)
    notices = write_due_notices(uow, now=now, calendar=calendar)
    return DueReport(closed, charges, notices, expire_invitations(uow, now=now))
