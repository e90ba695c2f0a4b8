"""List the operator's price list: each plan's prices today, a price change to come, retired
plans last."""

from dataclasses import dataclass
from datetime import date, datetime

from billing.calendar import local_date
from billing.money import Money
from commands.actor import Actor
from storage.price_list import Prices, price_history, price_list, prices_on
from storage.tables import Plan
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ListPlans:
    pass


@dataclass(frozen=True)
class PlanPrice:
    kind: str
    price: Money
    unit_price_micros: int | None  # millionths of the minor unit
    included: int | None


@dataclass(frozen=True)
class PlanView:
    name: str
    environment: str
    metric: str | None
    currency: str
    now: PlanPrice
    retired: bool = False
    next_change: tuple[date, PlanPrice] | None = None  # new prices from that day


@dataclass(frozen=True)
class PlanList:
    items: list[PlanView]


def list_plans(uow: UnitOfWork, *, actor: Actor, now: datetime) -> PlanList:
    with uow.read():
        plans = price_list(uow.session, actor.workspace_id)
        history = price_history(uow.session, plans)
        views = [plan_view(p, history[p.id or 0], local_date(now, "UTC")) for p in plans]
    return PlanList(sorted(views, key=lambda view: view.retired))


def plan_price(plan: Plan, prices: Prices) -> PlanPrice:
    return PlanPrice(
        kind=prices.kind,
        price=Money(prices.amount_minor, plan.currency),
        unit_price_micros=prices.unit_price_micros,
        included=prices.included_quantity,
    )


def plan_view(plan: Plan, history: list[Prices], today: date) -> PlanView:
    later = [p for p in history if p.since is not None and p.since > today]
    return PlanView(
        name=plan.name,
        environment=plan.environment,
        metric=plan.metric,
        currency=plan.currency,
        now=plan_price(plan, prices_on(history, today)),
        retired=plan.retired_at is not None,
        next_change=(later[0].since, plan_price(plan, later[0]))
        if later and later[0].since
        else None,
    )
