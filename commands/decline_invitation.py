"""The invitee declines an invitation (the Decline button); the inviter is told."""

from dataclasses import dataclass
from datetime import datetime

from billing.errors import NotFound
from commands.actor import Actor
from commands.audit_commit import commit_change
from commands.pending_invitation import answer
from storage.invitation_queries import drop_pending_reminders
from storage.notices import notify
from storage.tables import Invitation, Person
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class InvitationDeclined:
    id: int
    inviter: str


def decline_invitation(
    uow: UnitOfWork, *, actor: Actor, invitation_id: int, now: datetime
) -> InvitationDeclined:
    with uow:
        session = uow.session
        invitation = session.get(Invitation, invitation_id)
        if invitation is None or invitation.invitee_person_id != actor.person_id:
            raise NotFound(f"There is no invitation #{invitation_id} for you.")
        answer(session, invitation, "declined", actor.person_id, now)
        inviter = session.get(Person, invitation.inviter_id)
        drop_pending_reminders(session, invitation_id)
        notify(
            session,
            workspace_id=actor.workspace_id,
            key=f"declined:{invitation_id}",
            people=[invitation.inviter_id],
            now=now,
            text=f"{actor.name} declined invitation #{invitation_id}.",
        )
        commit_change(
            uow,
            actor,
            "invitation.declined",
            now=now,
            company_id=invitation.company_id,
            invitation=invitation_id,
        )
    return InvitationDeclined(invitation_id, inviter.name if inviter else "the inviter")
