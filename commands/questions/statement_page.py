"""One month of a company's statements for the "View statement" modal, and the months around it."""

from dataclasses import dataclass
from datetime import datetime

from billing.calendar import local_date
from billing.closing import Calendar
from billing.errors import Invalid
from billing.periods import Month
from commands.actor import Actor
from commands.questions.read_access import read_access
from commands.show_statement import StatementView, statement_view
from commands.statement_document import StatementDocument, closed_document
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class StatementPage:
    """One month of a company's statements, and the months before and after it to page to."""

    company_id: int
    statement: StatementView
    previous: Month | None
    next: Month | None


def statement_page(
    uow: UnitOfWork,
    actor: Actor,
    company_id: int,
    month: Month | None,
    *,
    channel_id: str | None,
    now: datetime,
    calendar: Calendar,
) -> StatementPage:
    """From the month the company was set up to the current one; other months are refused."""
    with uow.read():
        seen = read_access(uow.session, actor, company_id, channel_id)
        row = seen.company
        current = Month.of(local_date(now, row.timezone))
        first = Month.of(local_date(row.created_at, row.timezone))
        month = month or current
        if not first <= month <= current:
            raise Invalid(
                f"{row.name} has statements from {first.label()} to {current.label()}; "
                f"{month.label()} is not one of them."
            )
        return StatementPage(
            seen.id,
            statement_view(uow.session, row, month, calendar),
            month.previous() if month > first else None,
            month.next() if month < current else None,
        )


def readable_document(
    uow: UnitOfWork, *, actor: Actor, company_id: int, month: Month, channel_id: str | None
) -> StatementDocument:
    """A button's document: for whoever may read the company (a role, or its linked channel)."""
    with uow:
        seen = read_access(uow.session, actor, company_id, channel_id)
        return closed_document(uow.session, seen.company, month)
