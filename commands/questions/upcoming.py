"""Each company's next charge: a closed statement whose charge day is still ahead, or the
estimate of the month charged next (last month's until its charge day closes it)."""

from collections.abc import Sequence
from datetime import date, datetime

from sqlmodel import Session

from billing.calendar import local_date
from billing.closing import CLOSED, Calendar
from billing.money import Money
from billing.periods import Month
from commands.drafts import drafts_for
from commands.pay_link import card_label
from commands.questions.answers import Upcoming
from storage.statements_by_status import statements_with_status
from storage.tables import Company, Statement, id_of


def upcoming(session: Session, company: Company, now: datetime, calendar: Calendar) -> Upcoming:
    return upcomings(session, [company], now, calendar)[id_of(company)]


def upcomings(
    session: Session, companies: Sequence[Company], now: datetime, calendar: Calendar
) -> dict[int, Upcoming]:
    """A few set-based queries for any number of companies (the Home tab shows many)."""
    today = {id_of(c): local_date(now, c.timezone) for c in companies}
    earliest = min(today.values(), default=None)
    if earliest is None:
        return {}
    since = str(Month.of(earliest).previous().previous())
    closed: dict[int, list[Statement]] = {}
    for row in statements_with_status(
        session, list(today), CLOSED, since=since, by_charge_day=True
    ):
        closed.setdefault(row.company_id, []).append(row)
    found: dict[int, Upcoming] = {}
    estimate: dict[Month, list[Company]] = {}
    for company in companies:
        key, day = id_of(company), today[id_of(company)]
        rows = closed.get(key, [])
        stored = _charged_ahead(rows, day)
        if stored is not None:
            found[key] = _upcoming(company, Month.parse(stored[0]), stored[1], stored[2], True)
        else:
            estimate.setdefault(_month_charged_next(rows, day, calendar), []).append(company)
    for month, group in estimate.items():
        drafts = drafts_for(session, group[0].workspace_id, group, month)
        for company in group:
            total = drafts[id_of(company)].total_minor
            found[id_of(company)] = _upcoming(
                company, month, total, calendar.charge_on(month), False
            )
    return found


def _charged_ahead(rows: list[Statement], day: date) -> tuple[str, int, date] | None:
    """(period, total, charge day) of the first finalized statement charged on `day` or later."""
    for r in rows:
        if r.status == "finalized" and r.charge_on is not None and r.charge_on >= day:
            return r.period, r.total_minor, r.charge_on
    return None


def _month_charged_next(rows: list[Statement], day: date, calendar: Calendar) -> Month:
    """This month, or last month while its charge day is ahead and it is not closed yet."""
    month = Month.of(day)
    last_closed = any(r.period == str(month.previous()) for r in rows)
    if calendar.charge_on(month.previous()) >= day and not last_closed:
        return month.previous()
    return month


def _upcoming(
    company: Company, month: Month, amount_minor: int, charge_on: date, final: bool
) -> Upcoming:
    return Upcoming(
        id_of(company),
        company.name,
        month,
        Money(amount_minor, company.currency),
        charge_on,
        final,
        company.billing_mode,
        card_label(company),
    )
