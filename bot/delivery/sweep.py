"""One sweep: everything due at a time (`run_due`), then delivery woken; and its summary line."""

from collections.abc import Callable
from datetime import datetime

from bot.terms import Terms
from commands.run_due import DueReport, run_due
from payments.gateway import Gateway
from storage.unit_of_work import UnitOfWork


def sweep_once(
    uow: UnitOfWork,
    gateway: Gateway,
    terms: Terms,
    now: datetime,
    wake: Callable[[], None] | None,
) -> DueReport:
    report = run_due(uow, gateway, now=now, calendar=terms.calendar)
    if wake is not None:
        wake()
    return report


def summary(report: DueReport) -> str:
    closed = sum(r.finalized for r in report.closed)
    notices = ", ".join(f"{k} {v}" for k, v in sorted(report.notices.written.items())) or "none"
    charges = report.charges
    return (
        f"{closed} statements finalized; charges paid {charges.paid}, failed {charges.failed}; "
        f"notices {notices}; past due {report.notices.past_due}; "
        f"invitations expired {report.expired_invitations}"
    )
