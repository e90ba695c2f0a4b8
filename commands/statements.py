"""Statements as people read them, usage as developers record it, payment recorded by hand."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from billing.calendar import local_date
from billing.errors import Invalid, NotAllowed
from billing.periods import Month
from billing.roles import Action, require
from billing.statement import Line
from commands.actor import Actor
from commands.drafts import drafts_for
from commands.resolve import visible_app, visible_company
from commands.views import Done, StatementView
from storage.audit import record_event
from storage.tables import Company, Statement, StatementLine, Usage, id_of
from storage.unit_of_work import UnitOfWork

CLOSED = ("finalized", "carried", "paid", "past_due", "void")


@dataclass(frozen=True)
class Calendar:
    """The operator's charge and due days (CHARGE_DAY, DUE_DAY)."""

    charge_day: int = 1
    due_day: int = 15

    def charge_on(self, month: Month) -> date:
        return month.next().first_day.replace(day=self.charge_day)

    def due_on(self, month: Month) -> date:
        return month.next().first_day.replace(day=self.due_day)


def show_statement(
    uow: UnitOfWork,
    *,
    actor: Actor,
    company: str,
    now: datetime,
    month: Month | None = None,
    csv: bool = False,
    calendar: Calendar = Calendar(),
) -> StatementView:
    """A closed month as stored; any other month as a live estimate (status draft)."""
    with uow:
        seen = visible_company(uow, actor, company)
        month = month or Month.of(local_date(now, seen.company.timezone))
        return statement_view(uow.session, seen.company, month, calendar, csv=csv)


def statement_view(
    session: Session, row: Company, month: Month, calendar: Calendar, *, csv: bool = False
) -> StatementView:
    """One company's month: the stored statement once closed, else the live estimate."""
    stored = _stored(session, id_of(row), month)
    if stored is not None and stored.status in CLOSED:
        return StatementView(
            row.name,
            month,
            stored.currency,
            stored.status,
            _stored_lines(session, id_of(stored)),
            stored.total_minor,
            stored.charge_on,
            stored.due_on,
            csv,
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


def _stored(session: Session, company_id: int, month: Month) -> Statement | None:
    query = select(Statement).where(
        Statement.company_id == company_id, Statement.period == str(month)
    )
    return session.exec(query).first()


def _stored_lines(session: Session, statement_id: int) -> tuple[Line, ...]:
    rows = session.exec(
        select(StatementLine)
        .where(StatementLine.statement_id == statement_id)
        .order_by(col(StatementLine.position))
    )
    return tuple(
        Line(
            r.kind,
            r.description,
            r.app_name,
            r.first_day,
            r.last_day,
            r.days,
            r.quantity,
            r.amount_minor,
        )
        for r in rows
    )


def record_usage(
    uow: UnitOfWork,
    *,
    actor: Actor,
    app: str,
    metric: str,
    quantity: int,
    now: datetime,
    on: date | None = None,
) -> Done:
    if quantity < 0:
        raise Invalid("Usage can't be negative.")
    with uow:
        row, seen = visible_app(uow, actor, app)
        require(seen.role, Action.MANAGE_APPS, seen.company.name)
        day = on or local_date(now, seen.company.timezone)
        if day > local_date(now, seen.company.timezone):
            raise Invalid(f"{day.isoformat()} is in the future: usage is recorded after the fact.")
        month = Month.of(day)
        closed = _stored(uow.session, seen.id, month)
        if closed is not None and closed.status in CLOSED:
            raise Invalid(f"{month} is closed for {seen.company.name}: its statement is final.")
        uow.session.add(
            Usage(app_id=id_of(row), metric=metric, day=day, quantity=quantity, recorded_at=now)
        )
        record_event(
            uow.session,
            workspace_id=actor.workspace_id,
            company_id=seen.id,
            actor_id=actor.person_id,
            action="usage.recorded",
            now=now,
            app=row.name,
            metric=metric,
            quantity=quantity,
            day=day.isoformat(),
        )
        uow.commit()
    return Done(f"Recorded {quantity:,} {metric} for {row.name} on {day.isoformat()}.")


def mark_paid(uow: UnitOfWork, *, actor: Actor, company: str, month: Month, now: datetime) -> Done:
    if not actor.is_operator:
        raise NotAllowed("Only operators record payments.")
    with uow:
        seen = visible_company(uow, actor, company)
        if seen.company.billing_mode != "manual":
            raise Invalid(
                f"{seen.company.name} pays by card through Stripe: "
                "payments are recorded from Stripe."
            )
        stored = _stored(uow.session, seen.id, month)
        if stored is None or stored.status not in ("finalized", "past_due"):
            state = stored.status if stored else "not closed yet"
            raise Invalid(
                f"The {month} statement of {seen.company.name} is {state}: "
                "only finalized or past-due statements can be marked paid."
            )
        stored.status, stored.paid_at = "paid", now
        record_event(
            uow.session,
            workspace_id=actor.workspace_id,
            company_id=seen.id,
            actor_id=actor.person_id,
            action="statement.paid",
            now=now,
            period=str(month),
            total_minor=stored.total_minor,
        )
        uow.commit()
    return Done(f"Marked the {month} statement of {seen.company.name} paid.")
