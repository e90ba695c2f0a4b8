"""Where a company's reminders and statements go: its linked channel, or direct messages."""

from dataclasses import dataclass
from datetime import datetime

from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.resolve import Seen
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ChannelLink:
    """Where a company's reminders and statements go after a link or an unlink."""

    company: str
    channel_id: str | None  # None: by DM to its owners, admins and billing people
    changed: bool  # False: they went there already


def route_notices(
    uow: UnitOfWork, actor: Actor, seen: Seen, channel_id: str | None, now: datetime
) -> ChannelLink:
    """Send the company's notices to `channel_id` (None: by DM) from now on."""
    row = seen.company
    before, changed = row.channel_id, row.channel_id != channel_id
    if changed:
        row.channel_id = channel_id
        commit_change(
            uow,
            actor,
            "company.channel_linked" if channel_id else "company.channel_unlinked",
            now=now,
            company_id=seen.id,
            channel_id=channel_id or before,
            replaced=before if channel_id else None,
        )
    return ChannelLink(row.name, channel_id, changed)
