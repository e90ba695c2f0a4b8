"""What sending or resending an invitation returns: its link, once, and who gets it."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.tables import Invitation, Person, id_of


@dataclass(frozen=True)
class InvitationSent:
    """The link exists only here, never in the database: the door hands the message to the
    invitee (Slack DM with Accept/Decline, e-mail) and shows the inviter the link."""

    id: int
    link: str
    inviter: str
    invitee: str
    expires_at: datetime
    kind: str  # client | access | resent (the same invitation, with a new link)
    apps: tuple[str, ...] = ()  # client: the apps to take over
    plan: str | None = None  # client: the plan they will be on
    company: str | None = None  # access: the company to join
    role: str | None = None  # access: the role in it
    to_user_id: str | None = None
    to_email: str | None = None


def sent_to(
    invitee: Person, invitation: Invitation, link: str, inviter: str, kind: str, **offer: Any
) -> InvitationSent:
    return InvitationSent(
        id_of(invitation),
        link,
        inviter,
        invitee.name,
        invitation.expires_at,
        kind,
        to_user_id=invitee.slack_user_id,
        to_email=invitee.email,
        **offer,
    )
