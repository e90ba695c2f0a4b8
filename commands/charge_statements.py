"""Charge finalized statements to saved cards, off-session, once: before each try the provider
is asked whether this statement was already charged (a try made just before a crash), and every
try carries an idempotency key from company, month and try number."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from billing.periods import Month
from commands.record_charge import record_charge
from payments.gateway import Charge, ChargeOrder, Gateway, Unavailable
from storage.unit_of_work import UnitOfWork
from storage.unpaid import due_charges, locked_statement

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
        due = due_charges(uow.session, now)
    counts = {"paid": 0, "failed": 0, "pending": 0, "skipped": 0}
    for statement_id in due:
        counts[charge_statement(uow, gateway, statement_id, now=now)] += 1
    return ChargeReport(**counts)


def charge_statement(uow: UnitOfWork, gateway: Gateway, statement_id: int, *, now: datetime) -> str:
    """One try for one statement: "paid", "failed", "pending" or "skipped"."""
    with uow:
        statement, company = locked_statement(uow.session, statement_id)
        charge_at = statement.next_charge_at
        if statement.status != "finalized" or charge_at is None or charge_at > now:
            return "skipped"
        customer_id = company.stripe_customer_id
        order_key = f"{company.id}:{statement.period}"
        attempt = statement.charge_attempts
        number = statement.number or ""
        month = Month.parse(statement.period).label()
        description = f"Statement {number} of {company.name} for {month}".replace("  ", " ")
        amount, currency = statement.total_minor, statement.currency
        # Taken for a while: another replica's sweep leaves it alone; after a crash the
        # next try comes when the lease runs out, and finds the charge made before it.
        statement.next_charge_at = now + LEASE
        uow.commit()
    if customer_id is None:
        outcome = Charge("", "failed", order_key, "no card on file")
    else:
        order = ChargeOrder(customer_id, amount, currency, order_key, description, number)
        try:
            outcome = _try(gateway, order, attempt)
        except Unavailable:
            return "skipped"  # Stripe unreachable: tried again when the lease ends
    return record_charge(uow, statement_id, outcome, now=now)


def _try(gateway: Gateway, order: ChargeOrder, attempt: int) -> Charge:
    found = gateway.find_charge(customer_id=order.customer_id, key=order.key)
    if found is not None and found.status in ("succeeded", "processing"):
        return found  # charged before a crash: record it, never charge again
    return gateway.charge(order, attempt=attempt)
