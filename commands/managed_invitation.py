"""The invitations a person manages: ones they sent, or ones for a company they run."""

from sqlmodel import Session

from billing.errors import NotFound
from commands.actor import Actor
from storage.roles import role_of
from storage.tables import App, Invitation


def managed_invitation(session: Session, actor: Actor, invitation_id: int) -> Invitation:
    """The inviter, or an owner or admin of the company concerned, manages an invitation."""
    invitation = session.get(Invitation, invitation_id)
    if invitation is None or invitation.workspace_id != actor.workspace_id:
        raise NotFound(f"There is no invitation #{invitation_id} you can manage.")
    if invitation.inviter_id != actor.person_id and not _manages_target(session, actor, invitation):
        raise NotFound(f"There is no invitation #{invitation_id} you can manage.")
    return invitation


def _manages_target(session: Session, actor: Actor, invitation: Invitation) -> bool:
    companies = (
        [invitation.company_id]
        if invitation.company_id
        else [app.company_id for key in invitation.app_ids if (app := session.get(App, key))]
    )
    return any(role_of(session, c, actor.person_id) in ("owner", "admin") for c in companies)
