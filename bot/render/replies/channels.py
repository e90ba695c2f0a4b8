"""Where a company's reminders and statements go, and when reminders come."""

from collections.abc import Callable
from typing import Any

from commands.company_channel import ChannelLink
from commands.show_reminders import ReminderSettings


def _where(channel_id: str | None) -> str:
    if channel_id is None:
        return "by direct message to its owners, admins and billing people"
    return f"to <#{channel_id}>"


def _channel_link(result: ChannelLink, audience: str) -> str:
    when = "now" if result.changed else "already"
    return f"Reminders and statements for {result.company} {when} go {_where(result.channel_id)}."


def _reminders(result: ReminderSettings, audience: str) -> str:
    days = "1 day" if result.days == 1 else f"{result.days} days"
    how = (
        f"{days} before the charge day, at {result.time} {result.timezone}, "
        f"{_where(result.channel_id)}"
    )
    state = f"on, {how}" if result.on else f"off (when on: {how})"
    saved = "Saved. " if result.updated else ""
    return f"{saved}Reminders for {result.company}: {state}."


TEXTS: dict[type, Callable[[Any, str], str]] = {
    ChannelLink: _channel_link,
    ReminderSettings: _reminders,
}
