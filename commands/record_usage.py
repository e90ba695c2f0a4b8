"""Record an app's usage of a metric on a day, after the fact, while its month is open."""

from dataclasses import dataclass
from datetime import date, datetime

from billing.calendar import local_date
from billing.closing import CLOSED
from billing.errors import Invalid
from billing.periods import Month
from billing.roles import Action, require
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.resolve import visible_app
from storage.statements import statement_of
from storage.tables import Usage, id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class RecordUsage:
    app: str
    metric: str
    quantity: int
    on: date | None = None


@dataclass(frozen=True)
class UsageRecorded:
    app: str
    metric: str
    quantity: int
    day: date


def record_usage(
    uow: UnitOfWork,
    *,
    actor: Actor,
    app: str,
    metric: str,
    quantity: int,
    now: datetime,
    on: date | None = None,
) -> UsageRecorded:
    if quantity < 0:
        raise Invalid("Usage can't be negative.")
    with uow:
        row, seen = visible_app(uow, actor, app)
        require(seen.role, Action.MANAGE_APPS, seen.company.name)
        day = on or local_date(now, seen.company.timezone)
        if day > local_date(now, seen.company.timezone):
            raise Invalid(f"{day.isoformat()} is in the future: usage is recorded after the fact.")
        month = Month.of(day)
        closed = statement_of(uow.session, seen.id, str(month))
        if closed is not None and closed.status in CLOSED:
            raise Invalid(f"{month} is closed for {seen.company.name}: its statement is final.")
        uow.session.add(
            Usage(app_id=id_of(row), metric=metric, day=day, quantity=quantity, recorded_at=now)
        )
        commit_change(
            uow,
            actor,
            "usage.recorded",
            now=now,
            company_id=seen.id,
            app=row.name,
            metric=metric,
            quantity=quantity,
            day=day.isoformat(),
        )
    return UsageRecorded(row.name, metric, quantity, day)
