"""An invitation's one-time link: a fresh token (only its hash stored), expiry and reminder."""

from datetime import datetime
from typing import Any

from sqlmodel import Session

from billing.errors import Invalid
from billing.invitations import expiry, new_token, reminder_at, token_hash
from commands.actor import Actor
from storage.invitation_queries import drop_pending_reminders
from storage.notices import notify
from storage.tables import Invitation, Person, id_of


def addressed(actor: Actor, invitee: Person, now: datetime, **fields: Any) -> Invitation:
    """A new invitation from the actor to `invitee`, not stored until `new_link` gives it one."""
    if invitee.id == actor.person_id:
        hint = ": invite the client" if fields.get("kind") == "client" else ""
        raise Invalid(f"You can't invite yourself{hint}.")
    return Invitation(
        workspace_id=actor.workspace_id,
        inviter_id=actor.person_id,
        invitee_person_id=invitee.id,
        invitee_email=invitee.email,
        created_at=now,
        **fields,
    )


def new_link(
    session: Session, invitation: Invitation, *, now: datetime, ttl_hours: int, public_url: str
) -> str:
    """A fresh token and expiry: an earlier link stops working at once."""
    token = new_token()
    invitation.token_hash = token_hash(token)
    invitation.expires_at = expiry(now, ttl_hours)
    session.add(invitation)
    session.flush()
    _schedule_reminder(session, invitation, now)
    return f"{public_url.rstrip('/')}/invites/{token}"


def _schedule_reminder(session: Session, invitation: Invitation, now: datetime) -> None:
    """invite_expiring, due 24 h before the end (a renewed invitation replaces it)."""
    drop_pending_reminders(session, id_of(invitation))
    notify(
        session,
        workspace_id=invitation.workspace_id,
        key=f"invite_expiring:{invitation.id}:{invitation.token_hash[:16]}",
        people=[invitation.inviter_id],
        text=f"Your invitation #{invitation.id} expires in 24 hours and is not accepted yet. "
        f"`/billing resend-invite {invitation.id}` sends a fresh link.",
        now=now,
        due=reminder_at(invitation.expires_at),
    )
