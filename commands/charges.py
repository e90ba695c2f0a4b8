"""Charging finalized statements to saved cards, off-session, once: before each try the
provider is asked whether this statement was already charged (a try made just before a crash),
and every try carries an idempotency key from company, month and try number."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from billing.money import Money
from billing.periods import Month
from commands import notice_texts as texts
from commands.schedules import schedule_of
from payments.gateway import Charge, ChargeOrder, Gateway, Unavailable
from storage.audit import record_event
from storage.locks import lock_company
from storage.notices import notify_company
from storage.tables import Company, Statement, id_of
from storage.unit_of_work import UnitOfWork

RECHECK = timedelta(hours=6)
LEASE = timedelta(minutes=10)  # a charge the bank is still processing is looked at again then


@dataclass(frozen=True)
class ChargeReport:
    paid: int = 0
    failed: int = 0
    pending: int = 0
    skipped: int = 0


def charge_due(uow: UnitOfWork, gateway: Gateway, *, now: datetime) -> ChargeReport:
    """Every statement whose charge (or retry) time has come."""
    if gateway.mode != "stripe":
        return ChargeReport()
    with uow:
        due = uow.session.exec(
            select(Statement.id)
            .join(Company, col(Company.id) == Statement.company_id)
            .where(
                Statement.status == "finalized",
                col(Statement.next_charge_at) <= now,
                Company.billing_mode == "stripe",
            )
            .order_by(col(Statement.id))
        ).all()
    counts = {"paid": 0, "failed": 0, "pending": 0, "skipped": 0}
    for statement_id in due:
        assert statement_id is not None
        counts[charge_statement(uow, gateway, statement_id, now=now)] += 1
    return ChargeReport(**counts)


def charge_statement(uow: UnitOfWork, gateway: Gateway, statement_id: int, *, now: datetime) -> str:
    """One try for one statement: "paid", "failed", "pending" or "skipped"."""
    with uow:
        statement, company = _load(uow.session, statement_id)
        if statement.status != "finalized" or not _due(statement, now):
            return "skipped"
        customer_id = company.stripe_customer_id
        order_key = f"{company.id}:{statement.period}"
        attempt = statement.charge_attempts
        amount = statement.total_minor
        currency = statement.currency
        description = f"{company.name}: statement for {Month.parse(statement.period).label()}"
        # Taken for a while: another replica's sweep leaves it alone; after a crash the
        # next try comes when the lease runs out, and finds the charge made before it.
        statement.next_charge_at = now + LEASE
        uow.commit()
    try:
        if customer_id is None:
            outcome = Charge("", "failed", order_key, "no card on file")
        else:
            order = ChargeOrder(customer_id, amount, currency, order_key, description)
            found = gateway.find_charge(customer_id=customer_id, key=order_key)
            if found is not None and found.status in ("succeeded", "processing"):
                outcome = found  # charged before a crash: record it, never charge again
            else:
                outcome = gateway.charge(order, attempt=attempt)
    except Unavailable:
        return "skipped"  # Stripe unreachable: tried again when the lease ends
    return record_charge(uow, statement_id, outcome, now=now)


def record_charge(uow: UnitOfWork, statement_id: int, outcome: Charge, *, now: datetime) -> str:
    """Store what the provider said; a statement already paid stays paid."""
    with uow:
        session = uow.session
        statement, company = _load(session, statement_id)
        if statement.status == "paid":
            return "skipped"
        if outcome.intent_id and outcome.status != "failed":
            statement.payment_intent_id = outcome.intent_id
        if outcome.status == "succeeded":
            mark_paid_by_card(session, statement, company, now=now)
            uow.commit()
            return "paid"
        if outcome.status == "processing":
            statement.next_charge_at = now + RECHECK
            uow.commit()
            return "pending"
        _failed(session, statement, company, outcome.error or "declined", now)
        uow.commit()
        return "failed"


def mark_paid_by_card(
    session: Session, statement: Statement, company: Company, *, now: datetime
) -> None:
    statement.status, statement.paid_at, statement.next_charge_at = "paid", now, None
    _settle_company(session, company)
    month = Month.parse(statement.period)
    total = Money(statement.total_minor, statement.currency)
    card = texts.card_words(company.card_brand, company.card_last4) if company.card_last4 else None
    notify_company(
        session,
        company,
        kind="payment_received",
        cause=f"payment_received:{company.id}:{statement.period}",
        text=texts.payment_received(company.name, month, total, card),
        buttons=[texts.view_button(id_of(company), month)],
        due=max(now, schedule_of(company).next_moment(now)),
        now=now,
    )
    record_event(
        session,
        workspace_id=company.workspace_id,
        company_id=company.id,
        actor_id=None,
        action="statement.paid",
        now=now,
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
    month = Month.parse(statement.period)
    total = Money(statement.total_minor, statement.currency)
    notify_company(
        session,
        company,
        kind="payment_failed",
        cause=f"payment_failed:{company.id}:{statement.period}:{statement.charge_attempts}",
        text=texts.payment_failed(
            company.name,
            month,
            total,
            reason,
            retry.date() if retry else None,
            statement.due_on,
        ),
        buttons=[
            *texts.pay_button(id_of(company), True, company.card_last4 is not None),
            texts.view_button(id_of(company), month),
        ],
        due=schedule.next_moment(now),
        now=now,
    )
    record_event(
        session,
        workspace_id=company.workspace_id,
        company_id=company.id,
        actor_id=None,
        action="statement.charge_failed",
        now=now,
        period=statement.period,
        attempt=statement.charge_attempts,
        reason=reason[:200],
    )


def _settle_company(session: Session, company: Company) -> None:
    """A company is past due while any statement of it is."""
    unpaid = session.exec(
        select(Statement.id).where(
            Statement.company_id == id_of(company), Statement.status == "past_due"
        )
    ).first()
    company.payment_status = "past_due" if unpaid else "ok"


def _due(statement: Statement, now: datetime) -> bool:
    return statement.next_charge_at is not None and statement.next_charge_at <= now


def _load(session: Session, statement_id: int) -> tuple[Statement, Company]:
    statement = session.get(Statement, statement_id)
    assert statement is not None
    lock_company(session, statement.company_id)
    session.refresh(statement)
    company = session.get(Company, statement.company_id)
    assert company is not None
    return statement, company
