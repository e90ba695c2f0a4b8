"""Set the domain an app answers at, from a day on (production apps are billed from then)."""

from dataclasses import dataclass
from datetime import date, datetime

from billing.calendar import local_date
from billing.roles import Action, require
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.resolve import visible_app
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class SetAppDomain:
    app: str
    domain: str
    since: date | None = None


@dataclass(frozen=True)
class DomainSet:
    app: str
    domain: str
    since: date


def set_app_domain(
    uow: UnitOfWork,
    *,
    actor: Actor,
    app: str,
    domain: str,
    now: datetime,
    since: date | None = None,
) -> DomainSet:
    with uow:
        row, seen = visible_app(uow, actor, app)
        require(seen.role, Action.MANAGE_APPS, seen.company.name)
        row.domain = domain
        row.domain_since = since or local_date(now, seen.company.timezone)
        commit_change(
            uow,
            actor,
            "app.domain_set",
            now=now,
            company_id=seen.id,
            app=row.name,
            domain=domain,
            since=row.domain_since.isoformat(),
        )
    return DomainSet(row.name, domain, row.domain_since)
