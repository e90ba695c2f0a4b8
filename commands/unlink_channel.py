"""Unlink a company's channel: back to direct messages to its owners, admins and billing
people."""

from dataclasses import dataclass
from datetime import datetime

from billing.roles import Action, require
from commands.actor import Actor
from commands.company_channel import ChannelLink, route_notices
from commands.resolve import visible_company
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class UnlinkChannel:
    company: str


def unlink_channel(uow: UnitOfWork, *, actor: Actor, company: str, now: datetime) -> ChannelLink:
    with uow:
        seen = visible_company(uow, actor, company)
        require(seen.role, Action.LINK_CHANNELS, seen.company.name)
        return route_notices(uow, actor, seen, None, now)
