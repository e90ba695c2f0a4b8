"""Store what the payment provider said about a charge: paid (and the company told), still
processing, or failed (told, with the next try or the due day); a paid statement stays paid."""

from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session

from billing.periods import Month
from commands.notice_facts import month_notice
from commands.schedules import schedule_of
from commands.system_audit import audit_company
from payments.gateway import Charge
from storage.notices import notify_company
from storage.tables import Company, Statement, id_of
from storage.unit_of_work import UnitOfWork
from storage.unpaid import has_past_due, locked_statement

RECHECK = timedelta(hours=6)


def record_charge(uow: UnitOfWork, statement_id: int, outcome: Charge, *, now: datetime) -> str:
    """ "paid", "pending", "failed", or "skipped" when the statement was paid already."""
    with uow:
        statement, company = locked_statement(uow.session, statement_id)
        if statement.status == "paid":
            return "skipped"
        if outcome.intent_id and outcome.status != "failed":
            statement.payment_intent_id = outcome.intent_id
        if outcome.status == "succeeded":
            _paid(uow.session, statement, company, now=now)
            result = "paid"
        elif outcome.status == "processing":
            statement.next_charge_at = now + RECHECK
            result = "pending"
        else:
            _failed(uow.session, statement, company, outcome.error or "declined", now)
            result = "failed"
        uow.commit()
        return result


def _paid(session: Session, statement: Statement, company: Company, *, now: datetime) -> None:
    statement.status, statement.paid_at, statement.next_charge_at = "paid", now, None
    company.payment_status = "past_due" if has_past_due(session, id_of(company)) else "ok"
    due = max(now, schedule_of(company).next_moment(now))
    _tell(session, "payment_received", statement, company, now, due=due)
    audit_company(
        session,
        company,
        "statement.paid",
        now,
        period=statement.period,
        total_minor=statement.total_minor,
        payment_intent=statement.payment_intent_id,
    )


def _failed(
    session: Session, statement: Statement, company: Company, reason: str, now: datetime
) -> None:
    statement.charge_attempts += 1
    schedule = schedule_of(company)
    assert statement.charge_on is not None and statement.due_on is not None
    retry = schedule.charge_at(statement.charge_on, statement.charge_attempts)
    if retry is not None and retry.date() > statement.due_on:
        retry = None
    statement.next_charge_at = retry
    _tell(
        session,
        "payment_failed",
        statement,
        company,
        now,
        due=schedule.next_moment(now),
        round=statement.charge_attempts,
        reason=reason,
        next_try=retry.date() if retry else None,
        due_on=statement.due_on,
    )
    audit_company(
        session,
        company,
        "statement.charge_failed",
        now,
        period=statement.period,
        attempt=statement.charge_attempts,
        reason=reason[:200],
    )


def _tell(
    session: Session,
    kind: str,
    statement: Statement,
    company: Company,
    now: datetime,
    **facts: Any,
) -> None:
    notice = month_notice(
        kind,
        company,
        Month.parse(statement.period),
        total_minor=statement.total_minor,
        currency=statement.currency,
        **facts,
    )
    notify_company(session, notice, now=now)
