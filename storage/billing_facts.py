"""What the billing engine needs for a month, read set-based (a few queries, no N+1)."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, or_, select

from billing.app_history import AppFacts, metered_usage, owners_from
from billing.periods import Month
from billing.plans import PlanTerms
from storage.id_sets import among
from storage.price_list import Prices, price_history, price_list, prices_on
from storage.tables import App, AppOwnership, Plan, PlanAssignment, Usage


def month_facts(
    session: Session, workspace_id: int, month: Month, company_ids: Iterable[int] | None = None
) -> dict[int, list[AppFacts]]:
    """company id -> the apps it owned on any day of `month`, with their history."""
    first, last = month.first_day, month.last_day
    query = sa_select(
        col(App.id),
        col(App.name),
        col(App.environment),
        col(App.created_on),
        col(App.domain_since),
        col(App.deleted_on),
        col(App.trial),
        col(App.trial_through),
    ).where(
        col(App.workspace_id) == workspace_id,
        col(App.created_on) <= last,
        or_(col(App.deleted_on).is_(None), col(App.deleted_on) >= first),
    )
    wanted = None if company_ids is None else set(company_ids)
    if wanted is not None:
        owned = select(AppOwnership.app_id).where(among(session, AppOwnership.company_id, wanted))
        query = query.where(col(App.id).in_(owned))
    apps: dict[int, Any] = {row.id: row for row in session.connection().execute(query).all()}
    owners = _owners(session, apps, last)
    plans = _plans(session, workspace_id, apps, last)
    metered = [app_id for app_id, history in plans.items() if any(p.metric for _, p in history)]
    usage = _usage(session, metered, first, last)
    facts: dict[int, list[AppFacts]] = defaultdict(list)
    for app_id, row in apps.items():
        _, name, environment, created_on, domain_since, deleted_on, trial, trial_through = row
        history = owners.get(app_id, [])
        app_plans = plans.get(app_id, [])
        fact = AppFacts(
            name=name,
            environment=environment,
            created_on=created_on,
            plans=tuple(app_plans),
            owners=tuple(history),
            domain_since=domain_since,
            deleted_on=deleted_on,
            trial_through=last if trial else trial_through,
            usage=metered_usage(usage.get(app_id, {}), app_plans),
        )
        for company_id in owners_from(history, first):
            if wanted is None or company_id in wanted:
                facts[company_id].append(fact)
    return facts


def _owners(session: Session, apps: dict, last: date) -> dict[int, list[tuple[date, int]]]:
    rows = session.connection().execute(
        select(
            col(AppOwnership.app_id), col(AppOwnership.since), col(AppOwnership.company_id)
        ).where(among(session, AppOwnership.app_id, apps), AppOwnership.since <= last)
    )
    grouped: dict[int, list[tuple[date, int]]] = defaultdict(list)
    for app_id, since, company_id in rows:
        grouped[app_id].append((since, company_id))
    return grouped


_DAY = timedelta(days=1)


def _plans(
    session: Session, workspace_id: int, apps: dict, last: date
) -> dict[int, list[tuple[date, PlanTerms]]]:
    """Each app's plan history, a plan's new prices (its versions) as entries of their own; the
    price list is small, so all of it is read once."""
    plans = {p.id: p for p in price_list(session, workspace_id)}
    prices = price_history(session, plans.values())
    rows = (
        session.connection()
        .execute(
            select(
                col(PlanAssignment.app_id), col(PlanAssignment.since), col(PlanAssignment.plan_id)
            ).where(among(session, PlanAssignment.app_id, apps), PlanAssignment.since <= last)
        )
        .all()
    )
    by_app: dict[int, list[tuple[date, int]]] = defaultdict(list)
    for app_id, since, plan_id in rows:
        by_app[app_id].append((since, plan_id))
    grouped: dict[int, list[tuple[date, PlanTerms]]] = {}
    terms: dict[tuple[int, date], PlanTerms] = {}  # thousands of apps share a few plans and days

    def terms_on(plan_id: int, day: date) -> PlanTerms:
        if (plan_id, day) not in terms:
            terms[(plan_id, day)] = _terms(plans[plan_id], prices_on(prices[plan_id], day))
        return terms[(plan_id, day)]

    for app_id, assigned in by_app.items():
        ordered = sorted(assigned)
        entries: list[tuple[date, PlanTerms]] = []
        for index, (since, plan_id) in enumerate(ordered):
            until = ordered[index + 1][0] if index + 1 < len(ordered) else last + _DAY
            entries.append((since, terms_on(plan_id, since)))
            if len(prices[plan_id]) == 1:  # the plan's first prices only: no versions
                continue
            entries += [
                (p.since, terms_on(plan_id, p.since))
                for p in prices[plan_id]
                if p.since is not None and since < p.since < until and p.since <= last
            ]
        grouped[app_id] = entries
    return grouped


def _terms(plan: Plan, prices: Prices) -> PlanTerms:
    return PlanTerms(
        name=plan.name,
        kind=prices.kind,
        amount_minor=prices.amount_minor,
        currency=plan.currency,
        environment=plan.environment,
        metric=plan.metric,
        unit_price_micros=prices.unit_price_micros,
        included_quantity=prices.included_quantity,
    )


def _usage(
    session: Session, apps: list[int], first: date, last: date
) -> dict[int, dict[str, dict[date, int]]]:
    if not apps:
        return {}
    result = session.connection().execute(
        select(col(Usage.app_id), col(Usage.metric), col(Usage.day), func.sum(col(Usage.quantity)))
        .where(among(session, Usage.app_id, apps), Usage.day >= first, Usage.day <= last)
        .group_by(col(Usage.app_id), col(Usage.metric), col(Usage.day))
    )
    # A month close reads a row per app, metric and day: straight from the driver's cursor,
    # without SQLAlchemy's row objects (SQLite gives days as the ISO text they are stored as).
    rows = result.cursor.fetchall() if result.cursor is not None else []
    result.close()
    grouped: dict[int, dict[str, dict[date, int]]] = defaultdict(lambda: defaultdict(dict))
    days: dict[Any, date] = {}
    for app_id, metric, day, quantity in rows:
        if day not in days:
            days[day] = day if isinstance(day, date) else date.fromisoformat(day)
        grouped[app_id][metric][days[day]] = int(quantity)
    return grouped
