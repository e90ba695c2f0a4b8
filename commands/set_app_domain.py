"""Set the domain an app answers at, from a day on (production apps are billed from then). A
day in a month whose statement is final becomes a correction on the oldest open statement."""

from dataclasses import dataclass
from datetime import date, datetime

from billing.calendar import local_date
from billing.periods import Month
from billing.roles import Action, require
from billing.statement import day_label
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.late_dates import (
    BilledFrom,
    LateChange,
    audit_detail,
    billed_from,
    reach_back,
    settle,
)
from commands.resolve import visible_app
from storage.app_ownership import start_app_from
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
    late: LateChange | None = None  # the date (or the one before) is in a final month
    billed_from: BilledFrom | None = None  # an open month bills it later (a trial)


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
        start = since or local_date(now, seen.company.timezone)
        open_month = reach_back(uow.session, seen.company, start, now)
        before = row.domain_since
        start_app_from(uow.session, row, start)
        row.domain = domain
        row.domain_since = start
        late = settle(
            uow.session,
            seen.company,
            app=row.name,
            first=Month.of(min(start, before or start)),
            open_month=open_month,
            what=f"{row.name}, domain from {day_label(start)}",
            now=now,
        )
        later = billed_from(uow.session, seen.company, row.name, start) if late is None else None
        commit_change(
            uow,
            actor,
            "app.domain_set",
            now=now,
            company_id=seen.id,
            app=row.name,
            domain=domain,
            since=start.isoformat(),
            **audit_detail(late),
        )
    return DomainSet(row.name, domain, start, late, later)
