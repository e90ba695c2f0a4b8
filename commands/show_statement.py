"""Show a company's statement for a month: a closed month as stored, any other month as a live
estimate (status draft)."""

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlmodel import Session

from billing.calendar import local_date
from billing.closing import CLOSED, Calendar
from billing.money import Money
from billing.periods import Month
from billing.statement import Line
from commands.actor import Actor
from commands.app_views import views_of
from commands.drafts import drafts_for
from commands.resolve import visible_company
from commands.statement_document import StatementDocument, closed_document
from storage.statements import statement_lines, statement_of
from storage.tables import Company, id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ShowStatement:
    company: str
    month: Month | None = None
    csv: bool = False
    pdf: bool = False


@dataclass(frozen=True)
class StatementView:
    company: str
    month: Month
    currency: str
    status: str  # draft (live estimate) | finalized | carried | paid | past_due | void
    lines: tuple[Line, ...]
    total_minor: int
    charge_on: date | None
    due_on: date | None
    csv: bool = False
    awaiting_domain: tuple[str, ...] = ()  # apps on a paid plan billed 0 until a domain
    number: str | None = None  # from finalizing on
    document: StatementDocument | None = None  # asked for with `pdf`

    @property
    def total(self) -> Money:
        return Money(self.total_minor, self.currency)


def show_statement(
    uow: UnitOfWork,
    *,
    actor: Actor,
    company: str,
    now: datetime,
    month: Month | None = None,
    csv: bool = False,
    pdf: bool = False,
    calendar: Calendar = Calendar(),
) -> StatementView:
    with uow.read():
        seen = visible_company(uow, actor, company)
        today = local_date(now, seen.company.timezone)
        month = month or Month.of(today)
        view = statement_view(uow.session, seen.company, month, calendar, csv=csv)
        if pdf:
            return replace(view, document=closed_document(uow.session, seen.company, month))
        if view.status != "draft" or month < Month.of(today):
            return view
        apps = views_of(uow.session, [seen.id], names={seen.id: seen.company.name}, now=now)
        waiting = tuple(a.name for a in apps if a.awaits_domain)
        return replace(view, awaiting_domain=waiting)


def statement_view(
    session: Session, row: Company, month: Month, calendar: Calendar, *, csv: bool = False
) -> StatementView:
    """One company's month: the stored statement once closed, else the live estimate."""
    stored = statement_of(session, id_of(row), str(month))
    if stored is not None and stored.status in CLOSED:
        return StatementView(
            row.name,
            month,
            stored.currency,
            stored.status,
            statement_lines(session, id_of(stored)),
            stored.total_minor,
            stored.charge_on,
            stored.due_on,
            csv,
            number=stored.number,
        )
    draft = drafts_for(session, row.workspace_id, [row], month)[id_of(row)]
    return StatementView(
        row.name,
        month,
        row.currency,
        "draft",
        draft.lines,
        draft.total_minor,
        calendar.charge_on(month),
        calendar.due_on(month),
        csv,
    )
