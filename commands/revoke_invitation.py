"""Withdrawing a pending invitation: its link stops working."""

from dataclasses import dataclass
from datetime import datetime

from billing.invitations import InvitationUnusable
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.managed_invitation import managed_invitation
from commands.pending_invitation import answer
from storage.invitation_queries import drop_pending_reminders
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class RevokeInvite:
    invitation_id: int


@dataclass(frozen=True)
class InvitationRevoked:
    id: int


def revoke_invitation(
    uow: UnitOfWork, *, actor: Actor, invitation_id: int, now: datetime
) -> InvitationRevoked:
    with uow:
        invitation = managed_invitation(uow.session, actor, invitation_id)
        if invitation.status != "pending":
            raise InvitationUnusable(f"Invitation #{invitation_id} is already {invitation.status}.")
        answer(uow.session, invitation, "revoked", actor.person_id, now)
        drop_pending_reminders(uow.session, invitation_id)
        commit_change(
            uow,
            actor,
            "invitation.revoked",
            now=now,
            company_id=invitation.company_id,
            invitation=invitation_id,
        )
    return InvitationRevoked(invitation_id)
