"""Change a plan's prices from a day on: a new version of the plan, so that statements already
made never change (the day is today or later, in a month no statement has closed)."""

from dataclasses import dataclass
from datetime import date, datetime

from billing.calendar import local_date
from billing.errors import Invalid, NotAllowed
from billing.money import normalize_currency
from billing.periods import Month
from billing.plans import plan_kind
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.list_plans import PlanPrice, plan_price
from commands.resolve import plan_named
from storage.price_list import Prices, price_history, prices_on, version_on
from storage.statements import closed_since
from storage.tables import Plan, PlanVersion, id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class RepricePlan:
    plan: str
    amount_minor: int
    currency: str
    unit_price_micros: int | None = None
    included: int | None = None
    start: date | None = None  # from:, default the first day of next month


@dataclass(frozen=True)
class PlanRepriced:
    plan: str
    since: date
    was: PlanPrice
    now: PlanPrice
    metric: str | None


def reprice_plan(
    uow: UnitOfWork,
    *,
    actor: Actor,
    plan: str,
    amount_minor: int,
    currency: str,
    now: datetime,
    unit_price_micros: int | None = None,
    included: int | None = None,
    start: date | None = None,
) -> PlanRepriced:
    if not actor.is_operator:
        raise NotAllowed("Only operators manage the price list.")
    today = local_date(now, "UTC")
    since = start or Month.of(today).next().first_day
    if since < today:
        raise Invalid(
            f"{since.isoformat()} has passed: a new price starts today or later, so that "
            "statements already made never change."
        )
    with uow:
        row = plan_named(uow, actor, plan)
        if normalize_currency(currency) != row.currency:
            raise Invalid(f"Plan {row.name} is priced in {row.currency}, not {currency}.")
        if row.metric is not None:
            unit_price_micros = _keep(unit_price_micros, row, "unit_price_micros")
            included = _keep(included, row, "included_quantity")
        elif unit_price_micros is not None or included is not None:
            raise Invalid(f"Plan {row.name} is not metered: it has no unit price to change.")
        kind = plan_kind(amount_minor, row.metric, unit_price_micros, included)
        closed = closed_since(uow.session, actor.workspace_id, str(Month.of(since)))
        if closed:
            raise Invalid(f"{Month.of(since)} is already closed: choose a day after it.")
        was = _prices_before(uow, row, since)
        version = PlanVersion(
            plan_id=id_of(row),
            since=since,
            kind=kind,
            amount_minor=amount_minor,
            unit_price_micros=unit_price_micros,
            included_quantity=included,
            created_at=now,
        )
        same_day = version_on(uow.session, id_of(row), since)
        if same_day is not None:  # a second change for the same day replaces the first
            uow.session.delete(same_day)
            uow.session.flush()
        uow.session.add(version)
        commit_change(
            uow,
            actor,
            "plan.repriced",
            now=now,
            plan=row.name,
            since=since.isoformat(),
            amount_minor=amount_minor,
            unit_price_micros=unit_price_micros,
            included=included,
        )
        new = Prices(since, kind, amount_minor, unit_price_micros, included)
        return PlanRepriced(row.name, since, plan_price(row, was), plan_price(row, new), row.metric)


def _keep(value: int | None, row: Plan, field: str) -> int | None:
    return value if value is not None else getattr(row, field)


def _prices_before(uow: UnitOfWork, row: Plan, since: date) -> Prices:
    history = price_history(uow.session, [row])[id_of(row)]
    return prices_on([p for p in history if p.since is None or p.since < since], since)
