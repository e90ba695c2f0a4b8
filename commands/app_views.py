"""Apps as people see them: name, company, the plan in force today and the change to come,
domain with its day, trial, deletion, and whether a paid plan waits for a custom domain."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session

from billing.calendar import local_date
from storage.apps import apps_of, company_zones, plan_histories
from storage.tables import App, Plan
from storage.unit_of_work import UnitOfWork

NO_DOMAIN_YET = "not billed until a domain is added"


@dataclass(frozen=True)
class AppView:
    name: str
    company: str
    environment: str
    trial: bool
    plan: str | None  # the plan in force today (in the company's time zone)
    plan_since: date | None
    domain: str | None
    domain_since: date | None
    deleted_on: date | None
    next_plan: str | None = None  # a plan change dated after today
    next_plan_since: date | None = None
    awaits_domain: bool = False  # a production app on a paid plan, billed 0 until a domain


def app_views(
    uow: UnitOfWork, company_ids: Iterable[int], *, names: dict[int, str], now: datetime
) -> list[AppView]:
    """The apps of the companies (`names`: company id -> name), by slug."""
    return views_of(uow.session, company_ids, names=names, now=now)


def views_of(
    session: Session, company_ids: Iterable[int], *, names: dict[int, str], now: datetime
) -> list[AppView]:
    apps = apps_of(session, company_ids)
    histories = plan_histories(session, [a.id for a in apps if a.id is not None])
    zones = company_zones(session, {a.company_id for a in apps})
    return [
        _view(app, names[app.company_id], histories.get(app.id or 0, []), today)
        for app in apps
        for today in [local_date(now, zones.get(app.company_id, "UTC"))]
    ]


def _view(app: App, company: str, plans: list[tuple[date, Plan]], today: date) -> AppView:
    current = [(since, plan) for since, plan in plans if since <= today][-1:]
    coming = [(since, plan) for since, plan in plans if since > today][:1]
    in_force = (current or coming)[0][1] if (current or coming) else None
    return AppView(
        name=app.name,
        company=company,
        environment=app.environment,
        trial=app.trial,
        plan=current[0][1].name if current else None,
        plan_since=current[0][0] if current else None,
        domain=app.domain,
        domain_since=app.domain_since,
        deleted_on=app.deleted_on,
        next_plan=coming[0][1].name if coming else None,
        next_plan_since=coming[0][0] if coming else None,
        awaits_domain=(
            app.environment == "production"
            and app.domain is None
            and app.deleted_on is None
            and in_force is not None
            and in_force.kind != "unbilled"
            and in_force.environment == "production"
        ),
    )
