"""The company's last closed statement, with its next charge beside it."""

from datetime import datetime

from billing.closing import CLOSED, Calendar
from billing.periods import Month
from commands.actor import Actor
from commands.questions.answers import LastStatement
from commands.questions.read_access import read_access
from commands.questions.upcoming import upcoming
from commands.show_statement import statement_view
from storage.statements_by_status import last_period_with_status
from storage.unit_of_work import UnitOfWork


def last_statement(
    uow: UnitOfWork,
    actor: Actor,
    company_id: int,
    *,
    channel_id: str | None,
    now: datetime,
    calendar: Calendar,
) -> LastStatement:
    with uow:
        session = uow.session
        seen = read_access(session, actor, company_id, channel_id)
        period = last_period_with_status(session, seen.id, CLOSED)
        shown = (
            statement_view(session, seen.company, Month.parse(period), calendar) if period else None
        )
        return LastStatement(
            seen.id, seen.company.name, shown, upcoming(session, seen.company, now, calendar)
        )
