"""What the company owes now (closed, unpaid statements), the small totals and credits the next
statement carries instead of charging, or only what is late."""

from datetime import datetime

from billing.closing import Calendar
from commands.actor import Actor
from commands.questions.answers import Dues
from commands.questions.read_access import read_access
from commands.questions.unpaid import owed_and_carried, unpaid
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
    with uow.read():
        seen = read_access(uow.session, actor, company_id, channel_id)
        owed, carried = owed_and_carried(unpaid(uow.session, seen.company, now))
        up = upcoming(uow.session, seen.company, now, calendar)
        return Dues(seen.id, seen.company.name, owed, up, overdue_only, carried)
