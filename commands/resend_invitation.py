"""Sending a pending invitation again: a fresh link and expiry; the old link stops at once."""

from dataclasses import dataclass
from datetime import datetime

from billing.invitations import InvitationUnusable
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.invitation_links import new_link
from commands.invitation_sent import InvitationSent, sent_to
from commands.managed_invitation import managed_invitation
from storage.tables import Person
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ResendInvite:
    invitation_id: int


def resend_invitation(
    uow: UnitOfWork,
    *,
    actor: Actor,
    invitation_id: int,
    now: datetime,
    ttl_hours: int,
    public_url: str,
) -> InvitationSent:
    with uow:
        session = uow.session
        invitation = managed_invitation(session, actor, invitation_id)
        if invitation.status != "pending":
            raise InvitationUnusable(
                f"Invitation #{invitation_id} is {invitation.status}: send a new one instead."
            )
        link = new_link(session, invitation, now=now, ttl_hours=ttl_hours, public_url=public_url)
        invitee = session.get(Person, invitation.invitee_person_id)
        assert invitee is not None
        commit_change(
            uow,
            actor,
            "invitation.resent",
            now=now,
            company_id=invitation.company_id,
            invitation=invitation_id,
        )
    return sent_to(invitee, invitation, link, actor.name, "resent")
