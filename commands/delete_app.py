"""Delete an app as of a day: it is billed through that day, not after."""

from dataclasses import dataclass
from datetime import date, datetime

from billing.calendar import local_date
from billing.errors import Invalid
from billing.roles import Action, require
from commands.actor import Actor
from commands.audit_commit import commit_change
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
        row.deleted_on = day
        commit_change(
            uow, actor, "app.deleted", now=now, company_id=seen.id, app=row.name, on=day.isoformat()
        )
    return AppDeleted(row.name, day)
