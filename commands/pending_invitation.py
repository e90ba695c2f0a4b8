"""An invitation found by its link, and answered once: the row decides between racing clicks."""

from datetime import datetime

from sqlmodel import Session

from billing.invitations import InvitationUnusable, Lifetime, same_hash, token_hash
from storage.claims import claim
from storage.invitation_queries import by_token_hash
from storage.tables import Invitation, id_of


def by_token(session: Session, token: str) -> Invitation:
    """The invitation a link carries; unknown and tampered links answer alike. The row is found
    by the hash's index, then the hashes are compared again in constant time."""
    invitation = by_token_hash(session, token_hash(token))
    if invitation is None or not same_hash(invitation.token_hash, token):
        raise InvitationUnusable(
            "This invitation link is not valid: check that it was copied "
            "whole, or ask for a new one.",
            code="invitation_unknown",
        )
    return invitation


def lifetime(invitation: Invitation) -> Lifetime:
    return Lifetime(invitation.status, invitation.expires_at)


def answer(
    session: Session, invitation: Invitation, status: str, by: int | None, now: datetime
) -> None:
    """pending -> status, once."""
    if not claim(session, Invitation, id_of(invitation), status=status, by=by, now=now):
        raise InvitationUnusable("This invitation was already answered.", code="invitation_used")
    invitation.status = status
