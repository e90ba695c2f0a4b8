"""Delete an app as of a day: it is billed through that day, not after. A day in a month whose
statement is final becomes a correction (a refund) on the oldest open statement."""

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
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class DeleteApp:
    app: str
    on: date | None = None


@dataclass(frozen=True)
class AppDeleted:
    app: str
    on: date
    late: LateChange | None = None  # the day is in a month whose statement is final


def delete_app(
    uow: UnitOfWork, *, actor: Actor, app: str, now: datetime, on: date | None = None
) -> AppDeleted:
    with uow:
        row, seen = visible_app(uow, actor, app)
        require(seen.role, Action.MANAGE_APPS, seen.company.name)
        if row.deleted_on is not None:
            raise Invalid(f"{row.name} was already deleted on {row.deleted_on.isoformat()}.")
        day = on or local_date(now, seen.company.timezone)
        if day < row.created_on:
            raise Invalid(
                f"{row.name} was created on {row.created_on.isoformat()}: "
                "it can't be deleted before that."
            )
        open_month = reach_back(uow.session, seen.company, day, now)
        row.deleted_on = day
        late = settle(
            uow.session,
            seen.company,
            app=row.name,
            first=Month.of(day),
            open_month=open_month,
            what=f"{row.name} deleted on {day_label(day)}",
            now=now,
        )
        commit_change(
            uow,
            actor,
            "app.deleted",
            now=now,
            company_id=seen.id,
            app=row.name,
            on=day.isoformat(),
            **audit_detail(late),
        )
    return AppDeleted(row.name, day, late)
