"""Invitations in words: what the inviter is told, the invitee's message, and the answers."""

from functools import singledispatch

from commands.decline_invitation import InvitationDeclined
from commands.invitation_accepted import Accepted
from commands.invitation_sent import InvitationSent
from commands.revoke_invitation import InvitationRevoked


def _offer(sent: InvitationSent, whose: str) -> str:
    """What is offered: "shop, blog on plan Basic in a company of their own", "admin of Acme"."""
    if sent.kind == "client":
        priced = f" on plan {sent.plan}" if sent.plan else ""
        return f"{', '.join(sent.apps)}{priced} in a company of {whose} own"
    if sent.kind == "access":
        return f"{sent.role} of {sent.company}"
    return "the same invitation, with a new link"


def invitee_message(sent: InvitationSent) -> str:
    """The DM or e-mail that brings the invitee the link."""
    if sent.kind == "client":
        return (
            f"{sent.inviter} invites you to take over {_offer(sent, 'your')}. "
            f"Complete billing here: {sent.link}"
        )
    if sent.kind == "access":
        return f"{sent.inviter} invites you to {sent.company} as {sent.role}. {sent.link}"
    return (
        f"{sent.inviter} sent your invitation again (the earlier link no longer works). {sent.link}"
    )


@singledispatch
def invitation_sentence(result: object) -> str:
    raise TypeError(f"no sentence for {type(result).__name__}")


@invitation_sentence.register
def _sent(r: InvitationSent) -> str:
    return (
        f"Invitation #{r.id} sent to {r.invitee}: {_offer(r, 'their')}. It expires "
        f"{r.expires_at:%Y-%m-%d %H:%M} UTC. Link to forward: {r.link}"
    )


@invitation_sentence.register
def _accepted(r: Accepted) -> str:
    if r.kind == "client":
        names = ", ".join(r.apps) or "no apps (they were deleted meanwhile)"
        return f"{r.company} is set up and owns {names}; you are its owner."
    return f"You are now {r.role} of {r.company}."


@invitation_sentence.register
def _revoked(r: InvitationRevoked) -> str:
    return f"Invitation #{r.id} is withdrawn: its link no longer works."


@invitation_sentence.register
def _declined(r: InvitationDeclined) -> str:
    return f"You declined invitation #{r.id}; {r.inviter} is told."
