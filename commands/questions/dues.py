"""What the company owes now (closed, unpaid statements), or only what is late."""

from datetime import datetime

from billing.closing import Calendar
from commands.actor import Actor
from commands.questions.answers import Dues
from commands.questions.read_access import read_access
from commands.questions.unpaid import unpaid
from commands.questions.upcoming import upcoming
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
    with uow:
        seen = read_access(uow.session, actor, company_id, channel_id)
        return Dues(
            seen.id,
            seen.company.name,
            unpaid(uow.session, seen.company, now),
            upcoming(uow.session, seen.company, now, calendar),
            overdue_only,
        )
