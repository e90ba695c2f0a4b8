"""Apps with their plan history: some companies' apps and current plans, the plan change of a
day, and the companies' names for listings."""

from collections.abc import Iterable
from datetime import date

from sqlmodel import Session, col, select

from storage.tables import App, Company, Plan, PlanAssignment


def apps_of(session: Session, company_ids: Iterable[int]) -> list[App]:
    query = select(App).where(col(App.company_id).in_(list(company_ids))).order_by(App.slug)
    return list(session.exec(query).all())


def plan_histories(session: Session, app_ids: list[int]) -> dict[int, list[tuple[date, Plan]]]:
    """app id -> its plans with their start days, oldest first."""
    rows = session.exec(
        select(col(PlanAssignment.app_id), col(PlanAssignment.since), Plan)
        .join(Plan, col(Plan.id) == PlanAssignment.plan_id)
        .where(col(PlanAssignment.app_id).in_(app_ids))
        .order_by(col(PlanAssignment.since))
    )
    histories: dict[int, list[tuple[date, Plan]]] = {}
    for app_id, since, plan in rows:
        histories.setdefault(app_id, []).append((since, plan))
    return histories


def company_zones(session: Session, ids: Iterable[int]) -> dict[int, str]:
    """id -> time zone of those companies (their "today" is a day in that zone)."""
    query = select(Company.id, Company.timezone).where(col(Company.id).in_(list(ids)))
    return {key: zone for key, zone in session.exec(query) if key is not None}


def plan_assignment_on(session: Session, app_id: int, day: date) -> PlanAssignment | None:
    """The plan change that takes effect on that day, if one does."""
    query = select(PlanAssignment).where(
        PlanAssignment.app_id == app_id, PlanAssignment.since == day
    )
    return session.exec(query).first()


def plans_from(session: Session, app_id: int, day: date) -> list[PlanAssignment]:
    """The app's plan changes that take effect on that day or later."""
    query = select(PlanAssignment).where(
        PlanAssignment.app_id == app_id, col(PlanAssignment.since) >= day
    )
    return list(session.exec(query).all())


def company_names(session: Session, workspace_id: int, ids: list[int] | None) -> dict[int, str]:
    """id -> name of the workspace's companies (only those in `ids` unless None)."""
    query = select(Company.id, Company.name).where(Company.workspace_id == workspace_id)
    if ids is not None:
        query = query.where(col(Company.id).in_(ids))
    return {key: name for key, name in session.exec(query) if key is not None}


def apps_on_plan(session: Session, plan_id: int) -> int:
    """How many apps, not deleted, are on the plan by their latest plan change."""
    having = select(PlanAssignment.app_id).where(PlanAssignment.plan_id == plan_id)
    rows = session.exec(
        select(col(PlanAssignment.app_id), col(PlanAssignment.plan_id))
        .join(App, col(App.id) == PlanAssignment.app_id)
        .where(col(PlanAssignment.app_id).in_(having), col(App.deleted_on).is_(None))
        .order_by(col(PlanAssignment.since))
    )
    latest = dict(rows.all())
    return sum(1 for plan in latest.values() if plan == plan_id)
