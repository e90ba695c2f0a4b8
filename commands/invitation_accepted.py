"""What accepting an invitation leaves: the facts returned, the audit event, both sides told."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session

from storage.audit import record_event
from storage.notices import notify
from storage.tables import Invitation, Person, id_of


@dataclass(frozen=True)
class Accepted:
    kind: str  # client (a company of their own, owning the apps) | access (joined a company)
    company: str
    workspace_id: int
    company_id: int
    role: str
    apps: tuple[str, ...] = ()  # client: the apps taken over


def record_acceptance(
    session: Session,
    invitation: Invitation,
    invitee: Person,
    now: datetime,
    company_id: int,
    to_inviter: str,
    to_invitee: str,
    **detail: Any,
) -> None:
    """The invitee is the actor here: the web page accepts for someone who may not be in
    Slack, so this is recorded directly rather than through an `Actor`."""
    record_event(
        session,
        workspace_id=invitation.workspace_id,
        company_id=company_id,
        actor_id=invitee.id,
        action="invitation.accepted",
        now=now,
        invitation=invitation.id,
        **detail,
    )
    for who, person_id, text in (
        ("inviter", invitation.inviter_id, to_inviter),
        ("invitee", id_of(invitee), to_invitee),
    ):
        notify(
            session,
            workspace_id=invitation.workspace_id,
            key=f"accepted:{invitation.id}:{who}",
            people=[person_id],
            text=text,
            now=now,
            company_id=company_id,
        )
