"""Invitations in words: the inviter's receipt, the invitee's message, the acceptance, the list."""

from collections.abc import Callable
from typing import Any

from commands.invitation_accepted import Accepted
from commands.invitation_sent import InvitationSent
from commands.list_invitations import InviteList


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


def sent_sentence(sent: InvitationSent) -> str:
    """What the inviter sees: the link to forward, should the message not arrive."""
    return (
        f"Invitation #{sent.id} sent to {sent.invitee}: {_offer(sent, 'their')}. It expires "
        f"{sent.expires_at:%Y-%m-%d %H:%M} UTC. Link to forward: {sent.link}"
    )


def accepted_sentence(accepted: Accepted) -> str:
    if accepted.kind == "client":
        names = ", ".join(accepted.apps)
        return f"{accepted.company} is set up and owns {names}; you are its owner."
    return f"You are now {accepted.role} of {accepted.company}."


def _pending(result: InviteList, audience: str) -> str:
    if not result.lines:
        return "No pending invitations."
    lines = [f"Pending invitations ({len(result.lines)}):"]
    for line in result.lines:
        state = "expired" if line.expired else "expires"
        what = (
            f"{line.role} of {line.company}"
            if line.company
            else f"take over {', '.join(line.apps)}"
        )
        lines.append(
            f"• #{line.id} {line.invitee}: {what}; {state} {line.expires_at:%Y-%m-%d %H:%M} UTC"
        )
    return "\n".join(lines)


WORDS: dict[type, Callable[[Any], str]] = {
    InvitationSent: sent_sentence,
    Accepted: accepted_sentence,
}
TEXTS: dict[type, Callable[[Any, str], str]] = {InviteList: _pending}
