"""Link a company to a channel: its reminders and statements go there."""

from dataclasses import dataclass
from datetime import datetime

from billing.errors import Invalid
from billing.refs import ChannelRef
from billing.roles import Action, require
from commands.actor import Actor
from commands.company_channel import ChannelLink, route_notices
from commands.resolve import visible_company
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class LinkChannel:
    company: str
    channel: ChannelRef | None = None  # None: the channel the command was typed in


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
        return route_notices(uow, actor, seen, channel_id, now)


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
