"""The reminders due at a moment, computed for all companies at once and written to the outbox:
charge_upcoming, card_expiring, payment_due and overdue. Statements unpaid after their due day
become past_due here. Each notice has a key per company and period (and overdue round), so a
sweep run twice writes nothing new."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from billing.closing import Calendar
from billing.due_notices import is_past_due, unpaid_reminders, upcoming_kinds, upcoming_month
from billing.periods import Month
from billing.statement import StatementDraft, min_charge_minor
from commands.drafts import drafts_for
from commands.notice_facts import month_notice, notice_cause
from commands.schedules import schedule_of
from commands.system_audit import audit_company
from storage.notices import CompanyNotice, notify_company, written_causes
from storage.sweeps import every_company
from storage.tables import Company, id_of
from storage.unit_of_work import UnitOfWork
from storage.unpaid import finalized_with_due_day, unpaid_statements


@dataclass(frozen=True)
class NoticeReport:
    written: dict[str, int]
    past_due: int


def write_due_notices(
    uow: UnitOfWork, *, now: datetime, calendar: Calendar = Calendar()
) -> NoticeReport:
    written: dict[str, int] = {}
    with uow:
        session = uow.session
        past_due = _mark_past_due(session, now)
        companies = every_company(session)
        due = [*_upcoming(session, companies, now, calendar), *_unpaid(session, companies, now)]
        for notice in due:
            if notify_company(session, notice, now=now):
                written[notice.kind] = written.get(notice.kind, 0) + 1
        uow.commit()
    return NoticeReport(written, past_due)


def _upcoming(
    session: Session, companies: list[Company], now: datetime, calendar: Calendar
) -> Iterator[CompanyNotice]:
    """charge_upcoming (and card_expiring) from `days` before the charge day until the charge,
    for companies not told yet; estimates are read in bulk per month and workspace."""
    window: dict[Month, list[Company]] = {}
    for company in companies:
        month = upcoming_month(schedule_of(company), calendar, now)
        if month is not None:
            window.setdefault(month, []).append(company)
    for month, members in window.items():
        causes = {id_of(c): notice_cause("charge_upcoming", id_of(c), month) for c in members}
        told = written_causes(session, causes.values())
        by_workspace: dict[int, list[Company]] = {}
        for company in members:
            if causes[id_of(company)] not in told:
                by_workspace.setdefault(company.workspace_id, []).append(company)
        for workspace_id, group in by_workspace.items():
            drafts = drafts_for(session, workspace_id, group, month)
            for company in group:
                yield from _heads_up(company, month, drafts[id_of(company)], calendar, now)


def _heads_up(
    company: Company, month: Month, draft: StatementDraft, calendar: Calendar, now: datetime
) -> Iterator[CompanyNotice]:
    charge_on = calendar.charge_on(month)
    kinds = upcoming_kinds(
        draft.total_minor,
        stripe=company.billing_mode == "stripe",
        has_card=bool(company.card_last4),
        card_expires=company.card_expires,
        charge_on=charge_on,
    )
    for kind in kinds:
        yield month_notice(
            kind,
            company,
            month,
            due=now,
            total_minor=draft.total_minor,
            currency=draft.currency,
            charge_on=charge_on,
            card_expires=company.card_expires,
        )


def _unpaid(session: Session, companies: list[Company], now: datetime) -> Iterator[CompanyNotice]:
    """payment_due 3 days before the due day, overdue the day after and then weekly."""
    by_id = {id_of(c): c for c in companies if c.reminders_on}
    for statement in unpaid_statements(session):
        company = by_id.get(statement.company_id)
        if company is None or statement.due_on is None:
            continue
        if statement.total_minor < min_charge_minor(statement.currency):
            continue
        for reminder in unpaid_reminders(schedule_of(company), statement.due_on, now):
            yield month_notice(
                reminder.kind,
                company,
                Month.parse(statement.period),
                due=now,
                round=reminder.round,
                total_minor=statement.total_minor,
                currency=statement.currency,
                due_on=statement.due_on,
            )


def _mark_past_due(session: Session, now: datetime) -> int:
    """Unpaid after the due day (in the company's zone): past_due, and the company with it."""
    count = 0
    for statement, company in finalized_with_due_day(session):
        assert statement.due_on is not None
        if statement.total_minor < min_charge_minor(statement.currency):
            continue
        if not is_past_due(statement.due_on, company.timezone, now):
            continue
        statement.status, statement.next_charge_at = "past_due", None
        company.payment_status = "past_due"
        audit_company(
            session,
            company,
            "statement.past_due",
            now,
            period=statement.period,
            total_minor=statement.total_minor,
        )
        count += 1
    return count
