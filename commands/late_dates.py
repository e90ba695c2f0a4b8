"""`since:` and `on:` dates that reach back. A date in a month still open changes that month's
statement; a date in a month whose statement is final leaves it alone and settles the
difference as a correction on the oldest open statement."""

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlmodel import Session

from billing.calendar import local_date
from billing.corrections import (
    check_reach,
    closed_months,
    correction_line,
    first_open_month,
    why_later,
)
from billing.money import Money
from billing.periods import Month
from billing.statement import build_statement
from storage.billing_facts import month_facts
from storage.corrections import billed_for_app, newest_closed_month
from storage.locks import lock_company
from storage.tables import Company, Correction, id_of


@dataclass(frozen=True)
class Corrected:
    month: Month  # the month whose final statement it corrects
    amount: Money  # below zero: a refund


@dataclass(frozen=True)
class LateChange:
    """What a date in a closed month did: the final months it reached (some unchanged), the
    corrections made, and the statement that carries them."""

    closed: tuple[Month, ...]
    corrections: tuple[Corrected, ...]
    on_statement: Month


@dataclass(frozen=True)
class BilledFrom:
    """An open month bills the app from a later day than the date said, or not at all."""

    month: Month
    day: date | None  # None: not billed that month
    why: str  # "domain" | "trial"


def billed_from(session: Session, company: Company, app: str, day: date) -> BilledFrom | None:
    """When the month of `day` bills the app from a later day (its domain's, the day after its
    trial) or not at all for want of a domain; None when it bills as the reply says."""
    month, key = Month.of(day), id_of(company)
    session.flush()
    facts = month_facts(session, company.workspace_id, month, [key]).get(key, [])
    facts = [f for f in facts if f.name == app]
    why = why_later(facts[0], day) if facts else ""
    if not why:
        return None  # a later start has reasons of its own: a plan change day, a move
    statement = build_statement(company_id=key, currency=company.currency, month=month, apps=facts)
    starts = [line.first_day for line in statement.lines if line.kind == "plan" and line.first_day]
    first = min((start for start in starts if start >= day), default=None)
    if first == day:
        return None
    return BilledFrom(month, first, why)


def open_from(session: Session, company: Company, now: datetime) -> Month:
    """The oldest month a date may still change for the company (see first_open_month)."""
    this_month = min(Month.of(local_date(now, company.timezone)), Month.of(now.astimezone(UTC)))
    newest = newest_closed_month(session, id_of(company))
    return first_open_month(newest_closed=newest, this_month=this_month)


def reach_back(session: Session, company: Company, day: date, now: datetime) -> Month:
    """Refuse a date before the company's first month; return the oldest open month. Changes
    to one company's history take turns from here, so two corrections of one month never
    both count what was billed before either."""
    first = Month.of(local_date(company.created_at, company.timezone))
    check_reach(day, company=company.name, first_month=first)
    lock_company(session, id_of(company))
    return open_from(session, company, now)


def settle(
    session: Session,
    company: Company,
    *,
    app: str,
    first: Month,
    open_month: Month,
    what: str,
    now: datetime,
    only_first: bool = False,
) -> LateChange | None:
    """After a change to the app's history from a day in `first` on (`only_first`: in that
    month only, as usage): a correction for each final month it changes, by the same rules as
    every statement."""
    months = tuple(closed_months(first, open_month))[: 1 if only_first else None]
    if not months:
        return None
    session.flush()
    made = []
    for month in months:
        facts = month_facts(session, company.workspace_id, month, [id_of(company)])
        rebilled = build_statement(
            company_id=id_of(company),
            currency=company.currency,
            month=month,
            apps=[f for f in facts.get(id_of(company), []) if f.name == app],
        )
        billed, days = billed_for_app(session, id_of(company), month, app)
        line = correction_line(
            month=month,
            app=app,
            what=what,
            rebilled=rebilled.lines,
            billed_minor=billed,
            billed_days=days,
        )
        if line is None:
            continue
        session.add(
            Correction(
                company_id=id_of(company),
                period=str(month),
                target=str(open_month),
                app_name=app,
                description=line.description,
                days=line.days,
                amount_minor=line.amount_minor,
                currency=company.currency,
                created_at=now,
            )
        )
        made.append(Corrected(month, Money(line.amount_minor, company.currency)))
    return LateChange(months, tuple(made), open_month)


def audit_detail(late: LateChange | None) -> dict[str, object]:
    """The corrections a change made, for its audit event."""
    if late is None or not late.corrections:
        return {}
    return {
        "corrections": [[str(c.month), c.amount.amount_minor] for c in late.corrections],
        "billed_in": str(late.on_statement),
    }
