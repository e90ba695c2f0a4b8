"""Closing a month: every company's statement finalized once, in bulk, with its notice."""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime

from sqlmodel import Session, col, select

from billing.calendar import local_date
from billing.money import Money
from billing.periods import Month
from billing.statement import StatementDraft, min_charge_minor
from commands import notice_texts as texts
from commands.drafts import drafts_for
from commands.schedules import schedule_of
from commands.statements import CLOSED, Calendar
from commands.views import CloseReport
from storage.bulk import insert_rows, insert_with_ids
from storage.id_sets import among
from storage.notices import notify
from storage.tables import (
    AuditEvent,
    Company,
    Operator,
    Outbox,
    Statement,
    StatementLine,
    id_of,
)
from storage.unit_of_work import UnitOfWork

BATCH = 1000  # companies per transaction: bounded memory, and a crash loses at most a batch
MAX_LISTED = 40  # statements named in the operators' monthly DM


def close_month(
    uow: UnitOfWork,
    *,
    month: Month,
    now: datetime,
    calendar: Calendar = Calendar(),
    dry_run: bool = False,
    on_charge_day: bool = False,
) -> CloseReport:
    """Finalize every company's statement for a month that is over; twice changes nothing.
    `on_charge_day` (the scheduler) waits for the charge day's reminder time in each zone."""
    report = CloseReport(month, 0, 0, 0, 0, {}, dry_run)
    ready = _charge_moment(month, calendar, now) if on_charge_day else None
    with uow:
        due, waiting, report = _due_companies(uow.session, month, now, report, ready)
    for workspace_id, batch in _batches(due):
        with uow:
            drafts = _drafts(uow.session, workspace_id, batch, month)
            report = _count(report, drafts, len(batch))
            if not dry_run:
                _store(uow.session, batch, drafts, calendar, now)
                uow.commit()
    if not dry_run and (report.finalized or report.already_closed):
        # also when this run found the month closed: a run stopped after its last batch
        # committed leaves the list to the next one
        with uow:
            _manual_billing(uow.session, month, now, waiting)
            uow.commit()
    return report


def _charge_moment(month: Month, calendar: Calendar, now: datetime) -> Callable[[Company], bool]:
    charge_on = calendar.charge_on(month)
    return lambda company: schedule_of(company).moment(charge_on) <= now


def _due_companies(
    session: Session,
    month: Month,
    now: datetime,
    report: CloseReport,
    ready: Callable[[Company], bool] | None,
) -> tuple[list[Company], set[int], CloseReport]:
    """The companies to close now; the workspaces with companies still to close later (in a
    later time zone, or before their charge moment)."""
    closed = set(
        session.exec(
            select(Statement.company_id).where(
                Statement.period == str(month), col(Statement.status).in_(CLOSED)
            )
        ).all()
    )
    due, waiting, already, not_over = [], set(), 0, 0
    for company in session.exec(
        select(Company).order_by(col(Company.workspace_id), col(Company.id))
    ):
        if id_of(company) in closed:
            already += 1
        elif not _over(company, month, now, ready):
            not_over += 1
            waiting.add(company.workspace_id)
        else:
            due.append(company)
    return due, waiting, replace(report, already_closed=already, not_over=not_over)


def _over(
    company: Company, month: Month, now: datetime, ready: Callable[[Company], bool] | None
) -> bool:
    if local_date(now, company.timezone) < month.next().first_day:
        return False
    return ready is None or ready(company)


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
    by_id = {id_of(c): c for c in companies}
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
                "charge_attempts": 0,
                "next_charge_at": (
                    schedule_of(by_id[key]).charge_at(calendar.charge_on(month), 0)
                    if by_id[key].billing_mode == "stripe"
                    and drafts[key].chargeable(min_charge_minor(drafts[key].currency))
                    else None
                ),
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
    _notices(session, [by_id[key] for key in drafts], drafts, calendar, now)


def _notices(
    session: Session,
    companies: list[Company],
    drafts: dict[int, StatementDraft],
    calendar: Calendar,
    now: datetime,
) -> None:
    """statement_ready for each company, posted at its reminder time on the charge day."""
    month = next(iter(drafts.values())).month
    period = str(month)
    charge_on, due_on = calendar.charge_on(month), calendar.due_on(month)
    rows = []
    for c in companies:
        draft = drafts[id_of(c)]
        stripe = c.billing_mode == "stripe"
        total = Money(draft.total_minor, draft.currency)
        text = texts.statement_ready(
            c.name, month, draft.lines, total, charge_on=charge_on, due_on=due_on, stripe=stripe
        )
        rows.append(
            {
                "workspace_id": c.workspace_id,
                "key": f"statement_ready:{c.id}:{period}",
                "cause": f"statement_ready:{c.id}:{period}",
                "kind": "statement_ready",
                "company_id": c.id,
                "channel": c.channel_id,
                "status": "pending",
                "attempts": 0,
                "payload": {
                    "text": text,
                    "subject": f"{c.name}: statement for {month.label()}",
                    "buttons": [
                        texts.view_button(id_of(c), month),
                        *texts.pay_button(id_of(c), stripe, c.card_last4 is not None),
                    ],
                    "period": period,
                    "chart": True,
                },
                "next_attempt_at": max(now, schedule_of(c).moment(charge_on)),
                "created_at": now,
            }
        )
    insert_rows(session, Outbox, rows)
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


def _manual_billing(session: Session, month: Month, now: datetime, waiting: set[int]) -> None:
    """Each operator gets one DM a month listing the statements to bill by hand, once all of
    the workspace's companies are closed (`waiting`: workspaces with some still open)."""
    period = str(month)
    rows = session.exec(
        select(Company.workspace_id, Company.name, Statement.total_minor, Statement.currency)
        .join(Statement, col(Statement.company_id) == Company.id)
        .where(
            Statement.period == period,
            Statement.status == "finalized",
            Company.billing_mode == "manual",
        )
        .order_by(col(Company.workspace_id), col(Company.name))
    ).all()
    by_workspace: dict[int, list[tuple[str, Money]]] = {}
    for workspace_id, name, total, currency in rows:
        if total >= min_charge_minor(currency):
            by_workspace.setdefault(workspace_id, []).append((name, Money(total, currency)))
    for workspace_id, listed in by_workspace.items():
        if workspace_id in waiting:
            continue
        operators = session.exec(
            select(Operator.person_id).where(Operator.workspace_id == workspace_id)
        ).all()
        notify(
            session,
            workspace_id=workspace_id,
            key=f"manual_billing:{workspace_id}:{period}",
            people=list(operators),
            text=texts.manual_billing(month, listed[:MAX_LISTED], max(0, len(listed) - MAX_LISTED)),
            now=now,
        )
