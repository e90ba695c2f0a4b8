"""Closing a month: every company's statement finalized once, in bulk, with its notice."""

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import datetime

from sqlmodel import Session, col, select

from billing.calendar import local_date
from billing.periods import Month
from billing.statement import StatementDraft
from commands.drafts import drafts_for
from commands.statements import CLOSED, Calendar
from commands.views import CloseReport
from storage.bulk import insert_rows, insert_with_ids
from storage.id_sets import among
from storage.tables import AuditEvent, Company, Outbox, Statement, StatementLine, id_of
from storage.unit_of_work import UnitOfWork

BATCH = 1000  # companies per transaction: bounded memory, and a crash loses at most a batch


def close_month(
    uow: UnitOfWork,
    *,
    month: Month,
    now: datetime,
    calendar: Calendar = Calendar(),
    dry_run: bool = False,
) -> CloseReport:
    """Finalize every company's statement for a month that is over; twice changes nothing."""
    report = CloseReport(month, 0, 0, 0, 0, {}, dry_run)
    with uow:
        due, report = _due_companies(uow.session, month, now, report)
    for workspace_id, batch in _batches(due):
        with uow:
            drafts = _drafts(uow.session, workspace_id, batch, month)
            report = _count(report, drafts, len(batch))
            if not dry_run:
                _store(uow.session, batch, drafts, calendar, now)
                uow.commit()
    return report


def _due_companies(
    session: Session, month: Month, now: datetime, report: CloseReport
) -> tuple[list[Company], CloseReport]:
    closed = set(
        session.exec(
            select(Statement.company_id).where(
                Statement.period == str(month), col(Statement.status).in_(CLOSED)
            )
        ).all()
    )
    due, already, not_over = [], 0, 0
    for company in session.exec(
        select(Company).order_by(col(Company.workspace_id), col(Company.id))
    ):
        if id_of(company) in closed:
            already += 1
        elif local_date(now, company.timezone) < month.next().first_day:
            not_over += 1
        else:
            due.append(company)
    return due, replace(report, already_closed=already, not_over=not_over)


def _batches(companies: list[Company]) -> Iterator[tuple[int, list[Company]]]:
    by_workspace: dict[int, list[Company]] = {}
    for company in companies:
        by_workspace.setdefault(company.workspace_id, []).append(company)
    for workspace_id, members in by_workspace.items():
        for start in range(0, len(members), BATCH):
            yield workspace_id, members[start : start + BATCH]


def _drafts(
    session: Session, workspace_id: int, companies: Sequence[Company], month: Month
) -> dict[int, StatementDraft]:
    """Only companies with something billed get a statement."""
    drafts = drafts_for(session, workspace_id, companies, month)
    return {key: draft for key, draft in drafts.items() if draft.lines}


def _count(report: CloseReport, drafts: dict[int, StatementDraft], batch: int) -> CloseReport:
    totals = dict(report.totals)
    for draft in drafts.values():
        totals[draft.currency] = totals.get(draft.currency, 0) + draft.total_minor
    return replace(
        report,
        finalized=report.finalized + len(drafts),
        empty=report.empty + batch - len(drafts),
        totals=totals,
    )


def _store(
    session: Session,
    companies: Sequence[Company],
    drafts: dict[int, StatementDraft],
    calendar: Calendar,
    now: datetime,
) -> None:
    """Statements, lines, notices and audit events in a few bulk inserts."""
    if not drafts:
        return
    month = next(iter(drafts.values())).month
    keys = list(drafts)
    ids = insert_with_ids(
        session,
        Statement,
        [
            {
                "company_id": key,
                "period": str(month),
                "currency": drafts[key].currency,
                "total_minor": drafts[key].total_minor,
                "status": "finalized",
                "finalized_at": now,
                "charge_on": calendar.charge_on(month),
                "due_on": calendar.due_on(month),
            }
            for key in keys
        ],
    )
    statement_of = dict(zip(keys, ids, strict=True))
    insert_rows(
        session,
        StatementLine,
        [
            {
                "statement_id": statement_of[key],
                "position": n,
                "kind": line.kind,
                "app_name": line.app,
                "description": line.description,
                "first_day": line.first_day,
                "last_day": line.last_day,
                "days": line.days,
                "quantity": line.quantity,
                "amount_minor": line.amount_minor,
            }
            for key, draft in drafts.items()
            for n, line in enumerate(draft.lines)
        ],
    )
    carried = [key for key, d in drafts.items() if d.lines[0].kind == "balance"]
    if carried:
        previous = session.exec(
            select(Statement).where(
                among(session, Statement.company_id, carried),
                Statement.period == str(month.previous()),
            )
        )
        for row in previous:
            row.status = "carried"
    by_id = {id_of(c): c for c in companies}
    _notices(session, [by_id[key] for key in drafts], drafts, now)


def _notices(
    session: Session, companies: list[Company], drafts: dict[int, StatementDraft], now: datetime
) -> None:
    period = str(next(iter(drafts.values())).month)
    insert_rows(
        session,
        Outbox,
        [
            {
                "workspace_id": c.workspace_id,
                "key": f"statement_ready:{c.id}:{period}",
                "kind": "statement_ready",
                "company_id": c.id,
                "status": "pending",
                "attempts": 0,
                "payload": {
                    "period": period,
                    "total_minor": drafts[id_of(c)].total_minor,
                    "currency": drafts[id_of(c)].currency,
                },
                "next_attempt_at": now,
                "created_at": now,
            }
            for c in companies
        ],
    )
    insert_rows(
        session,
        AuditEvent,
        [
            {
                "workspace_id": c.workspace_id,
                "company_id": c.id,
                "actor_id": None,
                "action": "statement.finalized",
                "created_at": now,
                "detail": {
                    "period": period,
                    "total_minor": drafts[id_of(c)].total_minor,
                    "currency": drafts[id_of(c)].currency,
                },
            }
            for c in companies
        ],
    )
    manual = [c for c in companies if c.billing_mode == "manual"]
    if manual:  # each operator gets one DM a month listing what to bill by hand
        workspace_id = manual[0].workspace_id
        key = f"manual_billing:{workspace_id}:{period}"
        if session.exec(select(Outbox.id).where(Outbox.key == key)).first() is None:
            session.add(
                Outbox(
                    workspace_id=workspace_id,
                    key=key,
                    kind="manual_billing",
                    payload={"period": period},
                    next_attempt_at=now,
                    created_at=now,
                )
            )
