"""What the company has paid, statement by statement and when, and what is still open."""

from datetime import datetime

from billing.calendar import local_date
from billing.money import Money
from billing.periods import Month
from commands.actor import Actor
from commands.questions.answers import Paid, PaymentsMade
from commands.questions.read_access import read_access
from commands.questions.unpaid import unpaid
from storage.statements_by_status import statements_with_status
from storage.unit_of_work import UnitOfWork

SHOWN = 6  # paid statements listed, latest first


def payments_made(
    uow: UnitOfWork, actor: Actor, company_id: int, *, channel_id: str | None, now: datetime
) -> PaymentsMade:
    with uow.read():
        seen = read_access(uow.session, actor, company_id, channel_id)
        zone = seen.company.timezone
        rows = statements_with_status(uow.session, [seen.id], ("paid",))
        paid = [
            Paid(
                Month.parse(s.period),
                Money(s.total_minor, s.currency),
                local_date(s.paid_at, zone) if s.paid_at else None,
            )
            for s in reversed(rows[-SHOWN:])
        ]
        return PaymentsMade(
            seen.id, seen.company.name, paid, unpaid(uow.session, seen.company, now)
        )
