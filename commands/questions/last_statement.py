"""The company's last closed statement (or the month asked about), with its next charge."""

from datetime import datetime

from billing.calendar import local_date
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
    month: Month | None = None,
) -> LastStatement:
    """`month`: the month asked about; a month before the company or after this one has none."""
    with uow.read():
        session = uow.session
        seen = read_access(session, actor, company_id, channel_id)
        row = seen.company
        up = upcoming(session, row, now, calendar)
        if month is not None:
            first = Month.of(local_date(row.created_at, row.timezone))
            current = Month.of(local_date(now, row.timezone))
            shown = (
                statement_view(session, row, month, calendar) if first <= month <= current else None
            )
            return LastStatement(seen.id, row.name, shown, up, month)
        period = last_period_with_status(session, seen.id, CLOSED)
        shown = statement_view(session, row, Month.parse(period), calendar) if period else None
        return LastStatement(seen.id, row.name, shown, up)
