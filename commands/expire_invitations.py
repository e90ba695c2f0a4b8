"""Tell the inviter once when an invitation ran out unanswered (a resend renews it)."""

from datetime import datetime

from storage.audit import record_event
from storage.notices import notify, written_causes
from storage.sweeps import expired_invitations
from storage.unit_of_work import UnitOfWork


def expire_invitations(uow: UnitOfWork, *, now: datetime) -> int:
    """How many inviters were told now."""
    count = 0
    with uow:
        session = uow.session
        for invitation in expired_invitations(session, now):
            cause = f"invite_expired:{invitation.id}:{invitation.token_hash[:16]}"
            if written_causes(session, [cause]):
                continue
            notify(
                session,
                workspace_id=invitation.workspace_id,
                key=cause,
                people=[invitation.inviter_id],
                notice="invitation_expired",
                facts={"invitation_id": invitation.id},
                now=now,
            )
            record_event(
                session,
                workspace_id=invitation.workspace_id,
                company_id=invitation.company_id,
                actor_id=None,
                action="invitation.expired",
                now=now,
                invitation=invitation.id,
            )
            count += 1
        uow.commit()
    return count
