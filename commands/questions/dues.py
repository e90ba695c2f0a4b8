"""What the company owes now (closed, unpaid statements, and amounts carried into the next
statement), or only what is late."""

from datetime import datetime

from billing.closing import Calendar
from billing.money import Money
from billing.periods import Month
from commands.actor import Actor
from commands.questions.answers import Carried, Dues
from commands.questions.read_access import read_access
from commands.questions.unpaid import unpaid
from commands.questions.upcoming import upcoming
from storage.statements_by_status import statements_with_status
from storage.unit_of_work import UnitOfWork


def dues(
    uow: UnitOfWork,
    actor: Actor,
    company_id: int,
    *,
    channel_id: str | None,
    now: datetime,
    calendar: Calendar,
    overdue_only: bool = False,
) -> Dues:
    with uow.read():
        seen = read_access(uow.session, actor, company_id, channel_id)
        up = upcoming(uow.session, seen.company, now, calendar)
        since = str(up.month.previous())  # a carried total lands on the month after it
        carried = [
            Carried(Month.parse(s.period), Money(s.total_minor, s.currency))
            for s in statements_with_status(uow.session, [seen.id], ("carried",), since=since)
            if s.total_minor and Month.parse(s.period) < up.month
        ]
        return Dues(
            seen.id,
            seen.company.name,
            unpaid(uow.session, seen.company, now),
            up,
            overdue_only,
            carried,
        )
