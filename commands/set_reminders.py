"""Change a company's reminders: on or off, days before the charge day, time of day."""

from dataclasses import dataclass
from datetime import datetime

from billing.errors import Invalid
from billing.reminders import check_days, check_time
from billing.roles import Action, require
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.resolve import visible_company
from commands.show_reminders import ReminderSettings, reminder_settings
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class SetReminders:
    """At least one of the optional fields is set."""

    company: str
    on: bool | None = None
    days: int | None = None
    time: str | None = None  # HH:MM, 24-hour


def set_reminders(
    uow: UnitOfWork,
    *,
    actor: Actor,
    company: str,
    now: datetime,
    on: bool | None = None,
    days: int | None = None,
    time: str | None = None,
) -> ReminderSettings:
    if on is None and days is None and time is None:
        raise Invalid("Nothing to change: give days:, time:, on or off.")
    wanted = {
        "reminders_on": on,
        "reminder_days": None if days is None else check_days(days),
        "reminder_time": None if time is None else check_time(time),
    }
    with uow:
        seen = visible_company(uow, actor, company)
        require(seen.role, Action.LINK_CHANNELS, seen.company.name)
        row = seen.company
        changes = {k: v for k, v in wanted.items() if v is not None and v != getattr(row, k)}
        if changes:
            for key, value in changes.items():
                setattr(row, key, value)
            commit_change(
                uow, actor, "company.reminders_set", now=now, company_id=seen.id, **changes
            )
        return reminder_settings(row, updated=True)
