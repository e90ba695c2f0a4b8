"""When the company is charged next, and how much."""

from datetime import datetime

from billing.closing import Calendar
from commands.actor import Actor
from commands.questions.answers import Upcoming
from commands.questions.read_access import read_access
from commands.questions.upcoming import upcoming
from storage.unit_of_work import UnitOfWork


def next_charge(
    uow: UnitOfWork,
    actor: Actor,
    company_id: int,
    *,
    channel_id: str | None,
    now: datetime,
    calendar: Calendar,
) -> Upcoming:
    with uow.read():
        seen = read_access(uow.session, actor, company_id, channel_id)
        return upcoming(uow.session, seen.company, now, calendar)
