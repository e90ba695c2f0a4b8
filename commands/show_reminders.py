"""Show a company's reminder settings: on or off, how many days before the charge, at what
time on its clock, and where they go."""

from dataclasses import dataclass

from commands.actor import Actor
from commands.resolve import visible_company
from storage.tables import Company
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ShowReminders:
    company: str


@dataclass(frozen=True)
class ReminderSettings:
    company: str
    on: bool
    days: int  # before the charge day
    time: str  # HH:MM on the company's clock
    timezone: str
    channel_id: str | None  # None: by DM to its owners, admins and billing people
    updated: bool = False  # the settings were just changed


def show_reminders(uow: UnitOfWork, *, actor: Actor, company: str) -> ReminderSettings:
    with uow.read():
        return reminder_settings(visible_company(uow, actor, company).company)


def reminder_settings(row: Company, *, updated: bool = False) -> ReminderSettings:
    return ReminderSettings(
        company=row.name,
        on=row.reminders_on,
        days=row.reminder_days,
        time=row.reminder_time,
        timezone=row.timezone,
        channel_id=row.channel_id,
        updated=updated,
    )
