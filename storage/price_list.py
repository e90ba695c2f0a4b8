"""The operator's price list: a workspace's plans, and each plan's prices from which day."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from storage.tables import Plan, PlanVersion


@dataclass(frozen=True)
class Prices:
    """A plan's prices from `since` on (None: its first prices, from the start)."""

    since: date | None
    kind: str
    amount_minor: int
    unit_price_micros: int | None
    included_quantity: int | None


def price_list(session: Session, workspace_id: int) -> list[Plan]:
    """The workspace's plans, by slug."""
    query = select(Plan).where(Plan.workspace_id == workspace_id).order_by(Plan.slug)
    return list(session.exec(query).all())


def first_prices(plan: Plan) -> Prices:
    return Prices(
        None, plan.kind, plan.amount_minor, plan.unit_price_micros, plan.included_quantity
    )


def price_history(session: Session, plans: Iterable[Plan]) -> dict[int, list[Prices]]:
    """plan id -> its first prices, then its versions by day."""
    history: dict[int, list[Prices]] = defaultdict(list)
    for plan in plans:
        history[plan.id or 0].append(first_prices(plan))
    if not history:
        return {}
    rows = session.exec(
        select(PlanVersion)
        .where(col(PlanVersion.plan_id).in_(list(history)))
        .order_by(col(PlanVersion.since))
    )
    for v in rows:
        history[v.plan_id].append(
            Prices(v.since, v.kind, v.amount_minor, v.unit_price_micros, v.included_quantity)
        )
    return dict(history)


def prices_on(history: list[Prices], day: date) -> Prices:
    """The prices in force on `day` (the history starts with the first prices)."""
    return [p for p in history if p.since is None or p.since <= day][-1]


def version_on(session: Session, plan_id: int, since: date) -> PlanVersion | None:
    query = select(PlanVersion).where(PlanVersion.plan_id == plan_id, PlanVersion.since == since)
    return session.exec(query).first()
