"""The operator's price list: add a plan, list plans."""

from datetime import datetime

from sqlmodel import select

from billing.errors import AlreadyExists, Invalid, NotAllowed
from billing.money import Money, normalize_currency
from billing.names import clean_name, slugify
from commands.actor import Actor
from commands.views import Done, PlanList, PlanView
from storage import lookups
from storage.audit import record_event
from storage.tables import Plan
from storage.unit_of_work import UnitOfWork


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
    unit_price_minor: int | None = None,
    included: int | None = None,
) -> Done:
    if not actor.is_operator:
        raise NotAllowed("Only operators manage the price list.")
    name = clean_name(name, "plan name")
    code = normalize_currency(currency)
    metered = (metric, unit_price_minor, included)
    if any(v is not None for v in metered) and any(v is None for v in metered):
        raise Invalid("A metered plan needs metric:, unit: and included: together.")
    if amount_minor < 0 or (unit_price_minor or 0) < 0 or (included or 0) < 0:
        raise Invalid("Prices and included quantities can't be negative.")
    if environment not in ("production", "staging"):
        raise Invalid(f"“{environment}” is not an environment (use production or staging).")
    kind = "metered" if metric else ("flat" if amount_minor else "unbilled")
    plan = Plan(
        workspace_id=actor.workspace_id,
        name=name,
        slug=slugify(name),
        kind=kind,
        amount_minor=amount_minor,
        currency=code,
        environment=environment,
        metric=metric,
        unit_price_minor=unit_price_minor,
        included_quantity=included,
        created_at=now,
    )
    with uow:
        if lookups.plan_by_name(uow.session, actor.workspace_id, name) is not None:
            raise AlreadyExists(f"A plan called “{name}” already exists.")
        uow.session.add(plan)
        record_event(
            uow.session,
            workspace_id=actor.workspace_id,
            actor_id=actor.person_id,
            action="plan.created",
            now=now,
            plan=name,
            kind=kind,
            amount_minor=amount_minor,
            currency=code,
            environment=environment,
            metric=metric,
            unit_price_minor=unit_price_minor,
            included=included,
        )
        uow.commit()
    return Done(f"Added plan {name}: {describe_plan(_view(plan))}.")


def list_plans(uow: UnitOfWork, *, actor: Actor) -> PlanList:
    with uow:
        rows = uow.session.exec(
            select(Plan).where(Plan.workspace_id == actor.workspace_id).order_by(Plan.slug)
        )
        return PlanList([_view(p) for p in rows])


def _view(plan: Plan) -> PlanView:
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


def describe_plan(plan: PlanView) -> str:
    text = "unbilled" if plan.kind == "unbilled" else f"{plan.price} a month"
    if plan.metric and plan.unit_price is not None:
        text += f" + {plan.unit_price} per {plan.metric} above {plan.included:,} a day"
    return f"{text}, {plan.environment}"
