"""Apps as people see them: name, company, plan and domain with their days, trial, deletion."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from storage.apps import apps_of, latest_plans
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class AppView:
    name: str
    company: str
    environment: str
    trial: bool
    plan: str | None
    plan_since: date | None
    domain: str | None
    domain_since: date | None
    deleted_on: date | None


def app_views(
    uow: UnitOfWork, company_ids: Iterable[int], *, names: dict[int, str]
) -> list[AppView]:
    """The apps of the companies (`names`: company id -> name), by slug."""
    apps = apps_of(uow.session, company_ids)
    latest = latest_plans(uow.session, [a.id for a in apps if a.id is not None])
    return [
        AppView(
            name=a.name,
            company=names[a.company_id],
            environment=a.environment,
            trial=a.trial,
            plan=latest.get(a.id or 0, (None, None))[0],
            plan_since=latest.get(a.id or 0, (None, None))[1],
            domain=a.domain,
            domain_since=a.domain_since,
            deleted_on=a.deleted_on,
        )
        for a in apps
    ]
