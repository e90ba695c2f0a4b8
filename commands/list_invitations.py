"""Pending invitations you sent, or that concern companies you own or administer."""

from dataclasses import dataclass
from datetime import datetime

from billing.names import slugify
from commands.actor import Actor
from storage.invitation_queries import pending_managed
from storage.roles import companies_of
from storage.tables import App, Company, id_of
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ListInvites:
    company: str | None = None


@dataclass(frozen=True)
class PendingLine:
    id: int
    invitee: str
    role: str | None  # an invitation into a company: the role offered
    company: str | None  # ... and the company
    apps: list[str]  # a client invitation: the apps to take over
    expires_at: datetime
    expired: bool


@dataclass(frozen=True)
class InviteList:
    lines: list[PendingLine]


def list_invitations(
    uow: UnitOfWork, *, actor: Actor, now: datetime, company: str | None = None
) -> InviteList:
    with uow.read():
        session = uow.session
        roles = companies_of(session, actor.person_id)
        managed = [c for c, r in roles.items() if r in ("owner", "admin")]
        lines = []
        for invitation, invitee in pending_managed(
            session, actor.workspace_id, actor.person_id, managed
        ):
            target = session.get(Company, invitation.company_id) if invitation.company_id else None
            if company is not None and (target is None or target.slug != slugify(company)):
                continue
            apps = [a.name for key in invitation.app_ids if (a := session.get(App, key))]
            lines.append(
                PendingLine(
                    id_of(invitation),
                    invitee,
                    invitation.role if target else None,
                    target.name if target else None,
                    apps,
                    invitation.expires_at,
                    invitation.expires_at <= now,
                )
            )
        return InviteList(lines)
