"""What accepting an invitation leaves: the facts returned, and both sides told."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from storage.notices import notify
from storage.tables import Invitation, Person, id_of


@dataclass(frozen=True)
class Accepted:
    kind: str  # client (a company of their own, owning the apps) | access (joined a company)
    company: str
    workspace_id: int
    company_id: int
    role: str
    apps: tuple[str, ...] = ()  # client: the apps taken over (none if deleted meanwhile)


def tell_both(
    session: Session,
    invitation: Invitation,
    invitee: Person,
    now: datetime,
    *,
    to_inviter: str,
    to_invitee: str,
    company_id: int | None,
) -> None:
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
