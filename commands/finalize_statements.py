"""A batch of a month's statements made final, with what goes with them: carried balances, each
company's statement_ready notice and audit event, and the operators' bill-by-hand list."""

from collections.abc import Sequence
from datetime import date, datetime

from sqlmodel import Session

from billing.closing import Calendar
from billing.periods import Month
from billing.statement import StatementDraft, min_charge_minor
from commands.notice_facts import month_notice, notice_cause
from commands.schedules import schedule_of
from commands.statement_document import draft_document
from storage.corrections import mark_billed
from storage.final_statements import record_finalized, write_final
from storage.lookups import workspace_names
from storage.notices import CompanyMail, CompanyNotice, mail_companies, notify, notify_companies
from storage.statement_numbers import numbers_for
from storage.statements import billed_by_hand, mark_carried
from storage.sweeps import operator_ids
from storage.tables import Company, id_of

MAX_LISTED = 40  # statements named in the operators' monthly DM


def finalize_statements(
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
    charge_on, due_on = calendar.charge_on(month), calendar.due_on(month)
    by_id = {id_of(c): c for c in companies}
    first_try = {key: _first_try(by_id[key], draft, charge_on) for key, draft in drafts.items()}
    numbers = numbers_for(session, [(key, by_id[key].workspace_id) for key in drafts], charge_on)
    write_final(
        session,
        list(drafts.values()),
        charge_on=charge_on,
        due_on=due_on,
        first_try=first_try,
        numbers=numbers,
        now=now,
    )
    carried = [key for key, d in drafts.items() if d.lines[0].kind == "balance"]
    if carried:
        mark_carried(session, carried, month.previous())
    corrections = [line.ref for d in drafts.values() for line in d.lines if line.ref is not None]
    if corrections:
        mark_billed(session, corrections, month)
    closed = [by_id[key] for key in drafts]
    notices = [_ready(c, drafts[id_of(c)], numbers[id_of(c)], calendar, now) for c in closed]
    notify_companies(session, notices, now=now)
    mail_companies(session, _documents(session, closed, drafts, numbers, calendar, now), now=now)
    record_finalized(session, closed, drafts, numbers, now)


def _first_try(company: Company, draft: StatementDraft, charge_on: date) -> datetime | None:
    """When a card is first charged for the statement; None when it is not charged by card."""
    if company.billing_mode == "stripe" and draft.chargeable(min_charge_minor(draft.currency)):
        return schedule_of(company).charge_at(charge_on, 0)
    return None


def _ready(
    company: Company, draft: StatementDraft, number: str, calendar: Calendar, now: datetime
) -> CompanyNotice:
    """statement_ready, posted at the company's reminder time on the charge day."""
    charge_on = calendar.charge_on(draft.month)
    return month_notice(
        "statement_ready",
        company,
        draft.month,
        due=max(now, schedule_of(company).moment(charge_on)),
        lines=[[line.description, line.amount_minor] for line in draft.lines],
        total_minor=draft.total_minor,
        currency=draft.currency,
        charge_on=charge_on,
        due_on=calendar.due_on(draft.month),
        number=number,
        chart=True,
    )


def _documents(
    session: Session,
    closed: Sequence[Company],
    drafts: dict[int, StatementDraft],
    numbers: dict[int, str],
    calendar: Calendar,
    now: datetime,
) -> list[CompanyMail]:
    """The statement's PDF to each company's invoice e-mail, at the time statement_ready goes
    (companies without one get none)."""
    agencies = workspace_names(session, [c.workspace_id for c in closed])
    mails = []
    for company in closed:
        if not company.invoice_email:
            continue
        draft = drafts[id_of(company)]
        charge_on = calendar.charge_on(draft.month)
        document = draft_document(
            agencies.get(company.workspace_id, ""),
            company,
            draft,
            numbers[id_of(company)],
            charge_on,
            calendar.due_on(draft.month),
        )
        mails.append(
            CompanyMail(
                company,
                company.invoice_email,
                "statement_document",
                notice_cause("statement_document", id_of(company), draft.month),
                {"document": document.facts()},
                max(now, schedule_of(company).moment(charge_on)),
            )
        )
    return mails


def tell_bill_by_hand(session: Session, month: Month, now: datetime, waiting: set[int]) -> None:
    """Each operator gets one DM a month listing the statements to bill by hand, once all of
    the workspace's companies are closed (`waiting`: workspaces with some still open)."""
    by_workspace: dict[int, list[list[object]]] = {}
    for workspace_id, name, total, currency in billed_by_hand(session, month):
        if total >= min_charge_minor(currency):
            by_workspace.setdefault(workspace_id, []).append([name, total, currency])
    for workspace_id, listed in by_workspace.items():
        if workspace_id in waiting:
            continue
        notify(
            session,
            workspace_id=workspace_id,
            key=f"manual_billing:{workspace_id}:{month}",
            people=operator_ids(session, workspace_id),
            notice="manual_billing",
            facts={
                "period": str(month),
                "listed": listed[:MAX_LISTED],
                "more": max(0, len(listed) - MAX_LISTED),
            },
            now=now,
        )
