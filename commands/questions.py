"""Billing questions asked in Slack: which companies the asker may ask about here, and the
answer to each kind of question, read with the same rules as `/billing`.

A person may read a company's billing when they hold a role in it, when they are an operator,
or when they ask in the channel linked to it (linking is an owner's or admin's choice to share
it there). Everything else is as unknown as a company that does not exist.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, or_, select

from billing.calendar import local_date
from billing.errors import Invalid, NotFound
from billing.money import Money
from billing.periods import Month
from billing.roles import PERMISSIONS, Action, allowed
from commands.actor import Actor
from commands.apps import app_views
from commands.cards import PayLink, card_label, pay_link
from commands.drafts import drafts_for
from commands.list_access import access_view
from commands.statements import CLOSED, Calendar, statement_view
from commands.views import (
    AppPlans,
    BillingPeople,
    CannotPay,
    Dues,
    LastStatement,
    PaidByHand,
    Permissions,
    StatementView,
    Unpaid,
    Upcoming,
    WhichCompany,
)
from payments.gateway import Gateway
from storage.id_sets import among
from storage.roles import companies_of, role_of
from storage.tables import App, Company, Plan, Statement, id_of
from storage.unit_of_work import UnitOfWork

MAX_OPTIONS = 10  # companies listed when asking which one
UNPAID = ("finalized", "past_due")


@dataclass(frozen=True)
class Askable:
    """What the asker may ask about where they asked."""

    companies: dict[str, int]  # name -> id
    apps: dict[str, int]  # app name -> company id
    linked: int | None  # the company linked to this channel
    plans: list[str]  # the price list's plan names ("is shop on Pro?")

    def only(self) -> int | None:
        return next(iter(self.companies.values())) if len(self.companies) == 1 else None


def askable(uow: UnitOfWork, actor: Actor, channel_id: str | None) -> Askable:
    with uow:
        session = uow.session
        query = select(Company.id, Company.name, Company.channel_id).where(
            Company.workspace_id == actor.workspace_id
        )
        if not actor.is_operator:
            mine = col(Company.id).in_(list(companies_of(session, actor.person_id)))
            query = query.where(or_(mine, Company.channel_id == channel_id) if channel_id else mine)
        companies: dict[str, int] = {}
        linked = None
        for key, name, channel in session.exec(query.order_by(col(Company.slug))):
            assert key is not None
            companies[name] = key
            if channel_id and channel == channel_id:
                linked = key
        apps = session.exec(
            select(App.name, App.company_id).where(
                col(App.company_id).in_(list(companies.values())), col(App.deleted_on).is_(None)
            )
        ).all()
        plans = session.exec(select(Plan.name).where(Plan.workspace_id == actor.workspace_id))
        return Askable(companies, dict(apps), linked, list(plans))


@dataclass(frozen=True)
class Reader:
    """A company as the asker may read it, and how."""

    company: Company
    role: str | None
    through_channel: bool

    @property
    def id(self) -> int:
        return id_of(self.company)


def reader(session: Session, actor: Actor, company_id: int, channel_id: str | None) -> Reader:
    company = session.get(Company, company_id)
    unknown = NotFound("I can't find that company among those you have access to.")
    if company is None or company.workspace_id != actor.workspace_id:
        raise unknown
    role = role_of(session, company_id, actor.person_id)
    here = bool(channel_id) and company.channel_id == channel_id
    if role is None and not actor.is_operator and not here:
        raise unknown  # the same words as for no company at all: not even its name
    return Reader(company, role, role is None and not actor.is_operator)


def which_company(ask: Askable) -> WhichCompany:
    names = list(ask.companies)
    return WhichCompany(names[:MAX_OPTIONS], len(names))


def upcoming(session: Session, company: Company, now: datetime, calendar: Calendar) -> Upcoming:
    return upcomings(session, [company], now, calendar)[id_of(company)]


def upcomings(
    session: Session, companies: Sequence[Company], now: datetime, calendar: Calendar
) -> dict[int, Upcoming]:
    """Each company's next charge: a closed statement whose charge day is still ahead, or the
    estimate of the month charged next (last month's until its charge day closes it). A few
    set-based queries for any number of companies (the Home tab shows many)."""
    ids = [id_of(c) for c in companies]
    today = {id_of(c): local_date(now, c.timezone) for c in companies}
    earliest = min(today.values(), default=None)
    if earliest is None:
        return {}
    closed: dict[int, list[Statement]] = {}
    for row in session.exec(
        select(Statement)
        .where(
            among(session, Statement.company_id, ids),
            col(Statement.status).in_(CLOSED),
            col(Statement.period) >= str(Month.of(earliest).previous().previous()),
        )
        .order_by(col(Statement.charge_on))
    ):
        closed.setdefault(row.company_id, []).append(row)
    found: dict[int, Upcoming] = {}
    estimate: dict[Month, list[Company]] = {}
    for company in companies:
        key, day = id_of(company), today[id_of(company)]
        rows = closed.get(key, [])
        stored = next(
            (
                r
                for r in rows
                if r.status == "finalized" and r.charge_on is not None and r.charge_on >= day
            ),
            None,
        )
        if stored is not None and stored.charge_on is not None:
            month = Month.parse(stored.period)
            found[key] = _upcoming(company, month, stored.total_minor, stored.charge_on, True)
            continue
        month = Month.of(day)
        last_closed = any(r.period == str(month.previous()) for r in rows)
        if calendar.charge_on(month.previous()) >= day and not last_closed:
            month = month.previous()
        estimate.setdefault(month, []).append(company)
    for month, group in estimate.items():
        drafts = drafts_for(session, group[0].workspace_id, group, month)
        for company in group:
            total = drafts[id_of(company)].total_minor
            found[id_of(company)] = _upcoming(
                company, month, total, calendar.charge_on(month), False
            )
    return found


def _upcoming(
    company: Company, month: Month, amount_minor: int, charge_on: date, final: bool
) -> Upcoming:
    card = card_label(company)
    return Upcoming(
        id_of(company),
        company.name,
        month,
        Money(amount_minor, company.currency),
        charge_on,
        final,
        company.billing_mode,
        card,
    )


def unpaid(session: Session, company: Company, now: datetime) -> list[Unpaid]:
    return unpaid_of(session, [company], now).get(id_of(company), [])


def unpaid_of(
    session: Session, companies: Sequence[Company], now: datetime
) -> dict[int, list[Unpaid]]:
    """Each company's closed statements not paid yet, oldest first, with days late."""
    zones = {id_of(c): c.timezone for c in companies}
    rows = session.exec(
        select(Statement)
        .where(among(session, Statement.company_id, list(zones)), col(Statement.status).in_(UNPAID))
        .order_by(col(Statement.period))
    ).all()
    found: dict[int, list[Unpaid]] = {}
    for s in rows:
        today = local_date(now, zones[s.company_id])
        late = max(0, (today - s.due_on).days) if s.due_on else 0
        item = Unpaid(Month.parse(s.period), Money(s.total_minor, s.currency), s.due_on, late)
        found.setdefault(s.company_id, []).append(item)
    return found


def next_charge(
    uow: UnitOfWork,
    actor: Actor,
    company_id: int,
    *,
    channel_id: str | None,
    now: datetime,
    calendar: Calendar,
) -> Upcoming:
    with uow:
        seen = reader(uow.session, actor, company_id, channel_id)
        return upcoming(uow.session, seen.company, now, calendar)


def dues(
    uow: UnitOfWork,
    actor: Actor,
    company_id: int,
    *,
    channel_id: str | None,
    now: datetime,
    calendar: Calendar,
    overdue_only: bool = False,
) -> Dues:
    with uow:
        seen = reader(uow.session, actor, company_id, channel_id)
        return Dues(
            seen.id,
            seen.company.name,
            unpaid(uow.session, seen.company, now),
            upcoming(uow.session, seen.company, now, calendar),
            overdue_only,
        )


def last_statement(
    uow: UnitOfWork,
    actor: Actor,
    company_id: int,
    *,
    channel_id: str | None,
    now: datetime,
    calendar: Calendar,
) -> LastStatement:
    with uow:
        session = uow.session
        seen = reader(session, actor, company_id, channel_id)
        period = session.exec(
            select(Statement.period)
            .where(Statement.company_id == seen.id, col(Statement.status).in_(CLOSED))
            .order_by(col(Statement.period).desc())
        ).first()
        shown = (
            statement_view(session, seen.company, Month.parse(period), calendar) if period else None
        )
        return LastStatement(
            seen.id, seen.company.name, shown, upcoming(session, seen.company, now, calendar)
        )


def app_plans(
    uow: UnitOfWork, actor: Actor, company_id: int, *, channel_id: str | None, app: str | None
) -> AppPlans:
    with uow:
        seen = reader(uow.session, actor, company_id, channel_id)
        apps = [
            a
            for a in app_views(uow, [seen.id], names={seen.id: seen.company.name})
            if a.deleted_on is None
        ]
        asked = [a for a in apps if a.name == app]
        return AppPlans(seen.company.name, asked or apps, app if asked else None)


def billing_people(
    uow: UnitOfWork, actor: Actor, company_id: int, *, channel_id: str | None
) -> BillingPeople:
    with uow:
        seen = reader(uow.session, actor, company_id, channel_id)
        view = access_view(uow.session, seen.id, seen.company.name)
        people = [
            (name, role) for name, role, _ in view.people if allowed(role, Action.UPDATE_PAYMENT)
        ]
        return BillingPeople(seen.company.name, people)


def pay(
    uow: UnitOfWork,
    gateway: Gateway,
    actor: Actor,
    company_id: int,
    *,
    channel_id: str | None,
    public_url: str,
) -> PayLink | CannotPay | PaidByHand:
    """The same link `/billing pay` gives, for the roles allowed to pay; the others learn whom
    to ask. A company billed by hand learns how it pays instead."""
    with uow:
        seen = reader(uow.session, actor, company_id, channel_id)
        row = seen.company
        name, role = row.name, seen.role
        if row.billing_mode != "stripe" or gateway.mode != "stripe":
            return PaidByHand(name, row.invoice_email)
    if not allowed(role, Action.UPDATE_PAYMENT):
        return CannotPay(name, role)
    return pay_link(uow, gateway, actor=actor, company=name, public_url=public_url)


def permissions(
    uow: UnitOfWork, actor: Actor, company_id: int, *, channel_id: str | None
) -> Permissions:
    with uow:
        seen = reader(uow.session, actor, company_id, channel_id)
        doable = [a.value for a in PERMISSIONS if allowed(seen.role, a)]
        return Permissions(
            seen.company.name, seen.role, doable, seen.through_channel, actor.is_operator
        )


@dataclass(frozen=True)
class StatementPage:
    """One month of a company's statements, and the months before and after it to page to."""

    company_id: int
    statement: StatementView
    previous: Month | None
    next: Month | None


def statement_page(
    uow: UnitOfWork,
    actor: Actor,
    company_id: int,
    month: Month | None,
    *,
    channel_id: str | None,
    now: datetime,
    calendar: Calendar,
) -> StatementPage:
    """From the month the company was set up to the current one; other months are refused."""
    with uow:
        seen = reader(uow.session, actor, company_id, channel_id)
        row = seen.company
        current = Month.of(local_date(now, row.timezone))
        first = Month.of(local_date(row.created_at, row.timezone))
        month = month or current
        if not first <= month <= current:
            raise Invalid(
                f"{row.name} has statements from {first.label()} to {current.label()}; "
                f"{month.label()} is not one of them."
            )
        return StatementPage(
            seen.id,
            statement_view(uow.session, row, month, calendar),
            month.previous() if month > first else None,
            month.next() if month < current else None,
        )
