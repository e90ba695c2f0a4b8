"""A company's reminder schedule, from its stored settings."""

from billing.reminders import Schedule, parse_time
from storage.tables import Company


def schedule_of(company: Company) -> Schedule:
    return Schedule(
        timezone=company.timezone,
        at=parse_time(company.reminder_time),
        days_before=company.reminder_days,
        on=company.reminders_on,
    )
