"""List the operator's price list."""

from dataclasses import dataclass

from billing.money import Money
from commands.actor import Actor
from storage.price_list import price_list
from storage.tables import Plan
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ListPlans:
    pass


@dataclass(frozen=True)
class PlanView:
    name: str
    kind: str
    price: Money
    environment: str
    metric: str | None
    unit_price: Money | None
    included: int | None


@dataclass(frozen=True)
class PlanList:
    items: list[PlanView]


def list_plans(uow: UnitOfWork, *, actor: Actor) -> PlanList:
    with uow:
        return PlanList([plan_view(p) for p in price_list(uow.session, actor.workspace_id)])


def plan_view(plan: Plan) -> PlanView:
    unit = (
        Money(plan.unit_price_minor, plan.currency) if plan.unit_price_minor is not None else None
    )
    return PlanView(
        name=plan.name,
        kind=plan.kind,
        price=Money(plan.amount_minor, plan.currency),
        environment=plan.environment,
        metric=plan.metric,
        unit_price=unit,
        included=plan.included_quantity,
    )
