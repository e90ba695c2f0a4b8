"""Add a plan to the operator's price list: unbilled, flat, or metered above a daily allowance."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from billing.errors import AlreadyExists, NotAllowed
from billing.money import normalize_currency
from billing.names import clean_name, slugify
from billing.plans import check_environment, plan_kind
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.list_plans import PlanView, plan_view
from storage import lookups
from storage.price_list import first_prices
from storage.tables import Plan
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class NewPlan:
    name: str
    amount_minor: int
    currency: str
    environment: str = "production"
    metric: str | None = None
    unit_price_micros: int | None = None
    included: int | None = None


@dataclass(frozen=True)
class PlanCreated:
    plan: PlanView


def create_plan(
    uow: UnitOfWork,
    *,
    actor: Actor,
    name: str,
    amount_minor: int,
    currency: str,
    now: datetime,
    environment: str = "production",
    metric: str | None = None,
    unit_price_micros: int | None = None,
    included: int | None = None,
) -> PlanCreated:
    if not actor.is_operator:
        raise NotAllowed("Only operators manage the price list.")
    name = clean_name(name, "plan name")
    code = normalize_currency(currency)
    kind = plan_kind(amount_minor, metric, unit_price_micros, included)
    check_environment(environment)
    terms: dict[str, Any] = {
        "kind": kind,
        "amount_minor": amount_minor,
        "currency": code,
        "environment": environment,
        "metric": metric,
        "unit_price_micros": unit_price_micros,
    }
    plan = Plan(
        workspace_id=actor.workspace_id,
        name=name,
        slug=slugify(name),
        **terms,
        included_quantity=included,
        created_at=now,
    )
    with uow:
        if lookups.plan_by_name(uow.session, actor.workspace_id, name) is not None:
            raise AlreadyExists(f"A plan called “{name}” already exists.")
        uow.session.add(plan)
        commit_change(uow, actor, "plan.created", now=now, plan=name, **terms, included=included)
    return PlanCreated(plan_view(plan, [first_prices(plan)], now.date()))
