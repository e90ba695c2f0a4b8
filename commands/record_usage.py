"""Record an app's usage of a metric on a day, after the fact (a negative quantity corrects it,
as a line of its own, never below 0 for the day). A day in a month whose statement
is final becomes a correction on the oldest open statement."""

from dataclasses import dataclass
from datetime import date, datetime

from billing.calendar import local_date
from billing.errors import Invalid
from billing.periods import Month
from billing.roles import Action, require
from billing.statement import day_label
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.late_dates import LateChange, audit_detail, reach_back, settle
from commands.resolve import visible_app
from storage.tables import Usage, id_of
from storage.unit_of_work import UnitOfWork
from storage.usage import day_usage


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
    late: LateChange | None = None  # the day is in a month whose statement is final
    day_total: int | None = None  # after a correction: the day's usage now


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
    with uow:
        row, seen = visible_app(uow, actor, app)
        require(seen.role, Action.MANAGE_APPS, seen.company.name)
        day = on or local_date(now, seen.company.timezone)
        if day > local_date(now, seen.company.timezone):
            raise Invalid(f"{day.isoformat()} is in the future: usage is recorded after the fact.")
        open_month = reach_back(uow.session, seen.company, day, now)
        total = day_usage(uow.session, id_of(row), metric, day) + quantity
        if quantity < 0 and total < 0:
            raise Invalid(
                f"{row.name} has {total - quantity:,} {metric} on {day.isoformat()}: a correction "
                "can take off at most that many."
            )
        uow.session.add(
            Usage(app_id=id_of(row), metric=metric, day=day, quantity=quantity, recorded_at=now)
        )
        late = settle(
            uow.session,
            seen.company,
            app=row.name,
            first=Month.of(day),
            open_month=open_month,
            what=f"{row.name}, {quantity:,} {metric} on {day_label(day)}",
            now=now,
            only_first=True,
        )
        commit_change(
            uow,
            actor,
            "usage.corrected" if quantity < 0 else "usage.recorded",
            now=now,
            company_id=seen.id,
            app=row.name,
            metric=metric,
            quantity=quantity,
            day=day.isoformat(),
            **audit_detail(late),
        )
    return UsageRecorded(row.name, metric, quantity, day, late, total if quantity < 0 else None)
