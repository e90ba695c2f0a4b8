"""Where and when a company hears about money: its linked channel and its reminder settings."""

from datetime import datetime

from billing.errors import Invalid
from billing.refs import ChannelRef
from billing.reminders import check_days, check_time
from billing.roles import Action, require
from commands.actor import Actor
from commands.resolve import Seen, visible_company
from commands.views import ChannelLink, ReminderSettings
from storage.audit import record_event
from storage.tables import Company
from storage.unit_of_work import UnitOfWork


def link_channel(
    uow: UnitOfWork,
    *,
    actor: Actor,
    company: str,
    now: datetime,
    channel: ChannelRef | None = None,
    here: str | None = None,
) -> ChannelLink:
    """Link `channel`, or else `here` (the channel the command was typed in; None: no channel)."""
    channel_id = _channel_to_link(channel, here)
    with uow:
        seen = visible_company(uow, actor, company)
        require(seen.role, Action.LINK_CHANNELS, seen.company.name)
        return _route(uow, actor, seen, channel_id, now)


def unlink_channel(uow: UnitOfWork, *, actor: Actor, company: str, now: datetime) -> ChannelLink:
    """Back to direct messages to the company's owners, admins and billing people."""
    with uow:
        seen = visible_company(uow, actor, company)
        require(seen.role, Action.LINK_CHANNELS, seen.company.name)
        return _route(uow, actor, seen, None, now)


def _channel_to_link(channel: ChannelRef | None, here: str | None) -> str:
    if channel is not None and channel.channel_id is None:
        raise Invalid(
            f"I can't tell which channel #{channel.name} is: type # and pick it from Slack's "
            "list, so it becomes a link."
        )
    channel_id = channel.channel_id if channel is not None else here
    if channel_id is None:
        raise Invalid("There is no channel here: name the channel, like #billing.")
    if channel_id.startswith("D"):
        raise Invalid("A direct message can't be linked: name the channel, like #billing.")
    return channel_id


def _route(
    uow: UnitOfWork, actor: Actor, seen: Seen, channel_id: str | None, now: datetime
) -> ChannelLink:
    row = seen.company
    before, changed = row.channel_id, row.channel_id != channel_id
    if changed:
        row.channel_id = channel_id
        record_event(
            uow.session,
            workspace_id=actor.workspace_id,
            company_id=seen.id,
            actor_id=actor.person_id,
            action="company.channel_linked" if channel_id else "company.channel_unlinked",
            now=now,
            channel_id=channel_id or before,
            replaced=before if channel_id else None,
        )
        uow.commit()
    return ChannelLink(row.name, channel_id, changed)


def show_reminders(uow: UnitOfWork, *, actor: Actor, company: str) -> ReminderSettings:
    with uow:
        return _settings(visible_company(uow, actor, company).company)


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
            record_event(
                uow.session,
                workspace_id=actor.workspace_id,
                company_id=seen.id,
                actor_id=actor.person_id,
                action="company.reminders_set",
                now=now,
                **changes,
            )
            uow.commit()
        return _settings(row, updated=True)


def _settings(row: Company, *, updated: bool = False) -> ReminderSettings:
    return ReminderSettings(
        company=row.name,
        on=row.reminders_on,
        days=row.reminder_days,
        time=row.reminder_time,
        timezone=row.timezone,
        channel_id=row.channel_id,
        updated=updated,
    )
