"""Each company's closed statements not paid yet, oldest first, with how many days late."""

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session

from billing.calendar import local_date
from billing.money import Money
from billing.periods import Month
from billing.statement import min_charge_minor
from commands.questions.answers import Carried, Unpaid
from storage.statements_by_status import statements_with_status
from storage.tables import Company, id_of

UNPAID = ("finalized", "past_due")


def unpaid(session: Session, company: Company, now: datetime) -> list[Unpaid]:
    return unpaid_of(session, [company], now).get(id_of(company), [])


def unpaid_of(
    session: Session, companies: Sequence[Company], now: datetime
) -> dict[int, list[Unpaid]]:
    zones = {id_of(c): c.timezone for c in companies}
    found: dict[int, list[Unpaid]] = {}
    for s in statements_with_status(session, list(zones), UNPAID):
        today = local_date(now, zones[s.company_id])
        late = max(0, (today - s.due_on).days) if s.due_on else 0
        item = Unpaid(Month.parse(s.period), Money(s.total_minor, s.currency), s.due_on, late)
        found.setdefault(s.company_id, []).append(item)
    return found


def owed_and_carried(found: list[Unpaid]) -> tuple[list[Unpaid], list[Carried]]:
    """Statements to pay, and those too small to charge (or credits), which the next
    statement carries instead."""
    owed, carried = [], []
    for u in found:
        if u.amount.amount_minor < min_charge_minor(u.amount.currency):
            carried.append(Carried(u.month, u.amount))
        else:
            owed.append(u)
    return owed, carried
