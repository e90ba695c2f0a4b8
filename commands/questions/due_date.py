"""By when the company must pay: the due day of each unpaid statement, or of the next one."""

from datetime import datetime

from billing.closing import Calendar
from commands.actor import Actor
from commands.questions.answers import DueDate
from commands.questions.read_access import read_access
from commands.questions.unpaid import owed_and_carried, unpaid
from commands.questions.upcoming import upcoming
from storage.unit_of_work import UnitOfWork


def due_date(
    uow: UnitOfWork,
    actor: Actor,
    company_id: int,
    *,
    channel_id: str | None,
    now: datetime,
    calendar: Calendar,
) -> DueDate:
    with uow.read():
        seen = read_access(uow.session, actor, company_id, channel_id)
        up = upcoming(uow.session, seen.company, now, calendar)
        return DueDate(
            seen.id,
            seen.company.name,
            owed_and_carried(unpaid(uow.session, seen.company, now))[0],
            up,
            calendar.due_on(up.month),
        )
