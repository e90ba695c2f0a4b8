"""Mark a statement of a company billed by hand paid (operators only)."""

from dataclasses import dataclass
from datetime import datetime

from billing.errors import Invalid, NotAllowed
from billing.periods import Month
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.resolve import visible_company
from storage.statements import statement_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class MarkPaid:
    company: str
    month: Month


@dataclass(frozen=True)
class MarkedPaid:
    company: str
    month: Month


def mark_paid(
    uow: UnitOfWork, *, actor: Actor, company: str, month: Month, now: datetime
) -> MarkedPaid:
    if not actor.is_operator:
        raise NotAllowed("Only operators record payments.")
    with uow:
        seen = visible_company(uow, actor, company)
        if seen.company.billing_mode != "manual":
            raise Invalid(
                f"{seen.company.name} pays by card through Stripe: "
                "payments are recorded from Stripe."
            )
        stored = statement_of(uow.session, seen.id, str(month))
        if stored is None or stored.status not in ("finalized", "past_due"):
            state = stored.status if stored else "not closed yet"
            raise Invalid(
                f"The {month} statement of {seen.company.name} is {state}: "
                "only finalized or past-due statements can be marked paid."
            )
        stored.status, stored.paid_at = "paid", now
        commit_change(
            uow,
            actor,
            "statement.paid",
            now=now,
            company_id=seen.id,
            period=str(month),
            total_minor=stored.total_minor,
        )
    return MarkedPaid(seen.company.name, month)
